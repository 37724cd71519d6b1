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
 * fast-glob's `ignore` syntax. The walk hands fast-glob only DEFAULT_PRUNE_GLOBS and applies the
 * suffix check below to files, which selects exactly the files fast-glob selects with all of these
 * patterns (`dot: true`, case-sensitive); test/discover/walk.test.ts holds the two against each other.
 */
export const DEFAULT_IGNORE_GLOBS: readonly string[] = [
  ...IGNORED_DIRS.map((d) => `**/${d}/**`),
  ...IGNORED_FILE_GLOBS.map((g) => `**/${g}`),
  ...LOCK_FILES.map((f) => `**/${f}`),
];

/**
 * The globs fast-glob applies while walking: the folders it prunes and the exact names. The
 * suffix globs (`*.min.js`, `*.map`) are left to `hasIgnoredSuffix`, a plain name test.
 */
export const DEFAULT_PRUNE_GLOBS: readonly string[] = [...IGNORED_DIRS.map((d) => `**/${d}/**`), ...LOCK_FILES.map((f) => `**/${f}`)];

// The `*.min.js` globs and friends: the `*` may be empty (a file named `.map` is ignored too, `dot: true`).
const IGNORED_SUFFIXES: readonly string[] = IGNORED_FILE_GLOBS.map((g) => g.slice(1));

/** A file name the suffix globs of the default set ignore (fast-glob applies the others: DEFAULT_PRUNE_GLOBS). */
export function hasIgnoredSuffix(name: string): boolean {
  for (const suffix of IGNORED_SUFFIXES) if (name.endsWith(suffix)) return true;
  return false;
}
