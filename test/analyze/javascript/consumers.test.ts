/** Response consumers (which token field is read) and tokens cached without expiry. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { requestsOf } from './helpers.ts';

const CONSUMERS: Array<{ name: string; code: string; field: string | undefined }> = [
  { name: 'await res.json() then .token', code: `async function f() { const res = await fetch('/auth/local/signin', { method: 'POST' });\n const data = await res.json();\n return data.token; }`, field: 'token' },
  { name: 'axios res.data.token', code: `import axios from 'axios';\nasync function f() { const res = await axios.post('/auth/local/signin', {}); return res.data.token; }`, field: 'token' },
  { name: 'destructuring { data: { token } }', code: `import axios from 'axios';\nasync function f() { const { data: { token } } = await axios.post('/auth/local/signin', {}); return token; }`, field: 'token' },
  { name: 'destructuring { token } from json()', code: `async function f() { const { token } = await (await fetch('/auth/local/signin')).json(); return token; }`, field: 'token' },
  { name: '.then(r => r.data.token)', code: `import axios from 'axios';\nfunction f() { return axios.post('/auth/local/signin', {}).then(r => r.data.token); }`, field: 'token' },
  { name: '.then(r => r.json()).then(d => d.access_token)', code: `fetch('/token', { method: 'POST' }).then(r => r.json()).then(d => d.access_token);`, field: 'access_token' },
  { name: 'accessToken from a v1 exchange', code: `import axios from 'axios';\nconst { data } = await axios.post('https://x/identity/resources/auth/v1/api-token', {});\nconst t = data.accessToken;`, field: 'accessToken' },
  { name: 'helper returning res.data, caller reads .token', code: `import axios from 'axios';\nfunction signin() { return axios.post('/auth/local/signin', {}).then(r => r.data); }\nasync function g() { const d = await signin(); return d.token; }`, field: 'token' },
  { name: 'Nest firstValueFrom', code: `import { HttpService } from '@nestjs/axios';\nclass C { constructor(private h: HttpService) {}\n async t() { const r = await firstValueFrom(this.h.post('/auth/local/signin', {})); return r.data.token; } }`, field: 'token' },
  { name: 'Angular pipe(map(...))', code: `import { HttpClient } from '@angular/common/http';\nclass C { constructor(private http: HttpClient) {}\n t() { return this.http.post('/auth/local/signin', {}).pipe(map((r) => r.token)); } }`, field: 'token' },
  { name: 'XHR JSON.parse(xhr.responseText).token', code: `const xhr = new XMLHttpRequest();\nxhr.onload = () => { const t = JSON.parse(xhr.responseText).token; };\nxhr.open('POST', '/auth/local/signin');\nxhr.send('{}');`, field: 'token' },
  { name: 'no token read', code: `fetch('/auth/local/signin').then(r => r.status);`, field: undefined },
];

describe('response token field', () => {
  for (const c of CONSUMERS) {
    it(c.name, () => {
      const [r] = requestsOf(c.code);
      assert.equal(r!.responseTokenField, c.field);
    });
  }
});

describe('tokenCachedWithoutExpiry', () => {
  it('module-level variable reused with no expiry tracking', () => {
    const [r] = requestsOf(`import axios from 'axios';\nlet cachedToken = null;\nexport async function getToken() {\n  if (cachedToken) return cachedToken;\n  const res = await axios.post('https://api.axept.io/auth/local/signin', { username: 'u', password: process.env.P });\n  cachedToken = res.data.token;\n  return cachedToken;\n}`);
    assert.equal(r!.tokenCachedWithoutExpiry, true);
  });

  it('class field reused with no expiry tracking', () => {
    const [r] = requestsOf(`import axios from 'axios';\nclass A { async token() { if (!this.jwt) { const { data } = await axios.post('/auth/local/signin', {}); this.jwt = data.token; } return this.jwt; } }`);
    assert.equal(r!.tokenCachedWithoutExpiry, true);
  });

  it('expiry tracking in the file clears the flag', () => {
    const [r] = requestsOf(`import axios from 'axios';\nlet cache; let expiresAt = 0;\nexport async function getToken() {\n  if (cache && Date.now() < expiresAt) return cache;\n  const res = await axios.post('/auth/local/signin', {});\n  cache = res.data.token; expiresAt = Date.now() + 3600e3;\n  return cache;\n}`);
    assert.equal(r!.tokenCachedWithoutExpiry, undefined);
  });

  it('a token returned without being stored is not cached', () => {
    const [r] = requestsOf(`import axios from 'axios';\nexport async function getToken() { const res = await axios.post('/auth/local/signin', {}); return res.data.token; }`);
    assert.equal(r!.tokenCachedWithoutExpiry, undefined);
  });
});
