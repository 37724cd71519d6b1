import axios from 'axios';
import { settings } from './settings.js';

export async function axeptioBearer(): Promise<string> {
  const response = await axios({
    method: 'post',
    url: `${settings.axeptio.baseUrl}/auth/local/signin`,
    data: { username: settings.axeptio.username, password: settings.axeptio.password },
  });
  return `Bearer ${response.data.token}`;
}
