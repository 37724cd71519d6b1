import axios from 'axios';
import { getAxeptioAccessToken } from './axeptio-token.js';

export async function cookies(projectId) {
  const { data } = await axios.get(`${process.env.AXEPTIO_API_URL}/projects/${projectId}/cookies`, {
    headers: { Authorization: `Bearer ${await getAxeptioAccessToken()}` },
  });
  return data;
}
