/**
 * Rules over non-JS sources through the real analyzers: the same rules see curl, Python,
 * .http files, dotenv templates and compose files (facts are language-neutral).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { evaluate } from '../../src/rules/index.js';
import { analyzeSources } from './analyze-sources.js';
import { project } from './fact-builders.js';

function summary(sources: Record<string, string>): string[] {
  return evaluate(analyzeSources(sources), project()).map((f) => `${f.file}:${f.span.line} ${f.ruleId} ${f.confidence} fix=${f.fix.available}`);
}

test('curl sign-in and a static bearer in a shell script', () => {
  const got = summary({
    'scripts/token.sh': `
      #!/bin/sh
      TOKEN=$(curl -s -X POST https://api.axept.io/v1/auth/local/signin -H 'content-type: application/json' -d '{"username":"ops","password":"x"}' | jq -r .token)
      curl -H "Authorization: Bearer $AXEPTIO_TOKEN" https://api.axept.io/v1/projects
    `,
  });
  assert.ok(got.includes('scripts/token.sh:2 legacy-signin high fix=false'), got.join('\n'));
  assert.ok(got.includes('scripts/token.sh:3 static-token high fix=false'), got.join('\n'));
});

test('Python requests sign-in with Axeptio env credentials', () => {
  const got = summary({
    'tools/sync.py': `
      import os, requests
      API = "https://api.axept.io/v1"
      def login():
          r = requests.post(f"{API}/auth/local/signin", json={"username": os.environ["AXEPTIO_USERNAME"], "password": os.getenv("AXEPTIO_PASSWORD")})
          return r.json()["token"]
    `,
  });
  assert.deepEqual(got, [
    'tools/sync.py:4 legacy-signin high fix=false',
    'tools/sync.py:4 legacy-credentials high fix=false',
    'tools/sync.py:4 legacy-credentials high fix=false',
  ]);
});

test('a .http request, a dotenv template and a compose file', () => {
  const got = summary({
    'requests/login.http': `
      POST https://api.axept.io/v1/auth/local/signin
      Content-Type: application/json

      {"username": "{{user}}", "password": "{{password}}"}
    `,
    '.env.example': `
      AXEPTIO_USERNAME=
      AXEPTIO_PASSWORD=changeme
    `,
    'docker-compose.yml': `
      services:
        api:
          environment:
            AXEPTIO_PASSWORD: "R3alPassw0rd!"
    `,
  });
  assert.deepEqual(got, [
    '.env.example:1 legacy-credentials high fix=true',
    '.env.example:2 legacy-credentials high fix=true',
    'docker-compose.yml:4 legacy-credentials high fix=false',
    'docker-compose.yml:4 hardcoded-secret high fix=false',
    'requests/login.http:1 legacy-signin high fix=true',
  ]);
  const all = JSON.stringify(evaluate(analyzeSources({ 'docker-compose.yml': 'services:\n  api:\n    environment:\n      AXEPTIO_PASSWORD: "R3alPassw0rd!"\n' }), project()));
  assert.ok(!all.includes('R3alPassw0rd'));
});
