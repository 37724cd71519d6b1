/**
 * Axeptio sync worker (license header kept on top).
 */
const { getAxeptioAccessToken } = require('./axeptio-token.cjs');

async function login() {
  return getAxeptioAccessToken();
}

module.exports = { login };
