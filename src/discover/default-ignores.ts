/**
 * Paths never worth scanning: dependencies, build output, caches, minified bundles, source maps
 * and lock files. They are generated or third-party, and a single vendored SDK would otherwise
 * drown a report in findings the project cannot fix.
 */

const IGNORED_DIRS = [
  'node_modules', '.git', 'dist', 'build', 'out', 'coverage', '.next', '.nuxt', '.svelte-kit',
  '.turbo', '.cache', 'vendor', 'bower_components',
];

const IGNORED_FILE_GLOBS = ['*.min.js', '*.bundle.js', '*.map'];

const LOCK_FILES = [
  'package-lock.json', 'npm-shrinkwrap.json', 'yarn.lock', 'pnpm-lock.yaml', 'bun.lockb', 'bun.lock',
  'composer.lock', 'Gemfile.lock', 'poetry.lock', 'Pipfile.lock', 'Cargo.lock', 'go.sum', 'uv.lock',
];

/**
 * The default ignore set as glob patterns (relative to the walked folder, any depth), in
 * fast-glob's `ignore` syntax. The walk does not hand them to fast-glob (matching every entry
 * against their regexes was most of the walk's cost); it drops the same entries by name with
 * `isDefaultIgnored`, and test/discover/walk.test.ts holds the two against each other.
 */
export const DEFAULT_IGNORE_GLOBS: readonly string[] = [
  ...IGNORED_DIRS.map((d) => `**/${d}/**`),
  ...IGNORED_FILE_GLOBS.map((g) => `**/${g}`),
  ...LOCK_FILES.map((f) => `**/${f}`),
];

// fast-glob drops every entry of these names, whatever its type: `**/node_modules/**` matches a
// file named node_modules too, and a pattern whose last segment is a plain name (`**/yarn.lock`)
// also keeps fast-glob out of a folder of that name.
const IGNORED_NAMES: ReadonlySet<string> = new Set([...IGNORED_DIRS, ...LOCK_FILES]);

// The `*` of `*.min.js` may be empty (a file named `.map` is ignored too, `dot: true`).
const IGNORED_SUFFIXES: readonly string[] = IGNORED_FILE_GLOBS.map((g) => g.slice(1));

/**
 * True for a folder entry (name and whether it is a directory) that fast-glob would drop given
 * DEFAULT_IGNORE_GLOBS (`dot: true`, case-sensitive): a dropped folder is never entered. The
 * suffix globs spare folders: fast-glob enters `lib.min.js/` and judges its files one by one.
 */
export function isDefaultIgnored(name: string, isDirectory: boolean): boolean {
  if (IGNORED_NAMES.has(name)) return true;
  if (isDirectory) return false;
  for (const suffix of IGNORED_SUFFIXES) if (name.endsWith(suffix)) return true;
  return false;
}
