const axios = require('axios');

const tokenUrl = `${process.env.FRONTEGG_URL}/identity/resources/auth/v1/api-token`;

async function axeptioAccessToken() {
  const response = await axios.post(tokenUrl, {
    clientId: process.env.AXEPTIO_CLIENT_ID,
    secret: process.env.AXEPTIO_CLIENT_SECRET,
  });
  return response.data.accessToken;
}

async function listProjects() {
  const token = await axeptioAccessToken();
  return axios.get('https://api.axept.io/v1/projects', { headers: { Authorization: `Bearer ${token}` } });
}

module.exports = { listProjects };
