import axios from 'axios';
import { getAxeptioAccessToken } from './axeptio-token';

export async function projects() {
  return axios.get('https://api.axept.io/v1/projects', { headers: { Authorization: `Bearer ${await getAxeptioAccessToken()}` } });
}

export async function legacyToken() {
  const res = await axios.post('https://api.axept.io/v1/auth/local/signin', { username: process.env.AXEPTIO_USERNAME, password: process.env.AXEPTIO_PASSWORD });
  return res.data.token;
}
