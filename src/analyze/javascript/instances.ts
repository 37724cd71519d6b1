/**
 * HTTP client instances and defaults in one file: `const api = axios.create({ baseURL, headers })`,
 * `got.extend({ prefixUrl })`, `ky.create({ prefixUrl })`, `this.client = axios.create(...)`,
 * `axios.defaults.baseURL = ...`, `axios.defaults.headers.common.Authorization = ...`, and request
 * interceptors that set headers (`api.interceptors.request.use(cfg => { cfg.headers.Authorization = ... })`).
 */
import { ts, type TS } from './typescript.js';
import type { SymbolicValue } from '../../facts/types.js';
import { type FoldNotes, fold } from './fold.js';
import { configProperty, headersOf } from './payload.js';
import { type Decl, moduleOf, resolve } from './scope.js';
import { accessChain, propertyNameText, unwrap } from './source.js';

export interface Instance {
  library: string;
  /** Local name (`api`, `this.client`, `axios.defaults` for the library's global defaults). */
  name: string;
  /** Declaring node (for spans and export lookup). */
  node: TS.Node;
  decl?: Decl;
  base?: SymbolicValue;
  headers: Record<string, SymbolicValue>;
  notes: FoldNotes;
  /** True for `axios.defaults.*` (the library's global instance). */
  isDefaults?: boolean;
}

export interface InstanceRegistry {
  byDecl: Map<Decl, Instance>;
  /** `ClassName#member` → instance created in a class (`this.client = axios.create()`). */
  byClassMember: Map<string, Instance>;
  /** Library name → `axios.defaults` style global configuration. */
  defaults: Map<string, Instance>;
  all: Instance[];
}

const FACTORIES: Record<string, { modules: string[]; methods: string[]; base: string[] }> = {
  axios: { modules: ['axios'], methods: ['create'], base: ['baseURL'] },
  got: { modules: ['got'], methods: ['extend'], base: ['prefixUrl'] },
  ky: { modules: ['ky', 'ky-universal'], methods: ['create', 'extend'], base: ['prefixUrl'] },
  request: { modules: ['request', 'request-promise', 'request-promise-native', 'postman-request'], methods: ['defaults'], base: ['baseUrl'] },
};

/** Library of a module specifier among HTTP clients that have instances. */
export function factoryLibraryOf(from: string): string | undefined {
  for (const [lib, f] of Object.entries(FACTORIES)) if (f.modules.includes(from)) return lib;
  return undefined;
}

/** The library a bare identifier denotes (`axios` imported or global in browser code). */
export function libraryOfIdentifier(id: TS.Identifier): string | undefined {
  const mod = moduleOf(id);
  if (mod) return factoryLibraryOf(mod.from);
  if (!resolve(id) && id.text === 'axios') return 'axios';
  return undefined;
}

/** `axios.create({...})` → library and config, when `expr` is such a factory call (also chained `.extend`). */
export function factoryCall(expr: TS.Expression): { library: string; config?: TS.Expression; parent?: TS.Expression } | undefined {
  const e = unwrap(expr);
  if (!ts.isCallExpression(e)) return undefined;
  const { root, members } = accessChain(e.expression);
  if (members.length !== 1) return undefined;
  if (ts.isIdentifier(root)) {
    const lib = libraryOfIdentifier(root);
    if (lib && FACTORIES[lib]!.methods.includes(members[0]!)) return { library: lib, config: e.arguments[0] };
  }
  return undefined;
}

/** Collect every instance, default and interceptor of the file. */
export function collectInstances(sf: TS.SourceFile): InstanceRegistry {
  const reg: InstanceRegistry = { byDecl: new Map(), byClassMember: new Map(), defaults: new Map(), all: [] };
  const make = (library: string, name: string, node: TS.Node, config: TS.Expression | undefined, decl?: Decl): Instance => {
    const notes: FoldNotes = { envDefaults: [] };
    const baseExpr = configProperty(config, ...FACTORIES[library]!.base);
    const inst: Instance = {
      library,
      name,
      node,
      decl,
      base: baseExpr ? fold(baseExpr, notes) : undefined,
      headers: headersOf(configProperty(config, 'headers'), notes) ?? {},
      notes,
    };
    reg.all.push(inst);
    return inst;
  };
  const visit = (n: TS.Node): void => {
    if (ts.isVariableDeclaration(n) && ts.isIdentifier(n.name) && n.initializer) {
      const f = factoryCall(n.initializer);
      const decl = f && resolve(n.name);
      if (f && decl) reg.byDecl.set(decl, make(f.library, n.name.text, n, f.config, decl));
    } else if (ts.isPropertyDeclaration(n) && n.initializer && ts.isClassLike(n.parent) && n.parent.name) {
      const f = factoryCall(n.initializer);
      const own = propertyNameText(n.name);
      if (f && own) reg.byClassMember.set(`${n.parent.name.text}#${own}`, make(f.library, `this.${own}`, n, f.config));
    } else if (ts.isExportAssignment(n) && !n.isExportEquals) {
      const f = factoryCall(n.expression);
      if (f) make(f.library, 'default', n, f.config);
    } else if (ts.isBinaryExpression(n) && n.operatorToken.kind === ts.SyntaxKind.EqualsToken && (ts.isPropertyAccessExpression(n.left) || ts.isElementAccessExpression(n.left))) {
      assignment(n);
    } else if (ts.isCallExpression(n) && ts.isPropertyAccessExpression(n.expression) && n.expression.name.text === 'use') {
      interceptor(n);
    }
    n.forEachChild(visit);
  };
  const assignment = (n: TS.BinaryExpression): void => {
    const { root, members } = accessChain(n.left);
    // this.client = axios.create(...)
    if (root.kind === ts.SyntaxKind.ThisKeyword && members.length === 1) {
      const f = factoryCall(n.right);
      const cls = enclosingClass(n);
      if (f && cls?.name) reg.byClassMember.set(`${cls.name.text}#${members[0]}`, make(f.library, `this.${members[0]}`, n, f.config));
      return;
    }
    // axios.defaults.baseURL = ..., axios.defaults.headers.common['Authorization'] = ..., api.defaults.headers...
    const at = members.indexOf('defaults');
    if (at !== 0 || !ts.isIdentifier(root)) return;
    const owner = instanceForIdentifier(reg, root) ?? defaultsFor(reg, root, n);
    if (!owner) return;
    const rest = members.slice(1);
    if (rest.length === 1 && (rest[0] === 'baseURL' || rest[0] === 'prefixUrl')) owner.base = fold(n.right, owner.notes);
    else if (rest[0] === 'headers') {
      const name = rest[rest.length - 1]!;
      if (rest.length >= 2 && !['common', 'post', 'get', 'put', 'patch', 'delete'].includes(name)) owner.headers[name.toLowerCase()] = fold(n.right, owner.notes);
      else Object.assign(owner.headers, headersOf(n.right, owner.notes) ?? {});
    }
  };
  const interceptor = (call: TS.CallExpression): void => {
    const { root, members } = accessChain(call.expression);
    if (members.join('.') !== 'interceptors.request.use' || !ts.isIdentifier(root)) return;
    const owner = instanceForIdentifier(reg, root) ?? defaultsFor(reg, root, call);
    const fn = call.arguments[0] && unwrap(call.arguments[0]);
    if (!owner || !fn || !(ts.isArrowFunction(fn) || ts.isFunctionExpression(fn))) return;
    const param = fn.parameters[0];
    if (!param || !ts.isIdentifier(param.name)) return;
    const cfgName = param.name.text;
    const scan = (n: TS.Node): void => {
      if (ts.isBinaryExpression(n) && n.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
        const chain = accessChain(n.left);
        if (ts.isIdentifier(chain.root) && chain.root.text === cfgName && chain.members[0] === 'headers' && chain.members.length >= 2) {
          owner.headers[chain.members[chain.members.length - 1]!.toLowerCase()] = fold(n.right, owner.notes);
        }
      } else if (ts.isCallExpression(n) && ts.isPropertyAccessExpression(n.expression) && n.expression.name.text === 'set' && n.arguments.length === 2) {
        // cfg.headers.set('Authorization', ...)
        const chain = accessChain(n.expression.expression);
        const k = unwrap(n.arguments[0]!);
        if (ts.isIdentifier(chain.root) && chain.root.text === cfgName && chain.members.join('.') === 'headers' && ts.isStringLiteralLike(k))
          owner.headers[k.text.toLowerCase()] = fold(n.arguments[1]!, owner.notes);
      }
      n.forEachChild(scan);
    };
    scan(fn.body);
  };
  visit(sf);
  return reg;
}

function instanceForIdentifier(reg: InstanceRegistry, id: TS.Identifier): Instance | undefined {
  const d = resolve(id);
  return d ? reg.byDecl.get(d) : undefined;
}

function defaultsFor(reg: InstanceRegistry, id: TS.Identifier, node: TS.Node): Instance | undefined {
  const lib = libraryOfIdentifier(id);
  if (!lib) return undefined;
  let inst = reg.defaults.get(lib);
  if (!inst) {
    inst = { library: lib, name: `${lib}.defaults`, node, headers: {}, notes: { envDefaults: [] }, isDefaults: true };
    reg.defaults.set(lib, inst);
    reg.all.push(inst);
  }
  return inst;
}

/** The class a node sits in. */
export function enclosingClass(node: TS.Node): TS.ClassLikeDeclaration | undefined {
  for (let n = node.parent; n; n = n.parent) if (ts.isClassLike(n)) return n;
  return undefined;
}

/** The instance a receiver expression denotes (`api`, `this.client`), if created in this file. */
export function instanceOf(reg: InstanceRegistry, receiver: TS.Expression): Instance | undefined {
  const e = unwrap(receiver);
  if (ts.isIdentifier(e)) return instanceForIdentifier(reg, e);
  const { root, members } = accessChain(e);
  if (root.kind === ts.SyntaxKind.ThisKeyword && members.length === 1) {
    const cls = enclosingClass(e);
    return cls?.name ? reg.byClassMember.get(`${cls.name.text}#${members[0]}`) : undefined;
  }
  return undefined;
}
