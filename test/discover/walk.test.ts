import { test } from 'node:test';
import assert from 'node:assert/strict';
import { discoverFiles } from '../../src/discover/walk.js';
import { removeTree, tempTree } from './temp-tree.js';

const rels = async (root: string, options: Partial<Parameters<typeof discoverFiles>[0]> = {}) =>
  (await discoverFiles({ root, ...options })).files.map((f) => f.rel);

test('nested .gitignore files apply to their own subtree, deeper negations win, ignored folders stay ignored', async (t) => {
  const root = tempTree({
    '.gitignore': 'ignored/\n*.gen.ts\n',
    '.git/info/exclude': 'excluded.ts\n',
    'a.ts': '',
    'excluded.ts': '',
    'ignored/x.ts': '',
    'ignored/.gitignore': '!x.ts\n',
    'b.gen.ts': '',
    'sub/.gitignore': 'local.ts\n!keep.gen.ts\n',
    'sub/local.ts': '',
    'sub/keep.gen.ts': '',
    'sub/other.ts': '',
    'sub/deeper/local.ts': '',
    'other/local.ts': '',
  });
  t.after(() => removeTree(root));
  assert.deepEqual(await rels(root), ['a.ts', 'other/local.ts', 'sub/keep.gen.ts', 'sub/other.ts']);
  // Scanning a sub-folder still honours the .gitignore files above it, up to the root.
  assert.deepEqual(await rels(root, { paths: [`${root}/sub`] }), ['sub/keep.gen.ts', 'sub/other.ts']);
});

test('the default ignore set skips dependencies, build output, bundles, maps and lock files at any depth', async (t) => {
  const root = tempTree({
    'src/app.js': '',
    'package.json': '{}',
    'node_modules/lib/index.js': '',
    'packages/web/node_modules/x/index.js': '',
    'dist/app.js': '',
    'deep/build/q.js': '',
    'out/o.js': '',
    'coverage/c.js': '',
    '.next/n.js': '',
    '.nuxt/n.js': '',
    '.svelte-kit/s.js': '',
    '.turbo/t.json': '{}',
    '.cache/c.json': '{}',
    'vendor/z.php': '',
    'bower_components/b.js': '',
    'public/app.min.js': '',
    'public/app.bundle.js': '',
    'public/app.js.map': '',
    'package-lock.json': '{}',
    'yarn.lock': '',
    'pnpm-lock.yaml': '',
    '.github/workflows/ci.yml': '',
  });
  t.after(() => removeTree(root));
  assert.deepEqual(await rels(root), ['.github/workflows/ci.yml', 'package.json', 'src/app.js']);
});

test('--include keeps only matching files and --exclude / config ignore drop matching ones', async (t) => {
  const root = tempTree({ 'src/a.ts': '', 'src/b.js': '', 'test/a.test.ts': '', 'docs/x.md': '' });
  t.after(() => removeTree(root));
  assert.deepEqual(await rels(root, { include: ['*.ts'] }), ['src/a.ts', 'test/a.test.ts']);
  assert.deepEqual(await rels(root, { exclude: ['test/', 'docs/**'] }), ['src/a.ts', 'src/b.js']);
  assert.deepEqual(await rels(root, { include: ['src/**'], exclude: ['*.js'] }), ['src/a.ts']);
});

test('explicit files are scanned even when ignored by default or by .gitignore, but never when the user excludes them', async (t) => {
  const root = tempTree({ '.gitignore': 'secret/\n', 'node_modules/pkg/a.js': '', 'secret/b.ts': '', 'c.ts': '', 'notes.bin': '' });
  t.after(() => removeTree(root));
  const paths = [`${root}/node_modules/pkg/a.js`, `${root}/secret/b.ts`];
  const found = await discoverFiles({ root, paths });
  assert.deepEqual(found.files.map((f) => [f.rel, f.explicit]), [
    ['node_modules/pkg/a.js', true],
    ['secret/b.ts', true],
  ]);
  assert.deepEqual(await rels(root, { paths, exclude: ['node_modules/'] }), ['secret/b.ts']);
  const unknown = await discoverFiles({ root, paths: [`${root}/notes.bin`] });
  assert.deepEqual(unknown.files, []);
  assert.match(unknown.errors[0]!.reason, /no analyzer reads this file type/);
});

test('symbolic links are not followed', async (t) => {
  const outside = tempTree({ 'legacy.ts': '' });
  const root = tempTree({ 'a.ts': '' });
  t.after(() => (removeTree(root), removeTree(outside)));
  const { symlinkSync } = await import('node:fs');
  symlinkSync(outside, `${root}/linked-dir`);
  symlinkSync(`${outside}/legacy.ts`, `${root}/linked.ts`);
  assert.deepEqual(await rels(root), ['a.ts']);
});

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

test('a folder that cannot be listed is an error entry, and the rest of the walk goes on', { skip: isRoot && 'root lists mode-000 folders' }, async (t) => {
  const { chmodSync } = await import('node:fs');
  const root = tempTree({ 'a.ts': '', 'locked/b.ts': '' });
  chmodSync(`${root}/locked`, 0o000);
  t.after(() => (chmodSync(`${root}/locked`, 0o755), removeTree(root)));
  const found = await discoverFiles({ root });
  assert.deepEqual(found.files.map((f) => f.rel), ['a.ts']);
  assert.deepEqual(found.errors, [{ file: 'locked', reason: 'folder not readable: EACCES' }]);
});

test('inside a git work tree, .gitignore files above the scanned folder apply; a folder named explicitly is still walked', async (t) => {
  const { execFileSync } = await import('node:child_process');
  const repo = tempTree({
    '.gitignore': 'generated/\nreleases/\n',
    'app/.gitignore': 'local.ts\n',
    'app/src/a.ts': '',
    'app/src/local.ts': '',
    'app/generated/g.ts': '',
    'releases/r.ts': '',
    'releases/generated/g.ts': '',
  });
  t.after(() => removeTree(repo));
  execFileSync('git', ['init', '-q'], { cwd: repo });
  assert.deepEqual(await rels(`${repo}/app`), ['src/a.ts']);
  assert.deepEqual(await rels(`${repo}/releases`), ['r.ts']);
  assert.deepEqual(await rels(repo), ['app/src/a.ts']);
});
