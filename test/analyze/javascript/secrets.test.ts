/** Secrets are described by kind and span only, never by value; env reads are facts of their own. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, factsOf } from './helpers.ts';

const JWT = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dBjftJeZ4CVPmB92K27uhbUJU1p1r_wW1gFWFOEjXk';

const SECRETS: Array<{ name: string; code: string; value: string; kind: string; boundTo: string }> = [
  { name: 'password property', code: `const creds = { username: 'bob', password: 'S3cr3t-Pass!' };`, value: 'S3cr3t-Pass!', kind: 'password', boundTo: 'password' },
  { name: 'AXEPTIO_PASSWORD const', code: `const AXEPTIO_PASSWORD = 'hunter2hunter';`, value: 'hunter2hunter', kind: 'password', boundTo: 'AXEPTIO_PASSWORD' },
  { name: 'clientSecret assignment', code: `config.clientSecret = 'a8f7d6e5c4b3a291';`, value: 'a8f7d6e5c4b3a291', kind: 'client-secret', boundTo: 'clientSecret' },
  { name: 'client_secret in JSON-ish object', code: `post({ "client_secret": "zx81-very-secret-value" });`, value: 'zx81-very-secret-value', kind: 'client-secret', boundTo: 'client_secret' },
  { name: 'refresh_token', code: `const body = { refresh_token: 'def50200a1b2c3d4e5f6' };`, value: 'def50200a1b2c3d4e5f6', kind: 'refresh-token', boundTo: 'refresh_token' },
  { name: 'apiKey', code: `const apiKey = 'AKx7-99887766554433';`, value: 'AKx7-99887766554433', kind: 'api-key', boundTo: 'apiKey' },
  { name: 'JWT anywhere', code: `call('${JWT}');`, value: JWT, kind: 'jwt', boundTo: 'literal' },
  { name: 'Bearer literal in Authorization', code: `fetch(u, { headers: { Authorization: 'Bearer abcdef0123456789xyz' } });`, value: 'abcdef0123456789xyz', kind: 'access-token', boundTo: 'Authorization header' },
  { name: 'password inside a form string', code: `const body = 'grant_type=password&username=bob&password=Tr0ub4dor';`, value: 'Tr0ub4dor', kind: 'password', boundTo: 'password' },
  { name: 'default parameter', code: `function login(user, password = 'letmein99') {}`, value: 'letmein99', kind: 'password', boundTo: 'password' },
];

describe('secret detection', () => {
  for (const c of SECRETS) {
    it(c.name, () => {
      const out = analyze(c.code);
      const [s] = factsOf(out, 'secret');
      assert.ok(s, 'a secret fact');
      assert.equal(s.secretKind, c.kind);
      assert.equal(s.boundTo, c.boundTo);
      assert.equal(JSON.stringify(out).includes(c.value), false, 'the value never appears in any fact');
      const line = c.code.split('\n')[s.span.line - 1]!;
      assert.ok(line.slice(s.span.column - 1, s.span.endColumn - 1).includes(c.value), 'span covers the literal');
    });
  }

  it('no secret facts for placeholders, env reads, labels, types and empty strings', () => {
    const code = [
      `const a = { password: process.env.AXEPTIO_PASSWORD };`,
      `const b = { password: '' , secret: 'changeme', clientSecret: '<your-secret>', token: '\${TOKEN}' };`,
      `const c = { passwordLabel: 'Mot de passe', showSecret: 'Show secret', type: 'password' };`,
      `const d = { password: 'Enter your password' };`,
      `const e = { resetPasswordUrl: '/reset-password', passwordKey: 'auth.password' };`,
      `const f = { csrfToken: 'abcdefabcdefabcdef' };`,
      `const g = { accessToken: 'short' };`,
      `headers.set('Authorization', \`Bearer \${token}\`);`,
    ].join('\n');
    assert.deepEqual(factsOf(analyze(code), 'secret'), []);
  });

  it('request bodies, headers, bindings and calls keep that a literal was there, never its value', () => {
    const code = [
      `import axios from 'axios';`,
      `axios.post('https://api.axept.io/auth/local/signin', { username: 'bob', password: 'Very-S3cret-Value' }, { headers: { Authorization: 'Bearer ${JWT}' } });`,
      `export const creds = { user: 'bob', clientSecret: 'Another-S3cret-Value' };`,
      `function apiPost(p, b) { return fetch(p, { method: 'POST', body: JSON.stringify(b) }); }`,
      `apiPost('/auth/local/signin', { username: 'bob', password: 'Third-S3cret-Value' });`,
      `fetch(buildUrl('x', 'password=Fourth-S3cret') + '/auth/local/signin');`,
    ].join('\n');
    const out = analyze(code);
    const json = JSON.stringify(out);
    for (const v of ['Very-S3cret-Value', 'Another-S3cret-Value', 'Third-S3cret-Value', 'Fourth-S3cret', JWT.slice(0, 30)]) assert.equal(json.includes(v), false, v);
    const [r] = factsOf(out, 'request');
    assert.deepEqual(r!.body!.fields.password, [{ kind: 'text', text: '«redacted»' }]);
    assert.deepEqual(r!.body!.fields.username, [{ kind: 'text', text: 'bob' }], 'non-secret fields stay readable');
    assert.equal(factsOf(out, 'secret').length >= 3, true);
  });
});

describe('env reads', () => {
  it('process.env, element access, import.meta.env, Deno.env.get, destructuring', () => {
    const out = analyze(`const a = process.env.AXEPTIO_USERNAME;\nconst b = process.env['AXEPTIO_PASSWORD'];\nconst c = import.meta.env.VITE_AXEPTIO_URL;\nconst d = Deno.env.get('DENO_X');\nconst { AXEPTIO_CLIENT_ID, AXEPTIO_CLIENT_SECRET: s } = process.env;`);
    assert.deepEqual(factsOf(out, 'env-read').map((e) => e.name), ['AXEPTIO_USERNAME', 'AXEPTIO_PASSWORD', 'VITE_AXEPTIO_URL', 'DENO_X', 'AXEPTIO_CLIENT_ID', 'AXEPTIO_CLIENT_SECRET']);
    const [first] = factsOf(out, 'env-read');
    assert.deepEqual([first!.span.line, first!.span.column], [1, 11]);
  });
});
