const { getAxeptioAccessToken } = require('./axeptio-token');

function login() {
  return getAxeptioAccessToken();
}

module.exports = { login };
