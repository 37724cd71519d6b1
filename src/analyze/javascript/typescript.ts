/**
 * The TypeScript compiler API of the JS/TS analyzer: the copy ts-morph bundles
 * (`@ts-morph/common/dist/typescript.js`, 9 MB of CommonJS), since the `typescript` package's
 * current major is the native port, which has no JS API.
 *
 * Loading it is on the critical path of every scan with a JS/TS candidate, and most of Node's
 * ~0.4 s `require` of it is V8 compiling the bundle (importing `ts-morph` for its `ts` export costs
 * ~0.9 s). So it is compiled through `vm.Script` with a V8 code cache kept on disk, which brings
 * the load to ~0.17 s, most of it running the bundle's top level. Node 22 does this for every
 * module (`module.enableCompileCache()`); Node 20, which we support, does not, so this is our own,
 * for the one bundle that matters. It honours Node's variables for that cache: `NODE_COMPILE_CACHE`
 * (the folder) and `NODE_DISABLE_COMPILE_CACHE=1`.
 *
 * The cache is executable code, hence a private folder (ours, not writable by group or others),
 * no symlinked cache file, atomic writes, and a SHA-256 digest checked before V8 sees the data:
 * Node 20's V8 checks its code cache's versions and flags but not its content, and aborts the
 * process on corrupt data. Anything going wrong falls back to Node's `require`, silently: the
 * cache is only an optimisation.
 */
import { isAscii } from 'node:buffer';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import Module, { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import type { ts as TypeScriptApi } from 'ts-morph';
import { setAnalyzerV8Flags } from '../v8-flags.js';

/** The TypeScript namespace for type references (`TS.Node`); the API itself is the value `ts`. */
export type { ts as TS } from 'ts-morph';

/** How this process got the compiler. */
export interface TypeScriptLoadInfo {
  /** `cache`: compiled from the code cache; `compiled`: from source, the cache to be written; `require`: Node's own loader. */
  source: 'cache' | 'compiled' | 'require';
  /** The cache file, when the cache folder is usable. */
  cacheFile?: string;
  /** Why no cache was read, when none was. */
  reason?: string;
  /** Whether this process wrote the cache file. */
  written: boolean;
}

const MAGIC = Buffer.from('axm-v8c1');
const DIGEST_BYTES = 32;

const bundlePath = resolveBundle();
const requireFromBundle = createRequire(bundlePath);
let loadInfo: TypeScriptLoadInfo = { source: 'require', written: false };
let unsavedCompilation: { script: vm.Script; cacheFile: string } | undefined;

/** The TypeScript compiler API (ts-morph's bundled copy). */
export const ts: typeof TypeScriptApi = loadTypeScript();

/** How the compiler was loaded in this process (a copy: tests and diagnostics only). */
export function typeScriptLoadInfo(): TypeScriptLoadInfo {
  return { ...loadInfo };
}

/**
 * Write the code cache if this process compiled the bundle from source. The analyzer calls this
 * after each file; only the first call with work to do writes. Writing after a first parse, not at
 * load, is what puts the parser's lazily compiled functions in the cache too (a warm process's first
 * parse then takes ~2 ms instead of ~12), and an explicit call at a known point, unlike a timer, cannot lose the race with a
 * worker being terminated or a process exiting.
 */
export function rememberCompiledTypeScript(): void {
  const unsaved = unsavedCompilation;
  if (!unsaved) return;
  unsavedCompilation = undefined;
  try {
    writeAtomically(unsaved.cacheFile, seal(unsaved.script.createCachedData()));
    loadInfo.written = true;
  } catch {
    // Only an optimisation: the next process compiles from source again.
  }
}

/** The copy ts-morph itself loads: resolved from ts-morph's location, not ours. */
function resolveBundle(): string {
  const tsMorphMain = createRequire(import.meta.url).resolve('ts-morph');
  return createRequire(tsMorphMain).resolve('@ts-morph/common/dist/typescript.js');
}

function loadTypeScript(): typeof TypeScriptApi {
  // V8 accepts a code cache only under the flags it was made with: set them before, every time.
  setAnalyzerV8Flags();
  const alreadyLoaded = requireFromBundle.cache[bundlePath];
  if (alreadyLoaded?.loaded) {
    loadInfo = { source: 'require', reason: 'already loaded', written: false };
    return alreadyLoaded.exports as typeof TypeScriptApi;
  }
  try {
    const loaded = loadThroughCodeCache();
    if (loaded) return loaded;
  } catch (err) {
    unsavedCompilation = undefined;
    loadInfo = { source: 'require', reason: `cache path failed: ${err instanceof Error ? err.message : String(err)}`, written: false };
  }
  return requireFromBundle(bundlePath) as typeof TypeScriptApi;
}

/** The bundle compiled with the code cache, or undefined when there is no cache to read or write. */
function loadThroughCodeCache(): typeof TypeScriptApi | undefined {
  const folder = cacheFolder();
  if (!folder.path) {
    loadInfo = { source: 'require', reason: folder.reason, written: false };
    return undefined;
  }
  const { source, stat } = readBundle();
  const cacheFile = path.join(folder.path, cacheFileName(stat));
  const cached = readCacheFile(cacheFile);
  if (!cached.data && !folder.writable) {
    // Compiling through vm only pays when the result can be saved.
    loadInfo = { source: 'require', cacheFile, reason: `${cached.reason}; folder not writable`, written: false };
    return undefined;
  }
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
    filename: bundlePath,
    cachedData: cached.data,
  });
  const accepted = cached.data !== undefined && !script.cachedDataRejected;
  const api = runAsCommonJs(script);
  loadInfo = accepted
    ? { source: 'cache', cacheFile, written: false }
    : { source: 'compiled', cacheFile, reason: cached.data ? 'rejected by V8' : cached.reason, written: false };
  if (!accepted && folder.writable) unsavedCompilation = { script, cacheFile };
  return api;
}

/** Run the compiled wrapper as Node runs a CommonJS file, and register it so `ts-morph`, if loaded later, shares this copy. */
function runAsCommonJs(script: vm.Script): typeof TypeScriptApi {
  const bundleModule = new Module(bundlePath);
  bundleModule.filename = bundlePath;
  const wrapper = script.runInThisContext() as (...args: unknown[]) => void;
  wrapper.call(bundleModule.exports, bundleModule.exports, requireFromBundle, bundleModule, bundlePath, path.dirname(bundlePath));
  const api = bundleModule.exports as typeof TypeScriptApi;
  if (typeof api.createSourceFile !== 'function') throw new Error('the bundle did not export the TypeScript API');
  bundleModule.loaded = true;
  requireFromBundle.cache[bundlePath] = bundleModule;
  return api;
}

/** The bundle's text and stat, from one open file so they describe the same version. */
function readBundle(): { source: string; stat: fs.Stats } {
  const fd = fs.openSync(bundlePath, 'r');
  try {
    const bytes = fs.readFileSync(fd);
    // The bundle is ASCII: decoding it as Latin-1 gives the same text, without UTF-8's validation pass.
    return { stat: fs.fstatSync(fd), source: bytes.toString(isAscii(bytes) ? 'latin1' : 'utf8') };
  } finally {
    fs.closeSync(fd);
  }
}

/** Everything that invalidates the cache, hashed into its name (V8 rejects other mismatches itself, e.g. flags). */
function cacheFileName(bundle: fs.Stats): string {
  const key = JSON.stringify([bundlePath, bundle.size, bundle.mtimeMs, process.version, process.arch]);
  return `typescript-${createHash('sha256').update(key).digest('hex').slice(0, 32)}.v8cache`;
}

/** The cache folder if it is private to this user; created when missing. */
function cacheFolder(): { path?: string; writable: boolean; reason?: string } {
  if (process.env.NODE_DISABLE_COMPILE_CACHE === '1') return { writable: false, reason: 'disabled' };
  const configured = process.env.NODE_COMPILE_CACHE;
  // One folder per user in a shared temp folder: whoever created a common one would own it, and
  // every other user would silently go without a cache.
  const user = typeof process.getuid === 'function' ? `-${process.getuid()}` : '';
  const wanted = configured ? path.resolve(configured) : path.join(os.tmpdir(), `axeptio-migrate-compile-cache${user}`);
  try {
    fs.mkdirSync(wanted, { recursive: true, mode: 0o700 });
    // Checked on the real path and used through it, so a symlink swapped in afterwards is not followed.
    const real = fs.realpathSync(wanted);
    const stat = fs.lstatSync(real);
    if (!stat.isDirectory()) return { writable: false, reason: 'not a folder' };
    if (!ownedPrivately(stat)) return { writable: false, reason: 'folder not private' };
    return { path: real, writable: isWritable(real) };
  } catch (err) {
    return { writable: false, reason: `no folder: ${errorCode(err)}` };
  }
}

/**
 * Owned by this user and not writable by group or others. Windows has no uids and no meaningful
 * mode bits; there the default folder is under the per-user temp folder.
 */
function ownedPrivately(stat: fs.Stats): boolean {
  if (typeof process.getuid !== 'function') return true;
  return stat.uid === process.getuid() && (stat.mode & 0o022) === 0;
}

function isWritable(folder: string): boolean {
  try {
    fs.accessSync(folder, fs.constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/** The cache's V8 data if the file is ours, not a symlink, and intact. */
function readCacheFile(file: string): { data?: Buffer; reason?: string } {
  let fd: number;
  try {
    fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NOFOLLOW ?? 0));
  } catch (err) {
    return { reason: errorCode(err) === 'ENOENT' ? 'no cache file' : `unreadable: ${errorCode(err)}` };
  }
  try {
    const stat = fs.fstatSync(fd);
    if (!stat.isFile() || !ownedPrivately(stat)) return { reason: 'cache file not private' };
    const data = unseal(fs.readFileSync(fd));
    return data ? { data } : { reason: 'corrupt cache file' };
  } finally {
    fs.closeSync(fd);
  }
}

/** Magic, then the payload's SHA-256, then the payload. */
function seal(payload: Buffer): Buffer {
  return Buffer.concat([MAGIC, createHash('sha256').update(payload).digest(), payload]);
}

function unseal(file: Buffer): Buffer | undefined {
  const headerBytes = MAGIC.length + DIGEST_BYTES;
  if (file.length <= headerBytes || !file.subarray(0, MAGIC.length).equals(MAGIC)) return undefined;
  const payload = file.subarray(headerBytes);
  const digest = createHash('sha256').update(payload).digest();
  return digest.equals(file.subarray(MAGIC.length, headerBytes)) ? payload : undefined;
}

/** Temp file in the same folder, then rename: a concurrent reader sees the old file or the new one, never half of one. */
function writeAtomically(file: string, data: Buffer): void {
  const temp = `${file}.${process.pid}-${randomBytes(6).toString('hex')}.tmp`;
  try {
    fs.writeFileSync(temp, data, { mode: 0o600, flag: 'wx' });
    fs.renameSync(temp, file);
  } catch (err) {
    fs.rmSync(temp, { force: true });
    throw err;
  }
}

function errorCode(err: unknown): string {
  return (err as NodeJS.ErrnoException | undefined)?.code ?? (err instanceof Error ? err.message : String(err));
}
