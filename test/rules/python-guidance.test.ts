import { test } from 'node:test';
import assert from 'node:assert/strict';
import { evaluate } from '../../src/rules/index.ts';
import { PYTHON_HELPER_EXPORTS } from '../../src/helper/index.ts';
import { analyzeSources } from './analyze-sources.ts';

const project = { root: '/repo', axeptioPackages: [], ownPackageNames: [] };

test('a Python sign-in is reported with the exact replacement: the generated Python helper and its functions', () => {
  const files = analyzeSources({
    'etl/axeptio_sync.py': [
      'import os, requests',
      'API = "https://api.axept.io/v1"',
      'def token():',
      '    r = requests.post(f"{API}/auth/local/signin", json={"username": os.environ["AXEPTIO_USERNAME"], "password": os.environ["AXEPTIO_PASSWORD"]})',
      '    return r.json()["token"]',
      '',
    ].join('\n'),
  });
  const signin = evaluate(files, project).find((f) => f.ruleId === 'legacy-signin');
  assert.ok(signin, 'the sign-in is found');
  assert.equal(signin.fix.available, false);
  const guidance = signin.fix.guidance ?? '';
  assert.match(guidance, /helper --out axeptio_token\.py/);
  // The names the guidance tells people to import must be the ones the Python helper really exports.
  for (const name of ['get_axeptio_access_token', 'axeptio_request']) {
    assert.ok(guidance.includes(name), `guidance names ${name}`);
    assert.ok((PYTHON_HELPER_EXPORTS as readonly string[]).includes(name), `the Python helper exports ${name}`);
  }
});
