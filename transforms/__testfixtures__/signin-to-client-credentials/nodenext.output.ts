import { getAxeptioAccessToken } from './axeptio-token.js';

export async function axeptioBearer(): Promise<string> {
  return `Bearer ${await getAxeptioAccessToken()}`;
}
