const axios = require('axios');
const { getAxeptioAccessToken } = require('./axeptio-token');

const api = axios.create({
  baseURL: 'https://api.axept.io/v1'
});

api.interceptors.request.use(async (config) => {
  config.headers.Authorization = `Bearer ${await getAxeptioAccessToken()}`;
  return config;
});

module.exports = api;
