/**
 * End to end through the built CLI (`npm run build` first; `npm test` does): the collection,
 * configuration, documentation and encoding fixture sets scanned with `scan --format json`,
 * checked finding by finding (rule, file, line, column), plus what must never be reported.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = ROOT + 'bin/axeptio-migrate.js';
const SETS = ['collections', 'config', 'docs', 'encodings'];

interface Scan {
  code: number;
  stdout: string;
  report: { findings: Array<{ ruleId: string; file: string; line: number; column: number }> };
}

/** One CLI run over the four fixture sets (one process: start-up dominates the cost). */
async function scanSets(): Promise<Scan> {
  assert.ok(existsSync(ROOT + 'dist/src/cli/main.js'), 'dist/ is missing: run `npm run build` first');
  const args = [BIN, 'scan', 'fixtures', '--format', 'json', '--min-confidence', 'low', ...SETS.flatMap((s) => ['--include', `${s}/**`])];
  try {
    const { stdout } = await promisify(execFile)(process.execPath, args, { cwd: ROOT, maxBuffer: 16 << 20 });
    return { code: 0, stdout, report: JSON.parse(stdout) };
  } catch (err) {
    const e = err as { code?: number; stdout?: string };
    if (typeof e.code !== 'number' || !e.stdout) throw err;
    return { code: e.code, stdout: e.stdout, report: JSON.parse(e.stdout) };
  }
}

const run = scanSets();

/** The findings of one set as `rule file:line:column`, the file relative to the set's folder. */
async function findingsOf(set: string): Promise<string[]> {
  const { report } = await run;
  return report.findings.filter((f) => f.file.startsWith(`${set}/`)).map((f) => `${f.ruleId} ${f.file.slice(set.length + 1)}:${f.line}:${f.column}`);
}

function assertIncludes(got: string[], expected: string[]): void {
  for (const e of expected) assert.ok(got.includes(e), `missing ${e}\nreported:\n${got.join('\n')}`);
}

function plantedIn(dir: string): string[] {
  const out = new Set<string>();
  const walk = (d: string): void => {
    for (const name of readdirSync(d)) {
      const p = `${d}/${name}`;
      if (statSync(p).isDirectory()) walk(p);
      else for (const m of readFileSync(p, 'latin1').matchAll(/[\w-]*-planted-[\w-]*|eyJhbGciOi[\w.-]+/g)) out.add(m[0]);
    }
  };
  walk(dir);
  return [...out];
}

test('the CLI exits 1: error-severity findings at the default --fail-on', async () => {
  assert.equal((await run).code, 1);
});

test('collections: Postman, Insomnia, .http, HAR and OpenAPI findings at exact positions', async () => {
  const got = await findingsOf('collections');
  assertIncludes(got, [
    'legacy-signin axeptio-api.postman_collection.json:46:15',
    'token-no-refresh axeptio-api.postman_collection.json:46:15',
    'hardcoded-secret axeptio-api.postman_collection.json:100:17',
    'legacy-signin auto-login.postman_collection.json:13:11',
    'token-no-refresh auto-login.postman_collection.json:13:11',
    'hardcoded-secret auto-login.postman_collection.json:16:106',
    'legacy-signin axeptio.http:6:1',
    'legacy-credentials axeptio.postman_environment.json:12:4',
    'legacy-credentials axeptio.postman_environment.json:18:4',
    'hardcoded-secret axeptio.postman_environment.json:19:14',
    'legacy-signin insomnia-export.json:10:7',
    'legacy-signin insomnia-v5.yaml:10:9',
    'hardcoded-secret insomnia-v5.yaml:20:28',
    'legacy-signin jetbrains.http:2:1',
    'hardcoded-secret jetbrains.http:5:37',
    'legacy-signin-reference openapi.yaml:6:17',
    'legacy-signin-reference openapi.yaml:11:3',
    'legacy-signin session.har:10:11',
    'hardcoded-secret session.har:15:71',
    'hardcoded-secret session.har:22:35',
    'hardcoded-secret session.har:31:60',
  ]);
  // Strapi's /api/auth/local and an OpenAPI document of the new flow are not Axeptio's legacy sign-in.
  assert.deepEqual(got.filter((k) => /strapi-blog|openapi-modern/.test(k)), []);
  // The OpenAPI document describes the route; it calls nothing.
  assert.deepEqual(got.filter((k) => k.startsWith('legacy-signin ') && k.includes('openapi')), []);
});

test('config: .env, compose, Kubernetes, CI, JSON/TOML/INI, Terraform findings at exact positions', async () => {
  const got = await findingsOf('config');
  assertIncludes(got, [
    'legacy-credentials .env:3:1',
    'legacy-credentials .env:4:8',
    'hardcoded-secret .env:4:26',
    'legacy-credentials .env.example:3:1',
    'legacy-credentials .github/workflows/sync.yml:12:7',
    'legacy-signin .github/workflows/sync.yml:17:19',
    'hardcoded-secret .gitlab-ci.yml:4:12',
    'legacy-signin .gitlab-ci.yml:10:7',
    'legacy-credentials config.toml:6:1',
    'hardcoded-secret config.toml:6:13',
    'legacy-credentials config/default.json:6:5',
    'hardcoded-secret config/default.json:6:18',
    'legacy-credentials docker-compose.yml:8:7',
    'hardcoded-secret docker-compose.yml:8:25',
    'legacy-credentials docker-compose.yml:13:9',
    'legacy-credentials helm/values.yaml:5:3',
    'legacy-credentials k8s/deployment.yaml:14:15',
    'hardcoded-secret k8s/deployment.yaml:25:21',
    'legacy-credentials settings.ini:4:1',
    'hardcoded-secret settings.ini:4:12',
    'legacy-credentials terraform/main.tf:1:1',
    'hardcoded-secret terraform/main.tf:4:16',
    'hardcoded-secret terraform/prod.tfvars:2:21',
  ]);
  // Translation catalogs mention the endpoint in sentences and "password" as a label.
  assert.deepEqual(got.filter((k) => k.includes('locales/')), []);
  // A secretKeyRef is a reference, never a hard-coded secret.
  assert.deepEqual(got.filter((k) => k.startsWith('hardcoded-secret k8s/deployment.yaml:1')), []);
  // An empty template entry is declared, not a secret.
  assert.deepEqual(got.filter((k) => k.startsWith('hardcoded-secret .env.example')), []);
});

test('docs: instructions flagged, migration notes and changelogs not', async () => {
  assert.deepEqual((await findingsOf('docs')).sort(), [
    'legacy-signin-reference README.md:10:1',
    'legacy-signin-reference README.md:15:1',
    'legacy-signin-reference README.md:7:1',
    'legacy-signin-reference guide.adoc:10:1',
    'legacy-signin-reference guide.adoc:7:1',
    'legacy-signin-reference guide.rst:6:5',
    'legacy-signin-reference guide.rst:8:1',
  ]);
});

test('encodings: the same sign-in at the same line/column in UTF-8, BOM, UTF-16 LE/BE, Latin-1 and CRLF', async () => {
  const http = ['crlf', 'latin1', 'utf16be', 'utf16le', 'utf8-bom', 'utf8'].map((v) => `legacy-signin legacy.${v}.http:4:1`);
  // JS: `  const réponse = await fetch(` — the non-ASCII é before the call counts as one column.
  const js = ['latin1', 'utf16le'].map((v) => `legacy-signin legacy.${v}.js:3:25`);
  assert.deepEqual((await findingsOf('encodings')).filter((k) => k.startsWith('legacy-signin ')).sort(), [...js, ...http].sort());
});

test('no planted secret value appears anywhere in the report', async () => {
  const { stdout } = await run;
  const planted = SETS.flatMap((set) => plantedIn(`${ROOT}fixtures/${set}`));
  assert.ok(planted.length >= 10);
  for (const secret of planted) assert.ok(!stdout.includes(secret), `report leaks ${secret}`);
});

// Known gap outside this area: finalize masks a secret's span only in the hardcoded-secret finding's own excerpt,
// so another finding whose span covers the same line (a multi-line curl in a CI step) shows the value.
test('a literal password inside a multi-line CI curl never appears in any excerpt', async () => {
  const dir = mkdtempSync(`${tmpdir()}/axm-leak-`);
  try {
    mkdirSync(`${dir}/.github/workflows`, { recursive: true });
    const workflow = ['on: push', 'jobs:', '  a:', '    runs-on: ubuntu-latest', '    steps:', '      - run: |', '          curl -X POST https://api.axept.io/v1/auth/local/signin \\', '            -d "{\\"username\\": \\"ops\\", \\"password\\": \\"Leak-check-pw-4\\"}"', ''];
    writeFileSync(`${dir}/.github/workflows/sync.yml`, workflow.join('\n'));
    const out = await promisify(execFile)(process.execPath, [BIN, 'scan', dir, '--format', 'json', '--fail-on', 'none'], { cwd: ROOT }).catch((e: { stdout: string }) => e);
    assert.ok(out.stdout.includes('legacy-signin'));
    assert.ok(!out.stdout.includes('Leak-check-pw-4'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
