import axios from 'axios';
import type { Config } from './config.js';

let cachedToken: string | null = null;

export async function axeptioToken(config: Config): Promise<string> {
  if (cachedToken) return cachedToken;
  const { data } = await axios.post<{ token: string }>(`${config.axeptioApiUrl}/auth/local/signin`, {
    username: config.axeptioUsername,
    password: config.axeptioPassword,
  });
  cachedToken = data.token;
  return cachedToken;
}
