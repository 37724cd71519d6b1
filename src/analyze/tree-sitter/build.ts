/** Small builders shared by the tree readers: Expr nodes with a tree node's offsets, and string unescaping. */
import type { Node } from 'web-tree-sitter';
import type { Arg, Expr, StrPiece } from '../lexical/expression.js';
import type { TreeRead } from './program-from-tree.js';

export const idExpr = (node: Node, name = node.text): Expr => ({ k: 'id', name, start: node.startIndex, end: node.endIndex });

export const strExpr = (node: Node, pieces: StrPiece[], symbol?: boolean): Expr =>
  symbol ? { k: 'str', pieces, symbol, start: node.startIndex, end: node.endIndex } : { k: 'str', pieces, start: node.startIndex, end: node.endIndex };

export const memberExpr = (obj: Expr, name: string, end: Node): Expr => ({ k: 'member', obj, name, start: obj.start, end: end.endIndex });

export const collExpr = (node: Node, entries: Arg[]): Expr => ({ k: 'coll', entries, start: node.startIndex, end: node.endIndex });

export const binExpr = (op: string, left: Expr, right: Expr): Expr => ({ k: 'bin', op, left, right, start: left.start, end: right.end });

/** Merge adjacent text pieces (`"a" "b"` and escape sequences read as separate nodes). */
export function mergePieces(pieces: StrPiece[]): StrPiece[] {
  const out: StrPiece[] = [];
  for (const p of pieces) {
    const last = out[out.length - 1];
    if ('text' in p && last && 'text' in last) out[out.length - 1] = { text: last.text + p.text };
    else out.push(p);
  }
  return out;
}

const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '0': '\0' };

/** The value of a backslash escape as the lexical reader gives it (`\n` a newline, `\"` a quote, `\u00e9` kept as is). */
export function unescape(raw: string): string {
  return raw.replace(/\\(.)/gs, (_, c: string) => ESCAPES[c] ?? c);
}

/** Children of a node under a field (all of them: `arguments`, `subscript` may repeat). */
export function fieldChildren(node: Node, field: string): Node[] {
  return node.childrenForFieldName(field).filter((c): c is Node => c !== null);
}

/**
 * A binary operation the recognizers model (concatenation, fallbacks), from the grammar's
 * `left`/`operator`/`right` fields: `op(left, right)`, or the left side alone when the right one is
 * not a value the reader models. Undefined for any other operator (its calls still become statements).
 */
export function binaryOf(node: Node, r: TreeRead, ops: ReadonlySet<string>): Expr | undefined {
  const operator = node.childForFieldName('operator');
  // Most grammars give the operator token's text; tree-sitter-ruby names the token's type.
  const op = operator?.text || operator?.type || '';
  if (!ops.has(op)) return undefined;
  const left = r.expr(node.childForFieldName('left'));
  if (!left) return undefined;
  const right = r.expr(node.childForFieldName('right'));
  return right ? binExpr(op, left, right) : left;
}
