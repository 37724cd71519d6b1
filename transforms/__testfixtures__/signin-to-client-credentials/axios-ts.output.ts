import axios from 'axios';
import { logger } from './logger';
import { getAxeptioAccessToken } from './axeptio-token';

const AXEPTIO_API = 'https://api.axept.io/v1';

export async function getAxeptioToken(): Promise<string> {
  logger.info('signing in to Axeptio');
  return getAxeptioAccessToken();
}

export async function listProjects() {
  const token = await getAxeptioToken();
  return axios.get(`${AXEPTIO_API}/projects`, { headers: { Authorization: `Bearer ${token}` } });
}
