const { getAxeptioAccessToken } = require('./axeptio-token.cjs');

module.exports.getToken = async function getToken() {
  return getAxeptioAccessToken();
};
