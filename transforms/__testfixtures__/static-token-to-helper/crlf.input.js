const axios = require('axios');

const api = axios.create({
  baseURL: 'https://api.axept.io/v1',
  headers: { Authorization: `Bearer ${process.env.AXEPTIO_TOKEN}` },
});

module.exports = api;
