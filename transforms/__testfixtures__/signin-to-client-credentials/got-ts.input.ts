import got from 'got';

const { AXEPTIO_USERNAME, AXEPTIO_PASSWORD, AXEPTIO_API_URL } = process.env;

export async function token(): Promise<string> {
  const { token } = await got
    .post(`${AXEPTIO_API_URL}/auth/local/signin`, { json: { username: AXEPTIO_USERNAME, password: AXEPTIO_PASSWORD } })
    .json<{ token: string }>();
  return token;
}

export async function vendors(projectId: string) {
  return got(`${AXEPTIO_API_URL}/vendors/${projectId}`, { headers: { authorization: `Bearer ${await token()}` } }).json();
}
