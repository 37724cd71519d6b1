/**
 * Kotlin through tree-sitter-kotlin (@tree-sitter-grammars): the grammar's nodes mapped onto the
 * recognizers' Expr model. The grammar has few fields, so most nodes are read by position.
 */
import type { Node } from 'web-tree-sitter';
import type { Arg, Expr, StrPiece } from '../lexical/expression.js';
import { targetName } from '../lexical/program.js';
import { binExpr, binaryOf, collExpr, idExpr, memberExpr, mergePieces, strExpr } from '../tree-sitter/build.js';
import type { TreeRead, TreeReader } from '../tree-sitter/program-from-tree.js';

/** Nodes whose expression children are statements (a value kept even when it is no call: `"password" to "…"`, a JWT literal). */
const STATEMENT_LISTS = new Set(['source_file', 'block', 'lambda_literal', 'function_body', 'when_entry', 'return_expression', 'throw_expression']);

/** Binary operators that build a value: `+` concatenates, `?:` falls back to the right side. */
const BINARY_OPS = new Set(['+', '?:']);

export const kotlinTree: TreeReader = {
  grammar: 'kotlin',
  calls: new Set(['call_expression']),

  expr(node, r) {
    switch (node.type) {
      case 'identifier':
        return idExpr(node);
      case 'this_expression':
        return idExpr(node, 'this');
      case 'super_expression':
        return idExpr(node, 'super');
      case 'number_literal':
      case 'float_literal':
        return { k: 'num', text: node.text, start: node.startIndex, end: node.endIndex };
      case 'character_literal':
        return strExpr(node, [{ text: unescapeKotlin(node.text.slice(1, -1)) }]);
      case 'string_literal':
      case 'multiline_string_literal':
        return strExpr(node, stringPieces(node, r));
      case 'user_type':
        return userType(node, r);
      case 'navigation_expression': {
        // `a.b`, `a?.b`, `String::class`: the receiver, then the member's name (comments may sit between lines of a chain).
        const [objNode, name, ...rest] = node.namedChildren.filter((c): c is Node => c !== null && !isComment(c));
        const obj = r.expr(objNode);
        return obj && name?.type === 'identifier' && !rest.length ? memberExpr(obj, name.text, name) : undefined;
      }
      case 'call_expression':
        return callExpr(node, r);
      case 'index_expression': {
        const [objNode, indexNode] = node.namedChildren;
        const obj = r.expr(objNode);
        return obj ? { k: 'index', obj, index: r.expr(indexNode), start: node.startIndex, end: node.endIndex } : undefined;
      }
      case 'binary_expression':
        return binaryOf(node, r, BINARY_OPS);
      case 'infix_expression': {
        // `"username" to user` builds a pair (bodies read `mapOf(… to …)`); other infix calls are no value.
        const [left, fn, right] = node.namedChildren;
        if (fn?.text !== 'to' || node.namedChildCount !== 3) return undefined;
        const l = r.expr(left);
        const rt = r.expr(right);
        return l && rt ? binExpr('to', l, rt) : undefined;
      }
      case 'unary_expression': {
        const op = node.childForFieldName('operator')?.text;
        const arg = node.childForFieldName('argument');
        // `x!!` is `x`; `-1` stays a number.
        if (op === '!!') return r.expr(arg);
        if ((op === '-' || op === '+') && arg?.type === 'number_literal') return { k: 'num', text: node.text, start: node.startIndex, end: node.endIndex };
        return undefined;
      }
      case 'collection_literal':
        return collExpr(node, valuesOf(node.namedChildren, r));
      case 'parenthesized_expression':
      case 'annotated_expression':
      case 'labeled_expression':
      case 'spread_expression':
        return r.expr(lastExpression(node));
      case 'as_expression':
        return r.expr(node.childForFieldName('left'));
      case 'if_expression': {
        // `if (c) a else b` as a value: the value when the condition holds (a block is no value).
        const branch = node.namedChildren.find((c) => c !== null && !isComment(c) && c.id !== node.childForFieldName('condition')?.id);
        return branch && branch.type !== 'block' ? r.expr(branch) : undefined;
      }
      default:
        return undefined;
    }
  },

  declare(node, r) {
    if (STATEMENT_LISTS.has(node.type)) {
      for (const c of node.namedChildren) if (c && !isComment(c)) r.statement(r.expr(c));
      return;
    }
    switch (node.type) {
      case 'property_declaration': {
        // `val x: T = value` (a delegate `by lazy { … }` or a getter binds no value).
        const decl = node.namedChildren.find((c) => c?.type === 'variable_declaration' || c?.type === 'multi_variable_declaration');
        const name = decl?.type === 'multi_variable_declaration' ? decl.namedChildren[0]?.namedChildren[0] : decl?.namedChildren[0];
        r.assign(name?.type === 'identifier' ? name.text : undefined, r.expr(afterEquals(node)), node.startIndex, node.endIndex);
        return;
      }
      case 'class_parameter': {
        // `class C(val url: String = "…")`: the default value.
        const name = node.namedChildren.find((c) => c?.type === 'identifier');
        r.assign(name?.text, r.expr(afterEquals(node)), node.startIndex, node.endIndex);
        return;
      }
      case 'function_value_parameters':
        parameterDefaults(node, r);
        return;
      case 'assignment': {
        if (node.childForFieldName('operator')?.text !== '=') return;
        const target = r.expr(node.childForFieldName('left'));
        r.assign(target ? targetName(target) : undefined, r.expr(node.childForFieldName('right')), node.startIndex, node.endIndex);
        return;
      }
      case 'annotation':
      case 'file_annotation':
        r.annotate(annotationExpr(node, r));
        return;
      case 'function_declaration':
        r.scope('function', node.childForFieldName('name')?.text, node);
        return;
      case 'class_declaration':
      case 'object_declaration':
      case 'companion_object':
        r.scope('class', node.childForFieldName('name')?.text, node);
        return;
      default:
        return;
    }
  },
};

function isComment(node: Node): boolean {
  return node.type === 'line_comment' || node.type === 'block_comment';
}

/** The last named child that is no comment (the expression of a wrapper node). */
function lastExpression(node: Node): Node | null {
  const children = node.namedChildren.filter((c): c is Node => c !== null && !isComment(c) && c.type !== 'annotation' && c.type !== 'label');
  return children[children.length - 1] ?? null;
}

/** The named child after an unnamed `=` (property and parameter defaults have no field for it). */
function afterEquals(node: Node): Node | null {
  let seen = false;
  for (const c of node.children) {
    if (!c) continue;
    if (!c.isNamed && c.type === '=') seen = true;
    else if (seen && c.isNamed && !isComment(c)) return c;
  }
  return null;
}

/** `fun f(url: String = "…")`: each default follows its parameter as a sibling. */
function parameterDefaults(node: Node, r: TreeRead): void {
  let param: Node | undefined;
  let equals = false;
  for (const c of node.children) {
    if (!c) continue;
    if (c.type === 'parameter') {
      param = c;
      equals = false;
    } else if (!c.isNamed && c.type === '=') equals = true;
    else if (equals && param && c.isNamed && !isComment(c)) {
      const name = param.namedChildren.find((x) => x?.type === 'identifier');
      r.assign(name?.text, r.expr(c), param.startIndex, c.endIndex);
      param = undefined;
      equals = false;
    }
  }
}

/** `okhttp3.Request.Builder` in a type position (annotations, constructor invocations) as a member chain. */
function userType(node: Node, r: TreeRead): Expr | undefined {
  let e: Expr | undefined;
  for (const c of node.namedChildren) {
    if (c?.type !== 'identifier') continue;
    e = e ? memberExpr(e, c.text, c) : r.expr(c);
  }
  return e;
}

/**
 * `f(args)`, `a.b<T>(args)`, `f(args) { … }`, `f { … }`. A trailing lambda is not an argument the
 * recognizers read (its calls are statements of their own): `client.post(url) { … }` is the call
 * `client.post(url)`, and `routing { … }` a call without arguments.
 */
function callExpr(node: Node, r: TreeRead): Expr | undefined {
  const calleeNode = node.namedChildren[0];
  const argList = node.namedChildren.find((c) => c?.type === 'value_arguments');
  if (!calleeNode) return undefined;
  if (!argList && calleeNode.type === 'call_expression') return r.expr(calleeNode);
  const callee = r.expr(calleeNode);
  if (!callee) return undefined;
  return { k: 'call', callee, args: argList ? argumentsOf(argList, r) : [], start: node.startIndex, end: argList ? argList.endIndex : node.endIndex };
}

/** `value_argument`s: positional, named (`name = value`) and spread (`*arr`). */
function argumentsOf(list: Node, r: TreeRead): Arg[] {
  const args: Arg[] = [];
  for (const a of list.namedChildren) {
    if (a?.type !== 'value_argument') continue;
    const named = a.children.some((c) => c !== null && !c.isNamed && c.type === '=');
    const parts = a.namedChildren.filter((c): c is Node => c !== null && !isComment(c));
    const value = r.expr(parts[parts.length - 1]);
    if (!value) continue;
    if (named && parts.length >= 2 && parts[0]!.type === 'identifier') args.push({ name: parts[0]!.text, value });
    else args.push({ value });
  }
  return args;
}

function valuesOf(nodes: (Node | null)[], r: TreeRead): Arg[] {
  const out: Arg[] = [];
  for (const c of nodes) {
    if (!c || isComment(c)) continue;
    const value = r.expr(c);
    if (value) out.push({ value });
  }
  return out;
}

/** `@PostMapping("/x")` as a call on the annotation's type; `@RestController` as a name; a use-site target (`@field:`) is dropped. */
function annotationExpr(node: Node, r: TreeRead): Expr | undefined {
  const ctor = node.namedChildren.find((c) => c?.type === 'constructor_invocation');
  if (!ctor) return r.expr(node.namedChildren.find((c) => c?.type === 'user_type'));
  const callee = r.expr(ctor.namedChildren.find((c) => c?.type === 'user_type'));
  const argList = ctor.namedChildren.find((c) => c?.type === 'value_arguments');
  if (!callee) return undefined;
  return { k: 'call', callee, args: argList ? argumentsOf(argList, r) : [], start: callee.start, end: ctor.endIndex };
}

/**
 * Literal text and `$name` / `${expr}` templates of a string. The grammar reads `${expr}` as an
 * interpolation but, in a "…" string, splits `$name` into a `$` text piece and the name's text
 * (and `\u00e9` into two pieces), so runs of text are re-read here: escapes decoded, `$name` kept
 * as the name. A """raw""" string has no escapes.
 */
function stringPieces(node: Node, r: TreeRead): StrPiece[] {
  const raw = node.type === 'multiline_string_literal';
  const pieces: StrPiece[] = [];
  let run: { start: number; text: string } | undefined;
  const flush = () => {
    if (run) pieces.push(...textRun(run.text, run.start, raw));
    run = undefined;
  };
  for (const c of node.namedChildren) {
    if (!c) continue;
    if (c.type === 'interpolation') {
      flush();
      const inner = c.namedChildren.find((x) => x !== null && !isComment(x));
      pieces.push({ expr: r.expr(inner) ?? { k: 'id', name: '?', start: c.startIndex, end: c.endIndex } });
    } else if (c.type === 'string_content' || c.type === 'escape_sequence') {
      // Pieces are adjacent in the source: a run is one slice of it.
      if (run && run.start + run.text.length === c.startIndex) run.text += c.text;
      else {
        flush();
        run = { start: c.startIndex, text: c.text };
      }
    }
  }
  flush();
  return mergePieces(pieces);
}

/** One run of string text: escapes (unless raw) and `$name` templates, in source order. */
function textRun(text: string, start: number, raw: boolean): StrPiece[] {
  const out: StrPiece[] = [];
  const re = raw ? /\$([A-Za-z_][A-Za-z0-9_]*)|[^$]+|\$/g : /\\u[0-9a-fA-F]{4}|\\.|\$([A-Za-z_][A-Za-z0-9_]*)|[^\\$]+|[\\$]/gs;
  for (const m of text.matchAll(re)) {
    if (m[1] !== undefined) {
      const at = start + m.index + 1;
      out.push({ expr: { k: 'id', name: m[1], start: at, end: at + m[1].length } });
    } else out.push({ text: raw ? m[0] : unescapeKotlin(m[0]) });
  }
  return out;
}

const KOTLIN_ESCAPES: Record<string, string> = { b: '\b', t: '\t', n: '\n', r: '\r' };

/** Kotlin escapes: `\n`, `\t`, `\b`, `\r`, `\uXXXX`, and `\"`, `\'`, `\\`, `\$` for the character itself. */
export function unescapeKotlin(raw: string): string {
  return raw.replace(/\\(?:u([0-9a-fA-F]{4})|(.))/gs, (_, hex?: string, c?: string) => (hex ? String.fromCharCode(parseInt(hex, 16)) : (KOTLIN_ESCAPES[c!] ?? c!)));
}
