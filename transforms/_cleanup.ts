/**
 * After the token reads point at the helper, what the old flow left behind: hand-made token caches
 * (which would now keep a 1-hour token forever), one-line wrapper functions, and the credentials,
 * URLs, client instances and imports nothing uses any more. Runs on a freshly parsed AST so that
 * scopes are accurate.
 */
import type { Collection, JSCodeshift } from 'jscodeshift';
import { type AnyNode, type NodePath, isFunction, isVariableReference, referencesOf, removeKeepingHeader, removeObjectProperties, sourceOf, lineOf, isMember } from './_ast.ts';
import { HELPER_FUNCTION, requireSource } from './_helper-import.ts';

/** Is `node` a call of the helper, optionally awaited? */
function isHelperCall(node: AnyNode | null | undefined, allowAwait = true): boolean {
  if (!node) return false;
  if (allowAwait && node.type === 'AwaitExpression') return isHelperCall(node.argument, false);
  return node.type === 'CallExpression' && node.callee.type === 'Identifier' && node.callee.name === HELPER_FUNCTION && node.arguments.length === 0;
}

/** `return await getAxeptioAccessToken()` → `return getAxeptioAccessToken()` outside try blocks. */
export function simplifyReturnAwait(j: JSCodeshift, root: Collection<any>): void {
  root.find(j.ReturnStatement).forEach((p: any) => {
    const arg = p.node.argument;
    if (!arg || arg.type !== 'AwaitExpression' || !isHelperCall(arg.argument, false)) return;
    let current = p.parent;
    while (current && !isFunction(current.node)) {
      if (current.node.type === 'TryStatement') return;
      current = current.parent;
    }
    p.get('argument').replace(arg.argument);
  });
}

type CacheStep = { line?: number; reason: string };

/**
 * `const t = await getAxeptioAccessToken(); cache = t;` → `cache = await getAxeptioAccessToken();`
 * when that copy is the only read of `t`: it lets the cache collapse below recognise the shape.
 */
export function inlineSingleUseTokenVariables(j: JSCodeshift, root: Collection<any>): void {
  root.find(j.VariableDeclaration).forEach((p: any) => {
    const declarations = p.node.declarations as AnyNode[];
    if (declarations.length !== 1 || declarations[0]!.id.type !== 'Identifier' || !isHelperCall(declarations[0]!.init)) return;
    const container = p.parent.node.body;
    if (!Array.isArray(container)) return;
    const next = container[container.indexOf(p.node) + 1];
    if (!next) return;
    const name = declarations[0]!.id.name as string;
    const refs = referencesOf(j, p.scope.lookup(name), name).filter((r) => r.node !== declarations[0]!.id);
    if (refs.length !== 1) return;
    const ref = refs[0]!;
    // Only the copy into a cache (`cache = t;`) is inlined: other uses read fine as they are.
    const copiedIntoCache = next.type === 'ExpressionStatement' && next.expression.type === 'AssignmentExpression' && next.expression.right === ref.node;
    if (!copiedIntoCache) return;
    ref.replace(declarations[0]!.init);
    p.prune();
  });
}

/**
 * A hand-made cache around the helper (`if (!token) { token = await getAxeptioAccessToken(); } return token;`
 * or `if (token) return token; ... token = await ...; return token;`) collapses to
 * `return getAxeptioAccessToken();`: the helper caches and refreshes, a plain variable would keep an
 * expired token. When the variable is read elsewhere, the cache stays and a manual step explains why.
 */
export function collapseTokenCaches(j: JSCodeshift, root: Collection<any>, candidates: Set<string>): CacheStep[] {
  const steps: CacheStep[] = [];
  const bodies: NodePath[] = [];
  root.find(j.BlockStatement).forEach((p: any) => { if (isFunction(p.parent.node)) bodies.push(p); });
  for (const block of bodies) {
    const statements = block.node.body as AnyNode[];
    for (let i = 0; i < statements.length; i++) {
      const cache = cacheAssignment(statements[i]!) ;
      if (!cache) continue;
      const next = statements[i + 1];
      const returnsCache = next?.type === 'ReturnStatement' && next.argument && sourceOf(j, next.argument) === cache.target;
      if (!returnsCache) {
        if (cache.persistent) steps.push({ line: lineOf(statements[i]!), reason: `${cache.target} keeps the token with no expiry; read getAxeptioAccessToken() where it is used (the helper caches and refreshes)` });
        continue;
      }
      const guards = statements.slice(0, i).filter((s) => isCacheGuard(j, s, cache.target));
      const removedUses = [statements[i]!, next, ...guards].reduce((n, s) => n + countUses(j, s, cache.target), 0);
      if (countUses(j, cache.persistent ? root.get().node : block.node, cache.target) > removedUses) {
        steps.push({ line: lineOf(statements[i]!), reason: `${cache.target} keeps the token with no expiry and is read elsewhere; read getAxeptioAccessToken() there instead (the helper caches and refreshes)` });
        continue;
      }
      statements.splice(i, 2, j.returnStatement(j.callExpression(j.identifier(HELPER_FUNCTION), [])));
      for (const g of guards) statements.splice(statements.indexOf(g), 1);
      if (/^[A-Za-z_$][\w$]*$/.test(cache.target)) candidates.add(cache.target);
      for (const g of guards) collectNames(j, g, candidates);
      break;
    }
  }
  return steps;
}

interface CacheAssignment {
  target: string;
  /** Wrapped in `if (!target) { ... }`. */
  guarded: boolean;
  /** The target outlives the call (module variable or property). */
  persistent: boolean;
}

function cacheAssignment(statement: AnyNode): CacheAssignment | null {
  if (statement.type === 'VariableDeclaration' && statement.declarations.length === 1) {
    const d = statement.declarations[0];
    if (d.id.type === 'Identifier' && isHelperCall(d.init)) return { target: d.id.name, guarded: false, persistent: false };
    return null;
  }
  const direct = assignmentOfHelper(statement);
  if (direct) return { target: direct.target, guarded: false, persistent: direct.persistent };
  if (statement.type !== 'IfStatement' || statement.alternate) return null;
  const consequent = statement.consequent.type === 'BlockStatement' && statement.consequent.body.length === 1 ? statement.consequent.body[0] : statement.consequent;
  const inner = assignmentOfHelper(consequent);
  return inner ? { target: inner.target, guarded: true, persistent: inner.persistent } : null;
}

function assignmentOfHelper(statement: AnyNode): { target: string; persistent: boolean } | null {
  if (statement?.type !== 'ExpressionStatement') return null;
  const e = statement.expression;
  if (e.type !== 'AssignmentExpression' || e.operator !== '=' || !isHelperCall(e.right)) return null;
  if (e.left.type === 'Identifier') return { target: e.left.name, persistent: true };
  if (isMember(e.left) && e.left.object.type === 'ThisExpression' && !e.left.computed) return { target: `this.${e.left.property.name}`, persistent: true };
  return null;
}

/** `if (token) return token;` (possibly with more conditions, or a block with just that return). */
function isCacheGuard(j: JSCodeshift, statement: AnyNode, target: string): boolean {
  if (statement.type !== 'IfStatement' || statement.alternate) return false;
  const consequent = statement.consequent.type === 'BlockStatement' && statement.consequent.body.length === 1 ? statement.consequent.body[0] : statement.consequent;
  return consequent?.type === 'ReturnStatement' && !!consequent.argument && sourceOf(j, consequent.argument) === target && sourceOf(j, statement.test).includes(target);
}

/** Reads and writes of `target` (a variable name or `this.field`) inside `node`. */
function countUses(j: JSCodeshift, node: AnyNode, target: string): number {
  if (target.startsWith('this.')) {
    const field = target.slice(5);
    return j(node as any).find(j.MemberExpression).filter((p: any) => p.node.object.type === 'ThisExpression' && !p.node.computed && p.node.property.name === field).size();
  }
  return j(node as any).find(j.Identifier, { name: target }).filter((p: any) => isVariableReference(p)).size();
}

function collectNames(j: JSCodeshift, node: AnyNode, into: Set<string>): void {
  j(node as any).find(j.Identifier).forEach((p: any) => { into.add(p.node.name); });
  if (node.type === 'Identifier') into.add(node.name);
}

/** Add every identifier used inside `nodes` to `into`: they may be unused once `nodes` are gone. */
export function namesIn(j: JSCodeshift, nodes: AnyNode[], into: Set<string>): void {
  for (const node of nodes) if (node) collectNames(j, node, into);
}

/**
 * A local function whose whole body is now `return getAxeptioAccessToken()` is a synonym of the
 * helper: its calls become helper calls (dropping the credentials passed to it) and it goes.
 */
export function inlineTokenWrappers(j: JSCodeshift, root: Collection<any>, candidates: Set<string>): void {
  const program = root.find(j.Program).paths()[0] as any;
  const bindings = program.scope.getBindings() as Record<string, NodePath[]>;
  for (const [name, paths] of Object.entries(bindings)) {
    if (paths.length !== 1) continue;
    const declaration = wrapperDeclaration(paths[0]!);
    if (!declaration) continue;
    const refs = referencesOf(j, program.scope, name).filter((r) => r.node !== paths[0]!.node);
    if (refs.length === 0 || !refs.every((r) => r.parent.node.type === 'CallExpression' && r.parent.node.callee === r.node)) continue;
    for (const ref of refs) {
      namesIn(j, ref.parent.node.arguments, candidates);
      ref.parent.replace(j.callExpression(j.identifier(HELPER_FUNCTION), []));
    }
    namesIn(j, [declaration.node], candidates);
    removeKeepingHeader(declaration);
  }
}

/** The statement declaring a non-exported function whose body only returns the helper's token. */
function wrapperDeclaration(idPath: NodePath): NodePath | null {
  const parent = idPath.parent as NodePath;
  let fn: AnyNode | null = null;
  let statement: NodePath | null = null;
  if (parent.node.type === 'FunctionDeclaration' && parent.node.id === idPath.node) {
    fn = parent.node;
    statement = parent;
  } else if (parent.node.type === 'VariableDeclarator' && parent.node.id === idPath.node && parent.node.init && isFunction(parent.node.init) && parent.parent.node.declarations.length === 1) {
    fn = parent.node.init;
    statement = parent.parent;
  }
  if (!fn || !statement || statement.parent.node.type !== 'Program') return null;
  const body = fn.body;
  const returned = body.type === 'BlockStatement' ? (body.body.length === 1 && body.body[0].type === 'ReturnStatement' ? body.body[0].argument : null) : body;
  return isHelperCall(returned) ? statement : null;
}

/** Whether removing an initializer of this shape drops nothing but a value (no side effect worth keeping). */
function isDisposableInit(node: AnyNode | null | undefined): boolean {
  if (!node) return true;
  switch (node.type) {
    case 'StringLiteral': case 'NumericLiteral': case 'BooleanLiteral': case 'NullLiteral': case 'Literal': case 'Identifier':
      return true;
    case 'TemplateLiteral':
      return node.expressions.every(isDisposableInit);
    case 'MemberExpression': case 'OptionalMemberExpression':
      return isDisposableInit(node.object) && (!node.computed || isDisposableInit(node.property));
    case 'LogicalExpression': case 'BinaryExpression':
      return isDisposableInit(node.left) && isDisposableInit(node.right);
    case 'ObjectExpression':
      return node.properties.every((p: AnyNode) => (p.type === 'ObjectProperty' || p.type === 'Property') && isDisposableInit(p.value));
    case 'TSAsExpression': case 'TSNonNullExpression': case 'ParenthesizedExpression':
      return isDisposableInit(node.expression);
    case 'CallExpression':
      // client factories and module loads: `axios.create({...})`, `got.extend(...)`, `require('axios')`.
      if (requireSource(node)) return true;
      return isMember(node.callee) && ['create', 'extend'].includes(node.callee.property?.name) && node.arguments.every(isDisposableInit);
    default:
      return false;
  }
}

/** Remove declarations, destructured env reads and imports of `candidates` that nothing reads any more. */
export function removeUnusedBindings(j: JSCodeshift, root: Collection<any>, candidates: Set<string>): void {
  const isUnused = (p: NodePath): boolean => {
    const name = p.node.name as string;
    const scope = (p as any).scope?.lookup(name);
    return !!scope && referencesOf(j, scope, name).every((r) => r.node === p.node);
  };
  for (let changed = true; changed;) {
    changed = false;
    root.find(j.Identifier).forEach((p: any) => {
      if (changed || !candidates.has(p.node.name) || !p.scope) return;
      const parent = p.parent.node as AnyNode;
      if (['ImportSpecifier', 'ImportDefaultSpecifier', 'ImportNamespaceSpecifier'].includes(parent.type) && parent.local === p.node) {
        if (!isUnused(p)) return;
        const declaration = p.parent.parent;
        if (declaration.node.specifiers.length === 1) removeKeepingHeader(declaration); else p.parent.prune();
        changed = true;
        return;
      }
      const declarator = declaratorOfBinding(p);
      if (!declarator || !isDisposableInit(declarator.node.init) || !isUnused(p)) return;
      if (declarator.node.id.type === 'ObjectPattern') {
        const unused = new Set<AnyNode>();
        j(declarator.get('id') as any).find(j.Identifier).forEach((q: any) => {
          if (declaratorOfBinding(q) === declarator && candidates.has(q.node.name) && isUnused(q)) unused.add(q.parent.node);
        });
        if (unused.size < declarator.node.id.properties.length) {
          removeObjectProperties(j, declarator.get('id') as NodePath, unused);
          changed = true;
          return;
        }
      }
      namesIn(j, [declarator.node.init], candidates);
      removeKeepingHeader(declarator);
      changed = true;
    });
  }
}

/** The declarator declaring identifier `p` directly (`const p = ...`) or as a shorthand/renamed pattern property at depth one. */
function declaratorOfBinding(p: NodePath): NodePath | null {
  const parent = p.parent as NodePath;
  if (parent.node.type === 'VariableDeclarator' && parent.node.id === p.node) return parent;
  if ((parent.node.type === 'ObjectProperty' || parent.node.type === 'Property') && parent.node.value === p.node && parent.parent.node.type === 'ObjectPattern') {
    const declarator = parent.parent.parent as NodePath;
    if (declarator.node.type === 'VariableDeclarator' && declarator.node.id === parent.parent.node) return declarator;
  }
  return null;
}
