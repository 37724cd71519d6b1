import { test } from 'node:test';
import assert from 'node:assert/strict';
import { scan } from '../../src/scan/index.js';
import { legacySigninSource, removeTree, tempTree, writeTree } from '../discover/temp-tree.js';

const signinOf = (report: Awaited<ReturnType<typeof scan>>) => report.findings.filter((f) => f.ruleId === 'legacy-signin');

test('a legacy sign-in is reported with a relative POSIX path, 1-based line/column and a redacted snippet', async (t) => {
  const root = tempTree({ 'src/axeptio/login.ts': legacySigninSource() });
  t.after(() => removeTree(root));
  const report = await scan({ paths: [root], workers: 0 });
  const [f] = signinOf(report);
  assert.ok(f, JSON.stringify(report.findings));
  assert.deepEqual(
    { file: f.file, line: f.line, column: f.column, severity: f.severity, confidence: f.confidence },
    { file: 'src/axeptio/login.ts', line: 4, column: 21, severity: 'error', confidence: 'high' },
  );
  assert.equal(f.snippet.split('\n')[0], "  const res = await axios.post('https://api.axept.io/v1/auth/local/signin', {");
  assert.ok(f.snippet.split('\n').length <= 5);
  assert.equal(report.root, root);
  assert.equal(report.stats.filesScanned, 1);
  assert.equal(report.stats.filesAnalyzed, 1);
  assert.equal(report.stats.filesParsed, 1);
});

test('CRLF, UTF-8 BOM and UTF-16 files report the same lines and columns as their LF originals', async (t) => {
  const lf = legacySigninSource(2);
  const root = tempTree({
    'lf.ts': lf,
    'crlf.ts': lf.replace(/\n/g, '\r\n'),
    'bom.ts': `\ufeff${lf}`,
    'utf16.ts': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(lf, 'utf16le')]),
  });
  t.after(() => removeTree(root));
  const report = await scan({ paths: [root], workers: 0 });
  const positions = signinOf(report).map((f) => [f.file, f.line, f.column, f.endLine, f.snippet.split('\n')[0]]);
  assert.equal(positions.length, 4, JSON.stringify(report.findings));
  for (const [, line, column, endLine, first] of positions) {
    assert.deepEqual([line, column, endLine, first], [positions[0]![1], positions[0]![2], positions[0]![3], positions[0]![4]]);
  }
  assert.equal(positions[0]![1], 6);
  assert.ok(!String(positions[0]![4]).includes('\r'));
});

test('worker threads and in-process scans produce the same findings', async (t) => {
  const files: Record<string, string> = {};
  for (let i = 0; i < 30; i++) files[`pkg${i}/login.ts`] = legacySigninSource(i % 3);
  for (let i = 0; i < 30; i++) files[`pkg${i}/noise.ts`] = `export const n${i} = ${i};\n`;
  const root = tempTree(files);
  t.after(() => removeTree(root));
  const inProcess = await scan({ paths: [root], workers: 0 });
  process.env.AXEPTIO_MIGRATE_FORCE_POOL = '1';
  try {
    const pooled = await scan({ paths: [root], workers: 2 });
    assert.deepEqual(pooled.findings, inProcess.findings);
    assert.deepEqual({ ...pooled.stats, durationMs: 0 }, { ...inProcess.stats, durationMs: 0 });
  } finally {
    delete process.env.AXEPTIO_MIGRATE_FORCE_POOL;
  }
  assert.equal(signinOf(inProcess).length, 30);
  assert.equal(inProcess.stats.filesScanned, 60);
  assert.equal(inProcess.stats.filesAnalyzed, 30);
});

test('every thread layout (one worker, the main thread with an analyzer worker, extra prefilter workers) gives the in-process report', async (t) => {
  const files: Record<string, string> = {
    'src/paths.ts': "export const SIGNIN_PATH = '/auth/local/signin';\n",
    'src/client.ts': "import axios from 'axios';\nexport const api = axios.create({ baseURL: 'https://api.axept.io/v1' });\n",
    'src/auth.ts': "import { api } from './client';\nimport { SIGNIN_PATH } from './paths';\nexport const signIn = (u: string, p: string) => api.post(SIGNIN_PATH, { username: u, password: p });\n",
    'src/suppressed.ts': legacySigninSource().replace('  const res', '  // axeptio-migrate-ignore-next-line legacy-signin -- migré en mai\n  const res'),
    'src/unused.ts': '// axeptio-migrate-ignore-next-line static-token -- nothing here\nexport const x = 1;\n',
    'deps/package.json': '{"name":"dép","dependencies":{"axios":"1"}}',
    'docs/guide.md': '# Guide ✓\nPOST /auth/local/signin with grant_type=password\n',
    'latin1.php': "<?php $c = curl_init('https://api.axept.io/v1/auth/local/signin');\n",
    'bin.js': '\0binary',
  };
  for (let i = 0; i < 40; i++) files[`pkg${i}/login.ts`] = legacySigninSource(i % 3);
  for (let i = 0; i < 60; i++) files[`pkg${i}/noise.ts`] = `import { a } from './a';\nexport const n${i} = fetch(a, ${i}); // ü\n`;
  const root = tempTree(files);
  t.after(() => removeTree(root));
  const strip = (r: Awaited<ReturnType<typeof scan>>) => JSON.stringify({ ...r, stats: { ...r.stats, durationMs: 0 } });
  const inProcess = await scan({ paths: [root], workers: 0 });
  assert.ok(inProcess.stats.filesAnalyzed! > 40 && inProcess.summary.suppressed!.count > 0, JSON.stringify(inProcess.stats));
  process.env.AXEPTIO_MIGRATE_FORCE_POOL = '1';
  try {
    for (const workers of [1, 2, 3]) {
      const pooled = await scan({ paths: [root], workers });
      assert.equal(strip(pooled), strip(inProcess), `workers: ${workers}`);
      assert.deepEqual(pooled.suppressed, inProcess.suppressed);
    }
  } finally {
    delete process.env.AXEPTIO_MIGRATE_FORCE_POOL;
  }
});

test('threads per layout: the analyzer worker starts with any scan of two or more workers, a single worker only for 500 files', async (t) => {
  const files: Record<string, string> = { 'a.ts': legacySigninSource(), 'c/d.md': '# nothing\n' };
  for (let i = 0; i < 41; i++) files[`b${i}.ts`] = `export const b = ${i};\n`;
  const root = tempTree(files);
  t.after(() => removeTree(root));
  let started = 0;
  const count = (): void => void started++;
  process.on('worker', count);
  t.after(() => process.off('worker', count));
  const threadsFor = async (workers: number): Promise<number> => {
    started = 0;
    const report = await scan({ paths: [root], workers });
    assert.equal(signinOf(report).length, 1, `workers: ${workers}`);
    return started;
  };
  assert.equal(await threadsFor(0), 0);
  assert.equal(await threadsFor(1), 0, '43 files: in-process');
  assert.equal(await threadsFor(2), 1, 'the analyzer worker, started before the walk');
  assert.equal(await threadsFor(4), 1, 'no prefilter worker for 43 files');
  process.env.AXEPTIO_MIGRATE_FORCE_POOL = '1';
  try {
    assert.equal(await threadsFor(1), 1);
    assert.equal(await threadsFor(3), 2, 'the analyzer worker and one prefilter worker');
  } finally {
    delete process.env.AXEPTIO_MIGRATE_FORCE_POOL;
  }
});

test('phase 2 analyzes a non-candidate file that imports a legacy path constant', async (t) => {
  const root = tempTree({
    'src/paths.ts': "export const SIGNIN_PATH = '/auth/local/signin';\n",
    'src/client.ts': "import axios from 'axios';\nexport const api = axios.create({ baseURL: 'https://api.axept.io/v1' });\n",
    'src/auth.ts': [
      "import { api } from './client';",
      "import { SIGNIN_PATH } from './paths';",
      '',
      'export async function signIn(user: string, secret: string) {',
      '  const { data } = await api.post(SIGNIN_PATH, { username: user, password: secret });',
      '  return data.token;',
      '}',
      '',
    ].join('\n'),
  });
  t.after(() => removeTree(root));
  const report = await scan({ paths: [root], workers: 0 });
  assert.deepEqual(signinOf(report).map((f) => [f.file, f.line, f.confidence]), [['src/auth.ts', 5, 'high']]);
  assert.equal(report.stats.filesAnalyzed, 3);
  assert.equal(report.stats.filesScanned, 3, 'phase-2 files are not counted twice');
});

test('phase 2 leaves alone an importer of a relevant module that makes no HTTP call, and does not report it twice', async (t) => {
  const root = tempTree({
    'src/paths.ts': "export const SIGNIN_PATH = '/auth/local/signin';\n",
    'src/log.ts': "import { SIGNIN_PATH } from './paths';\nexport const describe = () => `signs in at ${SIGNIN_PATH}`;\n",
    // Not valid UTF-8: its Latin-1 note must be reported once, though phase 2 reads it again.
    'src/legacy.js': Buffer.from("// caf\xe9\nimport { SIGNIN_PATH } from './paths.js';\nconsole.log(SIGNIN_PATH);\n", 'latin1'),
    'src/net.ts': "import { SIGNIN_PATH } from './paths';\nexport const go = (body: unknown) => fetch(SIGNIN_PATH, { method: 'POST', body: JSON.stringify(body) });\n",
  });
  t.after(() => removeTree(root));
  const report = await scan({ paths: [root], workers: 0 });
  assert.equal(report.stats.filesAnalyzed, 2, 'paths.ts in phase 1, net.ts in phase 2; log.ts and legacy.js make no HTTP call');
  assert.deepEqual(report.stats.errors, [{ file: 'src/legacy.js', reason: 'decoded as Latin-1 (not valid UTF-8)' }]);
});

test('config severity overrides, disabled rules, inline suppressions and min-confidence are all accounted for', async (t) => {
  const root = tempTree({
    'axeptio-migrate.config.json': JSON.stringify({ rules: { 'legacy-signin': 'warning', 'legacy-credentials': 'off' } }),
    'a.ts': legacySigninSource(),
    'b.ts': legacySigninSource().replace('  const res', '  // axeptio-migrate-ignore-next-line legacy-signin -- replaced in PR 7\n  const res'),
    'c.ts': '// axeptio-migrate-ignore-next-line static-token -- nothing here\nexport const x = 1;\n',
    'e.md': '# Notes\n<!-- axeptio-migrate-ignore-next-line legacy-signin -->\nNothing legacy here.\n',
    'd.js': "export const dev = () => fetch('http://localhost:3000/auth/local/signin', { method: 'POST', body: JSON.stringify({ username: 'a', password: process.env.P }) });\n",
  });
  t.after(() => removeTree(root));
  const report = await scan({ paths: [root], workers: 0 });
  assert.deepEqual(signinOf(report).map((f) => [f.file, f.severity]), [['a.ts', 'warning']]);
  assert.equal(report.findings.filter((f) => f.ruleId === 'legacy-credentials').length, 0);
  const items = report.summary.suppressed!.items;
  assert.deepEqual(
    items.filter((i) => i.by === 'inline').map((i) => [i.file, i.ruleId, i.reason]),
    [['b.ts', 'legacy-signin', 'replaced in PR 7']],
  );
  assert.ok(items.some((i) => i.by === 'config' && i.ruleId === 'legacy-credentials' && /"off" in axeptio-migrate.config.json/.test(i.reason)));
  assert.equal(report.summary.suppressed!.count, items.length);
  assert.equal(report.suppressed.length, items.length);
  assert.deepEqual(report.summary.unusedSuppressions, [
    { file: 'c.ts', line: 1, ruleIds: ['static-token'], reason: 'nothing here', problem: 'matched no finding' },
    { file: 'e.md', line: 2, ruleIds: ['legacy-signin'], problem: 'has no reason (`-- <reason>`) and suppresses nothing' },
  ]);
  assert.equal(report.summary.belowMinConfidence, 1, 'the localhost call is low confidence, hidden by default');
  const all = await scan({ paths: [root], workers: 0, minConfidence: 'low' });
  assert.deepEqual(signinOf(all).map((f) => [f.file, f.confidence]), [['a.ts', 'high'], ['d.js', 'low']]);
  assert.equal(all.summary.belowMinConfidence, 0);
  assert.deepEqual(report.summary.byRule, { 'legacy-signin': 1 });
  assert.equal(report.summary.filesWithFindings, 1);
});

test('unreadable, binary and Latin-1 files land in stats.errors with a reason; the scan goes on', async (t) => {
  const root = tempTree({
    'bin.js': new Uint8Array([0x00, 0x61, 0x62]),
    'big.ts': `${'// filler\n'.repeat(200)}${legacySigninSource()}`,
    'latin.ts': Buffer.concat([Buffer.from('// caf\xe9\n', 'latin1'), Buffer.from(legacySigninSource())]),
  });
  t.after(() => removeTree(root));
  const report = await scan({ paths: [root], workers: 0, maxFileSize: 1024 });
  assert.deepEqual(report.stats.errors, [
    { file: 'big.ts', reason: 'skipped: larger than 1 KiB' },
    { file: 'bin.js', reason: 'skipped: binary file (NUL byte in the first 8 KiB)' },
    { file: 'latin.ts', reason: 'decoded as Latin-1 (not valid UTF-8)' },
  ]);
  assert.equal(report.stats.filesScanned, 1);
  assert.deepEqual(signinOf(report).map((f) => [f.file, f.line]), [['latin.ts', 5]]);
});

test('the deadline counts whole days to the cut-off, negative once past', async (t) => {
  const root = tempTree({ 'a.md': '# nothing\n' });
  t.after(() => removeTree(root));
  const today = new Date();
  const iso = (d: Date) => d.toISOString().slice(0, 10);
  const inTen = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() + 10));
  assert.deepEqual((await scan({ paths: [root], workers: 0, deadline: iso(inTen) })).deadline, { date: iso(inTen), daysRemaining: 10 });
  const report = await scan({ paths: [root], workers: 0 });
  assert.equal(report.deadline.date, '2026-07-06');
  const expected = Math.round((Date.UTC(2026, 6, 6) - Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate())) / 86_400_000);
  assert.equal(report.deadline.daysRemaining, expected);
  await assert.rejects(scan({ paths: [root], workers: 0, deadline: '2026-02-30' }), /invalid deadline "2026-02-30"/);
});

test('a missing path is an input error, not an empty report', async () => {
  await assert.rejects(scan({ paths: ['/nonexistent/axm-path'], workers: 0 }), { name: 'ScanInputError', message: /no such file or folder/ });
});

test('the report never serializes the side channel (suppressed findings, code frames)', async (t) => {
  const root = tempTree({ 'a.ts': legacySigninSource() });
  t.after(() => removeTree(root));
  const report = await scan({ paths: [root], workers: 0 });
  assert.deepEqual(Object.keys(JSON.parse(JSON.stringify(report))), ['schemaVersion', 'tool', 'root', 'stats', 'findings', 'summary', 'deadline']);
  writeTree(root, {});
});
