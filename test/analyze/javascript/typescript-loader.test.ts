/**
 * The TypeScript loader's code cache, each case in fresh processes (the loader runs once per
 * process, at import) with its own cache folder.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { TypeScriptLoadInfo } from '../../../src/analyze/javascript/typescript.ts';
import { removeTree, tempTree } from '../../discover/temp-tree.ts';

const repo = fileURLToPath(new URL('../../../', import.meta.url));
const loaderUrl = pathToFileURL(path.join(repo, 'src/analyze/javascript/typescript.ts')).href;
const analyzerUrl = pathToFileURL(path.join(repo, 'src/analyze/javascript/index.ts')).href;
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

interface ChildReport {
  info: TypeScriptLoadInfo;
  /** The test source parsed into its one variable statement. */
  parsed: boolean;
  /** ts-morph's `ts` (a namespace object over the module) and the loader's share one copy of the compiler. */
  sharedWithTsMorph?: boolean;
}

type Step = 'parse' | 'parse-and-remember' | 'analyze' | 'require-ts-morph-first';

/** Load the compiler in a fresh process with `env`, do `step`, and report how it was loaded. */
function freshLoad(step: Step, env: Record<string, string | undefined>, nodeFlags: string[] = []): ChildReport {
  const script = `
    import { createRequire } from 'node:module';
    const requireHere = createRequire(${JSON.stringify(path.join(repo, 'package.json'))});
    const step = ${JSON.stringify(step)};
    const early = step === 'require-ts-morph-first' ? requireHere('ts-morph').ts : undefined;
    const { ts, rememberCompiledTypeScript, typeScriptLoadInfo } = await import(${JSON.stringify(loaderUrl)});
    let parsed;
    if (step === 'analyze') {
      const { analyzeJavaScript } = await import(${JSON.stringify(analyzerUrl)});
      parsed = analyzeJavaScript({ path: 'src/a.ts', text: 'export const answer: number = 42;', kind: 'typescript' }).parsed;
    } else {
      const sf = ts.createSourceFile('a.ts', 'export const answer: number = 42;', ts.ScriptTarget.Latest, true);
      parsed = sf.statements.length === 1 && ts.isVariableStatement(sf.statements[0]);
      if (step === 'parse-and-remember' || step === 'require-ts-morph-first') rememberCompiledTypeScript();
    }
    const sharedWithTsMorph = step === 'analyze' ? undefined : (early ?? requireHere('ts-morph').ts).createSourceFile === ts.createSourceFile;
    process.stdout.write(JSON.stringify({ info: typeScriptLoadInfo(), parsed, sharedWithTsMorph }));
  `;
  const childEnv: Record<string, string | undefined> = { ...process.env, NODE_COMPILE_CACHE: undefined, NODE_DISABLE_COMPILE_CACHE: undefined, ...env };
  const res = spawnSync(process.execPath, [...nodeFlags, '--import', 'tsx', '--input-type=module', '-e', script], {
    cwd: repo,
    env: childEnv as NodeJS.ProcessEnv,
    encoding: 'utf8',
  });
  assert.equal(res.status, 0, `child failed (${res.status ?? res.signal}): ${res.stderr}`);
  assert.equal(res.stderr, '', 'the loader is silent');
  return JSON.parse(res.stdout) as ChildReport;
}

function cacheFilesIn(folder: string): string[] {
  return fs.readdirSync(folder).filter((name) => name.endsWith('.v8cache'));
}

/** A private cache folder holding a valid cache file, and that file's path. */
function warmCache(t: { after(fn: () => void): void }): { folder: string; cacheFile: string } {
  const folder = tempTree({}, 'axm-tscache-');
  t.after(() => removeTree(folder));
  fs.chmodSync(folder, 0o700);
  const cold = freshLoad('parse-and-remember', { NODE_COMPILE_CACHE: folder });
  assert.equal(cold.info.written, true);
  return { folder, cacheFile: cold.info.cacheFile! };
}

test('a cold cache is written once, after the first parse, and the next process compiles from it', async (t) => {
  const folder = tempTree({}, 'axm-tscache-');
  t.after(() => removeTree(folder));
  const cache = path.join(folder, 'nested', 'cache');

  const loadedOnly = freshLoad('parse', { NODE_COMPILE_CACHE: cache });
  assert.equal(loadedOnly.parsed, true);
  assert.equal(loadedOnly.info.source, 'compiled');
  assert.equal(loadedOnly.info.reason, 'no cache file');
  assert.deepEqual(cacheFilesIn(cache), [], 'nothing is written at load, only after a first parse');
  assert.equal(fs.statSync(cache).mode & 0o777, 0o700);

  const cold = freshLoad('parse-and-remember', { NODE_COMPILE_CACHE: cache });
  assert.equal(cold.info.source, 'compiled');
  assert.equal(cold.info.written, true);
  assert.deepEqual(cacheFilesIn(cache), [path.basename(cold.info.cacheFile!)]);
  assert.equal(fs.statSync(cold.info.cacheFile!).mode & 0o777, 0o600);
  const written = fs.readFileSync(cold.info.cacheFile!);

  const warm = freshLoad('parse-and-remember', { NODE_COMPILE_CACHE: cache });
  assert.deepEqual(warm.info, { source: 'cache', cacheFile: cold.info.cacheFile, written: false });
  assert.equal(warm.parsed, true);
  assert.ok(fs.readFileSync(cold.info.cacheFile!).equals(written), 'a cache V8 accepted is not rewritten');
});

test('the analyzer writes the cache after its first file', async (t) => {
  const folder = tempTree({}, 'axm-tscache-');
  t.after(() => removeTree(folder));
  const report = freshLoad('analyze', { NODE_COMPILE_CACHE: folder });
  assert.equal(report.info.source, 'compiled');
  assert.equal(report.info.written, true);
  assert.equal(cacheFilesIn(folder).length, 1);
});

test('a corrupt cache file is refused before V8 reads it, then replaced', async (t) => {
  const { folder, cacheFile } = warmCache(t);
  // Flipped bytes inside the payload: V8 itself would abort the process on these.
  const bytes = fs.readFileSync(cacheFile);
  for (let i = bytes.length >> 1; i < (bytes.length >> 1) + 4000; i += 7) bytes[i]! ^= 0x5a;
  fs.writeFileSync(cacheFile, bytes);
  const afterFlip = freshLoad('parse-and-remember', { NODE_COMPILE_CACHE: folder });
  assert.deepEqual([afterFlip.info.source, afterFlip.info.reason, afterFlip.info.written], ['compiled', 'corrupt cache file', true]);

  fs.writeFileSync(cacheFile, 'not a cache');
  const afterGarbage = freshLoad('parse-and-remember', { NODE_COMPILE_CACHE: folder });
  assert.deepEqual([afterGarbage.info.source, afterGarbage.info.reason, afterGarbage.info.written], ['compiled', 'corrupt cache file', true]);
  assert.equal(freshLoad('parse', { NODE_COMPILE_CACHE: folder }).info.source, 'cache');
});

test('a cache V8 rejects (other V8 flags) is rewritten', async (t) => {
  const { folder } = warmCache(t);
  const otherFlags = freshLoad('parse-and-remember', { NODE_COMPILE_CACHE: folder }, ['--max-old-space-size=1234']);
  assert.deepEqual([otherFlags.info.source, otherFlags.info.reason, otherFlags.info.written], ['compiled', 'rejected by V8', true]);
  assert.equal(freshLoad('parse', { NODE_COMPILE_CACHE: folder }, ['--max-old-space-size=1234']).info.source, 'cache');
});

test('NODE_DISABLE_COMPILE_CACHE=1: no cache read or written', async (t) => {
  const { folder, cacheFile } = warmCache(t);
  fs.rmSync(cacheFile);
  const report = freshLoad('parse-and-remember', { NODE_COMPILE_CACHE: folder, NODE_DISABLE_COMPILE_CACHE: '1' });
  assert.deepEqual(report.info, { source: 'require', reason: 'disabled', written: false });
  assert.equal(report.parsed, true);
  assert.deepEqual(fs.readdirSync(folder), []);
});

test('a cache folder writable by others, or owned by someone else, is not used', async (t) => {
  const { folder, cacheFile } = warmCache(t);
  const valid = fs.readFileSync(cacheFile);

  fs.chmodSync(folder, 0o777);
  const worldWritable = freshLoad('parse-and-remember', { NODE_COMPILE_CACHE: folder });
  assert.deepEqual(worldWritable.info, { source: 'require', reason: 'folder not private', written: false });
  fs.chmodSync(folder, 0o770);
  assert.equal(freshLoad('parse', { NODE_COMPILE_CACHE: folder }).info.reason, 'folder not private', 'group-writable');
  fs.chmodSync(folder, 0o700);
  assert.ok(fs.readFileSync(cacheFile).equals(valid));

  if (!isRoot) return; // only root can give a folder away
  fs.chownSync(folder, 1, 1);
  const foreign = freshLoad('parse-and-remember', { NODE_COMPILE_CACHE: folder });
  assert.deepEqual(foreign.info, { source: 'require', reason: 'folder not private', written: false });
});

test('a cache file that is a symlink is not followed, and is replaced by a real file', async (t) => {
  const { folder, cacheFile } = warmCache(t);
  const elsewhere = path.join(folder, 'elsewhere.bin');
  fs.renameSync(cacheFile, elsewhere);
  fs.symlinkSync(elsewhere, cacheFile);
  const report = freshLoad('parse-and-remember', { NODE_COMPILE_CACHE: folder });
  assert.deepEqual([report.info.source, report.info.reason, report.info.written], ['compiled', 'unreadable: ELOOP', true]);
  assert.equal(fs.lstatSync(cacheFile).isFile(), true);
});

test('an unusable cache location does not fail the load', async (t) => {
  const folder = tempTree({ 'a-file': 'x' }, 'axm-tscache-');
  t.after(() => removeTree(folder));
  const report = freshLoad('parse-and-remember', { NODE_COMPILE_CACHE: path.join(folder, 'a-file', 'cache') });
  assert.deepEqual(report.info, { source: 'require', reason: 'no folder: ENOTDIR', written: false });
  assert.equal(report.parsed, true);
});

test('one copy of TypeScript per process, whichever of ts-morph and the loader comes first', async (t) => {
  const { folder } = warmCache(t);
  const loaderFirst = freshLoad('parse', { NODE_COMPILE_CACHE: folder });
  assert.equal(loaderFirst.info.source, 'cache');
  assert.equal(loaderFirst.sharedWithTsMorph, true);
  const tsMorphFirst = freshLoad('require-ts-morph-first', { NODE_COMPILE_CACHE: folder });
  assert.deepEqual(tsMorphFirst.info, { source: 'require', reason: 'already loaded', written: false });
  assert.equal(tsMorphFirst.sharedWithTsMorph, true);
});
