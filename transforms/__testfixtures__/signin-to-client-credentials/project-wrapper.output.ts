import { getAxeptioAccessToken } from './axeptio-token.js';

export async function axeptioSession(): Promise<string> {
  return getAxeptioAccessToken();
}
