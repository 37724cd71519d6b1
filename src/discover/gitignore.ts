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
}

export class GitignoreTree {
  private readonly levels: Level[] = [];
  private readonly dirCache = new Map<string, boolean>();

  /** Add the rules of one ignore file located in folder `dir` (POSIX, relative to root, '' for root). */
  add(dir: string, content: string): void {
    const prefix = dir === '' || dir === '.' ? '' : dir.replace(/\/?$/, '/');
    this.levels.push({ prefix, matcher: ignore({ allowRelativePaths: true, ignorecase: false }).add(content) });
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
      const verdict = level.matcher.test(path.slice(level.prefix.length));
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
