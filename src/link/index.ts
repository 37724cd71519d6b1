/**
 * The link step (main thread, once, facts only): resolves what single files cannot know
 * (imports, client instances, wrappers), folds URLs and attaches cross-file evidence.
 */
import type { FileFacts, ProjectInfo } from '../facts/types.js';
import { Folder } from './fold.js';
import { RequestLinker } from './requests.js';
import { SymbolTable, type Symbol } from './symbols.js';
import { isAxeptioName } from './ties.js';
import type { LinkedProject } from './types.js';

export { resolveModule } from './resolve-module.js';
export type { Folded, LinkedClient, LinkedHeader, LinkedProject, LinkedRequest, UrlShape } from './types.js';

/** Link every file's facts into requests, clients and project-wide counter-evidence. */
export function link(files: readonly FileFacts[], project: ProjectInfo): LinkedProject {
  const symbols = new SymbolTable(files);
  const folder = new Folder(symbols);
  const { requests, clients } = new RequestLinker(files, symbols, folder, project).link();
  const routes: LinkedProject['routes'] = [];
  const ownLoginFiles: string[] = [];
  for (const f of files) {
    for (const fact of f.facts) {
      if (fact.kind === 'route') routes.push({ file: f.file, line: fact.span.line, method: fact.method, path: fact.path, framework: fact.framework });
      else if (fact.kind === 'file-evidence' && fact.definesOwnLogin && !ownLoginFiles.includes(f.file)) ownLoginFiles.push(f.file);
    }
  }
  return { files, project, requests, routes, ownLoginFiles, clients };
}

/** What makes an exported value worth following into its importers. */
const RELEVANT_TEXT = /\/auth\/local\/signin|\/local\/signin|axept\.io|axeptio|\/identity\/resources\/auth\/v1\/api-token|openid-connect\/token|grant_type=password/i;

/**
 * Phase 2 of a scan: among files not analyzed yet (each with its relative import specifiers),
 * those that import an analyzed module exporting something relevant: a value folding to a legacy
 * path or an axept.io URL, an Axeptio-named export, a client instance or a wrapper.
 */
export function importersToAnalyze(analyzed: readonly FileFacts[], importIndex: ReadonlyMap<string, readonly string[]>): string[] {
  const symbols = new SymbolTable(analyzed);
  const folder = new Folder(symbols);
  const relevant = [...symbols.paths].filter((file) => symbols.exportsOf(file).some((s) => isRelevantExport(s, folder)));
  // Most scans stop here; otherwise every script of the scan is in the index (tens of thousands in
  // a monorepo), so a specifier is resolved only when its last part could name a relevant module.
  if (relevant.length === 0) return [];
  const relevantSet = new Set(relevant);
  const names = new Set(relevant.flatMap(namesImportingIt));
  const out: string[] = [];
  for (const [file, specifiers] of importIndex) {
    if (symbols.paths.has(file)) continue;
    const hit = specifiers.some((spec) => {
      if (!couldName(spec, names)) return false;
      const target = symbols.module(file, spec);
      return target !== undefined && relevantSet.has(target);
    });
    if (hit) out.push(file);
  }
  return out.sort();
}

/**
 * The last specifier parts that can resolve to `file` (see resolve-module.ts): its name with or
 * without the extension (`./api`, `./api.js` for api.ts, `./api.js` for api.js.ts), and for an
 * index file its folder's name (`./client` for client/index.ts).
 */
function namesImportingIt(file: string): string[] {
  const parts = file.split('/');
  const base = parts[parts.length - 1]!;
  const stem = withoutExtension(base);
  return stem === 'index' && parts.length > 1 ? [base, stem, parts[parts.length - 2]!] : [base, stem];
}

/** Whether `specifier` may resolve to a file known by one of `names`; `.`, `..` and `x/` always may. */
function couldName(specifier: string, names: ReadonlySet<string>): boolean {
  const last = specifier.slice(specifier.lastIndexOf('/') + 1);
  if (last === '' || last === '.' || last === '..') return true;
  return names.has(last) || names.has(withoutExtension(last));
}

function withoutExtension(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(0, dot) : name;
}

function isRelevantExport(symbol: Symbol, folder: Folder): boolean {
  if (symbol.kind === 'wrapper') return true;
  if (symbol.kind !== 'binding') return false;
  const { fact } = symbol;
  if (fact.client || isAxeptioName(fact.name) || (fact.exportedAs && isAxeptioName(fact.exportedAs))) return true;
  const values = [fact.value, ...Object.values(fact.members ?? {})];
  return values.some((v) => {
    if (!v) return false;
    const folded = folder.fold(v, symbol.file);
    return RELEVANT_TEXT.test(folded.text) || folded.envNames.some(isAxeptioName) || folded.identifiers.some(isAxeptioName);
  });
}
