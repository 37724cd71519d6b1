import axios from 'axios';
import { logger } from './logger';

const AXEPTIO_API = 'https://api.axept.io/v1';

export async function getAxeptioToken(): Promise<string> {
  logger.info('signing in to Axeptio');
  const response = await axios.post<{ token: string }>(`${AXEPTIO_API}/auth/local/signin`, {
    username: process.env.AXEPTIO_USERNAME,
    password: process.env.AXEPTIO_PASSWORD,
  });
  return response.data.token;
}

export async function listProjects() {
  const token = await getAxeptioToken();
  return axios.get(`${AXEPTIO_API}/projects`, { headers: { Authorization: `Bearer ${token}` } });
}
