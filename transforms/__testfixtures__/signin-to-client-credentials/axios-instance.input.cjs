'use strict';
const axios = require('axios');

const api = axios.create({ baseURL: 'https://api.axept.io/v1' });

async function authenticate() {
  const { data } = await api.post('/auth/local/signin', {
    username: process.env.AXEPTIO_USERNAME,
    password: process.env.AXEPTIO_PASSWORD,
  });
  api.defaults.headers.common.Authorization = `Bearer ${data.token}`;
}

async function projects() {
  await authenticate();
  const { data } = await api.get('/projects');
  return data;
}

module.exports = { projects };
