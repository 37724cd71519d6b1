import axios from 'axios';
import { getAxeptioAccessToken } from './axeptio-token.js';

export async function stats(projectId) {
  return axios.get(`https://api.axept.io/v1/projects/${projectId}/stats`, {
    headers: { Authorization: `Bearer ${await getAxeptioAccessToken()}` },
  });
}
