/**
 * Bringing the generated helper into a rewritten file: which module system the file uses, the
 * relative specifier (mirroring how the file already imports its siblings), and the one import or
 * require line, added once.
 *
 * `options.helperPath`: where the helper module lives (absolute, or relative to the working
 * directory). Default: `axeptio-token.<ext>` next to each rewritten file, where `<ext>` follows
 * the file (`.ts` for TypeScript, `.mjs`/`.cjs` for those, `.js` otherwise); write it with
 * `axeptio-migrate helper --out <that path>`.
 * `options.importExtension`: `'js'` to force `.js` specifiers (NodeNext TypeScript), `'none'` to
 * force none; by default the file's own relative imports decide.
 */
import path from 'node:path';
import type { Collection, JSCodeshift, Options } from 'jscodeshift';
import type { AnyNode } from './_ast.ts';

export const HELPER_FUNCTION = 'getAxeptioAccessToken';
export const HELPER_FETCH = 'axeptioFetch';

export type ModuleSystem = 'esm' | 'cjs';

/** ESM or CommonJS, from the file's extension and the statements it already has. */
export function detectModuleSystem(filePath: string, program: AnyNode): ModuleSystem {
  if (/\.(mjs|mts)$/.test(filePath)) return 'esm';
  if (/\.(cjs|cts)$/.test(filePath)) return 'cjs';
  const body = program.body as AnyNode[];
  if (body.some((s) => s.type === 'ImportDeclaration' || s.type.startsWith('Export'))) return 'esm';
  if (body.some((s) => isRequireStatement(s) || isModuleExportsStatement(s))) return 'cjs';
  return /\.(ts|tsx)$/.test(filePath) ? 'esm' : 'cjs';
}

function isRequireStatement(statement: AnyNode): boolean {
  return statement.type === 'VariableDeclaration' && statement.declarations.some((d: AnyNode) => d.init && requireSource(d.init) !== null);
}

function isModuleExportsStatement(statement: AnyNode): boolean {
  if (statement.type !== 'ExpressionStatement' || statement.expression.type !== 'AssignmentExpression') return false;
  const left = statement.expression.left;
  return left.type === 'MemberExpression' && ((left.object.type === 'Identifier' && left.object.name === 'module') || (left.object.type === 'Identifier' && left.object.name === 'exports') || (left.object.type === 'MemberExpression' && left.object.object?.name === 'module'));
}

/** `require('x')` (possibly `require('x').y`) → 'x'. */
export function requireSource(node: AnyNode): string | null {
  let n = node;
  while (n.type === 'MemberExpression') n = n.object;
  if (n.type === 'CallExpression' && n.callee.type === 'Identifier' && n.callee.name === 'require' && n.arguments[0] && (n.arguments[0].type === 'StringLiteral' || n.arguments[0].type === 'Literal')) {
    return String(n.arguments[0].value);
  }
  return null;
}

function defaultHelperFile(filePath: string): string {
  const ext = /\.(ts|tsx|mts|cts)$/.test(filePath) ? '.ts' : /\.mjs$/.test(filePath) ? '.mjs' : /\.cjs$/.test(filePath) ? '.cjs' : '.js';
  return path.join(path.dirname(path.resolve(filePath)), `axeptio-token${ext}`);
}

const CODE_EXT = /\.(m|c)?(t|j)sx?$/;

/** The specifier that imports the helper from `filePath`, following the file's own import style. */
export function helperSpecifier(filePath: string, program: AnyNode, options: Options, system: ModuleSystem): string {
  const helperAbs = typeof options['helperPath'] === 'string' && options['helperPath']
    ? path.resolve(options['helperPath'])
    : defaultHelperFile(filePath);
  let rel = path.relative(path.dirname(path.resolve(filePath)), helperAbs).split(path.sep).join('/');
  if (!rel.startsWith('.')) rel = `./${rel}`;
  const helperExt = path.extname(helperAbs);
  const bare = rel.replace(CODE_EXT, '');
  const runtimeExt = ({ '.ts': '.js', '.tsx': '.js', '.mts': '.mjs', '.cts': '.cjs' } as Record<string, string>)[helperExt] ?? (helperExt || '.js');
  // .mjs/.cjs never resolve without their extension.
  if (helperExt === '.mjs' || helperExt === '.cjs') return bare + helperExt;
  const style = relativeImportStyle(program);
  const forced = options['importExtension'];
  if (style === 'ts') return bare + (helperExt || '.ts');
  if (style === 'js') return bare + runtimeExt;
  if (style === 'none') return bare;
  if (forced === 'js') return bare + runtimeExt;
  if (forced === 'none') return bare;
  // No sibling import to mirror: Node's ESM loader needs the extension, TypeScript and CommonJS do not.
  if (/\.(ts|tsx)$/.test(filePath) || system === 'cjs') return bare;
  return bare + runtimeExt;
}

/** How the file writes its relative imports: with `.js`, with `.ts`, without extension, or unknown. */
function relativeImportStyle(program: AnyNode): 'js' | 'ts' | 'none' | undefined {
  const specifiers: string[] = [];
  for (const s of program.body as AnyNode[]) {
    if (s.type === 'ImportDeclaration' || ((s.type === 'ExportNamedDeclaration' || s.type === 'ExportAllDeclaration') && s.source)) specifiers.push(String(s.source.value));
    if (s.type === 'VariableDeclaration') for (const d of s.declarations) { const src = d.init && requireSource(d.init); if (src) specifiers.push(src); }
  }
  const relative = specifiers.filter((s) => s.startsWith('./') || s.startsWith('../'));
  if (relative.length === 0) return undefined;
  if (relative.some((s) => /\.(m|c)?tsx?$/.test(s))) return 'ts';
  if (relative.some((s) => /\.(m|c)?jsx?$/.test(s))) return 'js';
  return 'none';
}

/** Whether the file already binds `name` at module level (imported, required or declared). */
export function hasModuleBinding(j: JSCodeshift, root: Collection<any>, name: string): boolean {
  const program = root.find(j.Program).paths()[0] as any;
  return !!program?.scope?.getBindings()[name];
}

/**
 * Add `import { names } from '<specifier>'` (or the `const { names } = require(...)` form) to `source`
 * for the helper functions the file uses and does not bind yet. Inserted as text after the last import/require (else before
 * the first statement, below any header comment), so the rest of the file keeps its exact bytes.
 */
export function addHelperImport(
  j: JSCodeshift,
  source: string,
  filePath: string,
  options: Options,
  print: { quote: 'single' | 'double'; lineTerminator: string },
  /** The file as it was before the rewrite: its import style counts even if cleanup removed those imports. */
  originalProgram?: AnyNode,
  names: readonly string[] = [HELPER_FUNCTION],
): string {
  const root = j(source);
  const missing = names.filter((n) => hasModuleBinding(j, root, n) === false && new RegExp(`\\b${n}\\b`).test(source));
  if (missing.length === 0) return source;
  const name = [...missing].sort().join(', ');
  const program = root.find(j.Program).paths()[0]!.node as AnyNode;
  const system = detectModuleSystem(filePath, program);
  const specifier = helperSpecifier(filePath, originalProgram ?? program, options, system);
  const q = print.quote === 'double' ? '"' : "'";
  const semicolon = usesSemicolons(source, program.body) ? ';' : '';
  const line = system === 'esm'
    ? `import { ${name} } from ${q}${specifier}${q}${semicolon}`
    : `const { ${name} } = require(${q}${specifier}${q})${semicolon}`;
  const body = program.body as AnyNode[];
  const isAnchor = system === 'esm' ? (s: AnyNode) => s.type === 'ImportDeclaration' : isRequireStatement;
  let anchor: AnyNode | undefined;
  for (const statement of body) {
    if (isAnchor(statement)) anchor = statement;
    else if (anchor) break;
  }
  const eol = print.lineTerminator;
  if (anchor) {
    const end = offsetAt(source, anchor.loc.end);
    return source.slice(0, end) + eol + line + source.slice(end);
  }
  const first = body[0];
  if (!first) return source + (source.endsWith('\n') || source === '' ? '' : eol) + line + eol;
  const start = offsetAt(source, first.loc.start);
  return source.slice(0, start) + line + eol + eol + source.slice(start);
}

/** Whether the file ends its statements with semicolons (most simple statements do). */
function usesSemicolons(source: string, body: AnyNode[]): boolean {
  const simple = body.filter((s) => ['ImportDeclaration', 'VariableDeclaration', 'ExpressionStatement'].includes(s.type));
  if (simple.length === 0) return true;
  return simple.filter((s) => source[offsetAt(source, s.loc.end) - 1] === ';').length * 2 >= simple.length;
}

/**
 * Offset of a babel position in `source`. Node offsets cannot be used: recast hands the parser a
 * copy of the text with normalised line endings, so only line/column match the original.
 */
function offsetAt(source: string, position: { line: number; column: number }): number {
  let offset = 0;
  for (let line = 1; line < position.line; line++) {
    const next = source.indexOf('\n', offset);
    if (next < 0) return source.length;
    offset = next + 1;
  }
  return offset + position.column;
}

/** `getAxeptioAccessToken()`, awaited or not. */
export function helperCall(j: JSCodeshift, awaited: boolean): AnyNode {
  const call = j.callExpression(j.identifier(HELPER_FUNCTION), []);
  return awaited ? j.awaitExpression(call) : call;
}
