const axios = require('axios');

const AXEPTIO_SIGNIN_URL = 'https://api.axept.io/v1/auth/local/signin';

function login() {
  return axios
    .post(AXEPTIO_SIGNIN_URL, { username: process.env.AXEPTIO_USERNAME, password: process.env.AXEPTIO_PASSWORD })
    .then((r) => r.data.token);
}

module.exports = { login };
