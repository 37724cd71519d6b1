import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { formatterFor } from '../../src/report/index.js';
import { legacySigninSource, removeTree, tempTree } from '../discover/temp-tree.js';
import { runCli, runMain, SAMPLE_APP } from './run-cli.js';

const ANSI = /\u001b\[\d+m/;
const WARNING_ONLY = {
  'etl.mjs': "const r = await fetch('https://api.axept.io/v1/app/projects', { headers: { Authorization: `Bearer ${process.env.AXEPTIO_TOKEN}` } });\nconsole.log(await r.json());\n",
};

function assertFindingShape(f: Record<string, unknown>): void {
  assert.deepEqual(Object.keys(f).slice(0, 12), ['ruleId', 'severity', 'confidence', 'file', 'line', 'column', 'endLine', 'endColumn', 'message', 'snippet', 'evidence', 'fix']);
  assert.match(f.ruleId as string, /^(legacy-signin|password-grant|static-token|legacy-credentials|hardcoded-secret|frontegg-v1-token|token-no-refresh|legacy-signin-reference)$/);
  assert.match(f.severity as string, /^(error|warning|info)$/);
  assert.match(f.confidence as string, /^(high|medium|low)$/);
  assert.match(f.file as string, /^[^/\\][^\\]*$/, 'relative POSIX path');
  assert.ok(!(f.file as string).startsWith('..'));
  for (const k of ['line', 'column', 'endLine', 'endColumn']) assert.ok(Number.isInteger(f[k]) && (f[k] as number) >= 1, `${k} is 1-based`);
  assert.ok((f.endLine as number) >= (f.line as number));
  assert.equal(typeof f.message, 'string');
  assert.equal(typeof f.snippet, 'string');
  assert.ok(Array.isArray(f.evidence) && (f.evidence as unknown[]).every((e) => typeof e === 'string'));
  assert.equal(typeof (f.fix as { available: unknown }).available, 'boolean');
}

test('the sample app: contract JSON, the legacy sign-in found, ignored paths and server routes never reported', async () => {
  // The negatives must exist for this test to mean anything (they are force-added to git).
  for (const p of ['node_modules/axeptio-legacy-sdk/index.js', 'legacy-backup/old-client.js', 'src/server/routes/auth.ts', 'test/auth.test.ts']) {
    assert.ok(fs.existsSync(`${SAMPLE_APP}/${p}`), `fixture file ${p} is missing`);
  }
  // Forced worker pool: the built worker (dist/src/scan/worker.js) is exercised here.
  const run = await runCli(['scan', 'fixtures/sample-legacy-app', '--format', 'json', '--min-confidence', 'low', '--workers', '2'], {
    env: { AXEPTIO_MIGRATE_FORCE_POOL: '1' },
  });
  assert.equal(run.code, 1, run.stderr);
  const doc = JSON.parse(run.stdout);
  assert.deepEqual(Object.keys(doc), ['schemaVersion', 'tool', 'root', 'stats', 'findings', 'summary', 'deadline']);
  assert.equal(doc.schemaVersion, 1);
  assert.deepEqual(Object.keys(doc.tool), ['name', 'version']);
  assert.equal(doc.root, SAMPLE_APP.replace(/\/$/, ''));
  for (const k of ['filesScanned', 'filesParsed', 'durationMs']) assert.ok(Number.isInteger(doc.stats[k]), k);
  assert.ok(Array.isArray(doc.stats.errors));
  assert.deepEqual(Object.keys(doc.deadline), ['date', 'daysRemaining']);
  assert.equal(doc.deadline.date, '2026-07-06');
  assert.ok(Number.isInteger(doc.deadline.daysRemaining));
  for (const f of doc.findings) assertFindingShape(f);
  assert.equal(doc.summary.filesWithFindings, new Set(doc.findings.map((f: { file: string }) => f.file)).size);
  assert.equal(Object.values(doc.summary.byRule as Record<string, number>).reduce((a, b) => a + b, 0), doc.findings.length);

  const signin = doc.findings.filter((f: { ruleId: string }) => f.ruleId === 'legacy-signin');
  assert.deepEqual(
    signin.map((f: { file: string; line: number; confidence: string; severity: string }) => [f.file, f.line, f.confidence, f.severity]),
    [['src/axeptio/auth.ts', 10, 'high', 'error']],
  );
  const rules = new Set(doc.findings.map((f: { ruleId: string }) => f.ruleId));
  for (const id of ['static-token', 'frontegg-v1-token', 'password-grant', 'legacy-credentials', 'token-no-refresh', 'legacy-signin-reference']) {
    assert.ok(rules.has(id), `${id} expected in ${[...rules]}`);
  }
  assert.ok(doc.findings.some((f: { ruleId: string; file: string }) => f.ruleId === 'legacy-credentials' && f.file === '.env.example'));
  const files = doc.findings.map((f: { file: string }) => f.file);
  for (const never of ['node_modules/', 'legacy-backup/', 'src/server/routes/auth.ts', 'test/auth.test.ts']) {
    assert.ok(!files.some((f: string) => f.startsWith(never)), `${never} must not be reported: ${files}`);
  }
  assert.ok(!run.stdout.includes('\\\\'), 'no Windows separators');
});

test('--fail-on decides the exit code; none always exits 0', async (t) => {
  const errors = tempTree({ 'a.ts': legacySigninSource() });
  const warnings = tempTree(WARNING_ONLY);
  t.after(() => (removeTree(errors), removeTree(warnings)));
  assert.equal((await runCli(['scan', errors, '--format', 'json'])).code, 1);
  assert.equal((await runCli(['scan', errors, '--format', 'json', '--fail-on', 'none'])).code, 0);
  const warned = await runMain(['scan', warnings, '--format', 'json']);
  assert.equal(warned.code, 0, warned.stdout);
  assert.ok(JSON.parse(warned.stdout).findings.some((f: { severity: string }) => f.severity === 'warning'));
  assert.equal((await runMain(['scan', warnings, '--format', 'json', '--fail-on', 'warning'])).code, 1);
  assert.equal((await runMain(['scan', warnings, '--format', 'json', '--fail-on', 'info'])).code, 1);
});

test('--min-confidence filters what is shown (and what can fail the run)', async (t) => {
  const root = tempTree({
    'dev.js': "export const dev = () => fetch('http://localhost:3000/auth/local/signin', { method: 'POST', body: JSON.stringify({ username: 'a', password: process.env.P }) });\n",
  });
  t.after(() => removeTree(root));
  const medium = await runMain(['scan', root, '--format', 'json']);
  assert.equal(medium.code, 0);
  assert.equal(JSON.parse(medium.stdout).summary.belowMinConfidence, 1);
  const low = await runMain(['scan', root, '--format', 'json', '--min-confidence', 'low']);
  assert.equal(low.code, 1);
  assert.equal(JSON.parse(low.stdout).findings[0].confidence, 'low');
});

test('--output writes the report to a file, without colour, and nothing to stdout', async (t) => {
  const root = tempTree({ 'a.ts': legacySigninSource() });
  t.after(() => removeTree(root));
  const pretty = await runMain(['scan', root, '--output', `${root}/out/report.txt`], { env: { FORCE_COLOR: '1' }, isTTY: true });
  assert.equal(pretty.code, 1);
  assert.equal(pretty.stdout, '');
  assert.match(pretty.stderr, /pretty report written to/);
  const text = fs.readFileSync(`${root}/out/report.txt`, 'utf8');
  assert.match(text, /legacy-signin/);
  assert.doesNotMatch(text, ANSI);
  const json = await runMain(['scan', root, '--format', 'json', '-o', `${root}/r.json`]);
  assert.equal(json.code, 1);
  assert.equal(JSON.parse(fs.readFileSync(`${root}/r.json`, 'utf8')).findings[0].file, 'a.ts');
});

test('pretty output: colour with FORCE_COLOR, none with NO_COLOR, --no-color or a pipe', async (t) => {
  const root = tempTree({ 'a.ts': legacySigninSource() });
  t.after(() => removeTree(root));
  const piped = await runCli(['scan', root]);
  assert.doesNotMatch(piped.stdout, ANSI);
  assert.match(piped.stdout, /^a\.ts$/m);
  assert.match(piped.stdout, /> {1,2}4 \| {3}const res = await axios\.post/);
  assert.match(piped.stdout, /Deadline: /);
  assert.match((await runCli(['scan', root], { env: { FORCE_COLOR: '1' } })).stdout, ANSI);
  assert.doesNotMatch((await runCli(['scan', root], { env: { FORCE_COLOR: '1', NO_COLOR: '1' } })).stdout, ANSI);
  assert.doesNotMatch((await runMain(['scan', root, '--no-color'], { env: { FORCE_COLOR: '1' }, isTTY: true })).stdout, ANSI);
  assert.match((await runMain(['scan', root], { isTTY: true })).stdout, ANSI, 'a terminal gets colour');
  assert.doesNotMatch((await runMain(['scan', root], { isTTY: true, env: { NO_COLOR: '1' } })).stdout, ANSI);
});

test('usage errors, a missing root and a bad config exit 2 with a message', async (t) => {
  const root = tempTree({ 'a.ts': '', 'bad.json': '{"rules": {"legacy-signn": "off"}}' });
  t.after(() => removeTree(root));
  const cases: Array<[string[], RegExp]> = [
    [['scan', root, '--bogus'], /Unknown argument: bogus/],
    [['scan', root, '--format', 'yaml'], /Invalid values/],
    [['scan', root, '--fail-on', 'never'], /Invalid values/],
    [['scan', '/nonexistent/axm-root'], /cannot scan \/nonexistent\/axm-root: no such file or folder/],
    [['scan', root, '--config', 'bad.json'], /"rules\.legacy-signn" is not a known rule id/],
    [['scan', root, '--deadline', 'soon'], /invalid deadline "soon"/],
    [['scan', root, '--max-file-size', 'huge'], /invalid --max-file-size "huge"/],
    [['scan', root, '--baseline', `${root}/missing.json`], /cannot read baseline/],
    [['frobnicate'], /Unknown argument: frobnicate/],
    [[], /Give a command/],
  ];
  // Two real processes (exit status through the launcher), the rest in-process.
  for (const args of [['scan', root, '--bogus'], ['scan', '/nonexistent/axm-root']]) {
    const run = await runCli(args, { cwd: root });
    assert.equal(run.code, 2, `${args.join(' ')}: ${run.stderr}`);
  }
  await Promise.all(
    cases.map(async ([args, message]) => {
      const run = await runMain(args, { cwd: root });
      assert.equal(run.code, 2, `${args.join(' ')}: ${run.stderr}`);
      assert.match(run.stderr, message, args.join(' '));
      assert.doesNotMatch(run.stderr, /internal error/);
    }),
  );
});

test('formats the reporters engineer has not registered yet exit 2; registered ones work', async (t) => {
  const root = tempTree({ 'a.md': '# nothing\n' });
  t.after(() => removeTree(root));
  for (const format of ['sarif', 'markdown', 'html', 'csv', 'junit']) {
    const run = await runMain(['scan', root, '--format', format]);
    if (formatterFor(format)) assert.equal(run.code, 0, `${format}: ${run.stderr}`);
    else {
      assert.equal(run.code, 2, format);
      assert.match(run.stderr, new RegExp(`--format ${format} is not available`));
    }
  }
});

test('--help and --version', async () => {
  const help = await runMain(['scan', '--help']);
  assert.equal(help.code, 0);
  for (const option of ['--format', '--output', '--min-confidence', '--fail-on', '--include', '--exclude', '--baseline', '--deadline', '--config', '--max-file-size', '--workers', '--write-baseline', '--no-color']) {
    assert.ok(help.stdout.includes(option), `${option} in help`);
  }
  const version = await runMain(['--version']);
  assert.equal(version.code, 0);
  assert.equal(version.stdout.trim(), JSON.parse(fs.readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).version);
});

test('--include/--exclude, config ignore and --write-baseline/--baseline work from the command line', async (t) => {
  const root = tempTree({
    'src/a.ts': legacySigninSource(),
    'test/b.ts': legacySigninSource(),
    'tmp/c.ts': legacySigninSource(),
    'axeptio-migrate.config.json': '{ "ignore": ["tmp/"] }',
  });
  t.after(() => removeTree(root));
  const files = async (...args: string[]) =>
    [...new Set(JSON.parse((await runMain(['scan', root, '--format', 'json', ...args])).stdout).findings.map((f: { file: string }) => f.file))];
  assert.deepEqual(await files(), ['src/a.ts', 'test/b.ts']);
  assert.deepEqual(await files('--exclude', 'test/'), ['src/a.ts']);
  assert.deepEqual(await files('--include', 'test/**'), ['test/b.ts']);
  const written = await runMain(['scan', root, '--format', 'json', '--write-baseline', `${root}/baseline.json`]);
  assert.equal(written.code, 1);
  const accepted = await runMain(['scan', root, '--format', 'json', '--baseline', `${root}/baseline.json`]);
  assert.equal(accepted.code, 0, accepted.stdout);
  assert.deepEqual(JSON.parse(accepted.stdout).findings, []);
});

test('--max-file-size, --deadline and --workers reach the scan; config failOn/minConfidence apply unless overridden', async (t) => {
  const root = tempTree({ 'a.ts': legacySigninSource(), 'small.md': '# ok\n' });
  const configured = tempTree({ ...WARNING_ONLY, 'package.json': JSON.stringify({ name: 'x', 'axeptio-migrate': { failOn: 'warning', minConfidence: 'high' } }) });
  t.after(() => (removeTree(root), removeTree(configured)));
  const run = await runMain(['scan', root, '--format', 'json', '--max-file-size', '100', '--deadline', '2030-01-01', '--workers', '0']);
  const doc = JSON.parse(run.stdout);
  assert.deepEqual(doc.stats.errors, [{ file: 'a.ts', reason: 'skipped: larger than 100 bytes' }]);
  assert.equal(doc.deadline.date, '2030-01-01');
  assert.ok(doc.deadline.daysRemaining > 0);
  assert.equal(run.code, 0);
  assert.equal((await runMain(['scan', configured, '--format', 'json'])).code, 1, 'failOn: warning from package.json');
  assert.equal((await runMain(['scan', configured, '--format', 'json', '--fail-on', 'error'])).code, 0, 'the command line wins');
});
