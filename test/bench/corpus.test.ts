/**
 * The bench corpus builder and its checks, on a small fake dependency tree (never timed: the bench
 * itself is a script). The ast-grep baseline rules are run for real on the planted files.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
// @ts-expect-error plain-JS bench modules carry no declarations
import { buildCorpus, corpusDirName, seededRandom } from '../../bench/corpus.mjs';
// @ts-expect-error plain-JS bench modules carry no declarations
import { allPlants, expectedLines, PLANTED_SECRET } from '../../bench/plants.mjs';
// @ts-expect-error plain-JS bench modules carry no declarations
import { missedPlants } from '../../bench/verify.mjs';
// @ts-expect-error plain-JS bench modules carry no declarations
import { median, parseGnuTimeMaxRss, runMeasured } from '../../bench/measure.mjs';

const PROJECT = path.resolve(import.meta.dirname, '../..');

interface Planted { plant: string; file: string; line: number; lineTo: number; ruleId: string }

/** A fake node_modules: ignored folder names, an ignore file, a symlink, and real-sized .js files to append to. */
function fakeSource(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'axm-bench-src-'));
  const filler = '// filler\n'.repeat(3000); // ~30 kB, the size the appended plant looks for
  for (const pkg of ['alpha', 'beta', 'gamma']) {
    fs.mkdirSync(path.join(dir, pkg, 'dist'), { recursive: true });
    fs.mkdirSync(path.join(dir, pkg, 'node_modules', 'inner', 'build'), { recursive: true });
    fs.mkdirSync(path.join(dir, pkg, 'lib'), { recursive: true });
    fs.writeFileSync(path.join(dir, pkg, 'dist', 'index.js'), filler);
    fs.writeFileSync(path.join(dir, pkg, 'lib', 'main.js'), filler);
    fs.writeFileSync(path.join(dir, pkg, 'node_modules', 'inner', 'build', 'x.js'), 'module.exports = 1;\n');
    fs.writeFileSync(path.join(dir, pkg, '.gitignore'), 'dist\n');
    fs.writeFileSync(path.join(dir, pkg, 'package.json'), `{"name":"${pkg}"}\n`);
  }
  fs.symlinkSync(path.join(dir, 'alpha'), path.join(dir, 'link-to-alpha'));
  return dir;
}

function walk(dir: string, out: string[] = [], rel = ''): string[] {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const r = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) walk(path.join(dir, e.name), out, r);
    else out.push(r);
  }
  return out;
}

describe('bench corpus', () => {
  const source = fakeSource();
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'axm-bench-out-'));
  const root = path.join(work, 'corpus');
  const manifestPath = path.join(work, 'manifest.json');
  const manifest = buildCorpus({ root, manifestPath, source, minFiles: 40 });
  const files = walk(root);

  it('copies the source enough times to reach the file floor, and counts what it wrote', () => {
    assert.ok(manifest.files >= 40, `only ${manifest.files} files`);
    assert.equal(files.length, manifest.files);
    assert.equal(manifest.copies, Math.ceil(40 / 12)); // 12 copyable files per copy: 4 per package, no .gitignore
  });

  it('renames default-ignored folders, drops ignore files and symlinks', () => {
    assert.ok(!files.some((f) => /(^|\/)(node_modules|dist|build)\//.test(f)), 'an ignored folder name survived');
    assert.ok(files.some((f) => f.includes('/node_modules_/inner/build_/x.js')));
    assert.ok(!files.some((f) => f.endsWith('.gitignore')));
    assert.ok(!files.some((f) => f.includes('link-to-alpha')));
    assert.equal(corpusDirName('.git'), 'dot_git_');
    assert.equal(corpusDirName('src'), 'src');
  });

  it('records each planted finding at the line of its anchor, in a file that exists', () => {
    assert.equal(manifest.planted.length, allPlants().reduce((n: number, p: { expect: unknown[] }) => n + p.expect.length, 0));
    for (const p of manifest.planted as Planted[]) {
      const text = fs.readFileSync(path.join(root, p.file), 'utf8');
      const lines = text.split('\n');
      assert.ok(p.line >= 1 && p.line <= p.lineTo && p.lineTo <= lines.length, `${p.plant}: ${p.line}-${p.lineTo}`);
    }
    const fetchLiteral = (manifest.planted as Planted[]).find((p) => p.plant === 'fetch-literal-0')!;
    const line = fs.readFileSync(path.join(root, fetchLiteral.file), 'utf8').split('\n')[fetchLiteral.line - 1];
    assert.match(line!, /fetch\('https:\/\/api\.axept\.io\/v1\/auth\/local\/signin'/);
  });

  it('appends one plant after the content of a real file', () => {
    const appended = (manifest.planted as Planted[]).find((p) => p.plant === 'appended-to-real-file')!;
    assert.ok(appended.line > 3000, `appended at line ${appended.line}`);
  });

  it('covers every shape the brief lists', () => {
    const shapes = new Set((manifest.planted as Planted[]).map((p) => p.plant.replace(/-\d+$/, '')));
    for (const s of ['fetch-literal', 'axios-literal', 'axios-instance-cross-file', 'path-constants-imported', 'template-service-name', 'array-join', 'curl-script', 'postman', 'python-requests', 'password-grant', 'frontegg-v1', 'static-token', 'hardcoded-secret']) {
      assert.ok(shapes.has(s), `missing shape ${s}`);
    }
  });

  it('is deterministic for a seed and reused while the manifest matches', () => {
    const again = buildCorpus({ root, manifestPath, source, minFiles: 40 });
    assert.equal(again.reused, true);
    const other = path.join(work, 'again');
    const rebuilt = buildCorpus({ root: other, manifestPath: path.join(work, 'm2.json'), source, minFiles: 40 });
    assert.equal(rebuilt.reused, false);
    assert.deepEqual(rebuilt.planted, manifest.planted);
    const a = seededRandom(1), b = seededRandom(1);
    assert.deepEqual([a(), a(), a()], [b(), b(), b()]);
  });

  it('rebuilds when asked', () => {
    const marker = path.join(root, 'stale.txt');
    fs.writeFileSync(marker, 'x');
    const rebuilt = buildCorpus({ root, manifestPath, source, minFiles: 40, rebuild: true });
    assert.equal(rebuilt.reused, false);
    assert.ok(!fs.existsSync(marker));
  });

  it('plants the literal secret exactly once, in the hard-coded-secret plant', () => {
    const holders = files.filter((f) => fs.readFileSync(path.join(root, f), 'utf8').includes(PLANTED_SECRET));
    assert.equal(holders.length, 1);
    assert.match(holders[0]!, /axeptio-config\.js$/);
  });

  it('the ast-grep baseline rules match the planted JS/TS calls they target', () => {
    const astGrep = path.join(PROJECT, 'node_modules/.bin/ast-grep');
    const res = spawnSync(astGrep, ['scan', '-c', path.join(PROJECT, 'bench/ast-grep/sgconfig.yml'), '--no-ignore', 'hidden', '--json=stream', root], { encoding: 'utf8' });
    assert.equal(res.status, 0, res.stderr);
    const matches = res.stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l) as { ruleId: string; file: string });
    const byRule = (prefix: string) => matches.filter((m) => m.ruleId.startsWith(prefix)).length;
    // Literal path in a call: fetch-literal, axios-literal and instance.post per round (3 rounds), + the appended one.
    assert.equal(byRule('signin-call-'), 10);
    assert.equal(byRule('axios-create-axeptio-'), 3);
    assert.equal(byRule('fetch-api-token-'), 3);
  });
});

describe('bench checks', () => {
  const planted: Planted[] = [
    { plant: 'a', file: 'x/a.ts', line: 3, lineTo: 3, ruleId: 'legacy-signin' },
    { plant: 'b', file: 'x/b.json', line: 5, lineTo: 9, ruleId: 'legacy-signin' },
  ];

  it('counts a plant as found only for the same rule, file and line range', () => {
    assert.deepEqual(missedPlants(planted, [{ ruleId: 'legacy-signin', file: 'x/a.ts', line: 3 }, { ruleId: 'legacy-signin', file: 'x/b.json', line: 9 }]), []);
    assert.deepEqual(missedPlants(planted, [{ ruleId: 'static-token', file: 'x/a.ts', line: 3 }, { ruleId: 'legacy-signin', file: 'x/b.json', line: 10 }]), planted);
    assert.deepEqual(missedPlants(planted, [{ ruleId: 'legacy-signin', file: 'x/a.ts', line: 4 }]).map((p: Planted) => p.plant), ['a', 'b']);
  });

  it('resolves anchors, and refuses missing or ambiguous ones', () => {
    assert.deepEqual(expectedLines('a\nb fetch(\nc\nd Authorization\n', { file: 'f', at: 'fetch(', upTo: 'Authorization' }), { line: 2, lineTo: 4 });
    assert.throws(() => expectedLines('a\n', { file: 'f', at: 'fetch(' }), /not found/);
    assert.throws(() => expectedLines('fetch(\nfetch(\n', { file: 'f', at: 'fetch(' }), /not unique/);
  });

  it('takes the median of odd and even samples', () => {
    assert.equal(median([3, 1, 2]), 2);
    assert.equal(median([4, 1, 3, 2]), 2.5);
    assert.throws(() => median([]));
  });

  it('reads peak RSS from GNU time output, and measures a real child', async () => {
    assert.equal(parseGnuTimeMaxRss('Command exited with non-zero status 1\n51200\n'), 51200 * 1024);
    const big = 'const b = Buffer.alloc(64 * 1024 * 1024, 1); console.log(b.length);';
    for (const method of fs.existsSync('/usr/bin/time') ? ['gnu-time', 'node-probe'] : ['node-probe']) {
      const r = await runMeasured(process.execPath, ['-e', big], { measureRss: method });
      assert.equal(r.code, 0, r.stderr);
      assert.ok(r.maxRssBytes > 64 * 1024 * 1024, `${method}: ${r.maxRssBytes}`);
      assert.ok(r.wallMs > 0);
    }
  });
});
