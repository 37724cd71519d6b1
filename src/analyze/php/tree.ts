/** PHP through tree-sitter-php: the grammar's nodes mapped onto the recognizers' Expr model. */
import type { Node } from 'web-tree-sitter';
import { literalText, type Arg, type Expr, type StrPiece } from '../lexical/expression.js';
import { targetName } from '../lexical/program.js';
import { binExpr, binaryOf, collExpr, idExpr, memberExpr, mergePieces, strExpr } from '../tree-sitter/build.js';
import type { TreeRead, TreeReader } from '../tree-sitter/program-from-tree.js';

/** Operators the lexical reader models: `.` concatenates, the others are fallbacks (value of the left side when set). */
const BINARY_OPS = new Set(['.', '??', '||', 'or']);

/** Leaf names: never a statement of their own (they only matter inside a larger expression). */
const LEAVES = new Set(['name', 'variable_name', 'qualified_name', 'relative_name', 'relative_scope', 'dynamic_variable_name', 'integer', 'float', 'boolean', 'null']);

/** A string's own text nodes (everything else inside a string is an interpolation). */
const STRING_TEXT = new Set(['string_content', 'escape_sequence', 'nowdoc_string']);

export const phpTree: TreeReader = {
  grammar: 'php',
  calls: new Set(['function_call_expression', 'member_call_expression', 'nullsafe_member_call_expression', 'scoped_call_expression', 'object_creation_expression']),

  expr(node, r) {
    switch (node.type) {
      case 'variable_name': // `$x`, `$this`: the lexical reader keeps the `$` in the name
      case 'name':
      case 'relative_scope': // `self`, `static`, `parent`
      case 'boolean':
      case 'null':
        return idExpr(node);
      case 'qualified_name':
      case 'relative_name':
        return qualifiedName(node);
      case 'dynamic_variable_name': {
        // `${name}` inside a string is the variable `$name`; `$$x` is not modelled.
        const inner = node.namedChildren[0];
        return inner?.type === 'name' ? idExpr(node, `$${inner.text}`) : undefined;
      }
      case 'integer':
      case 'float':
        return { k: 'num', text: node.text, start: node.startIndex, end: node.endIndex };
      case 'string':
        return strExpr(node, [{ text: singleQuoted(node) }]);
      case 'encapsed_string':
      case 'shell_command_expression':
        return strExpr(node, quotedPieces(node, r));
      case 'heredoc':
      case 'nowdoc':
        return strExpr(node, heredocPieces(node, r));
      case 'member_access_expression':
      case 'nullsafe_member_access_expression': {
        // The name first: an object read for an unreadable member would hide the object's calls.
        const name = node.childForFieldName('name');
        const member = memberName(name, r);
        const obj = member === undefined ? undefined : r.expr(node.childForFieldName('object'));
        return obj && name && member !== undefined ? memberExpr(obj, member, name) : undefined;
      }
      case 'scoped_property_access_expression': {
        // `Foo::$bar`: the member keeps its `$`, as the lexical reader reads it.
        const scope = r.expr(node.childForFieldName('scope'));
        const name = node.childForFieldName('name');
        return scope && name ? memberExpr(scope, name.text, name) : undefined;
      }
      case 'class_constant_access_expression': {
        // `self::BASE_URL`, `Foo::class`: no fields, the scope then the constant's name.
        const [scope, name] = node.namedChildren;
        const obj = r.expr(scope);
        return obj && name ? memberExpr(obj, name.text, name) : undefined;
      }
      case 'subscript_expression':
        return subscript(node, r);
      case 'function_call_expression':
        return callExpr(node, r.expr(node.childForFieldName('function')), node.childForFieldName('arguments'), r);
      case 'member_call_expression':
      case 'nullsafe_member_call_expression': {
        const name = node.childForFieldName('name');
        const member = memberName(name, r);
        const obj = member === undefined ? undefined : r.expr(node.childForFieldName('object'));
        return obj && name && member !== undefined ? callExpr(node, memberExpr(obj, member, name), node.childForFieldName('arguments'), r) : undefined;
      }
      case 'scoped_call_expression': {
        // `Http::withToken(…)`, `self::create(…)`, `parent::__construct(…)`.
        const scope = r.expr(node.childForFieldName('scope'));
        const name = node.childForFieldName('name');
        return scope && name ? callExpr(node, memberExpr(scope, name.text, name), node.childForFieldName('arguments'), r) : undefined;
      }
      case 'object_creation_expression':
        return newExpr(node, r);
      case 'attribute': {
        // `#[Route('/x', methods: ['POST'])]` is a call to the attribute class; `#[Get]` its bare name.
        const callee = r.expr(node.namedChildren.find((c) => c?.type === 'name' || c?.type === 'qualified_name' || c?.type === 'relative_name'));
        const params = node.childForFieldName('parameters');
        return callee && params ? callExpr(node, callee, params, r) : callee;
      }
      case 'array_creation_expression':
        return collExpr(node, node.namedChildren.flatMap((c) => (c?.type === 'array_element_initializer' ? entryOf(c, r) : [])));
      case 'binary_expression':
        return binaryOf(node, r, BINARY_OPS);
      case 'conditional_expression': {
        const condition = node.childForFieldName('condition');
        const body = node.childForFieldName('body');
        // `$a ?: $b` is a fallback like `??`; `$c ? $a : $b` the value when the condition holds (the other branch stays a statement).
        if (!body) {
          const left = r.expr(condition);
          const alternative = left && r.expr(node.childForFieldName('alternative'));
          return left && alternative ? binExpr('?:', left, alternative) : left;
        }
        return r.expr(body);
      }
      case 'parenthesized_expression':
      case 'error_suppression_expression': // `@file_get_contents(…)`
      case 'clone_expression':
        return r.expr(node.namedChildren.find((c) => c?.type !== 'comment'));
      case 'cast_expression':
        // `(string) $x` is `$x` (the lexical reader mistook the type for the value).
        return r.expr(node.childForFieldName('value'));
      default:
        return undefined;
    }
  },

  declare(node, r) {
    switch (node.type) {
      case 'assignment_expression':
      case 'reference_assignment_expression': {
        // `$a = $b = value`: every name gets the innermost value.
        let value = node.childForFieldName('right');
        while (value?.type === 'assignment_expression' || value?.type === 'reference_assignment_expression') value = value.childForFieldName('right');
        bind(node, assignTarget(node.childForFieldName('left'), r), r.expr(value), r);
        break;
      }
      case 'augmented_assignment_expression':
        augmented(node, r);
        break;
      case 'const_element': {
        // `const BASE_URL = '…'` (class or file constant) binds the bare name, read back through `self::BASE_URL`.
        const [name, value] = node.namedChildren.filter((c) => c?.type !== 'comment');
        if (name?.type === 'name') bind(node, name.text, r.expr(value), r);
        break;
      }
      case 'property_element':
        // `private $token = '…'`: `$token`, as the lexical reader names it.
        bind(node, node.childForFieldName('name')?.text, r.expr(node.childForFieldName('default_value')), r);
        break;
      case 'static_variable_declaration':
        bind(node, node.childForFieldName('name')?.text, r.expr(node.childForFieldName('value')), r);
        break;
      case 'attribute':
        r.annotate(r.expr(node));
        break;
      case 'function_definition':
      case 'method_declaration':
        r.scope('function', node.childForFieldName('name')?.text, node);
        break;
      case 'class_declaration':
      case 'interface_declaration':
      case 'trait_declaration':
      case 'enum_declaration':
        r.scope('class', node.childForFieldName('name')?.text, node);
        break;
      default:
        break;
    }
    // An expression not part of one already read (a statement, a condition, a returned array, an
    // argument of something unmodelled) is a statement of its own, as every expression the lexical
    // reader meets is: env reads like `$_ENV['X']` and secret literals are found in statements.
    // insideString (node.parent walks down from the root in web-tree-sitter) only for what converts.
    if (!LEAVES.has(node.type) && !r.wasConverted(node)) {
      const e = r.expr(node);
      if (e && !insideString(node)) r.statement(e);
    }
  },
};

/** `\GuzzleHttp\Client` as the member chain `GuzzleHttp.Client` (the leading `\` dropped, as the lexical reader does). */
function qualifiedName(node: Node): Expr | undefined {
  const parts = node.descendantsOfType('name').filter((c): c is Node => c !== null);
  let e: Expr | undefined;
  for (const part of parts) e = e ? memberExpr(e, part.text, part) : idExpr(part);
  return e;
}

/** `->name`, `->$name`, `->{'name'}`: the member's name when it is written literally. */
function memberName(name: Node | null, r: TreeRead): string | undefined {
  if (!name) return undefined;
  if (name.type === 'name' || name.type === 'variable_name') return name.text;
  return literalText(r.expr(name));
}

function subscript(node: Node, r: TreeRead): Expr | undefined {
  const [objNode, indexNode] = node.namedChildren.filter((c): c is Node => c !== null && c.type !== 'comment');
  const obj = r.expr(objNode);
  if (!obj) return undefined;
  // In `"$a[key]"` PHP reads the bare word as a string key; elsewhere `$a[KEY]` is a constant.
  const inString = indexNode?.type === 'name' && insideString(node);
  const index = inString ? strExpr(indexNode, [{ text: indexNode.text }]) : r.expr(indexNode);
  return { k: 'index', obj, index, start: node.startIndex, end: node.endIndex };
}

function callExpr(node: Node, callee: Expr | undefined, argList: Node | null, r: TreeRead): Expr | undefined {
  if (!callee) return undefined;
  return { k: 'call', callee, args: argList ? argumentsOf(argList, r) : [], start: node.startIndex, end: node.endIndex };
}

/** `new Client([...])`, `new \GuzzleHttp\Client`, `new class(...) {}` (an anonymous class is `class`, as lexically). */
function newExpr(node: Node, r: TreeRead): Expr | undefined {
  const named = node.namedChildren.filter((c): c is Node => c !== null && c.type !== 'comment');
  const anonymous = named.find((c) => c.type === 'anonymous_class');
  const typeNode = anonymous ? undefined : named.find((c) => c.type !== 'arguments');
  const callee = anonymous ? idExpr(anonymous, 'class') : r.expr(typeNode);
  if (!callee) return undefined;
  const argList = (anonymous ?? node).namedChildren.find((c) => c?.type === 'arguments');
  return { k: 'call', callee, args: argList ? argumentsOf(argList, r) : [], isNew: true, start: node.startIndex, end: node.endIndex };
}

/** Call arguments: positional, named (`methods: [...]`), spread (`...$rest` read as `$rest`). */
function argumentsOf(list: Node, r: TreeRead): Arg[] {
  const args: Arg[] = [];
  for (const c of list.namedChildren) {
    if (c?.type !== 'argument') continue;
    const nameNode = c.childForFieldName('name');
    const valueNode = c.namedChildren.find((v) => v !== null && v.id !== nameNode?.id && v.type !== 'reference_modifier' && v.type !== 'comment');
    const value = r.expr(valueNode?.type === 'variadic_unpacking' ? valueNode.namedChildren[0] : valueNode);
    if (!value) continue;
    args.push(nameNode ? { name: nameNode.text, value } : { value });
  }
  return args;
}

/** `'key' => value` keeps a literal key as the entry's name too; `value`, `...$spread` and `&$ref` are positional. */
function entryOf(init: Node, r: TreeRead): Arg[] {
  const parts = init.namedChildren.filter((c): c is Node => c !== null && c.type !== 'comment');
  const unwrap = (n: Node | undefined) => (n && (n.type === 'variadic_unpacking' || n.type === 'by_ref') ? n.namedChildren[0] : n);
  if (parts.length < 2) {
    const value = r.expr(unwrap(parts[0]));
    return value ? [{ value }] : [];
  }
  const value = r.expr(unwrap(parts[1]));
  if (!value) return [];
  const key = r.expr(parts[0]);
  if (!key) return [{ value }];
  const name = literalText(key);
  return [name === undefined ? { key, value } : { name, key, value }];
}

/** `$x`, `$this.client`, `$headers[Authorization]`; the first variable of `[$a, $b] = …` / `list($a, $b) = …`. */
function assignTarget(left: Node | null, r: TreeRead): string | undefined {
  let target = left;
  while (target?.type === 'list_literal') target = firstListTarget(target);
  const e = r.expr(target);
  const name = e ? targetName(e) : undefined;
  // `$list[] = …`, `$this->{$k} = …`: no name to bind, but the target's calls still count.
  if (!name) r.statement(e);
  return name;
}

/** `target = value` over the whole node (a value with no name to bind stays a statement: TreeRead.assign). */
function bind(node: Node, target: string | undefined, value: Expr | undefined, r: TreeRead): void {
  r.assign(target, value, node.startIndex, node.endIndex);
}

/** The first element of a list, skipping the keys of `['token' => $t] = …`. */
function firstListTarget(list: Node): Node | null {
  for (let i = 0; i < list.childCount; i++) {
    const c = list.child(i);
    if (!c?.isNamed || c.type === 'comment') continue;
    if (list.child(i + 1)?.type === '=>') continue;
    return c.type === 'by_ref' ? c.namedChildren[0] : c;
  }
  return null;
}

/**
 * `$x ??= v` binds `v` (as the lexical reader does); `$url .= '/x'` binds `$url . '/x'`, whose `$url`
 * resolves to the binding before this one, so appended paths fold into the URL.
 */
function augmented(node: Node, r: TreeRead): void {
  const op = node.childForFieldName('operator')?.text;
  // Other operators (`+=`, `|=`) are not read: their operands stay statements of their own.
  if (op !== '??=' && op !== '.=') return;
  const left = r.expr(node.childForFieldName('left'));
  const right = r.expr(node.childForFieldName('right'));
  bind(node, left && targetName(left), left && right && op === '.=' ? binExpr('.', left, right) : right, r);
}

/** A node read as part of a string's interpolation (converted with its string, never a statement alone). */
function insideString(node: Node): boolean {
  const parent = node.parent;
  return parent?.type === 'encapsed_string' || parent?.type === 'heredoc_body' || parent?.type === 'shell_command_expression';
}

/** `'…'`: only `\'` and `\\` are escapes. */
function singleQuoted(node: Node): string {
  const text = node.text;
  const open = text.indexOf("'");
  return text.slice(open + 1, text.length - 1).replace(/\\([\\'])/g, '$1');
}

/** `"…"` and `` `…` ``: text between the quotes, with `$var`, `{$expr}`, `${name}` interpolations. */
function quotedPieces(node: Node, r: TreeRead): StrPiece[] {
  const text = r.program.text;
  const quote = node.type === 'shell_command_expression' ? '`' : '"';
  const open = node.startIndex + node.text.indexOf(quote) + 1;
  return interpolated(node, open, node.endIndex - 1, r, (raw) => unescapePhp(raw, quote), text);
}

/**
 * Heredoc/nowdoc: the lines between the opening and closing markers, without the newline before the
 * closing marker and with the closing marker's indentation removed from every line (PHP 7.3).
 */
function heredocPieces(node: Node, r: TreeRead): StrPiece[] {
  const text = r.program.text;
  const opener = node.childForFieldName('identifier');
  const endTag = node.childForFieldName('end_tag');
  if (!opener || !endTag) return [];
  const contentStart = text.indexOf('\n', opener.endIndex) + 1;
  const lastNewline = text.lastIndexOf('\n', endTag.startIndex - 1);
  if (contentStart <= 0 || lastNewline < contentStart) return [];
  const indent = endTag.startIndex - lastNewline - 1;
  const contentEnd = text[lastNewline - 1] === '\r' ? lastNewline - 1 : lastNewline;
  const outdent = (raw: string, atLineStart: boolean) => {
    const re = new RegExp(`(^|\\n)[ \\t]{0,${indent}}`, 'g');
    return raw.replace(re, (m, nl: string, offset: number) => (offset === 0 && !atLineStart ? m : nl));
  };
  if (node.type === 'nowdoc') return [{ text: outdent(text.slice(contentStart, contentEnd), true) }];
  const body = node.childForFieldName('value');
  return interpolated(body ?? node, contentStart, contentEnd, r, (raw, atLineStart) => unescapePhp(outdent(raw, atLineStart), undefined), text);
}

/**
 * Pieces of an interpolating string whose literal text is [start, end) of the source less its
 * interpolations (the grammar leaves newlines out of its text nodes, so the text is read from the
 * source). `{` and `}` around `{$expr}` belong to the interpolation.
 */
function interpolated(container: Node, start: number, end: number, r: TreeRead, literal: (raw: string, atLineStart: boolean) => string, text: string): StrPiece[] {
  const pieces: StrPiece[] = [];
  let pos = start;
  const children = container.children.filter((c): c is Node => c !== null);
  children.forEach((c, i) => {
    if (!c.isNamed || STRING_TEXT.has(c.type) || c.type === 'comment' || c.startIndex < start || c.endIndex > end) return;
    const before = children[i - 1];
    const after = children[i + 1];
    const from = before && !before.isNamed && before.text === '{' && before.endIndex === c.startIndex ? before.startIndex : c.startIndex;
    const to = after && !after.isNamed && after.text === '}' && after.startIndex === c.endIndex ? after.endIndex : c.endIndex;
    if (from > pos) pieces.push({ text: literal(text.slice(pos, from), pos === start || text[pos - 1] === '\n') });
    pieces.push({ expr: r.expr(c) ?? { k: 'id', name: '?', start: c.startIndex, end: c.endIndex } });
    pos = Math.max(pos, to);
  });
  if (end > pos) pieces.push({ text: literal(text.slice(pos, end), pos === start || text[pos - 1] === '\n') });
  return mergePieces(pieces.filter((p) => !('text' in p) || p.text !== ''));
}

const PHP_ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', v: '\v', e: '\x1b', f: '\f', '\\': '\\', $: '$' };

/** PHP's double-quoted/heredoc escapes; an unknown escape keeps its backslash (`"\d"` is `\d`). */
function unescapePhp(raw: string, quote: string | undefined): string {
  return raw.replace(/\\(?:([0-7]{1,3})|x([0-9A-Fa-f]{1,2})|u\{([0-9A-Fa-f]{1,6})\}|([\s\S]))/g, (m, oct?: string, hex?: string, uni?: string, c?: string) => {
    if (oct) return String.fromCharCode(parseInt(oct, 8) & 0xff);
    if (hex) return String.fromCharCode(parseInt(hex, 16));
    if (uni) {
      const code = parseInt(uni, 16);
      return code <= 0x10ffff ? String.fromCodePoint(code) : m;
    }
    if (c === undefined) return m;
    if (c === quote) return c;
    return PHP_ESCAPES[c] ?? m;
  });
}
