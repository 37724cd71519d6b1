/** URL folding: every way a file builds a URL folds to the same parts. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { requestsOf, show } from './helpers.ts';

const CASES: Array<{ name: string; code: string; url: string; base?: string }> = [
  { name: 'string literal', code: `fetch('/auth/local/signin')`, url: '/auth/local/signin' },
  { name: 'concatenation', code: `const API = 'https://api.axept.io/v1';\nfetch(API + '/auth' + '/local/signin')`, url: 'https://api.axept.io/v1/auth/local/signin' },
  { name: 'template literal', code: 'const API = "https://api.axept.io";\nfetch(`${API}/auth/local/signin`)', url: 'https://api.axept.io/auth/local/signin' },
  { name: 'const chain', code: `const A = 'https://api.axept.io';\nconst B = A + '/auth';\nconst C = \`\${B}/local/signin\`;\nfetch(C)`, url: 'https://api.axept.io/auth/local/signin' },
  { name: 'array join trap', code: `const host = 'https://api.axept.io';\nfetch([host, 'auth', 'local', 'signin'].join('/'))`, url: 'https://api.axept.io/auth/local/signin' },
  { name: 'template with local object member', code: 'const service = { name: "auth" };\nfetch(`/${service.name}/local/signin`)', url: '/auth/local/signin' },
  { name: 'nested object member', code: `const config = { api: { baseUrl: 'https://api.axept.io', paths: { signin: '/auth/local/signin' } } };\nfetch(config.api.baseUrl + config.api.paths.signin)`, url: 'https://api.axept.io/auth/local/signin' },
  { name: 'element access member', code: `const paths = { 'sign-in': '/auth/local/signin' };\nfetch(paths['sign-in'])`, url: '/auth/local/signin' },
  { name: 'path.posix.join', code: `import path from 'node:path';\nfetch('https://api.axept.io' + path.posix.join('/auth', 'local', '/signin'))`, url: 'https://api.axept.io/auth/local/signin' },
  { name: 'named join from path', code: `const { join } = require('path');\nfetch(join('auth', 'local/', 'signin'))`, url: 'auth/local/signin' },
  { name: 'new URL(path, base).href', code: `fetch(new URL('/auth/local/signin', 'https://api.axept.io/v1').href)`, url: 'https://api.axept.io/auth/local/signin' },
  { name: 'process.env', code: 'fetch(`${process.env.AXEPTIO_API_URL}/auth/local/signin`)', url: '${env:AXEPTIO_API_URL}/auth/local/signin' },
  { name: 'process.env element access', code: "fetch(process.env['API'] + '/auth/local/signin')", url: '${env:API}/auth/local/signin' },
  { name: 'import.meta.env', code: 'fetch(`${import.meta.env.VITE_API}/auth/local/signin`)', url: '${env:VITE_API}/auth/local/signin' },
  { name: 'Deno.env.get', code: "fetch(Deno.env.get('AXEPTIO_URL') + '/auth/local/signin')", url: '${env:AXEPTIO_URL}/auth/local/signin' },
  { name: 'destructured env', code: "const { API_URL } = process.env;\nfetch(API_URL + '/auth/local/signin')", url: '${env:API_URL}/auth/local/signin' },
  { name: 'env with default keeps the default text', code: "const BASE = process.env.AXEPTIO_API_URL || 'https://api.axept.io';\nfetch(`${BASE}/auth/local/signin`)", url: 'https://api.axept.io/auth/local/signin' },
  { name: 'env with ?? default', code: "fetch((process.env.X ?? 'https://h') + '/auth/local/signin')", url: 'https://h/auth/local/signin' },
  { name: 'imported identifier', code: "import { SIGNIN_PATH } from './constants';\nfetch(BASE_URL + SIGNIN_PATH)", url: '${ref:BASE_URL}${ref:SIGNIN_PATH@./constants}' },
  { name: 'imported namespace member', code: "import * as C from '../config';\nfetch(C.api.base + '/auth/local/signin')", url: '${ref:C.api.base@../config}/auth/local/signin' },
  { name: 'required member', code: "const cfg = require('./cfg');\nfetch(cfg.url + '/auth/local/signin')", url: '${ref:cfg.url@./cfg}/auth/local/signin' },
  { name: 'this member from the constructor', code: "class A { constructor() { this.base = 'https://api.axept.io'; }\n signin() { return fetch(this.base + '/auth/local/signin'); } }", url: 'https://api.axept.io/auth/local/signin' },
  { name: 'class property initializer', code: "class A { base = 'https://api.axept.io';\n signin() { return fetch(`${this.base}/auth/local/signin`); } }", url: 'https://api.axept.io/auth/local/signin' },
  { name: 'constructor parameter default', code: "class A { constructor(base = 'https://api.axept.io') { this.base = base; }\n s() { return fetch(this.base + '/auth/local/signin'); } }", url: 'https://api.axept.io/auth/local/signin' },
  { name: 'String() and toString()', code: "const u = new URL('/auth/local/signin', 'https://api.axept.io');\nfetch(u.toString())", url: 'https://api.axept.io/auth/local/signin' },
  { name: 'type assertion and parentheses', code: "fetch((('/auth/local/signin' as string)))", url: '/auth/local/signin' },
  { name: 'a long + chain', code: "fetch('https://' + 'api' + '.' + 'axept' + '.' + 'io' + '/' + 'auth' + '/' + 'local' + '/' + 'sign' + 'in' + '?' + 'a' + '=' + '1')", url: 'https://api.axept.io/auth/local/signin?a=1' },
  { name: 'concat method', code: "fetch('https://api.axept.io'.concat('/auth/local/signin'))", url: 'https://api.axept.io/auth/local/signin' },
];

describe('URL folding', () => {
  for (const c of CASES) {
    it(c.name, () => {
      const [r] = requestsOf(c.code);
      assert.ok(r, 'a request');
      assert.equal(show(r.url), c.url);
      if (c.base) assert.equal(show(r.base), c.base);
    });
  }

  it('a function parameter folds to a param part', () => {
    const [r] = requestsOf(`function call(path) { return fetch('https://api.axept.io' + path); }`);
    assert.deepEqual(r!.url, [{ kind: 'text', text: 'https://api.axept.io' }, { kind: 'param', index: 0, name: 'path' }]);
  });

  it('anything else is an unknown part with short redacted text', () => {
    const [r] = requestsOf(`fetch(buildUrl('x') + '/auth/local/signin')`);
    assert.equal(r!.url[0]!.kind, 'unknown');
    assert.equal(show(r!.url), '${?}/auth/local/signin');
  });

  it('notes the env var whose default it folded, as evidence', () => {
    const [r] = requestsOf("const BASE = process.env.AXEPTIO_API_URL || 'https://api.axept.io';\nfetch(BASE + '/auth/local/signin')");
    assert.ok(r!.evidence.some((e) => e.weight === 'strong' && e.text.startsWith('env AXEPTIO_API_URL')));
  });

  it('does not loop on self-referencing consts', () => {
    const [r] = requestsOf(`const a = b + '/x'; const b = a + '/y';\nfetch(a)`);
    assert.ok(r);
  });
});
