/**
 * The project's symbol tables, built once from facts: per file its bindings, wrappers and imports,
 * and how an imported name resolves to what another file exports (re-exports, `export default`,
 * `module.exports`, `export *`). Resolution is cycle-safe and depth-bounded.
 */
import type { BindingFact, FileFacts, ImportFact, WrapperFact } from '../facts/types.js';
import { resolveModule } from './resolve-module.js';

/** How deep re-export chains and alias chains are followed before giving up. */
export const MAX_DEPTH = 12;

/** A resolved symbol: the fact plus the file it lives in, with a member path still to apply. */
export type Symbol =
  | { kind: 'binding'; file: string; fact: BindingFact; member: string[] }
  | { kind: 'wrapper'; file: string; fact: WrapperFact; member: string[] }
  /** `import * as ns`: members select exports of `file`. */
  | { kind: 'namespace'; file: string; member: string[] };

interface FileTable {
  bindings: Map<string, BindingFact>;
  wrappers: Map<string, WrapperFact>;
  imports: Map<string, ImportFact>;
  exportedBindings: Map<string, BindingFact>;
  exportedWrappers: Map<string, WrapperFact>;
  /** `export * from './x'` (an ImportFact with local '*'). */
  starFrom: string[];
}

/** Per-file bindings, wrappers and imports of the whole project, with cross-file name resolution. */
export class SymbolTable {
  private readonly tables = new Map<string, FileTable>();
  readonly paths: ReadonlySet<string>;

  constructor(files: readonly FileFacts[]) {
    for (const f of files) this.tables.set(f.file, tableOf(f));
    this.paths = new Set(this.tables.keys());
  }

  private readonly modules = new Map<string, string | undefined>();

  /** The scanned file a specifier names from `fromFile` (memoized per folder and specifier). */
  module(fromFile: string, specifier: string): string | undefined {
    const slash = fromFile.lastIndexOf('/');
    const key = `${slash < 0 ? '' : fromFile.slice(0, slash)}\0${specifier}`;
    if (this.modules.has(key)) return this.modules.get(key);
    const hit = resolveModule(fromFile, specifier, this.paths);
    this.modules.set(key, hit);
    return hit;
  }

  /** What a name used in `file` refers to (`from` when the analyzer already knows it is imported). */
  resolveName(file: string, name: string, member: readonly string[] = [], from?: string, depth = 0): Symbol | undefined {
    if (depth > MAX_DEPTH) return undefined;
    const table = this.tables.get(file);
    if (!table) return undefined;
    // Dotted names (`api.client`, `this.http`) resolve their head and keep the rest as members.
    if (name.includes('.') && !table.bindings.has(name) && !table.wrappers.has(name) && !table.imports.has(name)) {
      const [head, ...rest] = name.split('.');
      if (head && head !== 'this') return this.resolveName(file, head, [...rest, ...member], from, depth + 1);
      if (head === 'this' && rest.length) return this.resolveName(file, rest.join('.'), member, from, depth + 1);
    }
    if (!from) {
      const binding = table.bindings.get(name);
      if (binding) return { kind: 'binding', file, fact: binding, member: [...member] };
      const wrapper = table.wrappers.get(name);
      if (wrapper) return { kind: 'wrapper', file, fact: wrapper, member: [...member] };
      if (member.length) {
        const dotted = table.wrappers.get([name, ...member].join('.'));
        if (dotted) return { kind: 'wrapper', file, fact: dotted, member: [] };
      }
    }
    const imp = table.imports.get(name);
    const specifier = imp?.from ?? from;
    if (!specifier) return undefined;
    const target = this.module(file, specifier);
    if (!target) return undefined;
    const imported = imp?.imported ?? name;
    if (imported === '*') {
      if (member.length === 0) return { kind: 'namespace', file: target, member: [] };
      const [first, ...rest] = member;
      return this.resolveExport(target, first!, rest, depth + 1);
    }
    return this.resolveExport(target, imported, member, depth + 1);
  }

  /** What `file` exports under `exportName`, following re-exports and CommonJS interop. */
  resolveExport(file: string, exportName: string, member: readonly string[] = [], depth = 0, seen = new Set<string>()): Symbol | undefined {
    if (depth > MAX_DEPTH || seen.has(`${file}#${exportName}`)) return undefined;
    seen.add(`${file}#${exportName}`);
    const table = this.tables.get(file);
    if (!table) return undefined;
    // `api.post` where `export const api = { post(path) {...} }`: the method is a wrapper named `api.post`.
    const method = member.length ? table.exportedWrappers.get([exportName, ...member].join('.')) : undefined;
    if (method) return { kind: 'wrapper', file, fact: method, member: [] };
    const binding = table.exportedBindings.get(exportName);
    if (binding) return { kind: 'binding', file, fact: binding, member: [...member] };
    const wrapper = table.exportedWrappers.get(exportName);
    if (wrapper) return { kind: 'wrapper', file, fact: wrapper, member: [...member] };
    if (exportName !== 'default') {
      // CommonJS: `module.exports = { SIGNIN }` read as `import { SIGNIN }` / `const { SIGNIN } = require()`.
      const def = table.exportedBindings.get('default');
      if (def && (def.members && memberKeyExists(def.members, exportName))) {
        return { kind: 'binding', file, fact: def, member: [exportName, ...member] };
      }
      const defWrapper = table.exportedWrappers.get(`default.${exportName}`);
      if (defWrapper) return { kind: 'wrapper', file, fact: defWrapper, member: [...member] };
    } else if (table.exportedBindings.size === 0 && table.exportedWrappers.size > 0 && member.length) {
      const dotted = table.exportedWrappers.get(member.join('.'));
      if (dotted) return { kind: 'wrapper', file, fact: dotted, member: [] };
    }
    // `module.exports = { post(path) {...} }`: object methods may arrive as unexported wrappers; in a
    // module that shows no exports at all, an import of that name can only mean them.
    if (table.exportedBindings.size === 0 && table.exportedWrappers.size === 0 && table.starFrom.length === 0) {
      const local = table.wrappers.get([exportName, ...member].join('.')) ?? table.wrappers.get(exportName);
      if (local) return { kind: 'wrapper', file, fact: local, member: [] };
    }
    for (const specifier of table.starFrom) {
      const target = this.module(file, specifier);
      if (!target || exportName === 'default') continue;
      const hit = this.resolveExport(target, exportName, member, depth + 1, seen);
      if (hit) return hit;
    }
    return undefined;
  }

  /** Every exported symbol of a file (own exports and `export *` targets), for relevance checks. */
  exportsOf(file: string, depth = 0, seen = new Set<string>()): Symbol[] {
    if (depth > MAX_DEPTH || seen.has(file)) return [];
    seen.add(file);
    const table = this.tables.get(file);
    if (!table) return [];
    const out: Symbol[] = [];
    for (const fact of table.exportedBindings.values()) out.push({ kind: 'binding', file, fact, member: [] });
    for (const fact of table.exportedWrappers.values()) out.push({ kind: 'wrapper', file, fact, member: [] });
    for (const specifier of table.starFrom) {
      const target = this.module(file, specifier);
      if (target) out.push(...this.exportsOf(target, depth + 1, seen));
    }
    return out;
  }

  /** Bindings of a file by local name. */
  bindingsOf(file: string): ReadonlyMap<string, BindingFact> {
    return this.tables.get(file)?.bindings ?? new Map();
  }
}

function tableOf(f: FileFacts): FileTable {
  const table: FileTable = {
    bindings: new Map(),
    wrappers: new Map(),
    imports: new Map(),
    exportedBindings: new Map(),
    exportedWrappers: new Map(),
    starFrom: [],
  };
  for (const fact of f.facts) {
    switch (fact.kind) {
      case 'binding':
        // The first declaration wins: module-level bindings come first in analyzer output.
        if (!table.bindings.has(fact.name)) table.bindings.set(fact.name, fact);
        if (fact.exported) table.exportedBindings.set(exportNameOf(fact), fact);
        break;
      case 'wrapper':
        if (!table.wrappers.has(fact.name)) table.wrappers.set(fact.name, fact);
        if (fact.exported) table.exportedWrappers.set(exportNameOf(fact), fact);
        break;
      case 'import':
        if (fact.local === '*' && fact.imported === '*') table.starFrom.push(fact.from);
        else if (!table.imports.has(fact.local)) table.imports.set(fact.local, fact);
        break;
      default:
        break;
    }
  }
  return table;
}

function exportNameOf(fact: BindingFact | WrapperFact): string {
  if (fact.exportedAs) return fact.exportedAs;
  // `module.exports = ...` is the CommonJS default export; `exports.x = ...` a named one.
  if (fact.name === 'module.exports') return 'default';
  if (fact.name.startsWith('module.exports.')) return fact.name.slice('module.exports.'.length);
  if (fact.name.startsWith('exports.')) return fact.name.slice('exports.'.length);
  return fact.name;
}

function memberKeyExists(members: Record<string, unknown>, head: string): boolean {
  if (head in members) return true;
  const prefix = `${head}.`;
  return Object.keys(members).some((k) => k.startsWith(prefix));
}
