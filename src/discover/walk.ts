/**
 * Discovery: which files of the scanned paths get read. fast-glob walks (dot files included,
 * symlinks never followed, default ignores pruned during the walk); .gitignore files at every
 * level from the top of the enclosing git work tree (or the root outside git) and
 * `.git/info/exclude` are then applied, then the user's `--exclude`/config `ignore` and
 * `--include`. A folder named on the command line is walked even if a .gitignore lists it (its
 * contents still obey the rules). Folders that cannot be listed become errors, not aborts.
 *
 * Explicit file arguments behave like ESLint's: they are scanned even when the default ignore
 * set or a .gitignore would skip them, but never when the user's own exclude globs match.
 */
import fg from 'fast-glob';
import fs from 'node:fs';
import path from 'node:path';
import { DEFAULT_IGNORE_GLOBS } from './default-ignores.js';
import { fileKindOf, type FileKind } from './file-kind.js';
import { GitignoreTree, globMatcher } from './gitignore.js';

export interface DiscoverOptions {
  /** Absolute scan root: reported paths are relative to it and .gitignore files are read from it down. */
  root: string;
  /** Absolute files or folders to scan (default: the root). */
  paths?: string[];
  /** Only files matching one of these (gitignore syntax, relative to root). */
  include?: readonly string[];
  /** Never files matching these (`--exclude` plus config `ignore`; gitignore syntax, relative to root). */
  exclude?: readonly string[];
}

export interface DiscoveredFile {
  /** Absolute path. */
  abs: string;
  /** POSIX path relative to the root. */
  rel: string;
  /** Analyzer kind; undefined for files read only as manifests (none today: package.json is 'json'). */
  kind: FileKind;
  /** Named on the command line rather than found by walking. */
  explicit: boolean;
}

export interface Discovery {
  files: DiscoveredFile[];
  /** Explicit files skipped for a reason, and folders that could not be listed. */
  errors: Array<{ file: string; reason: string }>;
}

/** POSIX path of `abs` relative to `root`. */
export function relativePosix(root: string, abs: string): string {
  const rel = path.relative(root, abs);
  return (rel === '' ? '.' : rel).split(path.sep).join('/');
}

/** Walk the scanned paths and return the files an analyzer reads, sorted by relative path. */
export async function discoverFiles(options: DiscoverOptions): Promise<Discovery> {
  const root = path.resolve(options.root);
  const errors: Discovery['errors'] = [];
  const userExcluded = globMatcher(options.exclude ?? []);
  const included = options.include?.length ? globMatcher(options.include) : () => true;
  const seen = new Map<string, DiscoveredFile>();

  const folders: string[] = [];
  for (const target of options.paths?.length ? options.paths : [root]) {
    const abs = path.resolve(root, target);
    const stat = fs.statSync(abs, { throwIfNoEntry: false });
    if (stat?.isDirectory()) {
      folders.push(abs);
      continue;
    }
    const rel = relativePosix(root, abs);
    if (userExcluded(rel)) continue;
    const kind = fileKindOf(rel);
    if (!kind) {
      errors.push({ file: rel, reason: 'skipped: no analyzer reads this file type' });
      continue;
    }
    seen.set(abs, { abs, rel, kind, explicit: true });
  }

  // .gitignore files apply from the top of the enclosing git work tree, as git applies them.
  const base = gitWorkTreeTop(root) ?? root;
  for (const folder of folders) {
    const walked = await walkFolder(folder, errors, root);
    const gitignores = loadGitignores(base, folder, walked);
    for (const abs of walked) {
      if (seen.has(abs)) continue;
      const rel = relativePosix(root, abs);
      const kind = fileKindOf(rel);
      if (!kind || gitignores.ignores(relativePosix(base, abs)) || userExcluded(rel) || !included(rel)) continue;
      seen.set(abs, { abs, rel, kind, explicit: false });
    }
  }
  const files = [...seen.values()].sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
  return { files, errors };
}

/** Every file under `folder` outside the default ignore set, as absolute paths. */
async function walkFolder(folder: string, errors: Discovery['errors'], root: string): Promise<string[]> {
  const entries = await fg('**/*', {
    cwd: folder,
    absolute: true,
    dot: true,
    onlyFiles: true,
    followSymbolicLinks: false,
    suppressErrors: false,
    ignore: [...DEFAULT_IGNORE_GLOBS],
    fs: capturingFs(errors, root),
  });
  return entries.map((p) => path.normalize(p));
}

/**
 * fs adapter for fast-glob: a folder that cannot be listed (EACCES, EPERM, vanished) becomes an
 * error entry and an empty listing, so one bad folder does not abort the whole walk.
 */
function capturingFs(errors: Discovery['errors'], root: string): Partial<typeof fs> {
  const readdir = ((dir: fs.PathLike, opts: unknown, callback: (err: NodeJS.ErrnoException | null, entries?: unknown) => void) => {
    fs.readdir(dir, opts as { withFileTypes: true }, (err, entries) => {
      if (err && ['EACCES', 'EPERM', 'ENOENT', 'ENOTDIR', 'ELOOP'].includes(err.code ?? '')) {
        errors.push({ file: relativePosix(root, String(dir)), reason: `folder not readable: ${err.code}` });
        callback(null, []);
        return;
      }
      callback(err, entries);
    });
  }) as unknown as typeof fs.readdir;
  return { readdir };
}

/** The .gitignore files found by the walk and those between `base` and `folder`, plus `.git/info/exclude`, stacked. */
function loadGitignores(base: string, folder: string, walked: readonly string[]): GitignoreTree {
  const floor = relativePosix(base, folder);
  const tree = new GitignoreTree(floor === '.' ? '' : floor);
  const exclude = readIfExists(path.join(base, '.git', 'info', 'exclude'));
  if (exclude !== undefined) tree.add('', exclude);
  const files = walked.filter((p) => path.basename(p) === '.gitignore');
  if (isInside(base, folder)) {
    for (let dir = folder; ; dir = path.dirname(dir)) {
      files.push(path.join(dir, '.gitignore'));
      if (dir === base || dir === path.dirname(dir)) break;
    }
  }
  for (const file of new Set(files)) {
    const content = readIfExists(file);
    if (content === undefined) continue;
    const dir = relativePosix(base, path.dirname(file));
    tree.add(dir === '.' ? '' : dir, content);
  }
  return tree;
}

/** The folder holding `.git` (folder or file, for worktrees and submodules) at or above `start`. */
function gitWorkTreeTop(start: string): string | undefined {
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, '.git'))) return dir;
    if (dir === path.dirname(dir)) return undefined;
  }
}

function isInside(parent: string, child: string): boolean {
  const rel = path.relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

function readIfExists(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}
