import { getAxeptioAccessToken } from './axeptio-token.js';

export async function axeptioToken() {
  return getAxeptioAccessToken();
}
