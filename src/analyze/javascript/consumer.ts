/**
 * Response consumers: which fields the code reads from a request's result (`res.data.token`,
 * `(await res.json()).access_token`, `.then(r => r.data.token)`, `const { token } = await ...`),
 * and whether the token is parked in module/class state without expiry tracking.
 */
import { ts, type TS } from './typescript.js';
import { referencesTo, resolve, scopeOf } from './scope.js';
import { accessChain, enclosingFunction, propertyNameText, unwrap } from './source.js';

/** Response fields that carry a token, in order of preference when several are read. */
export const TOKEN_FIELDS = ['token', 'access_token', 'accessToken', 'jwt', 'id_token', 'idToken', 'authToken', 'refresh_token', 'refreshToken'] as const;

const MAX_DEPTH = 8;

/** Property names read from the value of `expr` (its result, followed through awaits, callbacks, variables). */
export function fieldsReadFrom(expr: TS.Expression): Set<string> {
  const out = new Set<string>();
  track(expr, out, 0, new Set());
  return out;
}

/** The token field the consumer reads, if any. */
export function responseTokenField(fields: Set<string>): string | undefined {
  return TOKEN_FIELDS.find((f) => fields.has(f));
}

function track(node: TS.Expression, out: Set<string>, depth: number, seen: Set<TS.Node>): void {
  if (depth > MAX_DEPTH || seen.has(node)) return;
  seen.add(node);
  const p = node.parent;
  if (!p) return;
  if (ts.isParenthesizedExpression(p) || ts.isAwaitExpression(p) || ts.isAsExpression(p) || ts.isNonNullExpression(p) || ts.isSatisfiesExpression(p) || ts.isTypeAssertionExpression(p))
    return track(p, out, depth, seen);
  // firstValueFrom(obs), lastValueFrom(obs), Promise.resolve(x)
  if (ts.isCallExpression(p) && p.arguments[0] === node && ts.isIdentifier(p.expression) && /^(firstValueFrom|lastValueFrom)$/.test(p.expression.text))
    return track(p, out, depth + 1, seen);
  if ((ts.isPropertyAccessExpression(p) || ts.isElementAccessExpression(p)) && p.expression === node) {
    const name = ts.isPropertyAccessExpression(p) ? p.name.text : ts.isStringLiteralLike(unwrap(p.argumentExpression)) ? (unwrap(p.argumentExpression) as TS.StringLiteralLike).text : undefined;
    if (!name) return;
    const call = p.parent;
    if (ts.isCallExpression(call) && call.expression === p) {
      // res.json() / res.text() / res.body.json(): same payload
      if (['json', 'text', 'body'].includes(name)) return track(call, out, depth + 1, seen);
      if (['then', 'done', 'success', 'subscribe'].includes(name)) {
        const cb = call.arguments[0] && unwrap(call.arguments[0]);
        if (cb) trackCallbackParam(cb, out, depth, seen);
        return track(call, out, depth + 1, seen);
      }
      if (name === 'pipe') {
        for (const op of call.arguments) {
          const o = unwrap(op);
          if (ts.isCallExpression(o) && ts.isIdentifier(o.expression) && /^(map|tap|switchMap|mergeMap|concatMap)$/.test(o.expression.text) && o.arguments[0])
            trackCallbackParam(unwrap(o.arguments[0]), out, depth, seen);
        }
        return track(call, out, depth + 1, seen);
      }
      return;
    }
    out.add(name);
    return track(p, out, depth + 1, seen);
  }
  if (ts.isVariableDeclaration(p) && p.initializer === node) return trackBinding(p.name, out, depth, seen);
  if (ts.isBinaryExpression(p) && p.right === node && p.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isIdentifier(p.left)) {
    const d = resolve(p.left);
    if (d) for (const ref of referencesTo(d, scopeOf(d))) if (ref !== p.left) track(ref, out, depth + 1, seen);
  }
  // `return res.data` inside a function whose callers read `.token`: follow calls of that function in the file.
  if (ts.isReturnStatement(p) || (ts.isArrowFunction(p) && p.body === node)) {
    const fn = ts.isReturnStatement(p) ? enclosingFunction(p) : p;
    if (fn) for (const c of callsOf(fn)) track(c, out, depth + 1, seen);
  }
}

function trackBinding(name: TS.BindingName, out: Set<string>, depth: number, seen: Set<TS.Node>): void {
  if (ts.isIdentifier(name)) {
    const d = resolve(name);
    if (d) for (const ref of referencesTo(d, scopeOf(d))) track(ref, out, depth + 1, seen);
    return;
  }
  if (ts.isObjectBindingPattern(name)) {
    for (const el of name.elements) {
      const key = propertyNameText(el.propertyName ?? (ts.isIdentifier(el.name) ? el.name : undefined));
      if (key) out.add(key);
      trackBinding(el.name, out, depth + 1, seen);
    }
  }
}

function trackCallbackParam(cb: TS.Expression, out: Set<string>, depth: number, seen: Set<TS.Node>): void {
  if (!(ts.isArrowFunction(cb) || ts.isFunctionExpression(cb))) return;
  const param = cb.parameters[0];
  if (param) trackBinding(param.name, out, depth + 1, seen);
}

/** Calls in the same file of a named function (`getToken()`, `this.getToken()`), as expressions. */
export function callsOf(fn: TS.SignatureDeclaration): TS.CallExpression[] {
  const name = fnLocalName(fn);
  return name ? (callIndexOf(fn.getSourceFile()).get(name) ?? []) : [];
}

const callIndexes = new WeakMap<TS.SourceFile, Map<string, TS.CallExpression[]>>();

/** Every call of the file by the name it calls (`f()`, `this.f()`, `obj.f()` → 'f'), built once per file. */
function callIndexOf(sf: TS.SourceFile): Map<string, TS.CallExpression[]> {
  let index = callIndexes.get(sf);
  if (index) return index;
  const built = new Map<string, TS.CallExpression[]>();
  const visit = (n: TS.Node): void => {
    if (ts.isCallExpression(n)) {
      const callee = n.expression;
      const called = ts.isIdentifier(callee)
        ? callee.text
        : ts.isPropertyAccessExpression(callee) && (callee.expression.kind === ts.SyntaxKind.ThisKeyword || ts.isIdentifier(callee.expression))
          ? callee.name.text
          : undefined;
      if (called) {
        const list = built.get(called);
        if (list) list.push(n);
        else built.set(called, [n]);
      }
    }
    n.forEachChild(visit);
  };
  visit(sf);
  callIndexes.set(sf, (index = built));
  return index;
}

/** The name a function is called by within its file (`getToken` for `async getToken()` or `const getToken = () => ...`). */
export function fnLocalName(fn: TS.Node): string | undefined {
  if ((ts.isFunctionDeclaration(fn) || ts.isFunctionExpression(fn)) && fn.name) return fn.name.text;
  if (ts.isMethodDeclaration(fn)) return propertyNameText(fn.name);
  const p = fn.parent;
  if (p && ts.isVariableDeclaration(p) && ts.isIdentifier(p.name)) return p.name.text;
  if (p && (ts.isPropertyAssignment(p) || ts.isPropertyDeclaration(p))) return propertyNameText(p.name);
  return undefined;
}

/** Does the function park a value in module-level or class state (`cachedToken = ...`, `this.token = ...`)? */
export function storesInOuterState(fn: TS.Node): boolean {
  let found = false;
  const visit = (n: TS.Node): void => {
    if (found) return;
    if (ts.isBinaryExpression(n) && n.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
      const { root, members } = accessChain(n.left);
      if (root.kind === ts.SyntaxKind.ThisKeyword && members.length >= 1) found = true;
      else if (ts.isIdentifier(root)) {
        const d = resolve(root);
        if (d?.kind === 'var' && d.moduleLevel) found = true;
      }
    }
    n.forEachChild(visit);
  };
  visit(fn);
  return found;
}

/** Expiry tracking anywhere in the file: expires_in, exp claims, Date.now() comparisons, TTLs, jwt decoding. */
export function hasExpiryTracking(text: string): boolean {
  return /expires_?in|expires_?at|expiresAt|expiry|expiration|\.exp\b|\bexp\s*[<>]|Date\.now\(\)|getTime\(\)|jwt[-_]?decode|jwtDecode|\bttl\b|max_?age|isExpired|tokenExpir/i.test(text);
}
