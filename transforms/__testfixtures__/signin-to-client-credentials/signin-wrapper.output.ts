import axios from 'axios';
import { getAxeptioAccessToken } from './axeptio-token';

export async function syncConsents(): Promise<void> {
  const token = await getAxeptioAccessToken();
  await axios.post('https://api.axept.io/v1/consents/sync', {}, { headers: { Authorization: `Bearer ${token}` } });
}
