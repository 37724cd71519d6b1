import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { removeTree, tempTree } from '../discover/temp-tree.js';
import { REPO_ROOT, SAMPLE_APP } from './run-cli.js';

const run = promisify(execFile);
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

test('the packed tarball installs into an empty project and its bin scans the sample app', async (t) => {
  const work = tempTree({ 'consumer/package.json': '{ "name": "consumer", "version": "1.0.0", "private": true }' }, 'axm-pack-');
  t.after(() => removeTree(work));
  // --ignore-scripts: dist/ is already built by `npm test`; rebuilding here would rewrite files other tests are running.
  const { stdout } = await run(npm, ['pack', '--ignore-scripts', '--json', '--pack-destination', work], { cwd: REPO_ROOT, maxBuffer: 32 * 1024 * 1024 });
  const [packed] = JSON.parse(stdout) as Array<{ filename: string; files: Array<{ path: string }> }>;
  const shipped = packed!.files.map((f) => f.path);
  for (const required of ['bin/axeptio-migrate.js', 'dist/src/cli/main.js', 'dist/src/scan/worker.js', 'dist/src/index.d.ts', 'package.json', 'README.md']) {
    assert.ok(shipped.includes(required), `${required} is in the tarball`);
  }
  assert.deepEqual(shipped.filter((p) => /^(test|fixtures)\//.test(p)), [], 'no tests or fixtures shipped');
  assert.deepEqual(shipped.filter((p) => p.startsWith('src/') && !p.startsWith('src/helper/template/')), [], 'sources only as helper templates');

  const consumer = path.join(work, 'consumer');
  await run(npm, ['install', '--no-audit', '--no-fund', '--prefer-offline', path.join(work, path.basename(packed!.filename))], { cwd: consumer, maxBuffer: 32 * 1024 * 1024 });
  const bin = path.join(consumer, 'node_modules', '.bin', 'axeptio-migrate');
  assert.ok(fs.existsSync(bin), 'bin linked');
  const scan = await run(bin, ['scan', SAMPLE_APP, '--format', 'json', '--fail-on', 'none', '--workers', '2'], {
    cwd: consumer,
    maxBuffer: 32 * 1024 * 1024,
    env: { ...process.env, AXEPTIO_MIGRATE_FORCE_POOL: '1' }, // the installed worker file must load too
  });
  const doc = JSON.parse(scan.stdout);
  assert.equal(doc.tool.name, 'axeptio-migrate');
  assert.ok(doc.findings.some((f: { ruleId: string; file: string }) => f.ruleId === 'legacy-signin' && f.file === 'src/axeptio/auth.ts'), scan.stdout);

  // The tree-sitter runtime and grammar wasm files resolve from the installed package's dependencies.
  const python = await run(bin, ['scan', path.join(REPO_ROOT, 'fixtures/languages/python'), '--format', 'json', '--fail-on', 'none', '--workers', '2'], {
    cwd: consumer,
    maxBuffer: 32 * 1024 * 1024,
    env: { ...process.env, AXEPTIO_MIGRATE_FORCE_POOL: '1' },
  });
  const pyDoc = JSON.parse(python.stdout) as { stats: { filesParsed: number; errors: unknown[] }; findings: Array<{ ruleId: string; file: string }> };
  assert.deepEqual(pyDoc.stats.errors, [], 'no grammar failed to load, no file fell back to the lexical reader');
  assert.ok(pyDoc.stats.filesParsed >= 3, `Python files were parsed by tree-sitter: ${JSON.stringify(pyDoc.stats)}`);
  assert.ok(pyDoc.findings.some((f) => f.ruleId === 'legacy-signin' && f.file === 'axeptio/client.py'), python.stdout);
});
