/**
 * Lexical scope resolution without a type checker: which declaration an identifier refers to.
 * Enough for folding constants and following values through a file; `var` hoisting out of
 * nested blocks is ignored (rare in code that builds URLs).
 */
import { ts, type TS } from './typescript.js';
import { propertyNameText, unwrap } from './source.js';

/** One step from a destructured initializer to the bound name: a property, or an array index. */
export type PathStep = string | number;

export type Decl =
  | {
      kind: 'var';
      name: string;
      /** The identifier that declares the name. */
      id: TS.Identifier;
      declaration: TS.VariableDeclaration;
      init?: TS.Expression;
      /** Destructuring path from `init` to the bound value (`const { data: { token } } = x` → ['data','token']). */
      path: PathStep[];
      isConst: boolean;
      moduleLevel: boolean;
    }
  | { kind: 'param'; name: string; id: TS.Identifier; fn: TS.SignatureDeclaration; index: number; path: PathStep[] }
  | { kind: 'import'; name: string; id: TS.Identifier; from: string; imported: string }
  | { kind: 'function'; name: string; node: TS.FunctionDeclaration }
  | { kind: 'class'; name: string; node: TS.ClassDeclaration };

const cache = new WeakMap<TS.Node, Map<string, Decl>>();
/** Resolution per identifier node: recognizers ask about the same callee several times. */
const resolved = new WeakMap<TS.Identifier, Decl | null>();

/** The declaration an identifier refers to, or undefined for globals. */
export function resolve(id: TS.Identifier): Decl | undefined {
  const known = resolved.get(id);
  if (known !== undefined) return known ?? undefined;
  const name = id.text;
  let found: Decl | undefined;
  for (let n: TS.Node | undefined = id.parent; n && !found; n = n.parent) {
    if (SCOPE_KINDS.has(n.kind)) found = declarationsOf(n).get(name);
  }
  resolved.set(id, found ?? null);
  return found;
}

/** Identifiers in `within` that refer to `decl` (excluding the declaring identifier). */
export function referencesTo(decl: Decl, within: TS.Node): TS.Identifier[] {
  const out: TS.Identifier[] = [];
  const own = 'id' in decl ? decl.id : undefined;
  const visit = (n: TS.Node): void => {
    if (ts.isIdentifier(n)) {
      if (n.text === decl.name && n !== own && isExpressionIdentifier(n) && resolve(n) === decl) out.push(n);
      return;
    }
    n.forEachChild(visit);
  };
  visit(within);
  return out;
}

/** The node whose subtree holds every use of a declaration. */
export function scopeOf(decl: Decl): TS.Node {
  const start: TS.Node = 'id' in decl ? decl.id : decl.node;
  for (let n: TS.Node | undefined = start.parent; n; n = n.parent) {
    if (isScope(n) && declarationsOf(n).get(decl.name) === decl) return n;
  }
  return start.getSourceFile();
}

/** False for identifiers in name positions (`a.b` → b, `{ b: 1 }` → b, declarations). */
export function isExpressionIdentifier(id: TS.Identifier): boolean {
  const p = id.parent;
  if (ts.isPropertyAccessExpression(p) && p.name === id) return false;
  if ((ts.isPropertyAssignment(p) || ts.isMethodDeclaration(p) || ts.isPropertyDeclaration(p)) && p.name === id) return false;
  if (ts.isBindingElement(p) && p.propertyName === id) return false;
  if ((ts.isImportSpecifier(p) || ts.isExportSpecifier(p)) && p.propertyName === id) return false;
  if (ts.isLabeledStatement(p) || ts.isBreakOrContinueStatement(p)) return false;
  return true;
}

const SCOPE_KINDS: ReadonlySet<TS.SyntaxKind> = new Set([
  ts.SyntaxKind.SourceFile,
  ts.SyntaxKind.Block,
  ts.SyntaxKind.ModuleBlock,
  ts.SyntaxKind.CaseClause,
  ts.SyntaxKind.DefaultClause,
  ts.SyntaxKind.ForStatement,
  ts.SyntaxKind.ForOfStatement,
  ts.SyntaxKind.ForInStatement,
  ts.SyntaxKind.CatchClause,
  ts.SyntaxKind.ClassStaticBlockDeclaration,
  ts.SyntaxKind.FunctionDeclaration,
  ts.SyntaxKind.FunctionExpression,
  ts.SyntaxKind.ArrowFunction,
  ts.SyntaxKind.MethodDeclaration,
  ts.SyntaxKind.Constructor,
  ts.SyntaxKind.GetAccessor,
  ts.SyntaxKind.SetAccessor,
]);

function isScope(n: TS.Node): boolean {
  return SCOPE_KINDS.has(n.kind);
}

function declarationsOf(scope: TS.Node): Map<string, Decl> {
  let map = cache.get(scope);
  if (map) return map;
  map = new Map();
  const moduleLevel = ts.isSourceFile(scope);
  const addList = (list: TS.VariableDeclarationList): void => {
    const isConst = (list.flags & ts.NodeFlags.Const) !== 0;
    for (const d of list.declarations) addBinding(map!, d.name, [], (id, path) => ({ kind: 'var', name: id.text, id, declaration: d, init: d.initializer, path, isConst, moduleLevel }));
  };
  const addStatements = (statements: readonly TS.Statement[]): void => {
    for (const s of statements) {
      if (ts.isVariableStatement(s)) addList(s.declarationList);
      else if (ts.isFunctionDeclaration(s) && s.name) map!.set(s.name.text, { kind: 'function', name: s.name.text, node: s });
      else if (ts.isClassDeclaration(s) && s.name) map!.set(s.name.text, { kind: 'class', name: s.name.text, node: s });
      else if (ts.isImportDeclaration(s)) addImport(map!, s);
      else if (ts.isImportEqualsDeclaration(s) && ts.isExternalModuleReference(s.moduleReference) && ts.isStringLiteral(s.moduleReference.expression))
        map!.set(s.name.text, { kind: 'import', name: s.name.text, id: s.name, from: s.moduleReference.expression.text, imported: '*' });
    }
  };
  if (ts.isSourceFile(scope) || ts.isBlock(scope) || ts.isModuleBlock(scope) || ts.isCaseClause(scope) || ts.isDefaultClause(scope)) addStatements(scope.statements);
  else if (ts.isClassStaticBlockDeclaration(scope)) addStatements(scope.body.statements);
  else if (ts.isFunctionLike(scope)) {
    const fn = scope as TS.SignatureDeclaration;
    fn.parameters.forEach((p, index) => addBinding(map!, p.name, [], (id, path) => ({ kind: 'param', name: id.text, id, fn, index, path })));
    if (ts.isFunctionExpression(fn) && fn.name) map.set(fn.name.text, { kind: 'function', name: fn.name.text, node: fn as unknown as TS.FunctionDeclaration });
  } else if ((ts.isForStatement(scope) || ts.isForOfStatement(scope) || ts.isForInStatement(scope)) && scope.initializer && ts.isVariableDeclarationList(scope.initializer)) {
    addList(scope.initializer);
  } else if (ts.isCatchClause(scope) && scope.variableDeclaration) {
    const d = scope.variableDeclaration;
    addBinding(map, d.name, [], (id, path) => ({ kind: 'var', name: id.text, id, declaration: d, path, isConst: false, moduleLevel: false }));
  }
  cache.set(scope, map);
  return map;
}

function addBinding(map: Map<string, Decl>, name: TS.BindingName, path: PathStep[], make: (id: TS.Identifier, path: PathStep[]) => Decl): void {
  if (ts.isIdentifier(name)) {
    map.set(name.text, make(name, path));
    return;
  }
  if (ts.isObjectBindingPattern(name)) {
    for (const el of name.elements) {
      if (el.dotDotDotToken) continue;
      const key = propertyNameText(el.propertyName ?? (ts.isIdentifier(el.name) ? el.name : undefined));
      if (key === undefined) continue;
      addBinding(map, el.name, [...path, key], make);
    }
  } else {
    name.elements.forEach((el, i) => {
      if (ts.isBindingElement(el) && !el.dotDotDotToken) addBinding(map, el.name, [...path, i], make);
    });
  }
}

function addImport(map: Map<string, Decl>, s: TS.ImportDeclaration): void {
  if (!ts.isStringLiteral(s.moduleSpecifier) || !s.importClause) return;
  const from = s.moduleSpecifier.text;
  const clause = s.importClause;
  if (clause.name) map.set(clause.name.text, { kind: 'import', name: clause.name.text, id: clause.name, from, imported: 'default' });
  const nb = clause.namedBindings;
  if (nb && ts.isNamespaceImport(nb)) map.set(nb.name.text, { kind: 'import', name: nb.name.text, id: nb.name, from, imported: '*' });
  if (nb && ts.isNamedImports(nb))
    for (const el of nb.elements) map.set(el.name.text, { kind: 'import', name: el.name.text, id: el.name, from, imported: (el.propertyName ?? el.name).text });
}

/** Module specifier of `require('x')`, `require('x').default`, `await import('x')`, if that is what `expr` is. */
export function requiredModule(expr: TS.Expression | undefined): { from: string; member?: string } | undefined {
  if (!expr) return undefined;
  let e = unwrap(expr);
  if (ts.isAwaitExpression(e)) e = unwrap(e.expression);
  let member: string | undefined;
  if (ts.isPropertyAccessExpression(e) && ts.isCallExpression(unwrap(e.expression))) {
    member = e.name.text;
    e = unwrap(e.expression);
  }
  if (!ts.isCallExpression(e) || e.arguments.length !== 1) return undefined;
  const arg = unwrap(e.arguments[0]!);
  if (!ts.isStringLiteralLike(arg)) return undefined;
  const isRequire = ts.isIdentifier(e.expression) && e.expression.text === 'require';
  const isImport = e.expression.kind === ts.SyntaxKind.ImportKeyword;
  if (!isRequire && !isImport) return undefined;
  return { from: arg.text, member };
}

/** Where an identifier's value comes from when it is a module: import or require (with destructuring). */
export function moduleOf(id: TS.Identifier): { from: string; imported: string } | undefined {
  const decl = resolve(id);
  if (!decl) return undefined;
  if (decl.kind === 'import') return { from: decl.from, imported: decl.imported };
  if (decl.kind === 'var') {
    const req = requiredModule(decl.init);
    if (!req) return undefined;
    const first = decl.path[0];
    if (req.member) return { from: req.from, imported: typeof first === 'string' ? first : req.member };
    return { from: req.from, imported: typeof first === 'string' ? first : '*' };
  }
  return undefined;
}
