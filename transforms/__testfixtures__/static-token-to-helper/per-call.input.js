import axios from 'axios';

const config = { axeptio: { token: process.env.AXEPTIO_TOKEN } };

export async function stats(projectId) {
  return axios.get(`https://api.axept.io/v1/projects/${projectId}/stats`, {
    headers: { Authorization: `Bearer ${config.axeptio.token}` },
  });
}
