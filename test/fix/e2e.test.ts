/**
 * End to end: a legacy program that signs in with a username and password fails against the
 * emulator (the sign-in is retired); the real CLI's `fix` rewrites it onto the helper; the same
 * program then reaches the API with a client-credentials token — one exchange, no sign-in.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startEmulator, DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, type RunningEmulator } from '../../src/emulator/index.ts';
import { REPO_ROOT, runCli } from '../cli/run-cli.ts';

const FIXTURE = path.join(REPO_ROOT, 'fixtures/fix-e2e');
let dir: string;
let emulator: RunningEmulator;

function git(...args: string[]): string {
  return execFileSync('git', args, { cwd: dir, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.com' } });
}

/** Run the fixture program with only the variables given (plus PATH), like a fresh deployment. */
function runProgram(env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['src/index.js'], { cwd: dir, env: { PATH: process.env.PATH ?? '', ...env } }, (err, stdout, stderr) => {
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : -1) : 0, stdout, stderr });
    });
  });
}

before(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'fix-e2e-'));
  cpSync(FIXTURE, dir, { recursive: true });
  git('init', '-q');
  git('add', '-A');
  git('commit', '-qm', 'legacy integration');
  emulator = await startEmulator({ port: 0 });
});

after(async () => {
  await emulator?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('before the fix, the legacy program fails: the sign-in is retired', async () => {
  const run = await runProgram({ AXEPTIO_API_URL: emulator.apiUrl, AXEPTIO_USERNAME: 'ops@example.com', AXEPTIO_PASSWORD: 'not-a-real-password' });
  assert.notEqual(run.code, 0);
  assert.match(run.stderr, /sign-in failed: HTTP 410/);
  assert.equal(emulator.stats.legacySignins, 1);
  assert.equal(emulator.stats.exchanges, 0);
});

test('fix --dry-run prints the diff, helper included, and writes nothing', async () => {
  const run = await runCli(['fix', '--dry-run'], { cwd: dir });
  assert.equal(run.code, 1, 'changes are pending');
  assert.match(run.stdout, /^\+\+\+ b\/src\/axeptio\.js$/m);
  assert.match(run.stdout, /^\+\+\+ b\/src\/axeptio-token\.js$/m);
  assert.match(run.stdout, /^\+import \{ getAxeptioAccessToken \} from '\.\/axeptio-token\.js';$/m);
  assert.match(run.stderr, /2 files would change/);
  assert.equal(git('status', '--porcelain', '--untracked-files=all'), '');
});

test('fix --patch writes a patch that git can apply, and nothing else', async () => {
  const patch = path.join(os.tmpdir(), `fix-e2e-${process.pid}.patch`);
  try {
    const run = await runCli(['fix', '--patch', patch], { cwd: dir });
    assert.equal(run.code, 1);
    assert.equal(git('status', '--porcelain', '--untracked-files=all'), '');
    git('apply', '--check', patch);
  } finally {
    rmSync(patch, { force: true });
  }
});

test('fix refuses a dirty work tree', async () => {
  const file = path.join(dir, 'package.json');
  const original = readFileSync(file, 'utf8');
  writeFileSync(file, original.replace('"private": true', '"private": false'));
  try {
    const run = await runCli(['fix'], { cwd: dir });
    assert.equal(run.code, 2);
    assert.match(run.stderr, /uncommitted changes \(package\.json\).*--force/);
    assert.equal(readFileSync(path.join(dir, 'src/axeptio.js'), 'utf8'), readFileSync(path.join(FIXTURE, 'src/axeptio.js'), 'utf8'));
  } finally {
    writeFileSync(file, original);
  }
});

test('fix rewrites the program; it then reaches the API with one client-credentials exchange', async () => {
  const run = await runCli(['fix'], { cwd: dir });
  assert.equal(run.code, 0, run.stdout + run.stderr);
  assert.match(run.stdout, /2 files changed/);
  assert.match(run.stdout, /Helper: wrote src\/axeptio-token\.js/);
  assert.match(run.stdout, /AXEPTIO_CLIENT_SECRET/);
  assert.ok(existsSync(path.join(dir, 'src/axeptio-token.js')));
  const client = readFileSync(path.join(dir, 'src/axeptio.js'), 'utf8');
  assert.doesNotMatch(client, /auth\/local\/signin|AXEPTIO_USERNAME|AXEPTIO_PASSWORD/);
  assert.match(readFileSync(path.join(dir, '.env.example'), 'utf8'), /^AXEPTIO_CLIENT_ID=/m);

  const exchangesBefore = emulator.stats.exchanges;
  const apiCallsBefore = emulator.stats.apiCalls;
  const program = await runProgram({
    AXEPTIO_CLIENT_ID: DEMO_CLIENT_ID,
    AXEPTIO_CLIENT_SECRET: DEMO_CLIENT_SECRET,
    AXEPTIO_FRONTEGG_URL: emulator.fronteggUrl,
    AXEPTIO_API_URL: emulator.apiUrl,
  });
  assert.equal(program.code, 0, program.stderr);
  assert.match(program.stdout, /^projects: [1-9]\d*$/m);
  assert.equal(emulator.stats.exchanges - exchangesBefore, 1);
  assert.ok(emulator.stats.apiCalls > apiCallsBefore);
  assert.equal(emulator.stats.apiUnauthorized, 0);
  assert.equal(emulator.stats.legacySignins, 1, 'no new legacy sign-in');
});

test('a second fix changes nothing', async () => {
  git('add', '-A');
  git('commit', '-qm', 'migrated');
  const run = await runCli(['fix'], { cwd: dir });
  assert.equal(run.code, 0, run.stdout + run.stderr);
  assert.match(run.stdout, /0 files changed/);
  assert.equal(git('status', '--porcelain', '--untracked-files=all'), '');
});
