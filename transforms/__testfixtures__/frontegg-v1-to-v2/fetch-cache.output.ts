import { getAxeptioAccessToken } from './axeptio-token';

export async function getToken(): Promise<string> {
  return getAxeptioAccessToken();
}
