import axios from 'axios';
import { getAxeptioAccessToken } from './axeptio-token';

export async function projects() {
  return axios.get('https://api.axept.io/v1/projects', { headers: { Authorization: `Bearer ${await getAxeptioAccessToken()}` } });
}

export async function legacyToken() {
  return getAxeptioAccessToken();
}
