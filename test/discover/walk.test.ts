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

test('the walk lists exactly the files fast-glob lists with the default ignore globs, odd names included', async (t) => {
  const { execFileSync } = await import('node:child_process');
  const fs = (await import('node:fs')).default;
  const fg = (await import('fast-glob')).default;
  const { DEFAULT_IGNORE_GLOBS, isDefaultIgnored } = await import('../../src/discover/default-ignores.js');
  const { fileKindOf } = await import('../../src/discover/file-kind.js');
  const files: Record<string, string> = {};
  for (const f of [
    'a.ts', 'node_modules', 'dist', 'vendor/v.ts', 'Vendor/v.ts', 'Node_Modules/n.ts', 'deep/er/node_modules/x/y.ts', 'deep/build',
    'x.map/in.ts', 'x.map.ts', '.map', '.min.js', 'a.min.js', 'a.Min.js', 'a.min.js.ts', 'b.bundle.js', 'c.js.map', 'y.MAP',
    'package-lock.json/in.ts', 'yarn.lock', 'Yarn.lock', 'composer.lock/in.ts', 'lib.min.js/in.ts', '.git/config.ts', '.github/w.yml',
    '.env', '.hidden/.dot.ts', 'sp ace/é.ts', 'bs\\lash/q.ts', 'star*/[x].ts', '{a,b}/c.ts', '!neg/n.ts', '#hash/h.ts',
    'new\nline/z.ts', 'new\nline/node_modules/z.ts', 'new\nline/deeper/dist/z.ts', 'cr\rdir/z.ts', 'ls\u2028dir/z.ts', 'ps\u2029dir/z.ts',
    '\nlead.ts', 'mid\nname.ts', 'tail\n.ts', '\rlead.ts', '\u2028lead.ts', 'ok\u2028.ts', 'dir/\nx.ts', 'nodeps/node_modules.ts',
    // Names the walk drops by type as well as by name: a folder named like a lock file or a suffix glob,
    // files named like ignored folders (a submodule's `.git` file among them), lock files with a kind, at depth.
    'sub/package-lock.json', 'sub/npm-shrinkwrap.json', 'sub/pnpm-lock.yaml/in.ts', '.map.d/in.ts', 'm/.map/in.ts', 'c.bundle.js/in.ts',
    'wt/.git', 'wt/w.ts', 'deep/vendor', 'deep/.next', 'deep/.cache/c.json', 'deep/.nuxt.ts', 'nest/a/b/c/coverage/x.ts', 'nest/a/b/c/d.ts',
  ]) files[f] = '';
  const root = tempTree(files);
  t.after(() => removeTree(root));
  fs.symlinkSync(`${root}/vendor`, `${root}/linked-vendor`);
  fs.symlinkSync(`${root}/nest`, `${root}/deep/node_modules`);
  fs.symlinkSync(`${root}/nest/a`, `${root}/linked-nest`);
  fs.symlinkSync(`${root}/a.ts`, `${root}/linked.ts`);
  execFileSync('mkfifo', [`${root}/pipe.ts`]);
  const options = { cwd: root, dot: true, onlyFiles: true, followSymbolicLinks: false, suppressErrors: false } as const;
  const withGlobs = (await fg('**/*', { ...options, ignore: [...DEFAULT_IGNORE_GLOBS] })).sort();
  // The name test drops what the globs drop, kinds aside (no analyzer reads a file named node_modules).
  const pruning = { readdirSync: (dir: string) => fs.readdirSync(dir, { withFileTypes: true }).filter((e) => !isDefaultIgnored(e.name, e.isDirectory())) };
  assert.deepEqual(fg.sync('**/*', { ...options, fs: pruning as never }).sort(), withGlobs);
  const oracle = withGlobs.filter((rel) => fileKindOf(rel));
  assert.ok(oracle.includes('x.map/in.ts') && oracle.includes('mid\nname.ts') && !oracle.includes('new\nline/z.ts'), 'the oracle sees the odd names');
  assert.ok(oracle.includes('m/.map/in.ts') && oracle.includes('nest/a/b/c/d.ts') && !oracle.includes('sub/package-lock.json'), 'the oracle sees the odd types');
  assert.deepEqual(await rels(root), oracle);
});

test('gitignored folders are never listed, and what is found is what the rules keep', async (t) => {
  const fs = (await import('node:fs')).default;
  const root = tempTree({
    '.gitignore': 'tmp/\n*.log.ts\n',
    'a.ts': '',
    'b.log.ts': '',
    'tmp/x.ts': '',
    'tmp/deeper/y.ts': '',
    'tmp/.gitignore': '!x.ts\n',
    'src/tmp/z.ts': '',
    'src/keep.ts': '',
    'src/.gitignore': 'gen/\n!*.log.ts\n',
    'src/c.log.ts': '',
    'src/gen/g.ts': '',
    'other/gen/g.ts': '',
  });
  t.after(() => removeTree(root));
  const listed: string[] = [];
  const readdirSync = fs.readdirSync;
  t.mock.method(fs, 'readdirSync', (...args: Parameters<typeof fs.readdirSync>) => {
    listed.push(String(args[0]));
    return readdirSync(...args);
  });
  assert.deepEqual(await rels(root), ['a.ts', 'other/gen/g.ts', 'src/c.log.ts', 'src/keep.ts']);
  const inside = listed.filter((dir) => /\/(tmp|gen)(\/|$)/.test(dir.slice(root.length)) && !dir.endsWith('/other/gen'));
  assert.deepEqual(inside, [], 'no listing inside an ignored folder');
  assert.ok(listed.includes(`${root}/other/gen`), 'a folder ignored elsewhere is listed');
});

test('nested .gitignore files: each rules its own subtree, deeper ones win, whatever the folder arguments', async (t) => {
  const files: Record<string, string> = {
    '.gitignore': 'ignored/\n*.gen.ts\n',
    'a.ts': '',
    'b.gen.ts': '',
    'ignored/x.ts': '',
    'ignored/.gitignore': '!x.ts\n',
    'sub/.gitignore': 'local.ts\n!keep.gen.ts\n',
    'sub/local.ts': '',
    'sub/keep.gen.ts': '',
    'sub/deeper/local.ts': '',
    'sub/deeper/.gitignore': '!local.ts\n',
    'sub/deeper/more/local.ts': '',
    'other/local.ts': '',
  };
  for (let i = 0; i < 300; i++) files[`bulk/d${i % 7}/f${i}.ts`] = '';
  const root = tempTree(files);
  t.after(() => removeTree(root));
  // The same verdicts whether the folder is walked whole, on its own, or next to an explicit file.
  const whole = (await discoverFiles({ root })).files.map((f) => f.rel);
  const sub = (await discoverFiles({ root, paths: [`${root}/sub`] })).files.map((f) => f.rel);
  assert.deepEqual(sub, whole.filter((rel) => rel.startsWith('sub/')));
  const mixed = (await discoverFiles({ root, paths: [`${root}/sub`, `${root}/a.ts`, root] })).files.map((f) => f.rel);
  assert.deepEqual(mixed, whole);
  const all = (await discoverFiles({ root })).files.map((f) => f.rel);
  assert.ok(!all.includes('ignored/x.ts') && !all.includes('sub/local.ts') && all.includes('sub/deeper/local.ts') && all.includes('sub/deeper/more/local.ts'));
});
