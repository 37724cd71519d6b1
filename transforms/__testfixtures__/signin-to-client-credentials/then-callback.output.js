const { getAxeptioAccessToken } = require('./axeptio-token');

class AxeptioSession {
  start() {
    return getAxeptioAccessToken()
      .then((token) => {
        this.token = token;
        this.ready = true;
      });
  }
}

module.exports = AxeptioSession;
