/** Configuration analyzer: fixture files → ConfigEntry/Secret/Request facts at exact positions, never a secret value. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { valueKindOf, isTemplatePath } from '../../../src/analyze/config/value-kind.js';
import { describe, factsOfFixture, factsOfText, FIXTURES, plantedSecrets } from './describe-facts.js';

const EXPECTED: Record<string, string[]> = {
  'config/.env': ['config AXEPTIO_USERNAME=literal @3:1', 'config AXEPTIO_PASSWORD=literal @4:8', 'secret password AXEPTIO_PASSWORD @4:26-46'],
  'config/.env.example': ['config AXEPTIO_USERNAME=empty template @2:1', 'config AXEPTIO_PASSWORD=empty template @3:1'],
  'config/.github/workflows/sync.yml': [
    'config jobs.sync.env.AXEPTIO_USERNAME=reference @11:7',
    'config jobs.sync.env.AXEPTIO_PASSWORD=reference @12:7',
    'request curl POST {{AXEPTIO_API_URL}}/auth/local/signin json{username={{AXEPTIO_USERNAME}},password={{AXEPTIO_PASSWORD}}} ->token @17:19',
  ],
  'config/.gitlab-ci.yml': [
    'config variables.AXEPTIO_USERNAME=literal @2:3',
    'config variables.AXEPTIO_PASSWORD=literal @3:3',
    'secret password variables.AXEPTIO_PASSWORD @4:12-32',
    'request curl POST https://api.axept.io/v1/auth/local/signin form{username={{AXEPTIO_USERNAME}},password={{AXEPTIO_PASSWORD}}} @10:7',
  ],
  'config/config.toml': ['config axeptio.username=literal @5:1', 'config axeptio.password=literal @6:1', 'secret password axeptio.password @6:13-31'],
  'config/config/default.json': ['config axeptio.username=literal @5:5', 'config axeptio.password=literal @6:5', 'secret password axeptio.password @6:18-36'],
  'config/docker-compose.yml': [
    'config services.consent-sync.environment.AXEPTIO_USERNAME=placeholder @7:7',
    'config services.consent-sync.environment.AXEPTIO_PASSWORD=literal @8:7',
    'secret password services.consent-sync.environment.AXEPTIO_PASSWORD @8:25-45',
    'config services.worker.environment.AXEPTIO_USERNAME=literal @12:9',
    'config services.worker.environment.AXEPTIO_PASSWORD=reference @13:9',
  ],
  'config/helm/values.yaml': ['config axeptio.username=literal @4:3', 'config axeptio.password=empty @5:3'],
  'config/k8s/deployment.yaml': [
    'config spec.template.spec.containers.env.AXEPTIO_USERNAME=literal @12:15',
    'config spec.template.spec.containers.env.AXEPTIO_PASSWORD=reference @14:15',
    'config stringData.AXEPTIO_PASSWORD=literal @25:3',
    'secret password stringData.AXEPTIO_PASSWORD @25:21-38',
  ],
  // Translation catalogs: "password" labels and sentences naming the endpoint are neither credentials nor requests.
  'config/locales/en.yaml': [],
  'config/locales/fr.json': [],
  'config/settings.ini': ['config axeptio.username=literal @3:1', 'config axeptio.password=literal @4:1', 'secret password axeptio.password @4:12-29'],
  // A variable's default is reported on the `variable "…"` line that names it; the secret span stays on the value.
  'config/terraform/main.tf': ['config axeptio_password=literal @1:1', 'secret password axeptio_password @4:16-32', 'config axeptio_username=empty @7:1'],
  'config/terraform/prod.tfvars': ['config axeptio_username=literal @1:1', 'config axeptio_password=literal @2:1', 'secret password axeptio_password @2:21-40'],
};

for (const [file, expected] of Object.entries(EXPECTED)) {
  test(`config facts: ${file}`, () => {
    const facts = factsOfFixture(file);
    assert.deepEqual(describe(facts), expected);
    const serialized = JSON.stringify(facts);
    for (const secret of plantedSecrets(readFileSync(FIXTURES + file, 'utf8'))) assert.ok(!serialized.includes(secret), `${file} leaks ${secret}`);
  });
}

test('dotenv: quotes, inline comments, export, CRLF and values with spaces', () => {
  const text = ['# comment', 'AXEPTIO_USERNAME = "ops@example.com" # inline', "AXEPTIO_PASSWORD='p@ss word-Lit3ral'", 'export AXEPTIO_TOKEN=abcdefghijklmnop12345 # note', ''].join('\r\n');
  const facts = factsOfText('.env.local', text);
  assert.deepEqual(describe(facts), [
    'config AXEPTIO_USERNAME=literal @2:1',
    'config AXEPTIO_PASSWORD=literal @3:1',
    'secret password AXEPTIO_PASSWORD @3:19-36',
    'config AXEPTIO_TOKEN=literal @4:8',
    'secret access-token AXEPTIO_TOKEN @4:22-43',
  ]);
  assert.ok(!JSON.stringify(facts).includes('Lit3ral'));
});

test('dotenv: a non-Axeptio password is a secret but not a legacy credential', () => {
  assert.deepEqual(describe(factsOfText('.env', 'DB_PASSWORD=s3cr3t-db-pw\nAXEPTIO_API_URL=https://api.axept.io/v1\n')), ['secret password DB_PASSWORD @1:13-25']);
});

test('kubernetes Secret data is judged after base64 decoding', () => {
  const placeholder = Buffer.from('changeme').toString('base64');
  const real = Buffer.from('R3al-k8s-pw!').toString('base64');
  const text = `apiVersion: v1\nkind: Secret\nmetadata:\n  name: axeptio\ndata:\n  AXEPTIO_PASSWORD: ${placeholder}\n  AXEPTIO_USERNAME: ${real}\n`;
  assert.deepEqual(describe(factsOfText('k8s/secret.yaml', text)), ['config data.AXEPTIO_PASSWORD=placeholder @6:3', 'config data.AXEPTIO_USERNAME=literal @7:3']);
});

test('value kinds: empty, placeholder, reference, literal', () => {
  assert.equal(valueKindOf(''), 'empty');
  assert.equal(valueKindOf(null), 'empty');
  for (const v of ['changeme', '<your-password>', '${AXEPTIO_PASSWORD}', '${AXEPTIO_PASSWORD:-}', '{{password}}', 'Mot de passe']) assert.equal(valueKindOf(v), 'placeholder', v);
  for (const v of ['${{ secrets.AXEPTIO_PASSWORD }}', 'vault:secret/data/axeptio#password', 'arn:aws:secretsmanager:eu-west-1:1:secret:x', '{{ .Values.axeptio.password }}']) assert.equal(valueKindOf(v), 'reference', v);
  for (const v of ['hunter2', 'Xq7-pw-1984', 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig']) assert.equal(valueKindOf(v), 'literal', v);
});

test('template files are recognised by name', () => {
  for (const p of ['.env.example', '.env.sample', '.env.template', '.env.dist', 'helm/values.example.yaml', 'config.sample.json']) assert.ok(isTemplatePath(p), p);
  for (const p of ['.env', '.env.production', 'config/default.json', 'values.yaml']) assert.ok(!isTemplatePath(p), p);
});

test('a YAML file that fails to parse still yields what could be read, with an error', async () => {
  const { analyzeFile } = await import('../../../src/analyze/index.js');
  const out = analyzeFile({ path: 'broken.yaml', kind: 'yaml', text: 'axeptio:\n  password: "Br0ken-pw-1\n  username: [\n' });
  assert.equal(out.parsed, false);
  assert.ok(out.errors.length > 0);
  assert.ok(!JSON.stringify(out.facts).includes('Br0ken-pw-1'));
});

test('translation catalogs are recognised by folder or language name only', async () => {
  const { isTranslationPath } = await import('../../../src/analyze/config/structured-config.js');
  for (const p of ['locales/fr.json', 'src/i18n/app.yaml', 'fr.json', 'config/pt-BR.yml']) assert.ok(isTranslationPath(p), p);
  for (const p of ['db.json', 'ci.yml', 'config/default.json', 'helm/values.yaml']) assert.ok(!isTranslationPath(p), p);
});
