/** Request context (browser, interactive, inTest, perRequest, inLoop, enclosingFunction) and local evidence. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, factsOf, requestsOf } from './helpers.ts';

const SIGNIN = `fetch('/auth/local/signin', { method: 'POST' })`;

describe('browser context', () => {
  const cases: Array<[string, string, string, boolean]> = [
    ['react import', `import { useState } from 'react';\n${SIGNIN};`, 'src/login.js', true],
    ["'use client'", `'use client';\n${SIGNIN};`, 'src/login.ts', true],
    ['window/localStorage use', `${SIGNIN}.then(r => r.json()).then(d => localStorage.setItem('t', d.token));`, 'src/auth.ts', true],
    ['tsx component', `export function Login() { ${SIGNIN}; return <form />; }`, 'src/Login.tsx', true],
    ['jsx under pages/', `export default function P() { ${SIGNIN}; return <div/>; }`, 'pages/login.js', true],
    ['node script', `import fs from 'node:fs';\n${SIGNIN};`, 'scripts/export.mjs', false],
    ['SSR guard typeof window is not browser proof', `if (typeof window === 'undefined') { ${SIGNIN}; }`, 'lib/x.ts', false],
  ];
  for (const [name, code, path, browser] of cases) {
    it(name, () => {
      const [r] = requestsOf(code, path);
      assert.equal(r!.context.browser === true, browser);
    });
  }

  it('relative URL without base in browser code is contrary evidence', () => {
    const [r] = requestsOf(`import React from 'react';\n${SIGNIN};`, 'src/Login.jsx');
    assert.ok(r!.evidence.some((e) => e.weight === 'contrary' && e.text.startsWith('relative URL')));
  });
});

describe('interactive context', () => {
  const cases: Array<[string, string, boolean]> = [
    ['event target values', `function onSubmit(e) { fetch('/auth/local/signin', { method: 'POST', body: JSON.stringify({ username: e.target.username.value, password: e.target.password.value }) }); }`, true],
    ['useState values', `import { useState } from 'react';\nfunction L() { const [email, setEmail] = useState(''); const [password, setPassword] = useState('');\n const go = () => fetch('/auth/local/signin', { method: 'POST', body: JSON.stringify({ email, password }) }); }`, true],
    ['this.form (Angular reactive form)', `import axios from 'axios';\nclass L { submit() { axios.post('/auth/local/signin', { username: this.loginForm.value.username }); } }`, true],
    ['prompt()', `const password = prompt('Password');\nfetch('/auth/local/signin', { method: 'POST', body: JSON.stringify({ username: 'a', password }) });`, true],
    ['req.body in a handler', `import axios from 'axios';\napp.post('/login', async (req, res) => { const { username, password } = req.body; const r = await axios.post('https://api.axept.io/auth/local/signin', { username, password }); res.json(r.data); });`, true],
    ['environment variables', `fetch('/auth/local/signin', { method: 'POST', body: JSON.stringify({ username: process.env.U, password: process.env.P }) });`, false],
  ];
  for (const [name, code, interactive] of cases) {
    it(name, () => {
      const reqs = requestsOf(code, 'src/x.ts');
      const r = reqs.find((q) => q.url.some((p) => p.kind === 'text' && p.text.includes('signin')));
      assert.equal(r!.context.interactive === true, interactive);
    });
  }
});

describe('test context', () => {
  it('by path', () => {
    assert.equal(requestsOf(SIGNIN, 'test/login.test.ts')[0]!.context.inTest, true);
    assert.equal(requestsOf(SIGNIN, 'src/__tests__/a.js')[0]!.context.inTest, true);
    assert.equal(requestsOf(SIGNIN, 'src/a.spec.ts')[0]!.context.inTest, true);
    assert.equal(requestsOf(SIGNIN, 'src/a.ts')[0]!.context.inTest, undefined);
  });
  it('by describe/it block', () => {
    const [r] = requestsOf(`describe('x', () => { it('y', async () => { await ${SIGNIN}; }); });`, 'src/check.ts');
    assert.equal(r!.context.inTest, true);
  });
});

describe('perRequest context', () => {
  it('sign-in inside an axios request interceptor', () => {
    const out = analyze(`import axios from 'axios';\nconst api = axios.create({ baseURL: 'https://api.axept.io' });\napi.interceptors.request.use(async (cfg) => { const r = await axios.post('https://api.axept.io/auth/local/signin', {}); cfg.headers.Authorization = 'Bearer ' + r.data.token; return cfg; });`);
    const signin = factsOf(out, 'request').find((r) => r.url.some((p) => p.kind === 'text' && p.text.includes('signin')));
    assert.equal(signin!.context.perRequest, true);
  });

  it('header builder called before each API request', () => {
    const code = `import axios from 'axios';\nasync function authHeaders() { const r = await axios.post(SIGNIN, creds); return { Authorization: 'Bearer ' + r.data.token }; }\nexport async function listProjects() { return axios.get('https://api.axept.io/v1/projects', { headers: await authHeaders() }); }\nconst SIGNIN = 'https://api.axept.io/auth/local/signin';`;
    const signin = requestsOf(code).find((r) => r.url.some((p) => p.kind === 'text' && p.text.includes('signin')));
    assert.equal(signin!.context.perRequest, true);
    assert.equal(signin!.context.enclosingFunction, 'authHeaders');
  });

  it('sign-in called by a header getter (the getter runs before every API call)', () => {
    const code = `import { axeptioApi } from './client';\nimport { SIGNIN_PATH } from './paths';\nexport async function signIn() { const { data } = await axeptioApi.post(SIGNIN_PATH, {}); return data.token; }\nexport async function authHeaders() { const token = await signIn(); return { Authorization: \`Bearer \${token}\` }; }`;
    const [r] = requestsOf(code);
    assert.equal(r!.context.perRequest, true);
    assert.equal(r!.context.enclosingFunction, 'signIn');
  });

  it('a wrapper call inside a header getter is a per-request CallFact', () => {
    const out = analyze(`import { apiPost } from './http';\nexport async function headers() { const r = await apiPost('/auth/local/signin', { username: process.env.U, password: process.env.P }); return { Authorization: 'Bearer ' + r.token }; }`);
    const [c] = factsOf(out, 'call');
    assert.equal(c!.context.perRequest, true);
    assert.equal(c!.context.enclosingFunction, 'headers');
  });

  it('a sign-in called from the top of a UMD wrapper is not per-request', () => {
    const [r] = requestsOf(`(function () {\n  function signIn() { return fetch('/auth/local/signin', { method: 'POST' }).then((r) => r.json()); }\n  signIn();\n  fetch('/v1/projects');\n})();`);
    assert.equal(r!.context.perRequest, undefined);
  });

  it('a one-off sign-in is not per-request', () => {
    const [r] = requestsOf(`import axios from 'axios';\nexport async function signIn() { const { data } = await axios.post('/auth/local/signin', {}); return data.token; }\nasync function main() { const t = await signIn(); console.log(t); }`);
    assert.equal(r!.context.perRequest, undefined);
  });

  it('a caching token getter is not per-request', () => {
    const code = `import axios from 'axios';\nlet token;\nasync function getToken() { if (token) return token; const r = await axios.post(SIGNIN, creds); token = r.data.token; return token; }\nexport async function listProjects() { return axios.get('/v1/projects', { headers: { Authorization: 'Bearer ' + await getToken() } }); }\nconst SIGNIN = '/auth/local/signin';`;
    const signin = requestsOf(code).find((r) => r.url.some((p) => p.kind === 'text' && p.text.includes('signin')));
    assert.equal(signin!.context.perRequest, undefined);
  });
});

describe('loops', () => {
  it('requests in for-of loops and map callbacks are inLoop', () => {
    const reqs = requestsOf(`for (const id of ids) { await fetch('/v1/projects/' + id); }\nawait Promise.all(ids.map((id) => fetch('/v1/x/' + id)));\nawait fetch('/v1/once');`);
    assert.deepEqual(reqs.map((r) => r.context.inLoop === true), [true, true, false]);
  });
});

describe('evidence', () => {
  it('Axeptio host, names and env are strong; username+password and .token are weak; localhost contrary', () => {
    const [r] = requestsOf(`import axios from 'axios';\nexport async function loginAxeptio() { const r = await axios.post('https://api.axept.io/auth/local/signin', { username: process.env.AXEPTIO_USERNAME, password: process.env.AXEPTIO_PASSWORD }); return r.data.token; }`);
    const texts = r!.evidence.map((e) => `${e.weight}:${e.text}`);
    assert.ok(texts.includes('strong:host api.axept.io in src/client.ts:2'), texts.join('\n'));
    assert.ok(texts.some((t) => t.startsWith('strong:identifier loginAxeptio')));
    assert.ok(texts.some((t) => t.startsWith('strong:env AXEPTIO_USERNAME')));
    assert.ok(texts.some((t) => t.startsWith('weak:username + password body')));
    assert.ok(texts.some((t) => t.startsWith('weak:.token read')));
    assert.equal(r!.evidence[0]!.weight, 'strong', 'strongest first');
    const [local] = requestsOf(`fetch('http://localhost:1337/auth/local/signin', { method: 'POST' })`);
    assert.ok(local!.evidence.some((e) => e.weight === 'contrary' && e.text.startsWith('host localhost')));
  });

  it('evidence inherited from an instance says where the instance is', () => {
    const [r] = requestsOf(`import axios from 'axios';\nconst api = axios.create({ baseURL: process.env.AXEPTIO_API_URL || 'https://api.axept.io/v1' });\n\napi.post('/auth/local/signin', {});`);
    const texts = r!.evidence.map((e) => e.text);
    assert.ok(texts.includes('host api.axept.io via axios instance api in src/client.ts:2'), texts.join('\n'));
    assert.ok(texts.includes('env AXEPTIO_API_URL via axios instance api in src/client.ts:2'), texts.join('\n'));
  });

  it('file evidence for an axeptio folder and @axeptio imports', () => {
    const out = analyze(`import { x } from '@axeptio/sdk';\nconst y = 1;`, 'src/axeptio/index.ts');
    const [fe] = factsOf(out, 'file-evidence');
    const texts = fe!.evidence.map((e) => e.text);
    assert.ok(texts.includes('import @axeptio/sdk in src/axeptio/index.ts'));
    assert.ok(texts.includes('path segment axeptio in src/axeptio/index.ts'));
    assert.deepEqual(factsOf(analyze(`const y = 1;`, 'src/other.ts'), 'file-evidence'), []);
  });
});
