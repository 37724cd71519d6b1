/**
 * Axeptio sync worker (license header kept on top).
 */
const fetch = require('node-fetch');
const { axeptio } = require('./settings');

async function login() {
  const response = await fetch(`${axeptio.url}/auth/local/signin`, {
    method: 'POST',
    body: JSON.stringify({ username: axeptio.user, password: axeptio.password }),
  });
  return (await response.json()).token;
}

module.exports = { login };
