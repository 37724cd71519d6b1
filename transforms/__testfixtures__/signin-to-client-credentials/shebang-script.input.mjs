#!/usr/bin/env node
// Prints a fresh Axeptio token for manual API calls.
const API = process.env.AXEPTIO_API_URL;

const res = await fetch(`${API}/auth/local/signin`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ username: process.env.AXEPTIO_USERNAME, password: process.env.AXEPTIO_PASSWORD }),
});
console.log((await res.json()).token);
