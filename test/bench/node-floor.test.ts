/** bench/node-floor.mjs, the plain Node read-and-regex reference, on a small tree: what it counts. */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { removeTree, tempTree } from '../discover/temp-tree.js';

const PROJECT = path.resolve(import.meta.dirname, '../..');

test('node-floor reads the file types the scan reads, up to 2 MiB, and counts those with a screen literal', (t) => {
  const root = tempTree({
    'a/login.ts': "fetch('https://api.axept.io/v1/auth/local/signin');\n",
    'b/config.json': '{ "grant_type": "password" }\n',
    'b/Upper.JS': 'const CLIENT_SECRET = process.env.X;\n',
    'c/plain.js': 'export const n = 1;\n',
    'c/big.js': `// axept\n${'x'.repeat(2 * 1024 * 1024)}\n`,
    'd/image.png': 'axept',
    'deep/er/still/notes.md': 'Nothing to see.\n',
  });
  t.after(() => removeTree(root));
  const run = spawnSync(process.execPath, [path.join(PROJECT, 'bench/node-floor.mjs'), root], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  // Six files of a kind the scan reads (not the .png); big.js is over 2 MiB and not screened.
  assert.equal(run.stdout.trim(), '6 files, 3 with a screen literal');
});
