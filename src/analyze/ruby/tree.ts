/** Ruby through tree-sitter-ruby: the grammar's nodes mapped onto the recognizers' Expr model. */
import type { Node, Tree } from 'web-tree-sitter';
import type { Arg, Expr, StrPiece } from '../lexical/expression.js';
import { targetName } from '../lexical/program.js';
import { binaryOf, collExpr, idExpr, memberExpr, mergePieces, strExpr, unescape } from '../tree-sitter/build.js';
import type { TreeRead, TreeReader } from '../tree-sitter/program-from-tree.js';

/** Nodes that are plain names to the recognizers (`nil`/`true`/`self` included, as the lexical reader reads them). */
const NAMES = new Set(['identifier', 'constant', 'instance_variable', 'class_variable', 'global_variable', 'self', 'super', 'nil', 'true', 'false']);
const NUMBERS = new Set(['integer', 'float', 'rational', 'complex']);
/** Operators whose result is a string built from both sides (`+`, `%` formatting) or the left side when set (`||`, `or`). */
const BINARY_OPS = new Set(['+', '%', '||', 'or']);
/**
 * Values that matter on their own: literals (secrets, JWTs) and `x[…]` reads (`ENV['X']`). One that no
 * converted expression holds (a method's last expression, a `return`, an `if` condition, an operand of
 * `==`) is kept as a statement, so its literal secrets and env reads are still seen, as the lexical
 * reader sees every expression.
 */
const STANDALONE = new Set(['hash', 'array', 'string', 'chained_string', 'heredoc_beginning', 'string_array', 'symbol_array', 'element_reference']);

export const rubyTree: TreeReader = {
  grammar: 'ruby',
  calls: new Set(['call']),

  expr(node, r) {
    if (NAMES.has(node.type)) return idExpr(node);
    if (NUMBERS.has(node.type)) return { k: 'num', text: node.text, start: node.startIndex, end: node.endIndex };
    switch (node.type) {
      case 'string':
      case 'subshell':
      case 'regex':
        return strExpr(node, stringPieces(node, r));
      case 'chained_string': {
        // `"a" 'b'`: adjacent literals are one string.
        const parts = node.namedChildren.map((c) => r.expr(c));
        return strExpr(node, mergePieces(parts.flatMap((p) => (p?.k === 'str' ? p.pieces : []))));
      }
      case 'heredoc_beginning':
        return strExpr(node, heredocPieces(node, r));
      case 'simple_symbol':
        return strExpr(node, [{ text: node.text.slice(1) }], true);
      case 'delimited_symbol':
        return strExpr(node, stringPieces(node, r), true);
      case 'hash_key_symbol':
        return strExpr(node, [{ text: node.text }]);
      case 'string_array':
      case 'symbol_array':
        // `%w[a b]`, `%i[a b]`: a list of words.
        return collExpr(node, node.namedChildren.flatMap((c) => (c ? [{ value: strExpr(c, stringPieces(c, r), node.type === 'symbol_array') }] : [])));
      case 'scope_resolution': {
        // `Net::HTTP` is a member chain like `Net.HTTP`; `::Foo` is just `Foo`.
        const name = node.childForFieldName('name');
        const scope = node.childForFieldName('scope');
        if (!name) return undefined;
        if (!scope) return idExpr(name);
        const obj = r.expr(scope);
        return obj ? memberExpr(obj, name.text, name) : undefined;
      }
      case 'call':
        return callExpr(node, r);
      case 'element_reference': {
        // `ENV['X']`, `params[:username]`: the object, then the (first) index.
        const objNode = node.childForFieldName('object');
        const obj = r.expr(objNode);
        const index = node.namedChildren.find((c) => c && c.id !== objNode?.id && c.type !== 'comment' && c.type !== 'block' && c.type !== 'do_block');
        return obj ? { k: 'index', obj, index: r.expr(index), start: node.startIndex, end: node.endIndex } : undefined;
      }
      case 'binary':
        return binaryOf(node, r, BINARY_OPS);
      case 'unary': {
        // `-1` is a number; `!x`, `not x`, `defined?(x)` are not the value of x.
        const operand = node.childForFieldName('operand');
        const op = node.childForFieldName('operator')?.type;
        return (op === '-' || op === '+') && operand && NUMBERS.has(operand.type) ? { k: 'num', text: node.text, start: node.startIndex, end: node.endIndex } : undefined;
      }
      case 'conditional':
        // `cond ? a : b`: the value when the condition holds.
        return r.expr(node.childForFieldName('consequence'));
      case 'parenthesized_statements': {
        const inner = statementsOf(node);
        return inner.length === 1 ? r.expr(inner[0]) : undefined;
      }
      case 'hash':
      case 'array':
        return collExpr(node, node.namedChildren.flatMap((c) => (c ? argumentOf(c, r) : [])));
      default:
        return undefined;
    }
  },

  declare(node, r) {
    switch (node.type) {
      case 'assignment':
        r.assign(assignTarget(node.childForFieldName('left'), r), r.expr(assignedValue(node.childForFieldName('right'))), node.startIndex, node.endIndex);
        return;
      case 'operator_assignment':
        // `@token ||= …` binds like `=` (the lexical reader's rule); `+=` and the like do not.
        if (node.childForFieldName('operator')?.type === '||=') r.assign(assignTarget(node.childForFieldName('left'), r), r.expr(assignedValue(node.childForFieldName('right'))), node.startIndex, node.endIndex);
        return;
      case 'optional_parameter':
      case 'keyword_parameter': {
        // `def initialize(password: 'x')`: a literal default is kept as a named entry, so a literal secret
        // there is found (the lexical reader sees the parameter list as a call's arguments). It is not
        // bound as the parameter's value: a caller's argument usually replaces it.
        const name = node.childForFieldName('name')?.text;
        const value = r.expr(node.childForFieldName('value'));
        if (name && value?.k === 'str') r.statement(collExpr(node, [{ name, value }]));
        return;
      }
      case 'method':
      case 'singleton_method':
        r.scope('function', node.childForFieldName('name')?.text, node);
        return;
      case 'class':
      case 'module':
        // `class Axeptio::Client`: the whole constant path names the class.
        r.scope('class', node.childForFieldName('name')?.text, node);
        return;
      default:
        if (STANDALONE.has(node.type) && !r.wasConverted(node)) r.statement(r.expr(node));
        return;
    }
  },
};

/** A call: `recv.name(args)`, `name args` (command call), `recv::Name()`, `fn.(x)`. */
function callExpr(node: Node, r: TreeRead): Expr | undefined {
  const receiverNode = node.childForFieldName('receiver');
  const method = node.childForFieldName('method');
  const argList = node.childForFieldName('arguments');
  const receiver = r.expr(receiverNode);
  // An unmodelled receiver (a lambda, a `begin` block) must not turn `x.post(url)` into a receiver-less `post(url)`.
  if (receiverNode && !receiver) return undefined;
  const callee = method ? (receiver ? memberExpr(receiver, method.text, method) : idExpr(method)) : receiver;
  if (!callee) return undefined;
  // `uri.hostname`, `{…}.to_json`, `self.class`: a method called without arguments reads as a member,
  // as the recognizers and the lexical reader expect (`self.class.post`, `res.body`); but `Faraday.new`
  // builds an object whatever its arguments, and stays a call.
  if (!argList && !node.childForFieldName('block') && method?.text !== 'new') return callee;
  const args = argList ? argumentsOf(argList, r) : [];
  // The call ends with its arguments: a `do … end` block is code of its own, not part of the call's span.
  const end = (argList ?? method ?? receiverNode)!.endIndex;
  return { k: 'call', callee, args, start: node.startIndex, end };
}

function argumentsOf(list: Node, r: TreeRead): Arg[] {
  return list.namedChildren.flatMap((c) => (c ? argumentOf(c, r) : []));
}

/** One argument or collection entry: `key: v` / `'k' => v` pairs, `*a` and `**h` as their operand; `&blk` and `...` carry no value. */
function argumentOf(node: Node, r: TreeRead): Arg[] {
  switch (node.type) {
    case 'pair':
      return entryOf(node, r);
    case 'splat_argument':
    case 'hash_splat_argument':
      return valueArg(node.namedChildren[0] ?? null, r);
    case 'block_argument':
    case 'forward_argument':
    case 'comment':
    case 'heredoc_body':
      return [];
    default:
      return valueArg(node, r);
  }
}

function valueArg(node: Node | null, r: TreeRead): Arg[] {
  const value = r.expr(node);
  return value ? [{ value }] : [];
}

/**
 * `name: v` is a named entry; `'k' => v` and `:k => v` keep the key too (named when it is a literal),
 * `"k": v` is named like `k: v`; `{ name: }` (Ruby 3.1) stands for `name: name`.
 */
function entryOf(pair: Node, r: TreeRead): Arg[] {
  const keyNode = pair.childForFieldName('key');
  const valueNode = pair.childForFieldName('value');
  if (!keyNode) return [];
  if (keyNode.type === 'hash_key_symbol') {
    const value = valueNode ? r.expr(valueNode) : idExpr(keyNode);
    return value ? [{ name: keyNode.text, value }] : [];
  }
  const key = r.expr(keyNode);
  const value = r.expr(valueNode);
  if (!key || !value) return [];
  const name = key.k === 'str' && key.pieces.every((p) => 'text' in p) ? key.pieces.map((p) => (p as { text: string }).text).join('') : undefined;
  if (name === undefined) return [{ key, value }];
  const colon = pair.children.some((c) => c?.type === ':');
  return colon ? [{ name, value }] : [{ name, key, value }];
}

/** `x`, `@client`, `self.token`, `req['Authorization']`; the first name of `a, b = …`. */
function assignTarget(left: Node | null, r: TreeRead): string | undefined {
  const target = left?.type === 'left_assignment_list' ? left.namedChildren[0] : left;
  const e = r.expr(target);
  return e ? targetName(e) : undefined;
}

/** The value bound: the innermost of `a = b = v`, the first of `a, b = 1, 2`, the body of `v rescue nil`. */
function assignedValue(right: Node | null): Node | null {
  let value = right;
  for (;;) {
    if (value?.type === 'assignment') value = value.childForFieldName('right');
    else if (value?.type === 'rescue_modifier') value = value.childForFieldName('body');
    else if (value?.type === 'right_assignment_list') value = value.namedChildren[0] ?? null;
    else if (value?.type === 'splat_argument') value = value.namedChildren[0] ?? null;
    else return value;
  }
}

/** Statements of a `( … )` group, comments aside. */
function statementsOf(node: Node): Node[] {
  return node.namedChildren.filter((c): c is Node => !!c && c.type !== 'comment' && c.type !== 'empty_statement');
}

/** Literal text, escapes and `#{expr}` interpolations of a string, symbol, regex or word. */
function stringPieces(node: Node, r: TreeRead): StrPiece[] {
  const quotes = rawQuotes(node);
  const pieces: StrPiece[] = [];
  for (const c of node.namedChildren) {
    if (!c) continue;
    if (c.type === 'string_content' || c.type === 'heredoc_content') pieces.push({ text: quotes === undefined ? c.text : rawText(c.text, quotes) });
    else if (c.type === 'escape_sequence') pieces.push({ text: escapeText(c.text) });
    else if (c.type === 'interpolation') pieces.push({ expr: interpolated(c, r) });
  }
  return mergePieces(pieces);
}

function interpolated(node: Node, r: TreeRead): Expr {
  const inner = statementsOf(node);
  return (inner.length === 1 ? r.expr(inner[0]) : undefined) ?? { k: 'id', name: '?', start: node.startIndex, end: node.endIndex };
}

/** `\n`, `\t`, `\"`; a backslash before a newline continues the line and is no character. */
function escapeText(raw: string): string {
  return /^\\\r?\n$/.test(raw) ? '' : unescape(raw);
}

/**
 * Characters a backslash escapes in a non-interpolating literal (`'…'`, `%q(…)`, `%w[…]`): the backslash
 * and the delimiters (and spaces between `%w` words); undefined for strings whose escapes are nodes of their own.
 */
function rawQuotes(node: Node): string | undefined {
  if (node.type !== 'string' && node.type !== 'bare_string' && node.type !== 'bare_symbol') return undefined;
  // A `%w[…]` word's quoting is its list's.
  const text = node.type === 'string' ? node.text : node.parent?.text ?? '';
  if (text.startsWith("'")) return "\\'";
  const m = /^%([qwi])(.)/.exec(text);
  if (!m) return undefined;
  const open = m[2]!;
  const close = { '(': ')', '[': ']', '{': '}', '<': '>' }[open] ?? open;
  return `\\${open}${close}${m[1] === 'q' ? '' : ' \t\n'}`;
}

function rawText(raw: string, quotes: string): string {
  return raw.replace(/\\([\s\S])/g, (m, c: string) => (quotes.includes(c) ? c : m));
}

/**
 * A heredoc's text lives in a `heredoc_body` node after the line that opens it; beginnings and bodies
 * pair up in source order. The body's first newline ends the opening line, and the terminator's
 * indentation is no text; `<<~` strips the common indentation, as Ruby does.
 */
function heredocPieces(begin: Node, r: TreeRead): StrPiece[] {
  const body = heredocBodies(begin.tree).get(begin.startIndex);
  if (!body) return [];
  const raw = /^<<[~-]?'/.test(begin.text);
  const pieces: StrPiece[] = [];
  for (const c of body.namedChildren) {
    if (!c) continue;
    if (c.type === 'heredoc_content') pieces.push({ text: c.text });
    else if (c.type === 'escape_sequence') pieces.push({ text: raw ? c.text : escapeText(c.text) });
    else if (c.type === 'interpolation') pieces.push({ expr: interpolated(c, r) });
  }
  const merged = mergePieces(pieces);
  const first = merged[0];
  if (first && 'text' in first) merged[0] = { text: first.text.slice(first.text.indexOf('\n') + 1) };
  const last = merged[merged.length - 1];
  if (last && 'text' in last) merged[merged.length - 1] = { text: last.text.replace(/[ \t]*$/, '') };
  const text = begin.text.startsWith('<<~') ? dedent(merged) : merged;
  return text.filter((p) => !('text' in p) || p.text !== '');
}

/** Each heredoc beginning's body (by the beginning's offset), paired once per tree. */
const bodiesOf = new WeakMap<Tree, Map<number, Node>>();

function heredocBodies(tree: Tree): Map<number, Node> {
  let bodies = bodiesOf.get(tree);
  if (!bodies) {
    const root = tree.rootNode;
    const found = root.descendantsOfType('heredoc_body');
    bodies = new Map();
    for (const [i, b] of root.descendantsOfType('heredoc_beginning').entries()) if (b && found[i]) bodies.set(b.startIndex, found[i]!);
    bodiesOf.set(tree, bodies);
  }
  return bodies;
}

const HOLE = '\u0000';

/** Remove the indentation common to the non-blank lines (an interpolation counts as content). */
function dedent(pieces: StrPiece[]): StrPiece[] {
  const exprs = pieces.flatMap((p) => ('expr' in p ? [p.expr] : []));
  const lines = pieces.map((p) => ('text' in p ? p.text : HOLE)).join('').split('\n');
  const indents = lines.filter((l) => l.trim() !== '').map((l) => /^[ \t]*/.exec(l)![0].length);
  const cut = indents.length ? Math.min(...indents) : 0;
  const flat = lines.map((l) => l.slice(Math.min(cut, /^[ \t]*/.exec(l)![0].length))).join('\n');
  const out: StrPiece[] = [];
  flat.split(HOLE).forEach((text, i) => {
    if (i > 0) out.push({ expr: exprs[i - 1]! });
    if (text) out.push({ text });
  });
  return out;
}
