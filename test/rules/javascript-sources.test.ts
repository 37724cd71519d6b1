/**
 * Rules over real JS/TS sources: files go through the real analyzer (analyzeFile) and then
 * `evaluate`, single- and multi-file, covering the traps of CONTRACT.md.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { RawFinding } from '../../src/findings/types.js';
import { evaluate } from '../../src/rules/index.js';
import { analyzeSources } from './analyze-sources.js';
import { project } from './fact-builders.js';
import { assertFinding, type ExpectedFinding } from './rule-tester.js';

interface SourceCase {
  name: string;
  sources: Record<string, string>;
  /** Every finding expected (rule id + expectation), in report order; [] = no finding at all. */
  findings: Array<ExpectedFinding & { ruleId: RawFinding['ruleId'] }>;
  neverShown?: string[];
  /** Only findings of these rules are compared (others are ignored). */
  rules?: Array<RawFinding['ruleId']>;
}

const cases: SourceCase[] = [
  {
    name: 'unrelated NestJS app: own route + its client with no Axeptio evidence → low',
    sources: {
      'apps/api/src/auth/auth.controller.ts': `
        import { Body, Controller, Post } from '@nestjs/common';
        @Controller('auth/local')
        export class AuthController {
          @Post('signin')
          signin(@Body() dto: { username: string; password: string }) {
            return { token: 'x' };
          }
        }
      `,
      'apps/cli/src/login.ts': `
        import axios from 'axios';
        export async function login(username: string, password: string) {
          const res = await axios.post(\`\${process.env.API_URL}/auth/local/signin\`, { username, password });
          return res.data.token;
        }
      `,
    },
    rules: ['legacy-signin'],
    findings: [{ ruleId: 'legacy-signin', file: 'apps/cli/src/login.ts', line: 3, confidence: 'low' }],
  },
  {
    name: 'the same client against api.axept.io → high',
    sources: {
      'apps/api/src/auth/auth.controller.ts': `
        import { Controller, Post } from '@nestjs/common';
        @Controller('auth/local')
        export class AuthController {
          @Post('signin')
          signin() { return { token: 'x' }; }
        }
      `,
      'apps/cli/src/login.ts': `
        import axios from 'axios';
        export async function login(username: string, password: string) {
          const res = await axios.post('https://api.axept.io/v1/auth/local/signin', { username, password });
          return res.data.token;
        }
      `,
    },
    rules: ['legacy-signin'],
    findings: [{ ruleId: 'legacy-signin', file: 'apps/cli/src/login.ts', line: 3, confidence: 'high', evidence: ['host api.axept.io'] }],
  },
  {
    name: "Strapi's /api/auth/local → nothing",
    sources: {
      'src/strapi.ts': `
        export async function login(identifier: string, password: string) {
          const r = await fetch(\`\${process.env.STRAPI_URL}/api/auth/local\`, { method: 'POST', body: JSON.stringify({ identifier, password }) });
          return (await r.json()).jwt;
        }
      `,
    },
    rules: ['legacy-signin'],
    findings: [],
  },
  {
    name: 'an Express route definition → nothing',
    sources: {
      'server/routes.js': `
        const express = require('express');
        const router = express.Router();
        router.post('/auth/local/signin', async (req, res) => { res.json({ token: 'x' }); });
        module.exports = router;
      `,
    },
    rules: ['legacy-signin', 'password-grant'],
    findings: [],
  },
  {
    name: '${service.name}/local/signin → found',
    sources: {
      'src/client.ts': `
        const service = { name: process.env.AXEPTIO_AUTH_URL };
        export async function signin(username: string, password: string) {
          return fetch(\`\${service.name}/local/signin\`, { method: 'POST', body: JSON.stringify({ username, password }) });
        }
      `,
    },
    rules: ['legacy-signin'],
    findings: [{ ruleId: 'legacy-signin', line: 3 }],
  },
  {
    name: "[base, 'auth', 'local', 'signin'].join('/') → found",
    sources: {
      'src/client.js': `
        const base = 'https://api.axept.io/v1';
        async function token() {
          const url = [base, 'auth', 'local', 'signin'].join('/');
          const r = await fetch(url, { method: 'POST', body: JSON.stringify({ username: process.env.U, password: process.env.P }) });
          return (await r.json()).token;
        }
        module.exports = { token };
      `,
    },
    rules: ['legacy-signin'],
    findings: [{ ruleId: 'legacy-signin', line: 4, confidence: 'high' }],
  },
  {
    name: 'constants, axios instance and wrapper in three files, call in a fourth',
    sources: {
      'src/constants.ts': `
        export const AUTH = '/auth';
        export const SIGNIN_PATH = \`\${AUTH}/local/signin\`;
      `,
      'src/http.ts': `
        import axios from 'axios';
        export const api = axios.create({ baseURL: 'https://api.axept.io/v1' });
      `,
      'src/request.ts': `
        import { api } from './http';
        export function apiPost(path: string, body: unknown) {
          return api.post(path, body);
        }
      `,
      'src/login.ts': `
        import { apiPost } from './request.js';
        import { SIGNIN_PATH } from './constants.js';
        export async function login() {
          const { data } = await apiPost(SIGNIN_PATH, { email: process.env.EMAIL, password: process.env.PASSWORD });
          return data.token;
        }
      `,
    },
    rules: ['legacy-signin'],
    findings: [
      {
        ruleId: 'legacy-signin',
        file: 'src/login.ts',
        line: 4,
        confidence: 'high',
        message: ['through wrapper apiPost()'],
        evidence: ['host api.axept.io', 'path /auth/local/signin from SIGNIN_PATH in src/constants.ts:2'],
        transform: 'signin-to-client-credentials',
      },
    ],
  },
  {
    name: 'axios.defaults set in one file apply to plain axios calls in another',
    sources: {
      'src/setup.ts': `
        import axios from 'axios';
        axios.defaults.baseURL = process.env.AXEPTIO_API_URL;
        axios.defaults.headers.common.Authorization = \`Bearer \${process.env.AXEPTIO_TOKEN}\`;
      `,
      'src/login.ts': `
        import axios from 'axios';
        export async function login(u: string, p: string) {
          const r = await axios.post('/auth/local/signin', { username: u, password: p });
          return r.data.token;
        }
      `,
    },
    rules: ['legacy-signin', 'static-token'],
    findings: [
      { ruleId: 'legacy-signin', file: 'src/login.ts', line: 3, confidence: 'high', evidence: ['env AXEPTIO_API_URL via axios.defaults'] },
      { ruleId: 'static-token', file: 'src/setup.ts', line: 2, message: ['axios.defaults'] },
    ],
  },
  {
    name: 'CommonJS object of wrapper methods, required and called from another file',
    sources: {
      'lib/api.js': `
        const axios = require('axios');
        const BASE = 'https://api.axept.io/v1';
        module.exports = {
          post(path, body) { return axios.post(BASE + path, body); },
        };
      `,
      'lib/use.js': `
        const api = require('./api');
        async function go() { return api.post('/auth/local/signin', { email: process.env.E, password: process.env.P }); }
        module.exports = { go };
      `,
    },
    rules: ['legacy-signin'],
    findings: [{ ruleId: 'legacy-signin', file: 'lib/use.js', line: 2, confidence: 'high', message: ['through wrapper post()'], evidence: ['host api.axept.io via wrapper post base in lib/api.js:4'] }],
  },
  {
    name: 'a header getter that signs in on every request → legacy-signin + token-no-refresh',
    sources: {
      'src/axeptio.ts': `
        import axios from 'axios';
        const API = 'https://api.axept.io/v1';
        async function authHeaders() {
          const { data } = await axios.post(\`\${API}/auth/local/signin\`, { username: process.env.AXEPTIO_USERNAME, password: process.env.AXEPTIO_PASSWORD });
          return { Authorization: \`Bearer \${data.token}\` };
        }
        export async function listProjects() {
          return axios.get(\`\${API}/projects\`, { headers: await authHeaders() });
        }
      `,
    },
    rules: ['legacy-signin', 'token-no-refresh', 'static-token'],
    findings: [
      { ruleId: 'legacy-signin', line: 4, confidence: 'high' },
      { ruleId: 'token-no-refresh', line: 4, message: ['every outgoing API request'] },
    ],
  },
  {
    name: 'a static token in a paginating export script → static-token + token-no-refresh',
    sources: {
      'scripts/export-consents.mjs': `
        const token = process.env.AXEPTIO_TOKEN;
        let page = 1;
        while (true) {
          const res = await fetch(\`https://api.axept.io/v1/consents?page=\${page}\`, { headers: { Authorization: \`Bearer \${token}\` } });
          const rows = await res.json();
          if (rows.length === 0) break;
          page++;
        }
      `,
    },
    rules: ['static-token', 'token-no-refresh'],
    findings: [
      { ruleId: 'static-token', line: 4, confidence: 'high', evidence: ['AXEPTIO_TOKEN'], transform: 'static-token-to-helper' },
      { ruleId: 'token-no-refresh', line: 4, message: ['loop'] },
    ],
  },
  {
    name: 'grant_type=password to Keycloak → password-grant',
    sources: {
      'src/apiax.ts': `
        export async function apiaxToken() {
          const body = new URLSearchParams({ grant_type: 'password', client_id: 'apiax', username: process.env.APIAX_USER!, password: process.env.APIAX_PASSWORD! });
          const r = await fetch('https://auth.apiax.com/realms/apiax/protocol/openid-connect/token', { method: 'POST', body });
          return (await r.json()).access_token;
        }
      `,
    },
    rules: ['password-grant', 'legacy-signin'],
    findings: [{ ruleId: 'password-grant', line: 3, severity: 'warning', evidence: ['grant_type=password'] }],
  },
  {
    name: 'the Frontegg v1 api-token exchange → frontegg-v1-token',
    sources: {
      'src/token.ts': `
        export async function getToken() {
          const r = await fetch(\`\${process.env.FRONTEGG_URL}/identity/resources/auth/v1/api-token\`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ clientId: process.env.AXEPTIO_CLIENT_ID, secret: process.env.AXEPTIO_CLIENT_SECRET }),
          });
          return (await r.json()).accessToken;
        }
      `,
    },
    rules: ['frontegg-v1-token'],
    findings: [{ ruleId: 'frontegg-v1-token', line: 2, transform: 'frontegg-v1-to-v2' }],
  },
  {
    name: 'a planted password never reaches a message or evidence',
    sources: {
      'src/axeptio-login.ts': `
        export async function login() {
          const password = 'Pl4nted-Passw0rd-42';
          return fetch('https://api.axept.io/v1/auth/local/signin', { method: 'POST', body: JSON.stringify({ username: 'ops@example.com', password }) });
        }
      `,
    },
    rules: ['legacy-signin'],
    findings: [{ ruleId: 'legacy-signin', line: 3, confidence: 'high' }],
    neverShown: ['Pl4nted-Passw0rd-42'],
  },
];

for (const c of cases) {
  test(`javascript sources: ${c.name}`, () => {
    const all = evaluate(analyzeSources(c.sources), project());
    const found = c.rules ? all.filter((f) => c.rules!.includes(f.ruleId)) : all;
    const shown = found.map((f) => `${f.file}:${f.span.line} ${f.ruleId} ${f.confidence} ${f.message} [${f.evidence.join(' | ')}]`);
    assert.equal(found.length, c.findings.length, shown.join('\n'));
    c.findings.forEach((want, i) => {
      assert.equal(found[i]!.ruleId, want.ruleId, shown.join('\n'));
      assertFinding(found[i]!, want);
    });
    for (const secret of c.neverShown ?? []) assert.ok(!JSON.stringify(all).includes(secret), `${secret} leaked`);
  });
}
