/**
 * Finds the helper templates at run time. They live in src/helper/template/ and are read as text
 * from the package root, which works both from src/ (tsx, tests) and from dist/ (the installed
 * package, provided package.json "files" ships src/helper/template/).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const TS_TEMPLATE = 'src/helper/template/axeptio-token.ts';
export const PYTHON_TEMPLATE = 'src/helper/template/axeptio_token.py';

let packageRoot: string | undefined;

/** The directory of this package's package.json, found by walking up from this module. */
export function findPackageRoot(): string {
  if (packageRoot) return packageRoot;
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = path.join(dir, 'package.json');
    if (existsSync(candidate) && readPackageName(candidate) === 'axeptio-migrate') return (packageRoot = dir);
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('axeptio-migrate: cannot locate the package root to read the helper templates');
    dir = parent;
  }
}

function readPackageName(file: string): unknown {
  try {
    return (JSON.parse(readFileSync(file, 'utf8')) as { name?: unknown }).name;
  } catch {
    return undefined;
  }
}

/** The package version, stamped into every generated helper. */
export function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(path.join(findPackageRoot(), 'package.json'), 'utf8')) as { version?: string };
  return pkg.version ?? '0.0.0';
}

/** Text of a template, line endings normalised to LF. */
export function readTemplate(relativePath: string): string {
  return readFileSync(path.join(findPackageRoot(), relativePath), 'utf8').replace(/\r\n/g, '\n');
}
