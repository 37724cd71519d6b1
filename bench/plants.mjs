/**
 * The planted legacy calls of the bench corpus: one entry per shape the scanner must find, each
 * with its files and the findings expected from it. Expected lines are not written by hand: each
 * expectation names a unique text (`at`) whose line is the expected `line`, and optionally a
 * later text (`upTo`) when the contract leaves the exact anchor open (a request object vs its URL).
 *
 * Every shape is tied to Axeptio (host, identifier or env var), so a default scan (high + medium)
 * must report it: a miss is the scanner's, not an ambiguous plant.
 */

/** A literal secret planted once; it must never appear in the scanner's output. */
export const PLANTED_SECRET = 'Tr0ub4dor-bench-9f3c2a';

const AX = 'https://api.axept.io/v1';

/** @typedef {{ file: string, at: string, upTo?: string, ruleId: string }} Expectation */
/** @typedef {{ name: string, files: Record<string, string>, expect: Expectation[], appendToRealFile?: boolean }} Plant */

/** @type {(n: number) => Plant[]} the plants of one round; `n` varies names, quotes and file kinds. */
function round(n) {
  const ext = ['ts', 'js', 'mjs'][n % 3];
  const q = ["'", '"', '`'][n % 3];
  return [
    {
      name: `fetch-literal-${n}`,
      files: {
        [`signin-${n}.${ext}`]: [
          `// Logs in to the consent API and keeps the token for later calls.`,
          `export async function login${n}(username, password) {`,
          `  const res = await fetch(${q}${AX}/auth/local/signin${q}, {`,
          `    method: 'POST',`,
          `    headers: { 'Content-Type': 'application/json' },`,
          `    body: JSON.stringify({ username, password }),`,
          `  });`,
          `  return (await res.json()).token;`,
          `}`,
          ``,
        ].join('\n'),
      },
      expect: [{ file: `signin-${n}.${ext}`, at: 'fetch(', ruleId: 'legacy-signin' }],
    },
    {
      name: `axios-literal-${n}`,
      files: {
        [`session-${n}.${ext === 'mjs' ? 'cjs' : ext}`]: [
          ext === 'ts' ? `import axios from 'axios';` : `const axios = require('axios');`,
          ``,
          `async function openSession() {`,
          `  const { data } = await axios.post(${q}${AX}/auth/local/signin${q}, {`,
          `    username: process.env.AXEPTIO_USERNAME,`,
          `    password: process.env.AXEPTIO_PASSWORD,`,
          `  });`,
          `  return data.token;`,
          `}`,
          ext === 'ts' ? `export { openSession };` : `module.exports = { openSession };`,
          ``,
        ].join('\n'),
      },
      expect: [{ file: `session-${n}.${ext === 'mjs' ? 'cjs' : ext}`, at: 'axios.post(', ruleId: 'legacy-signin' }],
    },
    {
      name: `axios-instance-cross-file-${n}`,
      files: {
        [`http-${n}/client.${ext}`]: [
          `import axios from 'axios';`,
          ``,
          `export const consentApi = axios.create({`,
          `  baseURL: '${AX}',`,
          `  timeout: 10000,`,
          `});`,
          ``,
        ].join('\n'),
        [`http-${n}/auth.${ext}`]: [
          `import { consentApi } from './client.js';`,
          ``,
          `export async function authenticate(user, pass) {`,
          `  const response = await consentApi.post('/auth/local/signin', { username: user, password: pass });`,
          `  consentApi.defaults.headers.common.Authorization = \`Bearer \${response.data.token}\`;`,
          `}`,
          ``,
        ].join('\n'),
      },
      expect: [{ file: `http-${n}/auth.${ext}`, at: 'consentApi.post(', ruleId: 'legacy-signin' }],
    },
    {
      name: `path-constants-imported-${n}`,
      files: {
        [`api-${n}/endpoints.ts`]: [
          `export const AXEPTIO_API = '${AX}';`,
          `export const SIGNIN_PATH = '/auth/local/signin';`,
          `export const PROJECTS_PATH = '/projects';`,
          ``,
        ].join('\n'),
        [`api-${n}/login.ts`]: [
          `import { AXEPTIO_API, SIGNIN_PATH } from './endpoints.js';`,
          ``,
          `export async function signIn(username: string, password: string): Promise<string> {`,
          `  const url = \`\${AXEPTIO_API}\${SIGNIN_PATH}\`;`,
          `  const res = await fetch(url, { method: 'POST', body: JSON.stringify({ username, password }) });`,
          `  const body = (await res.json()) as { token: string };`,
          `  return body.token;`,
          `}`,
          ``,
        ].join('\n'),
      },
      expect: [{ file: `api-${n}/login.ts`, at: 'fetch(url', ruleId: 'legacy-signin' }],
    },
    {
      name: `template-service-name-${n}`,
      files: {
        [`service-${n}.${ext}`]: [
          `const service = { name: 'auth', version: 'v1' };`,
          `const AXEPTIO_BASE = 'https://api.axept.io/' + service.version;`,
          ``,
          `export async function token() {`,
          `  const r = await fetch(\`\${AXEPTIO_BASE}/\${service.name}/local/signin\`, {`,
          `    method: 'POST',`,
          `    body: JSON.stringify({ username: process.env.AXEPTIO_USER, password: process.env.AXEPTIO_PASS }),`,
          `  });`,
          `  return (await r.json()).token;`,
          `}`,
          ``,
        ].join('\n'),
      },
      expect: [{ file: `service-${n}.${ext}`, at: 'await fetch(', ruleId: 'legacy-signin' }],
    },
    {
      name: `array-join-${n}`,
      files: {
        [`joined-${n}.${ext}`]: [
          `import axios from 'axios';`,
          `const base = 'https://api.axept.io/v1';`,
          ``,
          `export async function getToken(credentials) {`,
          `  const url = [base, 'auth', 'local', 'signin'].join('/');`,
          `  const { data } = await axios.post(url, credentials);`,
          `  return data.token;`,
          `}`,
          ``,
        ].join('\n'),
      },
      expect: [{ file: `joined-${n}.${ext}`, at: 'axios.post(', ruleId: 'legacy-signin' }],
    },
    {
      name: `curl-script-${n}`,
      files: {
        [`refresh-consents-${n}.sh`]: [
          `#!/usr/bin/env bash`,
          `set -euo pipefail`,
          `# Nightly export of consent statistics.`,
          `TOKEN=$(curl -s -X POST "https://api.axept.io/v1/auth/local/signin" \\`,
          `  -H 'Content-Type: application/json' \\`,
          `  -d "{\\"username\\":\\"$AXEPTIO_USERNAME\\",\\"password\\":\\"$AXEPTIO_PASSWORD\\"}" | jq -r .token)`,
          `curl -s -H "Authorization: Bearer $TOKEN" "https://api.axept.io/v1/projects" > projects.json`,
          ``,
        ].join('\n'),
      },
      expect: [{ file: `refresh-consents-${n}.sh`, at: 'curl -s -X POST', ruleId: 'legacy-signin' }],
    },
    {
      name: `postman-${n}`,
      files: {
        [`axeptio-${n}.postman_collection.json`]: JSON.stringify(
          {
            info: { name: `Consent API ${n}`, schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' },
            item: [
              {
                name: 'Sign in',
                request: {
                  method: 'POST',
                  header: [{ key: 'Content-Type', value: 'application/json' }],
                  body: { mode: 'raw', raw: '{"username":"{{username}}","password":"{{password}}"}' },
                  url: { raw: 'https://api.axept.io/v1/auth/local/signin', protocol: 'https', host: ['api', 'axept', 'io'], path: ['v1', 'auth', 'local', 'signin'] },
                },
              },
            ],
          },
          null,
          2,
        ) + '\n',
      },
      // The contract anchors a request finding at "the request"; accept the item through its URL.
      expect: [{ file: `axeptio-${n}.postman_collection.json`, at: '"name": "Sign in"', upTo: '"raw": "https://api.axept.io', ruleId: 'legacy-signin' }],
    },
    {
      name: `python-requests-${n}`,
      files: {
        [`consent_export_${n}.py`]: [
          `import os`,
          `import requests`,
          ``,
          ``,
          `def axeptio_token():`,
          `    resp = requests.post(`,
          `        "https://api.axept.io/v1/auth/local/signin",`,
          `        json={"username": os.environ["AXEPTIO_USERNAME"], "password": os.environ["AXEPTIO_PASSWORD"]},`,
          `        timeout=10,`,
          `    )`,
          `    resp.raise_for_status()`,
          `    return resp.json()["token"]`,
          ``,
        ].join('\n'),
      },
      expect: [{ file: `consent_export_${n}.py`, at: 'requests.post(', upTo: '"https://api.axept.io', ruleId: 'legacy-signin' }],
    },
    {
      name: `password-grant-${n}`,
      files: {
        [`keycloak-${n}.${ext}`]: [
          `// Axeptio compliance sync: token from the identity provider, then the consent API.`,
          `export async function axeptioIdentityToken() {`,
          `  const res = await fetch(\`\${process.env.AXEPTIO_AUTH_URL}/realms/consent/protocol/openid-connect/token\`, {`,
          `    method: 'POST',`,
          `    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },`,
          `    body: new URLSearchParams({`,
          `      grant_type: 'password',`,
          `      client_id: 'consent-sync',`,
          `      username: process.env.AXEPTIO_USERNAME,`,
          `      password: process.env.AXEPTIO_PASSWORD,`,
          `    }),`,
          `  });`,
          `  return (await res.json()).access_token;`,
          `}`,
          ``,
        ].join('\n'),
      },
      expect: [{ file: `keycloak-${n}.${ext}`, at: 'await fetch(', upTo: "grant_type: 'password'", ruleId: 'password-grant' }],
    },
    {
      name: `frontegg-v1-${n}`,
      files: {
        [`frontegg-${n}.${ext}`]: [
          `const FRONTEGG_URL = process.env.AXEPTIO_FRONTEGG_URL;`,
          ``,
          `export async function exchange() {`,
          `  const res = await fetch(\`\${FRONTEGG_URL}/identity/resources/auth/v1/api-token\`, {`,
          `    method: 'POST',`,
          `    headers: { 'Content-Type': 'application/json' },`,
          `    body: JSON.stringify({ clientId: process.env.AXEPTIO_CLIENT_ID, secret: process.env.AXEPTIO_CLIENT_SECRET }),`,
          `  });`,
          `  const { accessToken } = await res.json();`,
          `  return accessToken;`,
          `}`,
          ``,
        ].join('\n'),
      },
      expect: [{ file: `frontegg-${n}.${ext}`, at: 'await fetch(', ruleId: 'frontegg-v1-token' }],
    },
    {
      name: `static-token-${n}`,
      files: {
        [`projects-${n}.${ext}`]: [
          `export async function listProjects() {`,
          `  const res = await fetch('https://api.axept.io/v1/projects', {`,
          `    headers: {`,
          `      Authorization: \`Bearer \${process.env.AXEPTIO_TOKEN}\`,`,
          `    },`,
          `  });`,
          `  return res.json();`,
          `}`,
          ``,
        ].join('\n'),
      },
      expect: [{ file: `projects-${n}.${ext}`, at: 'await fetch(', upTo: 'Authorization:', ruleId: 'static-token' }],
    },
  ];
}

/** A shape appended to a copy of a large real library file, so the call sits deep in real code. */
function appendedToRealFile() {
  return {
    name: 'appended-to-real-file',
    appendToRealFile: true,
    files: {
      'vendor-login.js': [
        ``,
        `// --- appended by the bench: a legacy login buried at the end of a real file ---`,
        `async function axeptioLegacyLogin(username, password) {`,
        `  const res = await fetch('${AX}/auth/local/signin', { method: 'POST', body: JSON.stringify({ username, password }) });`,
        `  return (await res.json()).token;`,
        `}`,
        ``,
      ].join('\n'),
    },
    expect: [{ file: 'vendor-login.js', at: "await fetch('https://api.axept.io/v1/auth/local/signin'", ruleId: 'legacy-signin' }],
  };
}

/** A hard-coded password next to an Axeptio login: expected as a finding, and never printed. */
function hardcodedSecret() {
  return {
    name: 'hardcoded-secret',
    files: {
      'axeptio-config.js': [
        `module.exports = {`,
        `  axeptio: {`,
        `    username: 'ops@example.com',`,
        `    password: '${PLANTED_SECRET}',`,
        `  },`,
        `};`,
        ``,
      ].join('\n'),
    },
    expect: [{ file: 'axeptio-config.js', at: `password: '${PLANTED_SECRET}'`, ruleId: 'hardcoded-secret' }],
  };
}

/** All plants: three rounds of every shape (varied extensions and quotes), plus the special cases. */
export function allPlants() {
  return [...round(0), ...round(1), ...round(2), appendedToRealFile(), hardcodedSecret()];
}

/**
 * Resolve an expectation's line range in the text it was written into (1-based).
 * Throws when the anchor is missing or ambiguous, so a plant edit cannot silently break the bench.
 */
export function expectedLines(text, expectation) {
  const lineOf = (needle, from) => {
    const idx = text.indexOf(needle, from);
    if (idx < 0) throw new Error(`plant anchor not found: ${JSON.stringify(needle)} in ${expectation.file}`);
    if (text.indexOf(needle, idx + 1) >= 0 && from === 0) throw new Error(`plant anchor not unique: ${JSON.stringify(needle)} in ${expectation.file}`);
    return { idx, line: text.slice(0, idx).split('\n').length };
  };
  const start = lineOf(expectation.at, 0);
  const end = expectation.upTo ? lineOf(expectation.upTo, start.idx).line : start.line;
  return { line: start.line, lineTo: Math.max(start.line, end) };
}
