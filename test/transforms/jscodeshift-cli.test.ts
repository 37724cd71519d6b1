/** The transforms are public: they must run under the plain jscodeshift CLI, not only in-process. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { FIXTURES } from './fixture-runner.ts';

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '../..');

test('signin-to-client-credentials runs under the jscodeshift CLI and rewrites files in place', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'jscs-cli-'));
  try {
    const fixtures = path.join(FIXTURES, 'signin-to-client-credentials');
    copyFileSync(path.join(fixtures, 'axios-ts.input.ts'), path.join(dir, 'client.ts'));
    copyFileSync(path.join(fixtures, 'human-login.input.js'), path.join(dir, 'login.js'));
    const { stdout } = await run(path.join(ROOT, 'node_modules/.bin/jscodeshift'), ['-t', path.join(ROOT, 'transforms/signin-to-client-credentials.ts'), '--parser=tsx', dir], { cwd: dir });
    assert.equal(readFileSync(path.join(dir, 'client.ts'), 'utf8'), readFileSync(path.join(fixtures, 'axios-ts.output.ts'), 'utf8'));
    assert.equal(readFileSync(path.join(dir, 'login.js'), 'utf8'), readFileSync(path.join(fixtures, 'human-login.input.js'), 'utf8'));
    assert.match(stdout, /login\.js:9: manual step: .*interactive login/);
    assert.match(stdout, /1 ok/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
