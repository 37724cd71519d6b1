import { getAxeptioAccessToken } from './axeptio-token.js';

const state = { token: null, signedInAt: 0 };

export async function refreshAxeptioSession() {
  const token = await getAxeptioAccessToken();
  state.token = token;
  state.signedInAt = Date.now();
  console.log('token length', token.length);
}
