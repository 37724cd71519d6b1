/**
 * Module resolution over the scanned file set only (no node_modules, no file system): the link
 * step needs to know which scanned file a relative import names, the way Node and TypeScript
 * would pick it.
 */
import { posix } from 'node:path';

const SOURCE_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.mjs', '.cjs', '.jsx', '.vue', '.svelte'];

/** TypeScript projects import their own `.ts` sources with the emitted `.js` name. */
const EMITTED_TO_SOURCE: Record<string, string[]> = {
  '.js': ['.ts', '.tsx'],
  '.jsx': ['.tsx'],
  '.mjs': ['.mts'],
  '.cjs': ['.cts'],
};

/** Path aliases most front-end templates configure for `src/` (`@/lib/x`, `~/lib/x`). */
const SRC_ALIASES = ['@/', '~/'];

/** The scanned file a specifier imported from `fromFile` names, among `known` (root-relative POSIX paths). */
export function resolveModule(fromFile: string, specifier: string, known: ReadonlySet<string>): string | undefined {
  for (const base of baseCandidates(fromFile, specifier)) {
    const hit = withExtensions(base, known);
    if (hit) return hit;
  }
  return undefined;
}

function baseCandidates(fromFile: string, specifier: string): string[] {
  if (specifier === '.' || specifier === '..' || specifier.startsWith('./') || specifier.startsWith('../')) {
    const joined = posix.normalize(posix.join(posix.dirname(fromFile), specifier));
    return joined.startsWith('../') ? [] : [joined === '.' ? '' : joined];
  }
  const alias = SRC_ALIASES.find((a) => specifier.startsWith(a));
  if (alias) {
    const rest = specifier.slice(alias.length);
    // The alias points at the nearest `src/` above the importer (monorepo packages each have one).
    const out: string[] = [];
    const parts = fromFile.split('/');
    for (let i = parts.length - 1; i >= 0; i--) {
      if (parts[i] === 'src') out.push([...parts.slice(0, i + 1), rest].join('/'));
    }
    out.push(`src/${rest}`, rest);
    return out;
  }
  return [];
}

function withExtensions(base: string, known: ReadonlySet<string>): string | undefined {
  const candidates: string[] = [];
  if (base !== '') candidates.push(base);
  const ext = posix.extname(base);
  const sources = EMITTED_TO_SOURCE[ext];
  if (sources) for (const s of sources) candidates.push(base.slice(0, -ext.length) + s);
  if (base !== '') for (const e of SOURCE_EXTENSIONS) candidates.push(base + e);
  const dir = base === '' ? '' : `${base}/`;
  for (const e of SOURCE_EXTENSIONS) candidates.push(`${dir}index${e}`);
  return candidates.find((c) => known.has(c));
}
