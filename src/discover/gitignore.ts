/**
 * .gitignore semantics over a walked tree: every `.gitignore` applies to its own subtree with
 * paths relative to its folder, deeper files override shallower ones (negations included), a
 * file inside an ignored folder cannot be re-included, and `.git/info/exclude` ranks below the
 * root `.gitignore`. The `ignore` package implements one file's rules; this module stacks them.
 */
import ignore, { type Ignore, type TestResult } from 'ignore';

interface Level {
  /** Folder of the .gitignore relative to the root, '' or ending in '/'. */
  prefix: string;
  matcher: Ignore;
  /** This file ignores the floor folder itself: its rules are then read relative to the floor. */
  floorIgnored?: boolean;
  /** Every rule is a name pattern (`hasOnlyNameRules`): a file's own verdict depends on its name alone. */
  byName: boolean;
  /** Verdicts on file names and on folder names, for a `byName` level. */
  fileNames: Map<string, TestResult>;
  folderNames: Map<string, TestResult>;
}

/** One level's verdict on an entry of a folder: a rule that matched it (ignored or unignored), or neither. */
type EntryTest = (name: string, isFolder: boolean) => TestResult;

/** Whether the entries of one folder are ignored, by name. */
export interface FolderVerdicts {
  ignoresFile(name: string): boolean;
  ignoresFolder(name: string): boolean;
}

const NOTHING_IGNORED: FolderVerdicts = { ignoresFile: () => false, ignoresFolder: () => false };
const EVERYTHING_IGNORED: FolderVerdicts = { ignoresFile: () => true, ignoresFolder: () => true };

/**
 * A folder's verdict and, when its parent's listing judged it, the verdict on it of each level
 * that listing consulted (`results[i]` is the verdict of `levels[i]`).
 */
interface FolderVerdict {
  ignored: boolean;
  levels?: readonly Level[];
  results?: TestResult[];
}

export class GitignoreTree {
  private readonly levels: Level[] = [];
  private readonly folders = new Map<string, FolderVerdict>();

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
    this.levels.push({ prefix, matcher, floorIgnored, byName: hasOnlyNameRules(content), fileNames: new Map(), folderNames: new Map() });
    // Shallow first so deeper files are consulted last and win.
    this.levels.sort((a, b) => a.prefix.split('/').length - b.prefix.split('/').length);
    this.folders.clear();
  }

  /** True when the file at POSIX path `rel` (relative to root) is ignored. */
  ignores(rel: string): boolean {
    if (this.levels.length === 0) return false;
    const slash = rel.lastIndexOf('/');
    if (slash > 0 && this.dirIgnored(rel.slice(0, slash))) return true;
    return this.evaluate(rel);
  }

  /**
   * Verdicts on the entries of folder `dir` (POSIX, relative to root, '' for root), asked by name:
   * what `ignores` says of its files and what it implies of its sub-folders. What does not depend
   * on the name is settled once per folder: whether it is ignored, which levels apply and each
   * level's verdict on it (which `ignore` settles first too: an ignored folder's entries stay
   * ignored), kept from the parent's listing; for a level of name patterns only, names are then
   * judged once. `ignore` keeps every path it is asked about in a cache of its own, and storing
   * tens of thousands of distinct paths there was most of the walk's .gitignore cost.
   */
  entriesIn(dir: string): FolderVerdicts {
    if (this.levels.length === 0) return NOTHING_IGNORED;
    if (dir !== '' && this.dirIgnored(dir)) return EVERYTHING_IGNORED;
    const folder = dir === '' ? '' : `${dir}/`;
    const known = this.folders.get(dir);
    const levels = this.levels.filter((level) => folder.startsWith(level.prefix));
    const tests = levels.map((level) => this.entryTest(level, folder, known?.results?.[known.levels!.indexOf(level)]));
    const verdict = (name: string, isFolder: boolean, results?: TestResult[]): boolean => {
      let ignored = false;
      for (const test of tests) {
        const result = test(name, isFolder);
        results?.push(result);
        if (result.ignored) ignored = true;
        else if (result.unignored) ignored = false;
      }
      return ignored;
    };
    return {
      ignoresFile: (name) => verdict(name, false),
      ignoresFolder: (name) => {
        const child = folder + name;
        if (this.isFloorOrAbove(child)) return false;
        let judged = this.folders.get(child);
        if (judged === undefined) {
          const results: TestResult[] = [];
          this.folders.set(child, (judged = { ignored: verdict(name, true, results), levels, results }));
        }
        return judged.ignored;
      },
    };
  }

  private dirIgnored(dir: string): boolean {
    if (this.isFloorOrAbove(dir)) return false;
    const judged = this.folders.get(dir);
    if (judged !== undefined) return judged.ignored;
    const slash = dir.lastIndexOf('/');
    const ignored = (slash > 0 && this.dirIgnored(dir.slice(0, slash))) || this.evaluate(`${dir}/`);
    this.folders.set(dir, { ignored });
    return ignored;
  }

  /**
   * One level's verdicts on the entries of `folder` ('' or ending in '/'), which the level covers;
   * `known` is its verdict on the folder if already asked.
   */
  private entryTest(level: Level, folder: string, known: TestResult | undefined): EntryTest {
    const from = this.levelPathStart(level);
    const inLevel = folder.slice(from);
    if (!level.byName || from > folder.length || !isPlainPath(inLevel)) {
      return (name, isFolder) => level.matcher.test((isFolder ? `${folder}${name}/` : folder + name).slice(from));
    }
    const folderVerdict = inLevel === '' ? undefined : (known ?? level.matcher.test(inLevel));
    if (folderVerdict?.ignored) return () => folderVerdict;
    return (name, isFolder) => {
      const names = isFolder ? level.folderNames : level.fileNames;
      let verdict = names.get(name);
      if (verdict === undefined) names.set(name, (verdict = level.matcher.test(isFolder ? `${name}/` : name)));
      return verdict;
    };
  }

  private isFloorOrAbove(dir: string): boolean {
    return this.floor.startsWith(dir) && (this.floor.length === dir.length || this.floor[dir.length] === '/');
  }

  /** Where a level's paths start in a path relative to the root. */
  private levelPathStart(level: Level): number {
    // `ignore` also checks parent folders; when one of them is the explicitly scanned floor
    // folder, its exclusion must not leak down, so match relative to the floor instead.
    return level.floorIgnored ? this.floor.length + 1 : level.prefix.length;
  }

  private evaluate(path: string): boolean {
    let ignored = false;
    for (const level of this.levels) {
      if (!path.startsWith(level.prefix) || path.length === level.prefix.length) continue;
      const verdict = level.matcher.test(path.slice(this.levelPathStart(level)));
      if (verdict.ignored) ignored = true;
      else if (verdict.unignored) ignored = false;
    }
    return ignored;
  }
}

/**
 * A path `ignore` takes as it is: not absolute, not starting `./` or `../` (it refuses those) and
 * without an empty segment (it takes those apart).
 */
function isPlainPath(path: string): boolean {
  return !path.startsWith('/') && !path.startsWith('./') && !path.startsWith('../') && !path.includes('//');
}

// A rule with a slash only at its end (`*.log`, `tmp/`) matches a path's last segment, and no
// other: `ignore` anchors it at a segment start and its `*` and `?` stop at slashes. Rules with
// `**`, ranges or escapes send their file to the full path rather than being reasoned about, as
// do comments behind a BOM and rules with trailing blanks: the check is only ever stricter.
const NAME_RULE = /^!?[^/\\[\]]+\/?$/;

/** True when every rule of a .gitignore `content` is a name pattern that `NAME_RULE` accepts. */
function hasOnlyNameRules(content: string): boolean {
  for (const line of content.split(/\r?\n/)) {
    if (line === '' || line.startsWith('#')) continue;
    if (!NAME_RULE.test(line) || line.includes('**')) return false;
  }
  return true;
}

/** A single matcher for user globs in .gitignore syntax (`--exclude`, config `ignore`, `--include`). */
export function globMatcher(patterns: readonly string[]): (rel: string) => boolean {
  if (patterns.length === 0) return () => false;
  const matcher = ignore({ allowRelativePaths: true, ignorecase: false }).add(patterns.map((p) => p.replace(/^\.\//, '')));
  return (rel) => matcher.ignores(rel);
}
