/**
 * Small AST questions the transforms ask again and again (babel AST as produced by jscodeshift's
 * `tsx`/`ts` parsers). Not a transform: files starting with `_` are shared support modules.
 */
import type { ASTPath, FileInfo, JSCodeshift, Options } from 'jscodeshift';

/** A babel AST node, loosely typed: the transforms inspect many node shapes by their `type`. */
export type AnyNode = { type: string; [key: string]: any };
export type NodePath = ASTPath<AnyNode>;

const WRAPPER_TYPES = new Set([
  'ParenthesizedExpression',
  'TSAsExpression',
  'TSSatisfiesExpression',
  'TSNonNullExpression',
  'TSTypeAssertion',
  'TypeCastExpression',
]);

/** True for expression wrappers that do not change the value (parentheses, TS casts). */
export function isTransparentWrapper(node: AnyNode | null | undefined): boolean {
  return !!node && WRAPPER_TYPES.has(node.type);
}

/** Strip parentheses and TS casts from an expression node. */
export function unwrap(node: AnyNode): AnyNode {
  let current = node;
  while (isTransparentWrapper(current)) current = current.expression;
  return current;
}

/** Name of a non-computed (or string-literal computed) member property, else undefined. */
export function memberName(node: AnyNode): string | undefined {
  if (node.type !== 'MemberExpression' && node.type !== 'OptionalMemberExpression') return undefined;
  const prop = node.property;
  if (!node.computed && prop.type === 'Identifier') return prop.name;
  if (node.computed && (prop.type === 'StringLiteral' || (prop.type === 'Literal' && typeof prop.value === 'string'))) return prop.value;
  return undefined;
}

/** True for member expressions (plain or optional). */
export function isMember(node: AnyNode | null | undefined): boolean {
  return !!node && (node.type === 'MemberExpression' || node.type === 'OptionalMemberExpression');
}

/** True for call expressions (plain or optional). */
export function isCall(node: AnyNode | null | undefined): boolean {
  return !!node && (node.type === 'CallExpression' || node.type === 'OptionalCallExpression');
}

/** True for any function node. */
export function isFunction(node: AnyNode | null | undefined): boolean {
  return (
    !!node &&
    ['FunctionDeclaration', 'FunctionExpression', 'ArrowFunctionExpression', 'ObjectMethod', 'ClassMethod', 'ClassPrivateMethod'].includes(node.type)
  );
}

/** The nearest enclosing function path, or null at module level. */
export function enclosingFunction(path: NodePath): NodePath | null {
  let current: NodePath | null = path.parent;
  while (current && !isFunction(current.node)) current = current.parent;
  return current;
}

/** Whether `await` is allowed at `path`: inside an async function, or at module level (top-level await). */
export function canAwaitAt(path: NodePath): boolean {
  const fn = enclosingFunction(path);
  return fn ? !!fn.node.async : true;
}

/** The nearest enclosing statement path (a direct child of a block or program body). */
export function enclosingStatement(path: NodePath): NodePath | null {
  let current: NodePath | null = path;
  while (current && !(Array.isArray(current.parent?.node?.body) || current.parent?.node?.type === 'SwitchCase') ) {
    current = current.parent;
  }
  return current;
}

/** True when `inner` is `outer` or lies inside it. */
export function isWithin(inner: NodePath, outer: NodePath): boolean {
  let current: NodePath | null = inner;
  while (current) {
    if (current.node === outer.node) return true;
    current = current.parent;
  }
  return false;
}

/** Whether an Identifier path is a read of a variable (not a property key, declaration or type name). */
export function isVariableReference(path: NodePath): boolean {
  const parent = path.parent?.node as AnyNode | undefined;
  const node = path.node;
  if (!parent) return false;
  switch (parent.type) {
    case 'MemberExpression':
    case 'OptionalMemberExpression':
      return parent.object === node || parent.computed;
    case 'ObjectProperty':
    case 'Property':
      if (parent.value === node) return path.parent.parent?.node?.type !== 'ObjectPattern';
      return parent.computed && parent.key === node;
    case 'ClassProperty':
    case 'ClassMethod':
    case 'ObjectMethod':
    case 'MethodDefinition':
      return parent.computed && parent.key === node || parent.value === node;
    case 'VariableDeclarator':
      return parent.init === node;
    case 'ImportSpecifier':
    case 'ImportDefaultSpecifier':
    case 'ImportNamespaceSpecifier':
    case 'ExportSpecifier':
      return parent.type === 'ExportSpecifier' && parent.local === node;
    case 'FunctionDeclaration':
    case 'FunctionExpression':
    case 'ArrowFunctionExpression':
      return parent.body === node;
    case 'LabeledStatement':
    case 'BreakStatement':
    case 'ContinueStatement':
    case 'TSTypeReference':
    case 'TSQualifiedName':
    case 'TSPropertySignature':
    case 'TSInterfaceDeclaration':
    case 'TSTypeAliasDeclaration':
    case 'ClassDeclaration':
    case 'ClassExpression':
    case 'CatchClause':
    case 'RestElement':
    case 'AssignmentPattern':
      return parent.type === 'AssignmentPattern' && parent.right === node;
    case 'ArrayPattern':
    case 'ObjectPattern':
      return false;
    default:
      return true;
  }
}

/** The scope (ast-types) that declares `name` as seen from `path`, or null for globals. */
export function declaringScope(path: NodePath, name: string): any {
  return (path as any).scope ? (path as any).scope.lookup(name) : null;
}

/** Every read/write of the variable `name` declared in `scope` (an ast-types scope). */
export function referencesOf(j: JSCodeshift, scope: any, name: string): NodePath[] {
  const out: NodePath[] = [];
  j(scope.path as any)
    .find(j.Identifier, { name })
    .forEach((p: any) => {
      if (!isVariableReference(p)) return;
      if (p.scope?.lookup(name) !== scope) return;
      out.push(p);
    });
  return out;
}

/** Whether some identifier named `name` is visible (declared) at `path`. */
export function isNameTaken(path: NodePath, name: string): boolean {
  return !!declaringScope(path, name);
}

/**
 * Best-effort static text of a URL-like expression: literals, template literals (placeholders become
 * `${name}`), `+` concatenation, `new URL(path, base)`, and identifiers bound to such values in the file.
 */
export function staticText(j: JSCodeshift, path: NodePath, node: AnyNode = path.node, depth = 0): string {
  if (depth > 4) return '';
  const n = unwrap(node);
  switch (n.type) {
    case 'StringLiteral':
      return n.value;
    case 'Literal':
      return typeof n.value === 'string' ? n.value : '';
    case 'TemplateLiteral':
      return n.quasis
        .map((q: AnyNode, i: number) => q.value.cooked + (n.expressions[i] ? `\${${placeholderText(j, path, n.expressions[i], depth)}}` : ''))
        .join('');
    case 'BinaryExpression':
      return n.operator === '+' ? staticText(j, path, n.left, depth + 1) + staticText(j, path, n.right, depth + 1) : '';
    case 'NewExpression':
      if (n.callee.type === 'Identifier' && n.callee.name === 'URL' && n.arguments.length > 0) {
        return (n.arguments[1] ? staticText(j, path, n.arguments[1], depth + 1) : '') + staticText(j, path, n.arguments[0], depth + 1);
      }
      return '';
    case 'Identifier': {
      const init = constInitOf(path, n.name);
      return init ? staticText(j, path, init, depth + 1) : '';
    }
    case 'CallExpression':
      // `${base}/auth/local/signin` built by a join helper: keep the literal pieces.
      return n.arguments.map((a: AnyNode) => staticText(j, path, a, depth + 1)).join('');
    default:
      return '';
  }
}

function placeholderText(j: JSCodeshift, path: NodePath, expr: AnyNode, depth: number): string {
  const resolved = staticText(j, path, expr, depth + 1);
  if (resolved) return resolved;
  return j(expr as any).toSource().replace(/\s+/g, ' ');
}

/** The initializer of a `const name = ...` visible from `path`, when there is exactly one. */
export function constInitOf(path: NodePath, name: string): AnyNode | null {
  const scope = declaringScope(path, name);
  if (!scope) return null;
  const bindings = scope.getBindings()[name] as NodePath[] | undefined;
  if (!bindings || bindings.length !== 1) return null;
  const decl = bindings[0]!.parent?.node as AnyNode | undefined;
  if (decl?.type === 'VariableDeclarator' && decl.id === bindings[0]!.node && decl.init) {
    const kind = bindings[0]!.parent?.parent?.node?.kind;
    return kind === 'const' ? decl.init : null;
  }
  return null;
}

/** The source text of a node, for messages and reasoning only (never printed into user code). */
export function sourceOf(j: JSCodeshift, node: AnyNode): string {
  return j(node as any).toSource();
}

/** 1-based line of a node in the original file, when known. */
export function lineOf(node: AnyNode): number | undefined {
  return node.loc?.start?.line;
}

/**
 * Drop properties from an object literal or pattern. recast would reprint a one-line object one
 * property per line; a one-line object is written back on one line, as people write them.
 */
export function removeObjectProperties(j: JSCodeshift, objectPath: NodePath, remove: ReadonlySet<AnyNode>): void {
  const object = objectPath.node;
  const kept = (object.properties as AnyNode[]).filter((p) => !remove.has(p));
  if (object.loc && object.loc.start.line !== object.loc.end.line) {
    objectPath.get('properties').filter((p: any) => remove.has(p.node)).forEach((p: any) => p.prune());
    return;
  }
  const text = kept.length ? `{ ${kept.map((p) => j(p as any).toSource()).join(', ')} }` : '{}';
  // An identifier node prints its name verbatim: the cheapest way to emit exact source text.
  const replacement = j.identifier(text) as AnyNode;
  if (object.typeAnnotation) replacement.typeAnnotation = object.typeAnnotation;
  objectPath.replace(replacement);
}

/**
 * Remove a statement or declarator. When that empties a whole top-level statement, its leading
 * comments (a file header, a license) move to the next statement instead of disappearing with it.
 */
export function removeKeepingHeader(path: NodePath): void {
  const statement = path.node.type === 'VariableDeclarator' && path.parent?.node.declarations?.length === 1 ? (path.parent as NodePath) : path;
  const container = statement.parent?.node;
  if (container?.type === 'Program') {
    const body = container.body as AnyNode[];
    const index = body.indexOf(statement.node);
    const leading = (statement.node.comments ?? []).filter((c: AnyNode) => c.leading);
    const next = body[index + 1];
    if (index === 0 && leading.length && next) {
      next.comments = [...leading, ...(next.comments ?? [])];
      statement.node.comments = (statement.node.comments ?? []).filter((c: AnyNode) => !c.leading);
    }
  }
  path.prune();
}

/**
 * A shebang line breaks recast's reprint of the program (the newline after it is lost). The
 * transforms run on the text with `#!` turned into `//` (same length, same line numbers) and
 * turn it back afterwards.
 */
export function hideShebang(source: string): { text: string; restore: (output: string) => string } {
  const match = /^#!([^\r\n]*)/.exec(source);
  if (!match) return { text: source, restore: (output) => output };
  const hidden = `//${match[1]}`;
  return {
    text: hidden + source.slice(match[0].length),
    restore: (output) => (output.startsWith(hidden) ? `#!${match[1]}${output.slice(hidden.length)}` : `#!${match[1]}\n${output}`),
  };
}

/** Run a transform body on the file with any shebang hidden (see hideShebang); unchanged stays byte-identical. */
export function withHiddenShebang(file: FileInfo, run: (file: FileInfo) => string): string {
  const { text, restore } = hideShebang(file.source);
  const output = run({ ...file, source: text });
  return output === text ? file.source : restore(output);
}

/**
 * Lines where the scanner reported a finding for this transform (`options.findingLines`, passed by
 * `axeptio-migrate fix`): the scanner links files (a URL constant or client instance imported from
 * elsewhere), so a call on such a line is known to be the flow even when this file alone cannot tell.
 */
export function findingLines(options: Options, transform: string): ReadonlySet<number> {
  const all = options['findingLines'];
  const lines = all && typeof all === 'object' ? (all as Record<string, unknown>)[transform] : undefined;
  return new Set(Array.isArray(lines) ? lines.filter((n): n is number => typeof n === 'number') : []);
}
