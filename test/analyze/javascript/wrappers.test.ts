/** Wrappers (functions forwarding a parameter as URL) and the calls that may reach them. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, factsOf, show, showFields } from './helpers.ts';

describe('wrappers', () => {
  it('function declaration with base + param URL', () => {
    const out = analyze(`const BASE = 'https://api.axept.io/v1';\nexport function apiPost(path, body) {\n  return fetch(BASE + path, { method: 'POST', body: JSON.stringify(body) });\n}`);
    const [w] = factsOf(out, 'wrapper');
    assert.equal(w!.name, 'apiPost');
    assert.equal(w!.exported, true);
    assert.equal(w!.urlParam, 0);
    assert.equal(w!.method, 'POST');
    assert.equal(w!.client, 'fetch');
    assert.equal(show(w!.base), 'https://api.axept.io/v1');
    assert.equal(w!.span.line, 2);
  });

  it('arrow const, second parameter, instance base', () => {
    const out = analyze(`import axios from 'axios';\nconst http = axios.create({ baseURL: 'https://api.axept.io' });\nconst call = (method, url) => http.request({ method, url });\nmodule.exports = { call };`);
    const [w] = factsOf(out, 'wrapper');
    assert.equal(w!.name, 'call');
    assert.equal(w!.urlParam, 1);
    assert.equal(w!.exported, true);
    assert.equal(show(w!.base), 'https://api.axept.io');
  });

  it('methods of exported objects and classes are named as called', () => {
    const out = analyze(`export const api = { post(path, data) { return fetch('/api' + path, { method: 'POST' }); } };\nexport class Client { get(p) { return fetch(p); } }`);
    const names = factsOf(out, 'wrapper').map((w) => `${w.name}:${w.exported}`).sort();
    assert.deepEqual(names, ['Client.get:true', 'api.post:true']);
  });

  it('a function whose URL is a literal is not a wrapper', () => {
    assert.deepEqual(factsOf(analyze(`function signin(u) { return fetch('/auth/local/signin', { method: 'POST', body: u }); }`), 'wrapper'), []);
  });
});

describe('calls', () => {
  it('local wrapper call with a path and a credentials object', () => {
    const out = analyze(`function apiPost(path, body) { return fetch('https://h' + path, { method: 'POST', body: JSON.stringify(body) }); }\napiPost('/auth/local/signin', { username: process.env.AXEPTIO_USERNAME, password: process.env.AXEPTIO_PASSWORD });`);
    const [c] = factsOf(out, 'call');
    assert.equal(c!.callee.name, 'apiPost');
    assert.equal(show(c!.args[0]), '/auth/local/signin');
    assert.deepEqual(showFields(c!.bodyFields), { username: '${env:AXEPTIO_USERNAME}', password: '${env:AXEPTIO_PASSWORD}' });
  });

  it('imported callee keeps its module; member calls keep the member path', () => {
    const out = analyze(`import { apiPost } from './http';\nimport * as client from '../client';\napiPost(SIGNIN);\nclient.auth.call('/auth/local/signin');\nimport { SIGNIN } from './paths';`);
    const calls = factsOf(out, 'call');
    assert.deepEqual(calls.map((c) => [c.callee.name, c.callee.from, c.callee.member?.join('.')]), [
      ['apiPost', './http', undefined],
      ['client', '../client', 'auth.call'],
    ]);
  });

  it('this.method() inside a class is reported against the class name', () => {
    const [c] = factsOf(analyze(`class Api { request(p) { return fetch(p); }\n login() { return this.request('/auth/local/signin'); } }`), 'call');
    assert.deepEqual(c!.callee, { name: 'Api', member: ['request'] });
  });

  it('keeps facts small: no CallFact for package functions, globals or argument-less calls', () => {
    const out = analyze(`import { join } from 'lodash';\njoin('/a', '/b');\nconsole.log('/x');\nfoo('/x');\nfunction local(a) { return a; }\nlocal(1);\nlocal('plain');`);
    assert.deepEqual(factsOf(out, 'call'), []);
  });
});
