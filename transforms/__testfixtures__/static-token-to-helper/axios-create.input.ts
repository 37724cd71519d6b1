import axios from 'axios';

const AXEPTIO_TOKEN = process.env.AXEPTIO_TOKEN;

export const axeptio = axios.create({
  baseURL: 'https://api.axept.io/v1',
  timeout: 10_000,
  headers: { Authorization: `Bearer ${AXEPTIO_TOKEN}`, Accept: 'application/json' },
});

export async function projects() {
  const { data } = await axeptio.get('/projects');
  return data;
}
