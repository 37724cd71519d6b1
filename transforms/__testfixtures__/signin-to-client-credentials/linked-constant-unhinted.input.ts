import { axeptioApi } from './client';
import { SIGNIN_PATH } from './paths';

export async function signIn(): Promise<string> {
  const { data } = await axeptioApi.post<{ token: string }>(SIGNIN_PATH, {
    username: process.env.AXEPTIO_USERNAME,
    password: process.env.AXEPTIO_PASSWORD,
  });
  return data.token;
}
