/** Parsing and positions: one `ts.SourceFile` per script, spans in 1-based line/column. */
import { ts, type TS } from './typescript.js';
import type { Span } from '../../facts/types.js';

/** Script kind from the file extension; `.js` may hold JSX, so it parses as JSX. */
export function scriptKindFor(path: string, lang?: string): TS.ScriptKind {
  const lower = path.toLowerCase();
  if (lang === 'ts' || lang === 'typescript') return ts.ScriptKind.TS;
  if (lang === 'tsx') return ts.ScriptKind.TSX;
  if (lower.endsWith('.tsx')) return ts.ScriptKind.TSX;
  if (/\.(ts|mts|cts)$/.test(lower)) return ts.ScriptKind.TS;
  return ts.ScriptKind.JSX;
}

/** Parse with parent pointers (every recognizer walks upwards). */
export function parseScript(fileName: string, text: string, kind: TS.ScriptKind): TS.SourceFile {
  return ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, kind);
}

/** The parser's own syntax diagnostics (not exposed in the public typings). */
export function parseDiagnostics(sf: TS.SourceFile): readonly TS.DiagnosticWithLocation[] {
  return ((sf as unknown as { parseDiagnostics?: TS.DiagnosticWithLocation[] }).parseDiagnostics ?? []);
}

/** Span of a node without its leading trivia; end column is exclusive. */
export function spanOf(sf: TS.SourceFile, node: TS.Node): Span {
  return spanOfRange(sf, node.getStart(sf), node.getEnd());
}

/** Span of a [start, end) character range. */
export function spanOfRange(sf: TS.SourceFile, start: number, end: number): Span {
  const a = sf.getLineAndCharacterOfPosition(start);
  const b = sf.getLineAndCharacterOfPosition(end);
  return { line: a.line + 1, column: a.character + 1, endLine: b.line + 1, endColumn: b.character + 1 };
}

/** `file:line` for evidence texts. */
export function whereOf(sf: TS.SourceFile, path: string, node: TS.Node): string {
  return `${path}:${sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1}`;
}

/** Strip parentheses, type assertions, `!`, `satisfies` and `await` wrappers that do not change a value. */
export function unwrap(expr: TS.Expression): TS.Expression {
  let e = expr;
  for (;;) {
    if (ts.isParenthesizedExpression(e) || ts.isAsExpression(e) || ts.isNonNullExpression(e) || ts.isTypeAssertionExpression(e)) e = e.expression;
    else if (ts.isSatisfiesExpression(e)) e = e.expression;
    else return e;
  }
}

/** Name text of a property name (identifier, string or numeric literal), undefined for computed names. */
export function propertyNameText(name: TS.PropertyName | TS.BindingName | undefined): string | undefined {
  if (!name) return undefined;
  if (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name) || ts.isPrivateIdentifier(name)) return name.text;
  if (ts.isNoSubstitutionTemplateLiteral(name)) return name.text;
  if (ts.isComputedPropertyName(name)) {
    const e = unwrap(name.expression);
    if (ts.isStringLiteralLike(e)) return e.text;
  }
  return undefined;
}

/** Short source text of a node for `unknown` parts (callers redact it). */
export function shortText(sf: TS.SourceFile, node: TS.Node, max = 60): string {
  const t = node.getText(sf).replace(/\s+/g, ' ');
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}

/**
 * Flatten a property-access / element-access chain: `a.b['c'].d` → root `a`, members ['b','c','d'].
 * Stops at the first non-static step (computed key, call) and returns that expression as root.
 */
export function accessChain(expr: TS.Expression): { root: TS.Expression; members: string[] } {
  const members: string[] = [];
  let e = unwrap(expr);
  for (;;) {
    if (ts.isPropertyAccessExpression(e)) {
      members.unshift(e.name.text);
      e = unwrap(e.expression);
    } else if (ts.isElementAccessExpression(e) && ts.isStringLiteralLike(unwrap(e.argumentExpression))) {
      members.unshift((unwrap(e.argumentExpression) as TS.StringLiteralLike).text);
      e = unwrap(e.expression);
    } else return { root: e, members };
  }
}

/** Object-literal property by name (`{ url }`, `{ 'url': x }`, `{ url: x }`), its value expression. */
export function objectProperty(obj: TS.ObjectLiteralExpression, name: string): TS.Expression | undefined {
  for (let i = obj.properties.length - 1; i >= 0; i--) {
    const p = obj.properties[i]!;
    if (ts.isPropertyAssignment(p) && propertyNameText(p.name) === name) return p.initializer;
    if (ts.isShorthandPropertyAssignment(p) && p.name.text === name) return p.name;
  }
  return undefined;
}

/** Name of a function-like node as a reader would call it (`login`, `Client.login`, `api.post`). */
export function functionName(fn: TS.Node): string | undefined {
  if ((ts.isFunctionDeclaration(fn) || ts.isFunctionExpression(fn)) && fn.name) return fn.name.text;
  if (ts.isMethodDeclaration(fn) || ts.isGetAccessorDeclaration(fn) || ts.isSetAccessorDeclaration(fn)) {
    const own = propertyNameText(fn.name);
    const owner = fn.parent;
    if (ts.isClassLike(owner) && owner.name) return `${owner.name.text}.${own}`;
    if (ts.isObjectLiteralExpression(owner)) {
      const holder = objectHolderName(owner);
      return holder ? `${holder}.${own}` : own;
    }
    return own;
  }
  if (ts.isConstructorDeclaration(fn) && ts.isClassLike(fn.parent) && fn.parent.name) return `${fn.parent.name.text}.constructor`;
  if (ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) {
    const p = fn.parent;
    if (ts.isVariableDeclaration(p) && ts.isIdentifier(p.name)) return p.name.text;
    if (ts.isPropertyAssignment(p)) {
      const own = propertyNameText(p.name);
      const holder = ts.isObjectLiteralExpression(p.parent) ? objectHolderName(p.parent) : undefined;
      return holder && own ? `${holder}.${own}` : own;
    }
    if (ts.isPropertyDeclaration(p)) {
      const own = propertyNameText(p.name);
      return ts.isClassLike(p.parent) && p.parent.name ? `${p.parent.name.text}.${own}` : own;
    }
    if (ts.isBinaryExpression(p) && p.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
      const { root, members } = accessChain(p.left);
      if (ts.isIdentifier(root)) return [root.text, ...members].join('.');
    }
  }
  return undefined;
}

/** The variable an object literal is assigned to (`export const api = { ... }` → 'api'). */
function objectHolderName(obj: TS.ObjectLiteralExpression): string | undefined {
  const p = obj.parent;
  if (ts.isVariableDeclaration(p) && ts.isIdentifier(p.name)) return p.name.text;
  if (ts.isPropertyAssignment(p)) return propertyNameText(p.name);
  return undefined;
}

/** The nearest enclosing function-like node. */
export function enclosingFunction(node: TS.Node): TS.SignatureDeclaration | undefined {
  for (let n = node.parent; n; n = n.parent) if (ts.isFunctionLike(n)) return n as TS.SignatureDeclaration;
  return undefined;
}

/** Nearest enclosing function that has a name a reader would recognise (skips anonymous callbacks). */
export function enclosingNamedFunction(node: TS.Node): { fn: TS.SignatureDeclaration; name: string } | undefined {
  for (let n = node.parent; n; n = n.parent) {
    if (ts.isFunctionLike(n)) {
      const name = functionName(n);
      if (name) return { fn: n as TS.SignatureDeclaration, name };
    }
  }
  return undefined;
}
