'use strict';
const axios = require('axios');
const { getAxeptioAccessToken } = require('./axeptio-token.cjs');

const api = axios.create({ baseURL: 'https://api.axept.io/v1' });

async function authenticate() {
  api.defaults.headers.common.Authorization = `Bearer ${await getAxeptioAccessToken()}`;
}

async function projects() {
  await authenticate();
  const { data } = await api.get('/projects');
  return data;
}

module.exports = { projects };
