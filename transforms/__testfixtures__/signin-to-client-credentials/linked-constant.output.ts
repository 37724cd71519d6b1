import { getAxeptioAccessToken } from './axeptio-token';

export async function signIn(): Promise<string> {
  return getAxeptioAccessToken();
}
