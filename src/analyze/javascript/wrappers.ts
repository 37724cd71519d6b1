/**
 * Project wrappers and calls to them: a function whose parameter becomes a request URL is a
 * WrapperFact (`function apiPost(path, body) { return fetch(BASE + path, ...) }`); calls that may
 * target a wrapper (here or in another file) become small CallFacts for the link step.
 *
 * Naming: a wrapper is named as it is called — `apiPost`, `api.post` (method of an object bound
 * to `api`), `ApiClient.post` (class method). A CallFact's callee is `{ name: root, member }`, with
 * `this.x()` inside class `C` reported as `{ name: 'C', member: ['x'] }` so it meets `C.x`.
 */
import { ts, type TS } from './typescript.js';
import type { CallFact, SymbolicValue, WrapperFact } from '../../facts/types.js';
import type { ExportsInfo } from './bindings.js';
import { fold, knownText } from './fold.js';
import { enclosingClass } from './instances.js';
import { objectFields } from './payload.js';
import type { RequestDraft } from './requests.js';
import { moduleOf, resolve } from './scope.js';
import { accessChain, functionName, spanOf, unwrap } from './source.js';

/** A WrapperFact when the draft's URL starts from (or contains) a parameter of an enclosing function. */
export function wrapperOf(draft: RequestDraft, sf: TS.SourceFile, exportsInfo: ExportsInfo): WrapperFact | undefined {
  const at = draft.url.findIndex((p) => p.kind === 'param');
  if (at < 0) return undefined;
  const param = draft.url[at] as Extract<SymbolicValue[number], { kind: 'param' }>;
  let fn: TS.SignatureDeclaration | undefined;
  for (let n = draft.node.parent; n; n = n.parent) {
    if (ts.isFunctionLike(n)) {
      const p = (n as TS.SignatureDeclaration).parameters[param.index];
      if (p && ts.isIdentifier(p.name) && p.name.text === param.name) {
        fn = n as TS.SignatureDeclaration;
        break;
      }
    }
  }
  if (!fn) return undefined;
  const name = functionName(fn);
  if (!name) return undefined;
  const before = draft.url.slice(0, at);
  const base = before.length ? [...(draft.base ?? []), ...before] : draft.base;
  const { exported, exportedAs } = exportStatus(fn, name, exportsInfo);
  return {
    kind: 'wrapper',
    span: spanOf(sf, fn),
    name,
    exported,
    ...(exportedAs ? { exportedAs } : {}),
    urlParam: param.index,
    ...(base && base.length ? { base } : {}),
    ...(draft.method ? { method: draft.method } : {}),
    client: draft.client,
  };
}

/** Whether a function is reachable from other files, and under which name when renamed. */
function exportStatus(fn: TS.SignatureDeclaration, name: string, info: ExportsInfo): { exported: boolean; exportedAs?: string } {
  const [head, ...rest] = name.split('.');
  const names = info.byLocal.get(head!);
  if (names?.size) {
    const alias = [...names].find((a) => a !== head);
    return { exported: true, ...(alias ? { exportedAs: [alias, ...rest].join('.') } : {}) };
  }
  // A method of `module.exports = { post(path) {...} }` or of an exported class.
  const cls = enclosingClass(fn);
  if (cls && ts.canHaveModifiers(cls) && ts.getModifiers(cls)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) return { exported: true };
  return { exported: false };
}

/** Cheap syntactic pre-check before folding: a path-like literal, a name that may hold one, or an object. */
function mayMatter(arg: TS.Expression): boolean {
  const e = unwrap(arg);
  if (ts.isStringLiteralLike(e)) return e.text.includes('/');
  return ts.isTemplateExpression(e) || ts.isIdentifier(e) || ts.isPropertyAccessExpression(e) || ts.isBinaryExpression(e) || ts.isObjectLiteralExpression(e) || ts.isCallExpression(e);
}

const NOT_WRAPPERS = /^(?:console|JSON|Object|Array|Math|Promise|Reflect|Number|String|Symbol|Date|RegExp|Error|Buffer|process|require|path|fs|url|os|util|describe|it|test|expect|jest|vi|sinon|assert|chai|setTimeout|setInterval|clearTimeout|encodeURIComponent|decodeURIComponent|encodeURI|parseInt|parseFloat|logger|log|t|i18n|navigate|redirect|router|history|location|window|document|localStorage|sessionStorage|emit|res|reply|ctx|next|app|server|fastify|express|URL|URLSearchParams|FormData|Headers)$/;
const CREDENTIAL_KEY = /^(?:username|user(?:_?name)?|email|login|identifier|password|passwd|pwd|secret|client_?id|clientId|client_?secret|clientSecret|refresh_?token|grant_type|apiKey|api_key)$/i;

/** A CallFact for a call that may reach a wrapper: path-like, env or imported arguments, or a credentials object. */
export function callFactOf(call: TS.CallExpression, sf: TS.SourceFile): Omit<CallFact, 'context'> | undefined {
  if (call.arguments.length === 0 || !call.arguments.slice(0, 4).some(mayMatter)) return undefined;
  const callee = unwrap(call.expression);
  const { root, members } = accessChain(callee);
  let name: string;
  let from: string | undefined;
  if (ts.isIdentifier(root)) {
    if (NOT_WRAPPERS.test(root.text) && !resolve(root)) return undefined;
    const decl = resolve(root);
    if (!decl) return undefined; // an unknown global is not a project wrapper
    const mod = moduleOf(root);
    if (mod && !/^(?:\.|@\/|~\/|src\/|#)/.test(mod.from)) return undefined; // a package, not the project
    name = root.text;
    from = mod?.from;
  } else if (root.kind === ts.SyntaxKind.ThisKeyword && members.length >= 1) {
    const cls = enclosingClass(call);
    if (!cls?.name) return undefined;
    name = cls.name.text;
  } else return undefined;
  if (members.length > 3) return undefined;
  const args: SymbolicValue[] = [];
  let bodyFields: CallFact['bodyFields'];
  let interesting = false;
  for (const a of call.arguments.slice(0, 4)) {
    const e = unwrap(a);
    if (ts.isObjectLiteralExpression(e)) {
      const fields = objectFields(e);
      if (Object.keys(fields).some((k) => CREDENTIAL_KEY.test(k.split('.').pop()!))) {
        bodyFields = fields;
        interesting = true;
      }
      args.push([{ kind: 'unknown', text: '{…}' }]);
      continue;
    }
    if (ts.isFunctionLike(e)) {
      args.push([{ kind: 'unknown', text: 'function' }]);
      continue;
    }
    const v = fold(e);
    if (v.some((p) => p.kind === 'env' || (p.kind === 'ref' && !!p.from)) || knownText(v).includes('/')) interesting = true;
    args.push(v);
  }
  if (!interesting) return undefined;
  return {
    kind: 'call',
    span: spanOf(sf, call),
    callee: { name, ...(from ? { from } : {}), ...(members.length ? { member: members } : {}) },
    args,
    ...(bodyFields ? { bodyFields } : {}),
  };
}

