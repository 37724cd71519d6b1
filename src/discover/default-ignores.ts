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

/** The default ignore set as fast-glob `ignore` patterns (relative to the walked folder, any depth). */
export const DEFAULT_IGNORE_GLOBS: readonly string[] = [
  ...IGNORED_DIRS.map((d) => `**/${d}/**`),
  ...IGNORED_FILE_GLOBS.map((g) => `**/${g}`),
  ...LOCK_FILES.map((f) => `**/${f}`),
];
