import axios from 'axios';

const SIGNIN_URL = 'https://api.axept.io/v1/auth/local/signin';

async function signIn(username: string, password: string): Promise<string> {
  const { data: { token } } = await axios.post(SIGNIN_URL, { username, password });
  return token;
}

export async function syncConsents(): Promise<void> {
  const username = process.env.AXEPTIO_USERNAME!;
  const password = process.env.AXEPTIO_PASSWORD!;
  const token = await signIn(username, password);
  await axios.post('https://api.axept.io/v1/consents/sync', {}, { headers: { Authorization: `Bearer ${token}` } });
}
