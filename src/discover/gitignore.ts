/**
 * .gitignore semantics over a walked tree: every `.gitignore` applies to its own subtree with
 * paths relative to its folder, deeper files override shallower ones (negations included), a
 * file inside an ignored folder cannot be re-included, and `.git/info/exclude` ranks below the
 * root `.gitignore`. The `ignore` package implements one file's rules; this module stacks them.
 */
import ignore, { type Ignore } from 'ignore';

interface Level {
  /** Folder of the .gitignore relative to the root, '' or ending in '/'. */
  prefix: string;
  matcher: Ignore;
  /** This file ignores the floor folder itself: its rules are then read relative to the floor. */
  floorIgnored?: boolean;
}

export class GitignoreTree {
  private readonly levels: Level[] = [];
  private readonly dirCache = new Map<string, boolean>();

  /**
   * @param floor folder (POSIX, relative to the tree's base) the walk started from: it and its
   * ancestors are never treated as ignored, so `scan dist/` scans dist even if .gitignore lists it.
   */
  constructor(private readonly floor = '') {}

  /** Add the rules of one ignore file located in folder `dir` (POSIX, relative to root, '' for root). */
  add(dir: string, content: string): void {
    const prefix = dir === '' || dir === '.' ? '' : dir.replace(/\/?$/, '/');
    const matcher = ignore({ allowRelativePaths: true, ignorecase: false }).add(content);
    const floorIgnored = this.floor !== '' && this.floor.startsWith(prefix) && this.floor.length > prefix.length && matcher.ignores(`${this.floor.slice(prefix.length)}/`);
    this.levels.push({ prefix, matcher, floorIgnored });
    // Shallow first so deeper files are consulted last and win.
    this.levels.sort((a, b) => a.prefix.split('/').length - b.prefix.split('/').length);
    this.dirCache.clear();
  }

  /** True when the file at POSIX path `rel` (relative to root) is ignored. */
  ignores(rel: string): boolean {
    if (this.levels.length === 0) return false;
    const slash = rel.lastIndexOf('/');
    if (slash > 0 && this.dirIgnored(rel.slice(0, slash))) return true;
    return this.evaluate(rel);
  }

  private dirIgnored(dir: string): boolean {
    if (this.floor === dir || this.floor.startsWith(`${dir}/`)) return false;
    const cached = this.dirCache.get(dir);
    if (cached !== undefined) return cached;
    const slash = dir.lastIndexOf('/');
    const result = (slash > 0 && this.dirIgnored(dir.slice(0, slash))) || this.evaluate(`${dir}/`);
    this.dirCache.set(dir, result);
    return result;
  }

  private evaluate(path: string): boolean {
    let ignored = false;
    for (const level of this.levels) {
      if (!path.startsWith(level.prefix) || path.length === level.prefix.length) continue;
      // `ignore` also checks parent folders; when one of them is the explicitly scanned floor
      // folder, its exclusion must not leak down, so match relative to the floor instead.
      const verdict = level.matcher.test(level.floorIgnored ? path.slice(this.floor.length + 1) : path.slice(level.prefix.length));
      if (verdict.ignored) ignored = true;
      else if (verdict.unignored) ignored = false;
    }
    return ignored;
  }
}

/** A single matcher for user globs in .gitignore syntax (`--exclude`, config `ignore`, `--include`). */
export function globMatcher(patterns: readonly string[]): (rel: string) => boolean {
  if (patterns.length === 0) return () => false;
  const matcher = ignore({ allowRelativePaths: true, ignorecase: false }).add(patterns.map((p) => p.replace(/^\.\//, '')));
  return (rel) => matcher.ignores(rel);
}
