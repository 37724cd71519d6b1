/** Every recognised HTTP client yields one RequestFact with client, method, URL, body and headers. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { requestsOf, show, showFields } from './helpers.ts';

interface Case {
  name: string;
  code: string;
  path?: string;
  client: string;
  method?: string;
  url: string;
  base?: string;
  encoding?: string;
  fields?: Record<string, string>;
  headers?: Record<string, string>;
  instance?: string;
}

const CASES: Case[] = [
  {
    name: 'global fetch with JSON body',
    code: `fetch('https://api.axept.io/v1/auth/local/signin', { method: 'post', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username: u, password: p }) });`,
    client: 'fetch', method: 'POST', url: 'https://api.axept.io/v1/auth/local/signin', encoding: 'json',
    fields: { username: '${ref:u}', password: '${ref:p}' }, headers: { 'content-type': 'application/json' },
  },
  {
    name: 'node-fetch default import',
    code: `import fetch from 'node-fetch';\nawait fetch(URL_X, { method: 'POST', body: new URLSearchParams({ grant_type: 'password' }) });\nconst URL_X = '/auth/local/signin';`,
    client: 'fetch', method: 'POST', url: '/auth/local/signin', encoding: 'form', fields: { grant_type: 'password' },
  },
  {
    name: 'fetch with new URL(path, base)',
    code: `const base = 'https://api.axept.io';\nfetch(new URL('/auth/local/signin', base), { method: 'POST' });`,
    client: 'fetch', method: 'POST', url: '/auth/local/signin', base: 'https://api.axept.io',
  },
  {
    name: 'undici request',
    code: `import { request } from 'undici';\nawait request('https://h/auth/local/signin', { method: 'POST', body: JSON.stringify({ username: 'a' }) });`,
    client: 'undici', method: 'POST', url: 'https://h/auth/local/signin', encoding: 'json', fields: { username: 'a' },
  },
  {
    name: 'axios(cfg)',
    code: `import axios from 'axios';\naxios({ method: 'post', url: '/auth/local/signin', baseURL: 'https://api.axept.io', data: { username: 'a', password: p } });`,
    client: 'axios', method: 'POST', url: '/auth/local/signin', base: 'https://api.axept.io', encoding: 'json', fields: { username: 'a', password: '${ref:p}' },
  },
  {
    name: 'axios(url, cfg)',
    code: `const axios = require('axios');\naxios('/auth/local/signin', { method: 'POST', data: body });`,
    client: 'axios', method: 'POST', url: '/auth/local/signin',
  },
  {
    name: 'axios.post(url, data, cfg) with headers',
    code: `import axios from 'axios';\naxios.post('https://x/auth/local/signin', { email, password }, { headers: { Authorization: 'Bearer ' + process.env.TOKEN } });`,
    client: 'axios', method: 'POST', url: 'https://x/auth/local/signin', fields: { email: '${ref:email}', password: '${ref:password}' },
    headers: { authorization: 'Bearer ${env:TOKEN}' },
  },
  {
    name: 'axios.request(cfg) defaults to GET',
    code: `import axios from 'axios';\naxios.request({ url: '/v1/projects' });`,
    client: 'axios', method: 'GET', url: '/v1/projects',
  },
  {
    name: 'axios instance call',
    code: `import axios from 'axios';\nconst api = axios.create({ baseURL: 'https://api.axept.io/v1' });\napi.post('/auth/local/signin', { username: 'u' });`,
    client: 'axios', method: 'POST', url: '/auth/local/signin', base: 'https://api.axept.io/v1', instance: 'api',
  },
  {
    name: 'imported instance call (resolved by link)',
    code: `import { api } from './http';\napi.post('/auth/local/signin', { username: 'u' });`,
    client: 'unknown', method: 'POST', url: '/auth/local/signin', instance: 'api',
  },
  {
    name: 'got with json and prefixUrl',
    code: `import got from 'got';\nawait got.post('auth/local/signin', { prefixUrl: 'https://api.axept.io', json: { username: 'u', password: p } }).json();`,
    client: 'got', method: 'POST', url: 'auth/local/signin', base: 'https://api.axept.io', encoding: 'json', fields: { username: 'u', password: '${ref:p}' },
  },
  {
    name: 'got.extend instance with form',
    code: `import got from 'got';\nconst client = got.extend({ prefixUrl: 'https://sso.example/realms/x' });\nclient.post('protocol/openid-connect/token', { form: { grant_type: 'password', username: 'u' } });`,
    client: 'got', method: 'POST', url: 'protocol/openid-connect/token', base: 'https://sso.example/realms/x', encoding: 'form', fields: { grant_type: 'password', username: 'u' }, instance: 'client',
  },
  {
    name: 'ky',
    code: `import ky from 'ky';\nky.post('https://api.axept.io/auth/local/signin', { json: { username: 'u' } });`,
    client: 'ky', method: 'POST', url: 'https://api.axept.io/auth/local/signin', encoding: 'json', fields: { username: 'u' },
  },
  {
    name: 'ky.create instance',
    code: `import ky from 'ky';\nconst http = ky.create({ prefixUrl: 'https://api.axept.io' });\nhttp.post('auth/local/signin', { json: {} });`,
    client: 'ky', method: 'POST', url: 'auth/local/signin', base: 'https://api.axept.io', instance: 'http',
  },
  {
    name: 'superagent chain',
    code: `import request from 'superagent';\nconst res = await request.post('https://api.axept.io/auth/local/signin').send({ username: 'u', password: p }).set('Authorization', 'Bearer x');`,
    client: 'superagent', method: 'POST', url: 'https://api.axept.io/auth/local/signin', encoding: 'json', fields: { username: 'u', password: '${ref:p}' },
    headers: { authorization: 'Bearer x' },
  },
  {
    name: 'superagent form type',
    code: `const superagent = require('superagent');\nsuperagent.post(TOKEN_URL).type('form').send({ grant_type: 'password' });\nconst TOKEN_URL = 'https://kc/protocol/openid-connect/token';`,
    client: 'superagent', method: 'POST', url: 'https://kc/protocol/openid-connect/token', encoding: 'form', fields: { grant_type: 'password' },
  },
  {
    name: 'request with options',
    code: `const request = require('request');\nrequest({ uri: 'https://api.axept.io/auth/local/signin', method: 'POST', json: { username: 'u' } }, (err, res, body) => {});`,
    client: 'request', method: 'POST', url: 'https://api.axept.io/auth/local/signin', encoding: 'json', fields: { username: 'u' },
  },
  {
    name: 'request-promise post with form',
    code: `const rp = require('request-promise');\nrp.post({ url: 'https://kc/token', form: { grant_type: 'password', username: 'u' } });`,
    client: 'request', method: 'POST', url: 'https://kc/token', encoding: 'form', fields: { grant_type: 'password', username: 'u' },
  },
  {
    name: 'XMLHttpRequest open + send + setRequestHeader',
    code: `const xhr = new XMLHttpRequest();\nxhr.open('POST', '/auth/local/signin');\nxhr.setRequestHeader('Content-Type', 'application/json');\nxhr.send(JSON.stringify({ username: 'u', password: p }));`,
    client: 'xhr', method: 'POST', url: '/auth/local/signin', encoding: 'json', fields: { username: 'u', password: '${ref:p}' }, headers: { 'content-type': 'application/json' },
  },
  {
    name: 'jQuery $.ajax',
    code: `$.ajax({ url: 'https://api.axept.io/auth/local/signin', type: 'POST', data: { username: 'u', password: p } });`,
    client: 'jquery', method: 'POST', url: 'https://api.axept.io/auth/local/signin', encoding: 'form', fields: { username: 'u', password: '${ref:p}' },
  },
  {
    name: 'jQuery $.post',
    code: `jQuery.post('/auth/local/signin', { username: 'u' }, function (data) {});`,
    client: 'jquery', method: 'POST', url: '/auth/local/signin', encoding: 'form', fields: { username: 'u' },
  },
  {
    name: 'Angular HttpClient injected in the constructor',
    code: `import { HttpClient, HttpHeaders } from '@angular/common/http';\nexport class AuthService {\n  constructor(private http: HttpClient) {}\n  login() { return this.http.post('https://api.axept.io/auth/local/signin', { username: 'u' }, { headers: new HttpHeaders({ 'X-A': '1' }) }); }\n}`,
    client: 'angular', method: 'POST', url: 'https://api.axept.io/auth/local/signin', encoding: 'json', fields: { username: 'u' }, headers: { 'x-a': '1' },
  },
  {
    name: 'Angular inject(HttpClient) field',
    code: `import { inject } from '@angular/core';\nimport { HttpClient } from '@angular/common/http';\nexport class S { private http = inject(HttpClient);\n  get() { return this.http.get('/v1/projects'); } }`,
    client: 'angular', method: 'GET', url: '/v1/projects',
  },
  {
    name: 'NestJS HttpService',
    code: `import { HttpService } from '@nestjs/axios';\nexport class C { constructor(private readonly httpService: HttpService) {}\n  run() { return this.httpService.post('https://api.axept.io/auth/local/signin', { username: 'u' }); } }`,
    client: 'nest', method: 'POST', url: 'https://api.axept.io/auth/local/signin', fields: { username: 'u' },
  },
  {
    name: 'NestJS HttpService axiosRef',
    code: `import { HttpService } from '@nestjs/axios';\nexport class C { constructor(private readonly http: HttpService) {}\n  run() { return this.http.axiosRef.post('/auth/local/signin', {}); } }`,
    client: 'nest', method: 'POST', url: '/auth/local/signin',
  },
  {
    name: "node https.request with options and req.write",
    code: `import https from 'node:https';\nconst req = https.request({ hostname: 'api.axept.io', path: '/v1/auth/local/signin', method: 'POST', headers: { 'Content-Type': 'application/json' } }, (res) => {});\nreq.write(JSON.stringify({ username: 'u' }));\nreq.end();`,
    client: 'node-http', method: 'POST', url: 'https://api.axept.io/v1/auth/local/signin', encoding: 'json', fields: { username: 'u' },
  },
];

describe('HTTP client recognition', () => {
  for (const c of CASES) {
    it(c.name, () => {
      const reqs = requestsOf(c.code, c.path);
      assert.equal(reqs.length, 1, `expected one request, got ${JSON.stringify(reqs.map((r) => r.client))}`);
      const r = reqs[0]!;
      assert.equal(r.client, c.client);
      if (c.method) assert.equal(r.method, c.method);
      assert.equal(show(r.url), c.url);
      if (c.base !== undefined) assert.equal(show(r.base), c.base);
      if (c.encoding) assert.equal(r.body?.encoding, c.encoding);
      if (c.fields) assert.deepEqual(showFields(r.body?.fields), c.fields);
      if (c.headers) for (const [k, v] of Object.entries(c.headers)) assert.equal(show(r.headers?.[k]), v, `header ${k}`);
      if (c.instance) assert.equal(r.instance?.name, c.instance);
    });
  }

  it('does not take unrelated .get/.post calls for requests', () => {
    const code = `const m = new Map(); m.get('key'); cache.get('user'); form.post; store.post('x', 1); params.get('id');`;
    assert.deepEqual(requestsOf(code), []);
  });

  it('spans start at the call, 1-based', () => {
    const [r] = requestsOf(`\n\n  fetch('/auth/local/signin', { method: 'POST' });`);
    assert.deepEqual([r!.span.line, r!.span.column, r!.span.endLine], [3, 3, 3]);
  });
});
