const axios = require('axios');
const { getAxeptioAccessToken } = require('./axeptio-token.cjs');

axios.defaults.baseURL = process.env.AXEPTIO_API_URL;
axios.interceptors.request.use(async (config) => {
  config.headers.Authorization = `Bearer ${await getAxeptioAccessToken()}`;
  return config;
});

module.exports.vendors = (projectId) => axios.get(`/vendors/${projectId}`);
