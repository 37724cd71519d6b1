import { request } from '../lib/http.js';

export async function axeptioSession(): Promise<string> {
  const body = await request('POST', '/auth/local/signin', {
    username: process.env.AXEPTIO_USERNAME,
    password: process.env.AXEPTIO_PASSWORD,
  });
  return body.token;
}
