/**
 * URL folding within one file: turn an expression into a SymbolicValue (text, env, ref, param,
 * unknown parts). Follows const chains, object-literal members, templates, `+`, `.join()`,
 * `path.join`, `new URL(path, base)`; what only another file knows becomes a `ref` for link.
 *
 * `process.env.X || 'default'` folds to the default text (it names the real host, which is what
 * the rules need) and records `X` in `FoldNotes.envDefaults` so evidence can mention the variable.
 */
import { ts, type TS } from './typescript.js';
import type { SymbolicValue, ValuePart } from '../../facts/types.js';
import { redact } from '../../findings/redact.js';
import { type Decl, type PathStep, moduleOf, requiredModule, resolve } from './scope.js';
import { accessChain, objectProperty, shortText, unwrap } from './source.js';

export interface FoldNotes {
  /** Env vars whose `|| 'default'` fallback was folded instead of the variable. */
  envDefaults: string[];
}

const MAX_DEPTH = 12;

/** Fold an expression into value parts (adjacent text merged, empty text dropped). */
export function fold(expr: TS.Expression, notes?: FoldNotes): SymbolicValue {
  return normalize(foldAt(expr, 0, notes));
}

/** The plain text of a value when it is fully known. */
export function textOf(value: SymbolicValue): string | undefined {
  return value.every((p) => p.kind === 'text') ? value.map((p) => (p as { text: string }).text).join('') : undefined;
}

/** The known text pieces of a value joined (unknown parts become empty), for pattern checks. */
export function knownText(value: SymbolicValue): string {
  return value.map((p) => (p.kind === 'text' ? p.text : '\u0000')).join('');
}

/** Env variable read by an expression (`process.env.X`, `process.env['X']`, `import.meta.env.X`, `Deno.env.get('X')`, `Bun.env.X`). */
export function envNameOf(expr: TS.Expression): string | undefined {
  const e = unwrap(expr);
  if (ts.isCallExpression(e)) {
    const { root, members } = accessChain(e.expression);
    const arg = e.arguments[0] && unwrap(e.arguments[0]);
    if (ts.isIdentifier(root) && root.text === 'Deno' && members.join('.') === 'env.get' && arg && ts.isStringLiteralLike(arg)) return arg.text;
    return undefined;
  }
  const { root, members } = accessChain(e);
  if (members.length === 0) return undefined;
  const base = members.slice(0, -1);
  if (isEnvObject(root, base)) return members[members.length - 1];
  return undefined;
}

/** True for `process.env`, `import.meta.env`, `Bun.env` given as root + members. */
export function isEnvObject(root: TS.Expression, members: readonly string[]): boolean {
  const m = members.join('.');
  if (ts.isIdentifier(root) && (root.text === 'process' || root.text === 'Bun') && m === 'env') return !resolve(root);
  if (ts.isMetaProperty(root) && m === 'env') return true;
  return false;
}

/** Words without which `redact` has nothing to mask: skip its eight regexes for plain code text. */
const MAYBE_SECRET = /eyJ|bearer|basic|token|:\/\/|pass|secret|key|pwd|-u\b|--user|gh[pousr]_|glpat|xox|sk_|AKIA/i;

function redactShort(text: string): string {
  return MAYBE_SECRET.test(text) ? redact(text) : text;
}

function foldAt(expr: TS.Expression, depth: number, notes?: FoldNotes): ValuePart[] {
  const e = unwrap(expr);
  const unknown = (): ValuePart[] => [{ kind: 'unknown', text: redactShort(shortText(e.getSourceFile(), e)) }];
  if (depth > MAX_DEPTH) return unknown();
  if (ts.isStringLiteralLike(e)) return [{ kind: 'text', text: e.text }];
  if (ts.isNumericLiteral(e)) return [{ kind: 'text', text: e.text }];
  if (ts.isTemplateExpression(e)) {
    const out: ValuePart[] = [{ kind: 'text', text: e.head.text }];
    for (const span of e.templateSpans) {
      out.push(...foldAt(span.expression, depth + 1, notes));
      out.push({ kind: 'text', text: span.literal.text });
    }
    return out;
  }
  if (ts.isTaggedTemplateExpression(e)) return unknown();
  if (ts.isBinaryExpression(e)) {
    const op = e.operatorToken.kind;
    // `a + b + c + …` nests to the left: fold the operands as siblings so long chains stay within depth.
    if (op === ts.SyntaxKind.PlusToken) return plusOperands(e).flatMap((operand) => foldAt(operand, depth + 1, notes));
    if (op === ts.SyntaxKind.BarBarToken || op === ts.SyntaxKind.QuestionQuestionToken) return foldDefault(e, depth, notes);
    if (op === ts.SyntaxKind.CommaToken) return foldAt(e.right, depth + 1, notes);
    return unknown();
  }
  if (ts.isIdentifier(e)) return foldMember(e, [], depth + 1, notes) ?? unknown();
  if (ts.isPropertyAccessExpression(e) || ts.isElementAccessExpression(e)) {
    const env = envNameOf(e);
    if (env) return [{ kind: 'env', name: env }];
    const { root, members } = accessChain(e);
    if (members.length === 0) return unknown();
    // `new URL(...).href` / `.toString` handled as the URL itself.
    if (members.length === 1 && (members[0] === 'href' || members[0] === 'source') && ts.isNewExpression(root)) return foldAt(root, depth + 1, notes);
    return foldMember(root, members, depth + 1, notes) ?? unknown();
  }
  if (ts.isCallExpression(e)) return foldCall(e, depth, notes) ?? unknown();
  if (ts.isNewExpression(e)) return foldNewUrl(e, depth, notes) ?? unknown();
  return unknown();
}

function plusOperands(e: TS.BinaryExpression): TS.Expression[] {
  const out: TS.Expression[] = [];
  let cur: TS.Expression = e;
  while (ts.isBinaryExpression(cur) && cur.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    out.unshift(cur.right);
    cur = unwrapParens(cur.left);
  }
  out.unshift(cur);
  return out;
}

function unwrapParens(e: TS.Expression): TS.Expression {
  return ts.isParenthesizedExpression(e) ? unwrapParens(e.expression) : e;
}

/** `a || b` / `a ?? b`: prefer the literal fallback of an env read (it names the real host). */
function foldDefault(e: TS.BinaryExpression, depth: number, notes?: FoldNotes): ValuePart[] {
  const left = foldAt(e.left, depth + 1, notes);
  const right = foldAt(e.right, depth + 1, notes);
  const leftEnv = left.length === 1 && left[0]!.kind === 'env' ? left[0]!.name : undefined;
  if (leftEnv && right.some((p) => p.kind === 'text' && p.text !== '')) {
    notes?.envDefaults.push(leftEnv);
    return right;
  }
  if (left.some((p) => p.kind === 'unknown') && !right.some((p) => p.kind === 'unknown')) return right;
  return left;
}

/** Fold `root.members...`: follow consts, object literals, imports; undefined when nothing is known. */
function foldMember(root: TS.Expression, members: string[], depth: number, notes?: FoldNotes): ValuePart[] | undefined {
  const r = unwrap(root);
  if (depth > MAX_DEPTH) return undefined;
  if (ts.isObjectLiteralExpression(r)) {
    if (members.length === 0) return undefined;
    const value = objectProperty(r, members[0]!);
    return value ? foldMember(value, members.slice(1), depth + 1, notes) : undefined;
  }
  if (ts.isArrayLiteralExpression(r) && members.length && /^\d+$/.test(members[0]!)) {
    const el = r.elements[Number(members[0])];
    return el && !ts.isSpreadElement(el) && !ts.isOmittedExpression(el) ? foldMember(el, members.slice(1), depth + 1, notes) : undefined;
  }
  if (members.length === 0) {
    if (ts.isIdentifier(r)) return foldIdentifier(r, [], depth, notes);
    return foldAt(r, depth + 1, notes);
  }
  if (isEnvObject(r, []) || (ts.isPropertyAccessExpression(r) && envNameOf(r) === undefined && isEnvChain(r))) {
    return [{ kind: 'env', name: members[0]! }];
  }
  if (ts.isIdentifier(r)) return foldIdentifier(r, members, depth, notes);
  if (r.kind === ts.SyntaxKind.ThisKeyword) return foldThisMember(r, members, depth, notes);
  if (ts.isCallExpression(r)) {
    const req = requiredModule(r);
    if (req) return [{ kind: 'ref', name: members[0]!, from: req.from, member: members.slice(1).length ? members.slice(1) : undefined }];
  }
  return undefined;
}

function isEnvChain(e: TS.PropertyAccessExpression): boolean {
  const { root, members } = accessChain(e);
  return isEnvObject(root, members);
}

function foldIdentifier(id: TS.Identifier, members: string[], depth: number, notes?: FoldNotes): ValuePart[] | undefined {
  if (id.text === 'undefined') return undefined;
  const decl = resolve(id);
  const ref = (): ValuePart[] => {
    const mod = moduleOf(id);
    return [{ kind: 'ref', name: id.text, ...(mod ? { from: mod.from } : {}), ...(members.length ? { member: members } : {}) }];
  };
  if (!decl) return ref();
  switch (decl.kind) {
    case 'import':
      return ref();
    case 'param': {
      // A constructor parameter is configuration, not a wrapper's URL: its default is the value.
      if (ts.isConstructorDeclaration(decl.fn)) {
        const init = decl.fn.parameters[decl.index]?.initializer;
        return init && decl.path.length === 0 ? foldMember(init, members, depth + 1, notes) : undefined;
      }
      if (members.length || decl.path.length) return undefined;
      return [{ kind: 'param', index: decl.index, name: decl.name }];
    }
    case 'var': {
      if (requiredModule(decl.init)) return ref();
      if (!decl.init) return undefined;
      // A destructured binding from process.env is an env read.
      const path = [...decl.path.map(String), ...members];
      const init = unwrap(decl.init);
      if (path.length && (isEnvObject(accessChain(init).root, accessChain(init).members))) return [{ kind: 'env', name: path[0]! }];
      return foldMember(init, path, depth + 1, notes);
    }
    default:
      return undefined;
  }
}

/** `this.baseUrl`: a class property initializer or a constructor assignment. */
function foldThisMember(thisNode: TS.Expression, members: string[], depth: number, notes?: FoldNotes): ValuePart[] | undefined {
  let cls: TS.Node | undefined = thisNode.parent;
  while (cls && !ts.isClassLike(cls)) cls = cls.parent;
  if (!cls || !ts.isClassLike(cls)) return undefined;
  const [first, ...rest] = members;
  const value = classMemberValue(cls, first!);
  return value ? foldMember(value, rest, depth + 1, notes) : undefined;
}

/** The value a class gives `this.<name>`: property initializer, or `this.name = x` in the constructor. */
export function classMemberValue(cls: TS.ClassLikeDeclaration, name: string): TS.Expression | undefined {
  for (const m of cls.members) {
    if (ts.isPropertyDeclaration(m) && m.initializer && ts.isIdentifier(m.name) && m.name.text === name) return m.initializer;
  }
  const ctor = cls.members.find(ts.isConstructorDeclaration);
  for (const s of ctor?.body?.statements ?? []) {
    if (!ts.isExpressionStatement(s)) continue;
    const x = s.expression;
    if (ts.isBinaryExpression(x) && x.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
      const { root, members } = accessChain(x.left);
      if (root.kind === ts.SyntaxKind.ThisKeyword && members.length === 1 && members[0] === name) return x.right;
    }
  }
  return undefined;
}

const PATH_JOIN_MODULES = new Set(['path', 'node:path', 'path/posix', 'node:path/posix', 'url-join', 'proper-url-join', 'urljoin']);

function foldCall(e: TS.CallExpression, depth: number, notes?: FoldNotes): ValuePart[] | undefined {
  const env = envNameOf(e);
  if (env) return [{ kind: 'env', name: env }];
  const callee = unwrap(e.expression);
  const args = e.arguments.filter((a) => !ts.isSpreadElement(a));
  const { root, members } = accessChain(callee);
  const last = members[members.length - 1];
  // [a, 'auth', 'local', 'signin'].join('/')
  if (last === 'join' && members.length === 1) {
    const arr = resolveArray(root);
    if (arr) {
      const sep = args[0] ? foldAt(args[0], depth + 1, notes) : [{ kind: 'text', text: ',' } as ValuePart];
      const out: ValuePart[] = [];
      arr.elements.forEach((el, i) => {
        if (i > 0) out.push(...sep);
        if (!ts.isSpreadElement(el) && !ts.isOmittedExpression(el)) out.push(...foldAt(el, depth + 1, notes));
        else out.push({ kind: 'unknown', text: '…' });
      });
      return out;
    }
  }
  // path.join / path.posix.join / join from 'path' / urlJoin(...)
  if (isPathJoin(root, members)) return joinPaths(args.map((a) => foldAt(a, depth + 1, notes)));
  // url.resolve(base, path)
  if (ts.isIdentifier(root) && members.join('.') === 'resolve' && moduleOf(root)?.from.replace(/^node:/, '') === 'url' && args.length === 2)
    return resolveUrl(foldAt(args[1]!, depth + 1, notes), foldAt(args[0]!, depth + 1, notes));
  // x.toString(), x.trim(), `${a}`.concat(b), String(x), encodeURI(x)
  if ((last === 'toString' || last === 'trim' || last === 'valueOf') && members.length >= 1 && args.length === 0) {
    const target = ts.isPropertyAccessExpression(callee) ? callee.expression : undefined;
    return target ? foldAt(target, depth + 1, notes) : undefined;
  }
  if (last === 'concat' && ts.isPropertyAccessExpression(callee)) {
    const base = foldAt(callee.expression, depth + 1, notes);
    if (base.some((p) => p.kind === 'text')) return [...base, ...args.flatMap((a) => foldAt(a, depth + 1, notes))];
  }
  if (ts.isIdentifier(callee) && ['String', 'encodeURI'].includes(callee.text) && args.length === 1 && !resolve(callee)) return foldAt(args[0]!, depth + 1, notes);
  return undefined;
}

function resolveArray(expr: TS.Expression): TS.ArrayLiteralExpression | undefined {
  const e = unwrap(expr);
  if (ts.isArrayLiteralExpression(e)) return e;
  if (ts.isIdentifier(e)) {
    const d = resolve(e);
    if (d?.kind === 'var' && d.init && d.path.length === 0) {
      const init = unwrap(d.init);
      if (ts.isArrayLiteralExpression(init)) return init;
    }
  }
  return undefined;
}

function isPathJoin(root: TS.Expression, members: string[]): boolean {
  if (!ts.isIdentifier(root)) return false;
  const mod = moduleOf(root);
  const m = members.join('.');
  if (mod && PATH_JOIN_MODULES.has(mod.from)) {
    if (mod.from.includes('join')) return m === '' || m === 'default';
    if (m === 'join' || m === 'posix.join') return true;
    return m === '' && mod.imported === 'join';
  }
  return !mod && !resolve(root) && root.text === 'path' && (m === 'join' || m === 'posix.join');
}

/** path.join semantics on value parts: `/` between parts, duplicate slashes collapsed (not after `scheme:`). */
function joinPaths(parts: ValuePart[][]): ValuePart[] {
  const out: ValuePart[] = [];
  parts.forEach((p, i) => {
    if (i > 0) out.push({ kind: 'text', text: '/' });
    out.push(...p);
  });
  return normalize(out).map((p) => (p.kind === 'text' ? { kind: 'text', text: p.text.replace(/([^:/]|^)\/{2,}/g, '$1/') } : p));
}

/** `new URL(path, base)` as one value: an absolute path replaces the base's path. */
function foldNewUrl(e: TS.NewExpression, depth: number, notes?: FoldNotes): ValuePart[] | undefined {
  if (!ts.isIdentifier(e.expression) || e.expression.text !== 'URL' || !e.arguments?.length) return undefined;
  const path = foldAt(e.arguments[0]!, depth + 1, notes);
  if (e.arguments.length < 2) return path;
  return resolveUrl(path, foldAt(e.arguments[1]!, depth + 1, notes));
}

/** Resolve a path against a base the way `new URL(path, base)` would, as far as parts allow. */
export function resolveUrl(path: ValuePart[], base: ValuePart[]): ValuePart[] {
  const p = normalize(path);
  const first = p[0];
  if (first?.kind === 'text' && /^[a-z][a-z0-9+.-]*:\/\//i.test(first.text)) return p;
  const b = normalize(base);
  const baseText = textOf(b);
  if (first?.kind === 'text' && first.text.startsWith('/') && baseText) {
    const origin = /^[a-z][a-z0-9+.-]*:\/\/[^/]+/i.exec(baseText)?.[0];
    if (origin) return normalize([{ kind: 'text', text: origin }, ...p]);
  }
  if (first?.kind === 'text' && first.text.startsWith('/')) return normalize([...b, ...p]);
  return joinPaths([b, p]);
}

/** Merge adjacent text parts and drop empty ones. */
export function normalize(parts: ValuePart[]): ValuePart[] {
  const out: ValuePart[] = [];
  for (const p of parts) {
    if (p.kind === 'text') {
      if (p.text === '') continue;
      const prev = out[out.length - 1];
      if (prev?.kind === 'text') {
        out[out.length - 1] = { kind: 'text', text: prev.text + p.text };
        continue;
      }
    }
    out.push(p);
  }
  return out;
}

export type { Decl, PathStep };
