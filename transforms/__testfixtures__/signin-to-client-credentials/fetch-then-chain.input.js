import { readConfig } from './config.js';

const config = readConfig();

export function fetchAxeptioToken() {
  return fetch(`${config.axeptio.apiUrl}/auth/local/signin`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: config.axeptio.username, password: config.axeptio.password }),
  })
    .then((res) => res.json())
    .then((body) => body.token);
}
