import got from 'got';
import { getAxeptioAccessToken } from './axeptio-token';

const { AXEPTIO_API_URL } = process.env;

export async function token(): Promise<string> {
  return getAxeptioAccessToken();
}

export async function vendors(projectId: string) {
  return got(`${AXEPTIO_API_URL}/vendors/${projectId}`, { headers: { authorization: `Bearer ${await token()}` } }).json();
}
