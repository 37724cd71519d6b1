/**
 * Where the helper goes and how rewritten files import it. By default it sits next to the code it
 * serves: `axeptio-token.<ext>` in the deepest folder shared by the rewritten files, in the
 * project's flavour (TypeScript if any rewritten file is; else ESM or CommonJS like most of them,
 * with `.mjs`/`.cjs` when that differs from the package's "type").
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseJsonc } from 'jsonc-parser';
import { nearestPackageType } from '../helper/index.js';

const HELPER_BASENAME = 'axeptio-token';

/** The deepest folder containing every one of `files` (absolute paths). */
export function commonFolder(files: readonly string[]): string {
  const split = files.map((f) => path.dirname(f).split(path.sep));
  const first = split[0] ?? [];
  let length = first.length;
  for (const parts of split) {
    let i = 0;
    while (i < length && parts[i] === first[i]) i++;
    length = i;
  }
  return first.slice(0, length).join(path.sep) || path.sep;
}

/** Default helper path for the code files about to be rewritten (absolute paths with their texts). */
export function defaultHelperPath(files: ReadonlyArray<{ abs: string; text: string }>): string {
  const folder = commonFolder(files.map((f) => f.abs));
  if (files.some((f) => /\.(ts|tsx|mts|cts)$/i.test(f.abs))) return path.join(folder, `${HELPER_BASENAME}.ts`);
  const esm = files.filter((f) => isEsm(f.abs, f.text)).length;
  const wantsEsm = esm * 2 >= files.length;
  const packageIsEsm = nearestPackageType(folder) === 'module';
  const ext = wantsEsm ? (packageIsEsm ? '.js' : '.mjs') : packageIsEsm ? '.cjs' : '.js';
  return path.join(folder, `${HELPER_BASENAME}${ext}`);
}

function isEsm(file: string, text: string): boolean {
  if (/\.mjs$/i.test(file)) return true;
  if (/\.cjs$/i.test(file)) return false;
  if (/^\s*(import\s[^(]|export\s)/m.test(text)) return true;
  if (/\brequire\s*\(|module\.exports/.test(text)) return false;
  return nearestPackageType(path.dirname(file)) === 'module';
}

/**
 * `'js'` when the TypeScript file is compiled under NodeNext/Node16 resolution (relative imports
 * must name `.js`), else undefined (the transform mirrors the file's other imports).
 */
export function typescriptImportExtension(file: string): 'js' | undefined {
  if (!/\.(ts|tsx|mts|cts)$/i.test(file)) return undefined;
  for (let dir = path.dirname(file); ; dir = path.dirname(dir)) {
    const config = path.join(dir, 'tsconfig.json');
    if (existsSync(config)) {
      try {
        const options = (parseJsonc(readFileSync(config, 'utf8')) as { compilerOptions?: Record<string, unknown> })?.compilerOptions ?? {};
        const resolution = String(options.moduleResolution ?? options.module ?? '');
        return /^node(16|next)$/i.test(resolution) ? 'js' : undefined;
      } catch {
        return undefined;
      }
    }
    if (path.dirname(dir) === dir) return undefined;
  }
}
