/** Python through tree-sitter-python: the grammar's nodes mapped onto the recognizers' Expr model. */
import type { Node } from 'web-tree-sitter';
import type { Arg, StrPiece } from '../lexical/expression.js';
import { targetName } from '../lexical/program.js';
import { binaryOf, collExpr, fieldChildren, idExpr, memberExpr, mergePieces, strExpr, unescape } from '../tree-sitter/build.js';
import type { TreeRead, TreeReader } from '../tree-sitter/program-from-tree.js';

/** Operators whose result is a string built from both sides (`+`, `%` formatting) or the left side when set (`or`). */
const BINARY_OPS = new Set(['+', '%', 'or']);

export const pythonTree: TreeReader = {
  grammar: 'python',
  calls: new Set(['call']),

  expr(node, r) {
    switch (node.type) {
      case 'identifier':
        return idExpr(node);
      case 'integer':
      case 'float':
        return { k: 'num', text: node.text, start: node.startIndex, end: node.endIndex };
      case 'true':
      case 'false':
      case 'none':
        return idExpr(node);
      case 'string':
        return strExpr(node, stringPieces(node, r));
      case 'concatenated_string':
        return strExpr(node, mergePieces(node.namedChildren.filter((c) => c?.type === 'string').flatMap((c) => stringPieces(c!, r))));
      case 'attribute': {
        const obj = r.expr(node.childForFieldName('object'));
        const name = node.childForFieldName('attribute');
        return obj && name ? memberExpr(obj, name.text, name) : undefined;
      }
      case 'subscript': {
        const obj = r.expr(node.childForFieldName('value'));
        const index = r.expr(fieldChildren(node, 'subscript')[0]);
        return obj ? { k: 'index', obj, index, start: node.startIndex, end: node.endIndex } : undefined;
      }
      case 'call': {
        const callee = r.expr(node.childForFieldName('function'));
        const argList = node.childForFieldName('arguments');
        if (!callee) return undefined;
        const args = argList?.type === 'argument_list' ? argumentsOf(argList, r) : [];
        return { k: 'call', callee, args, start: node.startIndex, end: node.endIndex };
      }
      case 'binary_operator':
      case 'boolean_operator':
        return binaryOf(node, r, BINARY_OPS);
      case 'dictionary':
        return collExpr(node, node.namedChildren.flatMap((pair) => (pair?.type === 'pair' ? entryOf(pair, r) : [])));
      case 'list':
      case 'tuple':
      case 'set':
        return collExpr(node, node.namedChildren.flatMap((c) => valueArg(c, r)));
      case 'parenthesized_expression':
      case 'await':
        return r.expr(node.namedChildren[0]);
      case 'conditional_expression':
        // `a if cond else b`: the value when the condition holds, as the lexical reader reads it.
        return r.expr(node.namedChildren[0]);
      default:
        return undefined;
    }
  },

  declare(node, r) {
    switch (node.type) {
      case 'assignment': {
        const left = node.childForFieldName('left');
        const right = node.childForFieldName('right');
        // `a = b = value`: every name gets the innermost value.
        let value = right;
        while (value?.type === 'assignment') value = value.childForFieldName('right');
        r.assign(assignTarget(left, r), r.expr(value), node.startIndex, node.endIndex);
        return;
      }
      case 'named_expression':
        r.assign(node.childForFieldName('name')?.text, r.expr(node.childForFieldName('value')), node.startIndex, node.endIndex);
        return;
      case 'as_pattern': {
        // `with httpx.Client(...) as client:`
        const alias = node.childForFieldName('alias');
        const target = alias?.namedChildren[0] ?? alias;
        if (target?.type === 'identifier') r.assign(target.text, r.expr(node.namedChildren[0]), node.startIndex, node.endIndex);
        return;
      }
      case 'decorator':
        r.annotate(r.expr(node.namedChildren[0]));
        return;
      case 'function_definition':
        r.scope('function', node.childForFieldName('name')?.text, node);
        return;
      case 'class_definition':
        r.scope('class', node.childForFieldName('name')?.text, node);
        return;
      default:
        return;
    }
  },
};

/** `x`, `self.client`, `headers["Authorization"]`; the first name of `a, b = …`. */
function assignTarget(left: Node | null, r: TreeRead): string | undefined {
  let target = left;
  while (target && (target.type === 'pattern_list' || target.type === 'tuple_pattern' || target.type === 'list_pattern')) target = target.namedChildren[0] ?? null;
  const e = r.expr(target);
  return e ? targetName(e) : undefined;
}

/** Literal text and `{expr}` interpolations of one string literal. */
function stringPieces(node: Node, r: TreeRead): StrPiece[] {
  const pieces: StrPiece[] = [];
  // r"a\d+" keeps its backslashes.
  const raw = /r/i.test(node.namedChildren[0]?.type === 'string_start' ? node.namedChildren[0].text : '');
  for (const c of node.namedChildren) {
    if (!c) continue;
    if (c.type === 'string_content' || c.type === 'escape_sequence') pieces.push({ text: raw ? c.text : unescape(c.text) });
    else if (c.type === 'interpolation') {
      const inner = c.childForFieldName('expression') ?? c.namedChildren[0];
      pieces.push({ expr: r.expr(inner) ?? { k: 'id', name: '?', start: c.startIndex, end: c.endIndex } });
    }
  }
  return mergePieces(pieces);
}

function argumentsOf(list: Node, r: TreeRead): Arg[] {
  const args: Arg[] = [];
  for (const c of list.namedChildren) {
    if (!c || c.type === 'comment') continue;
    if (c.type === 'keyword_argument') {
      const value = r.expr(c.childForFieldName('value'));
      const name = c.childForFieldName('name')?.text;
      if (value && name) args.push({ name, value });
      continue;
    }
    args.push(...valueArg(c, r));
  }
  return args;
}

function valueArg(node: Node | null, r: TreeRead): Arg[] {
  const value = r.expr(node);
  return value ? [{ value }] : [];
}

/** `"key": value` keeps the key as the entry's name; any other key is kept as an expression. */
function entryOf(pair: Node, r: TreeRead): Arg[] {
  const key = r.expr(pair.childForFieldName('key'));
  const value = r.expr(pair.childForFieldName('value'));
  if (!key || !value) return [];
  if (key.k === 'str' && key.pieces.every((p) => 'text' in p)) return [{ name: key.pieces.map((p) => (p as { text: string }).text).join(''), value }];
  return [{ key, value }];
}
