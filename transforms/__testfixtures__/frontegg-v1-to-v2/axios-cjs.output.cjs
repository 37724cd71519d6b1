const axios = require('axios');
const { getAxeptioAccessToken } = require('./axeptio-token.cjs');

async function listProjects() {
  const token = await getAxeptioAccessToken();
  return axios.get('https://api.axept.io/v1/projects', { headers: { Authorization: `Bearer ${token}` } });
}

module.exports = { listProjects };
