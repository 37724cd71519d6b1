/**
 * Request payloads: body fields (JSON objects, JSON.stringify, URLSearchParams, qs.stringify,
 * FormData, form strings such as `'grant_type=password&username=' + u`) and headers.
 */
import { ts, type TS } from './typescript.js';
import type { RequestFact, SymbolicValue, ValuePart } from '../../facts/types.js';
import { type FoldNotes, fold, normalize, textOf } from './fold.js';
import { moduleOf, referencesTo, resolve, scopeOf } from './scope.js';
import { accessChain, propertyNameText, unwrap } from './source.js';

export type Body = NonNullable<RequestFact['body']>;
type Encoding = Body['encoding'];

const MAX_DEPTH = 6;

/** An object literal an expression denotes, following const identifiers (`const opts = {...}; fetch(u, opts)`). */
export function resolveObject(expr: TS.Expression | undefined, depth = 0): TS.ObjectLiteralExpression | undefined {
  if (!expr || depth > MAX_DEPTH) return undefined;
  const e = unwrap(expr);
  if (ts.isObjectLiteralExpression(e)) return e;
  if (ts.isIdentifier(e)) {
    const d = resolve(e);
    if (d?.kind === 'var' && d.init && d.path.length === 0) return resolveObject(d.init, depth + 1);
  }
  return undefined;
}

/** A property of a config object (resolving identifiers), as an expression. */
export function configProperty(config: TS.Expression | undefined, ...names: string[]): TS.Expression | undefined {
  const obj = resolveObject(config);
  if (!obj) return undefined;
  for (const name of names) {
    for (let i = obj.properties.length - 1; i >= 0; i--) {
      const p = obj.properties[i]!;
      if (ts.isPropertyAssignment(p) && propertyNameText(p.name) === name) return p.initializer;
      if (ts.isShorthandPropertyAssignment(p) && p.name.text === name) return p.name;
      if (ts.isSpreadAssignment(p)) {
        const inner = configProperty(p.expression, name);
        if (inner) return inner;
      }
    }
  }
  return undefined;
}

/** Fields of an object literal (nested objects flattened as `a.b`, spreads of local objects merged). */
export function objectFields(obj: TS.ObjectLiteralExpression, notes?: FoldNotes, prefix = '', depth = 0): Record<string, SymbolicValue> {
  const fields: Record<string, SymbolicValue> = {};
  if (depth > MAX_DEPTH) return fields;
  for (const p of obj.properties) {
    if (ts.isSpreadAssignment(p)) {
      const inner = resolveObject(p.expression);
      if (inner) Object.assign(fields, objectFields(inner, notes, prefix, depth + 1));
      continue;
    }
    const key = ts.isShorthandPropertyAssignment(p) ? p.name.text : ts.isPropertyAssignment(p) ? propertyNameText(p.name) : undefined;
    if (key === undefined) continue;
    const valueExpr = ts.isShorthandPropertyAssignment(p) ? p.name : (p as TS.PropertyAssignment).initializer;
    const nested = ts.isObjectLiteralExpression(unwrap(valueExpr)) ? (unwrap(valueExpr) as TS.ObjectLiteralExpression) : undefined;
    if (nested) Object.assign(fields, objectFields(nested, notes, `${prefix}${key}.`, depth + 1));
    else fields[`${prefix}${key}`] = fold(valueExpr, notes);
  }
  return fields;
}

/** Body of a request from the expression passed as body/data, with an encoding hint from the client. */
export function bodyOf(expr: TS.Expression | undefined, hint: Encoding | undefined, notes?: FoldNotes, depth = 0): Body | undefined {
  if (!expr || depth > MAX_DEPTH) return undefined;
  const e = unwrap(expr);
  if (ts.isObjectLiteralExpression(e)) return { encoding: hint ?? 'json', fields: objectFields(e, notes) };
  if (ts.isCallExpression(e)) {
    const { root, members } = accessChain(e.expression);
    const callee = [ts.isIdentifier(root) ? root.text : '', ...members].join('.');
    const arg = e.arguments[0];
    if (callee === 'JSON.stringify') return { encoding: 'json', fields: bodyOf(arg, 'json', notes, depth + 1)?.fields ?? {} };
    const mod = ts.isIdentifier(root) ? moduleOf(root)?.from : undefined;
    if (members[members.length - 1] === 'stringify' && (mod === 'qs' || mod === 'querystring' || mod === 'node:querystring' || callee === 'qs.stringify' || callee === 'querystring.stringify'))
      return { encoding: 'form', fields: bodyOf(arg, 'form', notes, depth + 1)?.fields ?? {} };
    // `params.toString()` of a URLSearchParams
    if (members[members.length - 1] === 'toString' && ts.isPropertyAccessExpression(e.expression)) return bodyOf(e.expression.expression, hint, notes, depth + 1);
  }
  if (ts.isNewExpression(e) && ts.isIdentifier(e.expression)) {
    const ctor = e.expression.text;
    if (ctor === 'URLSearchParams' || ctor === 'FormData') {
      const encoding: Encoding = ctor === 'FormData' ? 'multipart' : 'form';
      const arg = e.arguments?.[0];
      const fields = arg ? (bodyOf(arg, encoding, notes, depth + 1)?.fields ?? {}) : {};
      return { encoding, fields: { ...fields, ...appendedFields(e, notes) } };
    }
  }
  if (ts.isIdentifier(e)) {
    const d = resolve(e);
    if (d?.kind === 'var' && d.init && d.path.length === 0) return bodyOf(d.init, hint, notes, depth + 1);
    if (d?.kind === 'param') return { encoding: hint ?? 'unknown', fields: {} };
  }
  const value = fold(e, notes);
  const text = textOf(value);
  if (text !== undefined && /^\s*[{[]/.test(text)) return { encoding: 'json', fields: jsonTextFields(text) };
  if (value.some((p) => p.kind === 'text' && p.text.includes('='))) return { encoding: 'form', fields: formFields(value) };
  return { encoding: hint ?? 'unknown', fields: {} };
}

/** `params.append('k', v)` / `.set('k', v)` calls on the variable a `new URLSearchParams()`/`new FormData()` is bound to. */
function appendedFields(ctor: TS.NewExpression, notes?: FoldNotes): Record<string, SymbolicValue> {
  const fields: Record<string, SymbolicValue> = {};
  const holder = ctor.parent;
  if (!ts.isVariableDeclaration(holder) || !ts.isIdentifier(holder.name)) return fields;
  const decl = resolve(holder.name);
  if (!decl) return fields;
  for (const ref of referencesTo(decl, scopeOf(decl))) {
    const access = ref.parent;
    if (!ts.isPropertyAccessExpression(access) || access.expression !== ref) continue;
    const call = access.parent;
    if (!ts.isCallExpression(call) || call.expression !== access || !['append', 'set'].includes(access.name.text)) continue;
    const [k, v] = call.arguments;
    const key = k && ts.isStringLiteralLike(unwrap(k)) ? (unwrap(k) as TS.StringLiteralLike).text : undefined;
    if (key !== undefined && v) fields[key] = fold(v, notes);
  }
  return fields;
}

/** Fields of a form string value: `grant_type=password&username=` + u → {grant_type: 'password', username: u}. */
export function formFields(value: SymbolicValue): Record<string, SymbolicValue> {
  const fields: Record<string, SymbolicValue> = {};
  let key = '';
  let val: ValuePart[] = [];
  let inValue = false;
  const commit = (): void => {
    if (key) fields[decodeSafe(key)] = normalize(val);
    key = '';
    val = [];
    inValue = false;
  };
  for (const part of value) {
    if (part.kind !== 'text') {
      if (inValue) val.push(part);
      continue;
    }
    let text = part.text;
    if (!inValue && key === '' && Object.keys(fields).length === 0) text = text.replace(/^\?/, '');
    let chunk = '';
    for (const ch of text) {
      if (ch === '&') {
        if (inValue && chunk) val.push({ kind: 'text', text: decodeSafe(chunk) });
        else if (!inValue) key += chunk;
        chunk = '';
        commit();
      } else if (ch === '=' && !inValue) {
        key += chunk;
        chunk = '';
        inValue = true;
      } else chunk += ch;
    }
    if (inValue && chunk) val.push({ kind: 'text', text: decodeSafe(chunk) });
    else if (!inValue) key += chunk;
  }
  if (inValue) commit();
  return fields;
}

function decodeSafe(s: string): string {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    return s;
  }
}

/** Top-level keys of a JSON text body (values kept only when they are strings). */
function jsonTextFields(text: string): Record<string, SymbolicValue> {
  const fields: Record<string, SymbolicValue> = {};
  for (const m of text.matchAll(/"([^"\\]+)"\s*:\s*(?:"((?:[^"\\]|\\.)*)"|([^,}\s]+))/g)) {
    fields[m[1]!] = m[2] !== undefined ? [{ kind: 'text', text: m[2] }] : [{ kind: 'unknown', text: m[3] ?? '' }];
  }
  return fields;
}

/** Headers by lower-case name from an object literal, `new Headers({...})`, `new HttpHeaders({...}).set(k, v)`, or a const. */
export function headersOf(expr: TS.Expression | undefined, notes?: FoldNotes, depth = 0): Record<string, SymbolicValue> | undefined {
  if (!expr || depth > MAX_DEPTH) return undefined;
  const e = unwrap(expr);
  if (ts.isObjectLiteralExpression(e)) {
    const out: Record<string, SymbolicValue> = {};
    for (const p of e.properties) {
      if (ts.isSpreadAssignment(p)) Object.assign(out, headersOf(p.expression, notes, depth + 1) ?? {});
      else if (ts.isPropertyAssignment(p) || ts.isShorthandPropertyAssignment(p)) {
        const key = ts.isShorthandPropertyAssignment(p) ? p.name.text : propertyNameText(p.name);
        const nested = ts.isPropertyAssignment(p) ? unwrap(p.initializer) : undefined;
        // axios defaults style: headers: { common: { Authorization } }
        if (key && nested && ts.isObjectLiteralExpression(nested) && ['common', 'post', 'get', 'put', 'patch', 'delete'].includes(key))
          Object.assign(out, headersOf(nested, notes, depth + 1) ?? {});
        else if (key) out[key.toLowerCase()] = fold(ts.isShorthandPropertyAssignment(p) ? p.name : p.initializer, notes);
      }
    }
    return out;
  }
  if (ts.isNewExpression(e) && ts.isIdentifier(e.expression) && ['Headers', 'HttpHeaders', 'AxiosHeaders'].includes(e.expression.text))
    return headersOf(e.arguments?.[0], notes, depth + 1) ?? {};
  if (ts.isCallExpression(e) && ts.isPropertyAccessExpression(e.expression) && ['set', 'append'].includes(e.expression.name.text) && e.arguments.length === 2) {
    const inner = headersOf(e.expression.expression, notes, depth + 1) ?? {};
    const k = unwrap(e.arguments[0]!);
    if (ts.isStringLiteralLike(k)) inner[k.text.toLowerCase()] = fold(e.arguments[1]!, notes);
    return inner;
  }
  if (ts.isIdentifier(e)) {
    const d = resolve(e);
    if (d?.kind === 'var' && d.init && d.path.length === 0) return headersOf(d.init, notes, depth + 1);
  }
  return undefined;
}

/** Encoding implied by a Content-Type header value. */
export function encodingFromHeaders(headers: Record<string, SymbolicValue> | undefined): Encoding | undefined {
  const ct = headers?.['content-type'];
  const text = ct ? textOf(ct) : undefined;
  if (!text) return undefined;
  if (/x-www-form-urlencoded/i.test(text)) return 'form';
  if (/multipart/i.test(text)) return 'multipart';
  if (/json/i.test(text)) return 'json';
  return undefined;
}
