const axios = require('axios');

axios.defaults.baseURL = process.env.AXEPTIO_API_URL;
axios.defaults.headers.common.Authorization = 'Bearer ' + process.env.AXEPTIO_API_TOKEN;

module.exports.vendors = (projectId) => axios.get(`/vendors/${projectId}`);
