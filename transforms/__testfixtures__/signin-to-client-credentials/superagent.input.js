import superagent from 'superagent';

export async function axeptioToken() {
  const res = await superagent
    .post('https://api.axept.io/v1/auth/local/signin')
    .set('Accept', 'application/json')
    .send({ username: process.env.AXEPTIO_USERNAME, password: process.env.AXEPTIO_PASSWORD });
  return res.body.token;
}
