/** Collections: Postman, Insomnia, .http, HAR and OpenAPI fixtures → facts at exact positions, never a secret value. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import type { RequestFact } from '../../../src/facts/types.js';
import { describe, factsOfFixture, factsOfText, FIXTURES, plantedSecrets } from '../config/describe-facts.js';

const EXPECTED: Record<string, string[]> = {
  'collections/axeptio-api.postman_collection.json': [
    'config username=literal @95:7',
    'config password=literal @99:7',
    'secret password password @100:17-36',
    'config token=empty @103:7',
    // {{baseUrl}} resolved from the collection variables; {{password}} is a secret variable and stays a reference.
    'request postman POST https://api.axept.io/v1/auth/local/signin json{username=ops@example.com,password={{password}}} ->token @46:15',
    'request postman GET https://api.axept.io/v1/projects @67:11',
  ],
  'collections/axeptio.http': [
    'config username=placeholder @2:1',
    'request http-file POST https://api.axept.io/v1/auth/local/signin json{username={{AXEPTIO_USERNAME}},password={{AXEPTIO_PASSWORD}}} ->token @6:1',
    'request http-file GET https://api.axept.io/v1/projects @15:1',
  ],
  'collections/axeptio.postman_environment.json': [
    'config axeptio_username=literal @12:4',
    'config axeptio_password=literal @18:4',
    'secret password axeptio_password @19:14-35',
  ],
  'collections/insomnia-export.json': [
    'config user=literal @36:54',
    'request insomnia POST https://api.axept.io/v1/auth/local/signin json{username=ops@example.com,password={{pass}}} ->token @10:7',
    'request insomnia GET https://api.axept.io/v1/projects @23:7',
  ],
  'collections/jetbrains.http': [
    'request http-file POST https://api.axept.io/v1/auth/local/signin form{username=ops@example.com,password=«redacted»} ->token @2:1',
    'secret password password in a request body (http-file) @5:37-55',
    'request http-file GET https://api.axept.io/v1/vendors @12:1',
  ],
  // A collection-level pre-request script that signs in with pm.sendRequest before every request.
  'collections/auto-login.postman_collection.json': [
    'request postman GET https://api.axept.io/v1/projects/123/consents @28:9',
    'request postman POST https://api.axept.io/v1/auth/local/signin json{username={{user}},password=«redacted»} ->token @13:11',
    'secret password password in a request body (postman) @16:106-125',
  ],
  // Insomnia v5 YAML export: folders hold `children`, environments their `data`.
  'collections/insomnia-v5.yaml': [
    'config user=literal @37:5',
    'request insomnia POST https://api.axept.io/v1/auth/local/signin json{username=ops@example.com,password=«redacted»} ->token @10:9',
    'secret password password in a request body (insomnia) @20:28-44',
    'request insomnia GET https://api.axept.io/v1/projects @25:5',
  ],
  'collections/openapi-modern.json': [],
  'collections/openapi.yaml': [
    'doc OpenAPI description tells readers to sign in with a username and password to get a token @6:17',
    'doc OpenAPI documents POST /auth/local/signin, the retired sign-in @11:3',
  ],
  'collections/session.har': [
    'request har POST https://api.axept.io/v1/auth/local/signin json{username=ops@example.com,password=«redacted»} ->token @10:11',
    'secret password password in a request body (har) @15:71-89',
    'secret jwt token in a recorded response @22:35-102',
    'request har GET https://api.axept.io/v1/projects @30:11',
    'secret jwt Authorization header (har) @31:60-134',
  ],
  'collections/strapi-blog.postman_collection.json': [
    'request postman POST http://localhost:1337/api/auth/local json{identifier={{email}},password={{password}}} @16:9',
    'request postman GET http://localhost:1337/api/articles @23:9',
  ],
};

for (const [file, expected] of Object.entries(EXPECTED)) {
  test(`collection facts: ${file}`, () => {
    const facts = factsOfFixture(file);
    assert.deepEqual(describe(facts), expected);
    const serialized = JSON.stringify(facts);
    for (const secret of plantedSecrets(readFileSync(FIXTURES + file, 'utf8'))) assert.ok(!serialized.includes(secret), `${file} leaks ${secret}`);
  });
}

test('CRLF line endings give the same positions', () => {
  const file = 'collections/axeptio-api.postman_collection.json';
  const crlf = readFileSync(FIXTURES + file, 'utf8').replace(/\n/g, '\r\n');
  assert.deepEqual(describe(factsOfText(file, crlf)), EXPECTED[file]);
});

test('Strapi login carries contrary evidence; the Axeptio sign-in strong evidence', () => {
  const strapi = factsOfFixture('collections/strapi-blog.postman_collection.json').find((f): f is RequestFact => f.kind === 'request')!;
  assert.ok(strapi.evidence.some((e) => e.weight === 'contrary' && /Strapi/.test(e.text)));
  assert.ok(!strapi.evidence.some((e) => e.weight === 'strong'));
  const axeptio = factsOfFixture('collections/axeptio-api.postman_collection.json').find((f): f is RequestFact => f.kind === 'request')!;
  assert.ok(axeptio.evidence.some((e) => e.weight === 'strong' && e.text === 'host api.axept.io'));
  assert.equal(axeptio.tokenCachedWithoutExpiry, true);
});

test('a bearer token set by the sign-in script is a dynamic reference, not an env input', () => {
  const projects = factsOfFixture('collections/axeptio-api.postman_collection.json').filter((f): f is RequestFact => f.kind === 'request')[1]!;
  assert.deepEqual(projects.headers?.['authorization'], [{ kind: 'text', text: 'Bearer ' }, { kind: 'ref', name: 'token' }]);
});

test('Postman v2.0: string URL, urlencoded password grant, nested folders, unresolved variables', () => {
  const collection = {
    info: { name: 'Keycloak', schema: 'https://schema.getpostman.com/json/collection/v2.0.0/collection.json' },
    item: [
      {
        name: 'folder',
        item: [
          {
            name: 'token',
            request: {
              method: 'POST',
              url: '{{kc}}/realms/apiax/protocol/openid-connect/token',
              body: { mode: 'urlencoded', urlencoded: [{ key: 'grant_type', value: 'password' }, { key: 'username', value: '{{user}}' }, { key: 'password', value: 'Kc-literal-pw-9' }] },
              auth: { type: 'bearer', bearer: { token: '{{static}}' } },
            },
          },
        ],
      },
    ],
  };
  const text = JSON.stringify(collection, null, 2);
  const facts = factsOfText('kc.postman_collection.json', text);
  assert.deepEqual(describe(facts), [
    'request postman POST {{kc}}/realms/apiax/protocol/openid-connect/token form{grant_type=password,username={{user}},password=«redacted»} @14:13',
    'secret password password in a request body (postman) @28:29-44',
  ]);
  const request = facts[0] as RequestFact;
  assert.deepEqual(request.headers?.['authorization'], [{ kind: 'text', text: 'Bearer ' }, { kind: 'env', name: 'static' }]);
  assert.ok(!JSON.stringify(facts).includes('Kc-literal-pw-9'));
});

test('.http: query continuation lines, variables resolved, requests split by ###', () => {
  const text = [
    '@base = https://api.axept.io',
    '',
    'POST {{base}}/v1/auth/local/signin',
    '    ?lang=fr',
    'Content-Type: application/json',
    '',
    '{"username": "{{user}}", "password": "{{pw}}"}',
    '',
    '###',
    '',
    'GET https://example.com/health',
  ].join('\n');
  assert.deepEqual(describe(factsOfText('api.rest', text)), [
    'request http-file POST https://api.axept.io/v1/auth/local/signin?lang=fr json{username={{user}},password={{pw}}} @3:1',
    'request http-file GET https://example.com/health @11:1',
  ]);
});

test('Swagger 2 JSON: a description inside a single-line string is reported on its line', () => {
  const text = '{\n  "swagger": "2.0",\n  "info": {"title": "Axeptio proxy", "description": "Sign in with your username and password to get a token."},\n  "paths": {}\n}\n';
  assert.deepEqual(describe(factsOfText('swagger.json', text)), ['doc OpenAPI description tells readers to sign in with a username and password to get a token @3:54']);
});

test('a HAR without credentials gives requests only', () => {
  const text = JSON.stringify({ log: { entries: [{ request: { method: 'GET', url: 'https://example.com/', headers: [] }, response: { content: { text: '{}' } } }] } }, null, 1);
  assert.deepEqual(describe(factsOfText('x.har', text)), ['request har GET https://example.com/ @7:6']);
});

test('a pre-request sign-in without a guard runs before every request', () => {
  const signin = factsOfFixture('collections/auto-login.postman_collection.json').filter((f): f is RequestFact => f.kind === 'request')[1]!;
  assert.equal(signin.context.perRequest, true);
});
