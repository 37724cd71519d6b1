// The generated Python helper (standard library only), run by python3 against the emulator.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterEach, describe, test } from 'node:test';
import { startEmulator, type EmulatorOptions, type RunningEmulator } from '../../src/emulator/index.js';
import { writeGenerated } from './generated-helper.js';

const CLIENT_ID = 'py-client';
const SECRET = 'py_Sup3rSecret_never_printed';
const DRIVER = path.join(import.meta.dirname, 'python_driver.py');
const helperDir = path.dirname(writeGenerated('python'));

const running: RunningEmulator[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((e) => e.close()));
});

async function emulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const emu = await startEmulator({ clients: { [CLIENT_ID]: SECRET }, ...options });
  running.push(emu);
  return emu;
}

/** Run one driver scenario; `onReady` runs when the driver prints "ready", before it continues. */
function runScenario(emu: RunningEmulator, scenario: string, onReady?: () => void): Promise<any> {
  return new Promise((resolve, reject) => {
    const env = { PATH: process.env.PATH, TEST_CLIENT_ID: CLIENT_ID, TEST_SECRET: SECRET, TEST_FRONTEGG_URL: emu.fronteggUrl, TEST_API_URL: emu.apiUrl };
    const child = spawn('python3', [DRIVER, helperDir, scenario], { env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk;
      if (onReady && stdout.startsWith('ready\n')) {
        stdout = stdout.slice('ready\n'.length);
        onReady();
        onReady = undefined;
        child.stdin.write('go\n');
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`python3 ${scenario} exited ${code}: ${stderr}`));
      assert.ok(!stdout.includes(SECRET) && !stderr.includes(SECRET), 'the secret never reaches the output');
      resolve(JSON.parse(stdout));
    });
  });
}

describe('generated helper (python)', () => {
  test('caches the token, and 20 threads share one exchange', async () => {
    const emu = await emulator();
    const out = await runScenario(emu, 'cached-and-concurrent');
    assert.equal(out.same, true);
    assert.deepEqual([out.count, out.distinct], [20, 1]);
    assert.equal(emu.stats.exchanges, 2, 'one per provider');
  });

  test('renews through the refresh route once inside the margin (injected clock)', async () => {
    const emu = await emulator();
    const out = await runScenario(emu, 'refresh');
    assert.deepEqual(out, { cachedBeforeMargin: true, renewed: true, apiStatus: 200 });
    assert.equal(emu.stats.refreshes, 1);
    assert.equal(emu.stats.exchanges, 1);
  });

  test('a refused refresh falls back to exactly one exchange', async () => {
    const emu = await emulator({ faults: { refuseRefresh: true } });
    const out = await runScenario(emu, 'refused-refresh');
    assert.equal(out.renewed, true);
    assert.equal(emu.stats.refusedRefreshes, 1);
    assert.equal(emu.stats.exchanges, 2);
  });

  test('retries a 5xx burst with bounded backoff', async () => {
    const emu = await emulator({ faults: { failNext: { count: 2, status: 502 } } });
    const out = await runScenario(emu, 'retry-5xx');
    assert.equal(out.ok, true);
    assert.equal(out.sleeps.length, 2);
    out.sleeps.forEach((s: number, i: number) => assert.ok(s >= 0 && s <= 0.1 * 2 ** i));
    assert.equal(emu.stats.tokenRequests, 3);
  });

  test('wrong credentials: EXCHANGE_FAILED 401, not retried, secret absent from the traceback', async () => {
    const emu = await emulator();
    const out = await runScenario(emu, 'wrong-secret');
    assert.equal(out.error.code, 'EXCHANGE_FAILED');
    assert.equal(out.error.status, 401);
    assert.equal(emu.stats.tokenRequests, 1);
  });

  test('a hanging token service raises TIMEOUT', async () => {
    const emu = await emulator({ faults: { hangNext: { count: 1, ms: 120_000 } } });
    const out = await runScenario(emu, 'timeout');
    assert.equal(out.error.code, 'TIMEOUT');
  });

  test('axeptio_request: 401 → one forced refresh, params and JSON bodies, /v1 not doubled', async () => {
    const emu = await emulator();
    const out = await runScenario(emu, 'request-401', () => emu.setFaults({ revokeAccessTokens: 'all' }));
    assert.deepEqual(out, { first: 200, second: 200, page: 2, created: [201, 'From Python'] });
    assert.equal(emu.stats.apiUnauthorized, 1);
    assert.equal(emu.stats.refreshes, 1);
  });

  test('module functions read the environment lazily and name the missing variable', async () => {
    const emu = await emulator();
    const out = await runScenario(emu, 'env');
    assert.equal(out.missing.code, 'MISSING_ENV');
    assert.match(out.missing.text, /AXEPTIO_CLIENT_ID/);
    assert.equal(out.status, 200);
    assert.equal(out.same, true);
  });
});
