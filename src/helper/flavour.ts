/** Picks the helper flavour that fits a target file: its extension, and for .js the package type. */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { HelperFlavour } from './types.js';

export const FLAVOURS: readonly HelperFlavour[] = ['ts', 'esm', 'cjs', 'python'];

/** Human name of a flavour, for messages. */
export function describeFlavour(flavour: HelperFlavour): string {
  return { ts: 'TypeScript', esm: 'ES module JavaScript', cjs: 'CommonJS JavaScript', python: 'Python' }[flavour];
}

/** The flavour for a helper written at `filePath`; `.js` follows `packageType`, else the nearest package.json. */
export function flavourForPath(filePath: string, packageType?: 'module' | 'commonjs'): HelperFlavour {
  const ext = path.extname(filePath).toLowerCase();
  switch (ext) {
    case '.ts':
    case '.mts':
    case '.cts':
    case '.tsx':
      return 'ts';
    case '.mjs':
      return 'esm';
    case '.cjs':
      return 'cjs';
    case '.py':
      return 'python';
    case '.js':
    case '.jsx':
      return (packageType ?? nearestPackageType(path.dirname(path.resolve(filePath)))) === 'module' ? 'esm' : 'cjs';
    default:
      throw new Error(`cannot choose a helper flavour for "${path.basename(filePath)}": use .ts, .mjs, .cjs, .js or .py, or pass a flavour`);
  }
}

/** The "type" of the nearest package.json at or above `dir` (Node's own rule for .js files). */
export function nearestPackageType(dir: string): 'module' | 'commonjs' {
  for (let current = dir; ; current = path.dirname(current)) {
    const file = path.join(current, 'package.json');
    if (existsSync(file)) {
      try {
        const type = (JSON.parse(readFileSync(file, 'utf8')) as { type?: unknown }).type;
        return type === 'module' ? 'module' : 'commonjs';
      } catch {
        // Node stops at the nearest package.json even when it is unreadable, and then treats .js as CommonJS.
        return 'commonjs';
      }
    }
    if (path.dirname(current) === current) return 'commonjs';
  }
}
