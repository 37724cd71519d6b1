// `axeptio-migrate emulator`: prints what to export, serves, and stops on SIGTERM (real child process).
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, test } from 'node:test';
import { runEmulatorCommand } from '../../src/cli/commands/emulator.js';
import { captureIO } from '../cli/run-cli.ts';

const REPO_ROOT = path.resolve(import.meta.dirname, '../..');

function exportsFrom(text: string): Record<string, string> {
  return Object.fromEntries([...text.matchAll(/^export (\w+)=(\S+)$/gm)].map((m) => [m[1]!, m[2]!]));
}

describe('emulator command', () => {
  test('runs until SIGTERM; the printed exports work against it', async () => {
    const script = `
      import { emulatorCommand } from './src/cli/commands/emulator.ts';
      const code = await emulatorCommand.run({ port: 0, ttl: 900 }, { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd(), env: process.env });
      process.exitCode = code;
    `;
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (d) => {
        stdout += d;
        if (stdout.includes('Stop with Ctrl-C.')) resolve();
      });
      child.on('close', () => reject(new Error(`exited early: ${stderr}`)));
    });
    const env = exportsFrom(stdout);
    assert.match(env.AXEPTIO_FRONTEGG_URL!, /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.equal(env.AXEPTIO_API_URL, `${env.AXEPTIO_FRONTEGG_URL}/v1`);
    const res = await fetch(`${env.AXEPTIO_FRONTEGG_URL}/identity/resources/auth/v2/api-token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ clientId: env.AXEPTIO_CLIENT_ID, secret: env.AXEPTIO_CLIENT_SECRET }),
    });
    assert.equal(res.status, 200);
    assert.equal(((await res.json()) as { expires_in: number }).expires_in, 900);
    child.kill('SIGTERM');
    assert.equal(await exited, 0, stderr);
    assert.match(stdout, /Stopped\. exchanges=1 /);
  });

  test('a custom secret is accepted but never printed', async () => {
    const { io, out } = captureIO(REPO_ROOT);
    let stop!: () => void;
    const stopped = new Promise<void>((resolve) => (stop = resolve));
    const running = runEmulatorCommand({ 'client-id': 'ci', 'client-secret': 'ci-only-secret-42' }, io, () => stopped);
    while (!out().includes('Stop with Ctrl-C.')) await new Promise((r) => setImmediate(r));
    const env = exportsFrom(out());
    assert.equal(env.AXEPTIO_CLIENT_ID, 'ci');
    assert.equal(env.AXEPTIO_CLIENT_SECRET, undefined);
    assert.ok(!out().includes('ci-only-secret-42'));
    const res = await fetch(`${env.AXEPTIO_FRONTEGG_URL}/identity/resources/auth/v2/api-token`, {
      method: 'POST',
      body: JSON.stringify({ clientId: 'ci', secret: 'ci-only-secret-42' }),
    });
    assert.equal(res.status, 200);
    stop();
    assert.equal(await running, 0);
  });

  test('invalid numbers are usage errors', async () => {
    const { io, err } = captureIO(REPO_ROOT);
    assert.equal(await runEmulatorCommand({ ttl: 0 }, io, () => Promise.resolve()), 2);
    assert.match(err(), /--ttl must be a positive integer/);
    assert.equal(await runEmulatorCommand({ port: -1 }, io, () => Promise.resolve()), 2);
  });
});
