const axios = require('axios');

class AxeptioSession {
  start() {
    return axios
      .post('https://api.axept.io/v1/auth/local/signin', { username: process.env.AXEPTIO_USERNAME, password: process.env.AXEPTIO_PASSWORD })
      .then((response) => {
        this.token = response.data.token;
        this.ready = true;
      });
  }
}

module.exports = AxeptioSession;
