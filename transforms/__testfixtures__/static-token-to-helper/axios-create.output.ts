import axios from 'axios';
import { getAxeptioAccessToken } from './axeptio-token';

export const axeptio = axios.create({
  baseURL: 'https://api.axept.io/v1',
  timeout: 10_000,
  headers: { Accept: 'application/json' },
});

axeptio.interceptors.request.use(async (config) => {
  config.headers.Authorization = `Bearer ${await getAxeptioAccessToken()}`;
  return config;
});

export async function projects() {
  const { data } = await axeptio.get('/projects');
  return data;
}
