/** C# through tree-sitter-c-sharp: the grammar's nodes mapped onto the recognizers' Expr model. */
import type { Node } from 'web-tree-sitter';
import type { Arg, Expr, StrPiece } from '../lexical/expression.js';
import { literalText } from '../lexical/expression.js';
import { targetName } from '../lexical/program.js';
import { binaryOf, collExpr, idExpr, memberExpr, mergePieces, strExpr, unescape } from '../tree-sitter/build.js';
import type { TreeRead, TreeReader } from '../tree-sitter/program-from-tree.js';

/** Binary operators the model keeps: `+` concatenates, `??` falls back to the right side (as the lexical CSHARP_SYNTAX). */
const BINARY_OPS = new Set(['+', '??']);
/** `x = v` and `x ??= v` bind a value; compound operators (`+=`) do not, as in the lexical reader. */
const ASSIGN_OPS = new Set(['=', '??=']);
/** String literals: kept as statements of their own when no converted expression holds them (JWT and bearer literals anywhere). */
const STRINGS = new Set(['string_literal', 'verbatim_string_literal', 'raw_string_literal', 'interpolated_string_expression']);
const FUNCTIONS = new Set(['method_declaration', 'constructor_declaration', 'destructor_declaration', 'local_function_statement']);
const CLASSES = new Set(['class_declaration', 'struct_declaration', 'interface_declaration', 'record_declaration', 'enum_declaration']);

export const csharpTree: TreeReader = {
  grammar: 'c_sharp',
  calls: new Set([
    'invocation_expression',
    'object_creation_expression',
    'implicit_object_creation_expression',
    'anonymous_object_creation_expression',
    'array_creation_expression',
    'implicit_array_creation_expression',
  ]),

  expr(node, r) {
    switch (node.type) {
      case 'identifier':
      case 'predefined_type':
      case 'this':
      case 'base':
      case 'null_literal':
      case 'boolean_literal':
        return idExpr(node);
      case 'integer_literal':
      case 'real_literal':
        return { k: 'num', text: node.text, start: node.startIndex, end: node.endIndex };
      case 'string_literal':
      case 'character_literal':
        return strExpr(node, literalPieces(node));
      case 'verbatim_string_literal':
        // `@"a""b"`: one token; a doubled quote is a quote, backslashes are text.
        return strExpr(node, textPieces(node.text.slice(2, -1).replace(/""/g, '"')));
      case 'raw_string_literal':
        return strExpr(node, dedentRaw(textPieces(node.namedChildren.find((c) => c?.type === 'raw_string_content')?.text ?? '')));
      case 'interpolated_string_expression':
        return strExpr(node, interpolatedPieces(node, r));
      case 'generic_name':
        // `Foo<T>`: the type arguments are not part of the name (the lexical reader skips them too).
        return idExpr(nameIdentifier(node));
      case 'qualified_name':
        return memberOf(r.expr(node.childForFieldName('qualifier')), node.childForFieldName('name'));
      case 'alias_qualified_name':
        // `global::System.X` reads as `System.X`.
        return r.expr(node.childForFieldName('name'));
      case 'array_type':
      case 'nullable_type':
        // `new string[] {…}`, `Foo?`: the element type names the construction.
        return r.expr(node.childForFieldName('type'));
      case 'member_access_expression':
        return memberOf(r.expr(node.childForFieldName('expression')), node.childForFieldName('name'));
      case 'conditional_access_expression':
        return conditionalAccess(node, r);
      case 'element_access_expression': {
        const obj = r.expr(node.childForFieldName('expression'));
        return obj ? { k: 'index', obj, index: firstArgument(node.childForFieldName('subscript'), r), start: node.startIndex, end: node.endIndex } : undefined;
      }
      case 'invocation_expression': {
        const callee = r.expr(node.childForFieldName('function'));
        if (!callee) return undefined;
        return { k: 'call', callee, args: argumentsOf(node.childForFieldName('arguments'), r), start: node.startIndex, end: node.endIndex };
      }
      case 'object_creation_expression':
        return newExpr(node, r.expr(node.childForFieldName('type')), node.childForFieldName('arguments'), node.childForFieldName('initializer'), r);
      case 'implicit_object_creation_expression':
        // Target-typed `new(…) {…}`: no type name, as the lexical reader reads it.
        return newExpr(node, undefined, childOfType(node, 'argument_list'), childOfType(node, 'initializer_expression'), r);
      case 'array_creation_expression':
        return newExpr(node, r.expr(node.childForFieldName('type')), null, childOfType(node, 'initializer_expression'), r);
      case 'implicit_array_creation_expression':
        return newExpr(node, undefined, null, childOfType(node, 'initializer_expression'), r);
      case 'anonymous_object_creation_expression':
        return { k: 'call', callee: unnamedType(node), args: [], isNew: true, init: anonymousMembers(node, r), start: node.startIndex, end: node.endIndex };
      case 'initializer_expression':
        // A nested `{ "username", user }` collection-initializer entry, `X = { … }`, `int[] a = { … }`.
        return collExpr(node, initializerEntries(node, r));
      case 'collection_expression':
        return collExpr(node, collectionElements(node, r));
      case 'tuple_expression':
        // `("grant_type", "password")`: a pair, read as a two-entry collection.
        return collExpr(node, argumentsOf(node, r));
      case 'binary_expression':
        // `x ?? throw …`: the right side is not a value, the left one stands.
        return binaryOf(node, r, BINARY_OPS);
      case 'conditional_expression':
        // `c ? a : b`: the value when the condition holds (the alternative's calls still become statements).
        return r.expr(node.childForFieldName('consequence'));
      case 'cast_expression':
        return r.expr(node.childForFieldName('value'));
      case 'as_expression':
        return r.expr(node.childForFieldName('left'));
      case 'parenthesized_expression':
      case 'await_expression':
      case 'postfix_unary_expression':
        // `(x)`, `await x`, `x!`: the value of the operand.
        return r.expr(node.namedChildren.find((c) => c?.type !== 'comment'));
      default:
        return undefined;
    }
  },

  declare(node, r) {
    switch (node.type) {
      case 'variable_declarator': {
        // `var x = v`, fields, `using var c = …`, `using (var c = …)`.
        const name = node.childForFieldName('name');
        if (name) r.assign(name.text, r.expr(valueChild(node, name)), node.startIndex, node.endIndex);
        return;
      }
      case 'assignment_expression': {
        // Members of an object initializer (`new HttpClient { BaseAddress = … }`) are entries of the creation, not assignments.
        if (node.parent?.type === 'initializer_expression') return;
        if (!ASSIGN_OPS.has(node.childForFieldName('operator')?.text ?? '')) return;
        const left = r.expr(node.childForFieldName('left'));
        // `a = b = value`: every name gets the innermost value.
        let value = node.childForFieldName('right');
        while (value?.type === 'assignment_expression') value = value.childForFieldName('right');
        const target = left ? targetName(left) : undefined;
        // `Get().Prop = v`, `map[Key()] = v`: no name is bound, but the calls on both sides are still statements.
        if (!target) {
          r.statement(left);
          r.statement(r.expr(value));
        } else r.assign(target, r.expr(value), node.startIndex, node.endIndex);
        return;
      }
      case 'property_declaration': {
        // `string Url { get; } = "…"` and `string Url => "…"` bind the property like a field.
        let value = node.childForFieldName('value');
        if (value?.type === 'arrow_expression_clause') value = value.namedChildren.find((c) => c?.type !== 'comment') ?? null;
        r.assign(node.childForFieldName('name')?.text, r.expr(value), node.startIndex, node.endIndex);
        return;
      }
      case 'attribute':
        r.annotate(attributeExpr(node, r));
        return;
      default:
        if (CLASSES.has(node.type)) r.scope('class', node.childForFieldName('name')?.text, node);
        else if (FUNCTIONS.has(node.type)) r.scope('function', node.childForFieldName('name')?.text, node);
        // A literal no converted expression holds (`return "…"`, `if (t == "…")`): a statement of its own, as every lexical expression is.
        else if (STRINGS.has(node.type) && !r.wasConverted(node)) r.statement(r.expr(node));
        return;
    }
  },
};

/** The identifier naming a `name` field: `Foo` of `Foo<T>`. */
function nameIdentifier(node: Node): Node {
  return node.type === 'generic_name' ? (node.namedChildren.find((c) => c?.type === 'identifier') ?? node) : node;
}

/** `obj.name` where the name may carry type arguments (`GetFromJsonAsync<T>`). */
function memberOf(obj: Expr | undefined, name: Node | null): Expr | undefined {
  if (!obj || !name) return undefined;
  const id = nameIdentifier(name);
  return memberExpr(obj, id.text, id);
}

/** `a?.b` is `a.b`, `a?["k"]` is `a["k"]`: the null check does not change what is read. */
function conditionalAccess(node: Node, r: TreeRead): Expr | undefined {
  const obj = r.expr(node.childForFieldName('condition'));
  const binding = node.namedChildren.find((c) => c?.type === 'member_binding_expression' || c?.type === 'element_binding_expression');
  if (!obj || !binding) return obj;
  if (binding.type === 'member_binding_expression') return memberOf(obj, binding.childForFieldName('name'));
  return { k: 'index', obj, index: firstArgument(binding, r), start: node.startIndex, end: node.endIndex };
}

/** `new T(args) { init }` (also arrays and target-typed `new()`); a missing type is the empty name the lexical reader gives. */
function newExpr(node: Node, type: Expr | undefined, argList: Node | null, initializer: Node | null, r: TreeRead): Expr {
  const call: Expr = { k: 'call', callee: type ?? unnamedType(node), args: argumentsOf(argList, r), isNew: true, start: node.startIndex, end: node.endIndex };
  if (initializer) call.init = initializerEntries(initializer, r);
  return call;
}

/** The empty type name of `new { … }`, `new[] { … }` and `new(…)`, spanning the `new` keyword (as in the lexical reader). */
function unnamedType(node: Node): Expr {
  return { k: 'id', name: '', start: node.startIndex, end: node.startIndex + 3 };
}

/** Positional and named (`name: value`) arguments of an argument list, tuple or attribute argument list. */
function argumentsOf(list: Node | null, r: TreeRead): Arg[] {
  const args: Arg[] = [];
  for (const c of list?.namedChildren ?? []) {
    if (!c || (c.type !== 'argument' && c.type !== 'attribute_argument')) continue;
    const name = c.childForFieldName('name');
    // `out var x` and lambdas are not modelled: dropped, as the lexical reader's recovery drops them.
    const value = r.expr(valueChild(c, name));
    if (!value) continue;
    args.push(name ? { name: name.text, value } : { value });
  }
  return args;
}

/** The first argument's value of `[…]` (an indexer or element binding). */
function firstArgument(list: Node | null, r: TreeRead): Expr | undefined {
  const arg = list?.namedChildren.find((c) => c?.type === 'argument');
  return arg ? r.expr(valueChild(arg, arg.childForFieldName('name'))) : undefined;
}

/** Children that sit next to a value without being it: `int x[3]`-style sizes, `var (a, b)` patterns. */
const NOT_VALUES = new Set(['comment', 'bracketed_argument_list', 'tuple_pattern']);

/** The expression child of a node besides its `name` (a declarator's value, an argument's value). */
function valueChild(node: Node, name: Node | null): Node | undefined {
  return node.namedChildren.find((c): c is Node => !!c && c.id !== name?.id && !NOT_VALUES.has(c.type)) ?? undefined;
}

function childOfType(node: Node, type: string): Node | null {
  return node.namedChildren.find((c) => c?.type === type) ?? null;
}

/**
 * Entries of an object or collection initializer: `Name = v` and `["key"] = v` are named
 * (the lexical shape), `[k] = v` keeps a non-literal key, `{ "k", v }` is a nested collection.
 */
function initializerEntries(node: Node, r: TreeRead): Arg[] {
  const entries: Arg[] = [];
  for (const c of node.namedChildren) {
    if (!c || c.type === 'comment') continue;
    if (c.type !== 'assignment_expression') {
      const value = r.expr(c);
      if (value) entries.push({ value });
      continue;
    }
    const left = c.childForFieldName('left');
    const value = r.expr(c.childForFieldName('right'));
    if (!left || !value) continue;
    if (left.type === 'element_binding_expression') {
      const key = firstArgument(left, r);
      const name = literalText(key);
      if (name !== undefined) entries.push({ name, value });
      else if (key) entries.push({ key, value });
    } else entries.push({ name: nameIdentifier(left).text, value });
  }
  return entries;
}

/** `new { username = user, password }`: members split at the commas; `name = value` is named, a bare projection positional. */
function anonymousMembers(node: Node, r: TreeRead): Arg[] {
  const members: Arg[] = [];
  let group: Node[] = [];
  const flush = () => {
    const eq = group.findIndex((c) => c.type === '=');
    const named = group.filter((c) => c.isNamed && c.type !== 'comment');
    if (eq > 0) {
      const value = r.expr(group.slice(eq + 1).find((c) => c.isNamed && c.type !== 'comment'));
      if (value) members.push({ name: group[0]!.text, value });
    } else if (named.length) {
      const value = r.expr(named[0]);
      if (value) members.push({ value });
    }
    group = [];
  };
  for (const c of node.children) {
    if (!c || c.type === 'new' || c.type === '{') continue;
    if (c.type === ',' || c.type === '}') flush();
    else group.push(c);
  }
  flush();
  return members;
}

/** `[a, b, ..rest]`: the elements (a spread is not one value). */
function collectionElements(node: Node, r: TreeRead): Arg[] {
  const out: Arg[] = [];
  for (const el of node.namedChildren) {
    const inner = el?.type === 'collection_element' ? el.namedChildren[0] : el;
    if (!inner || inner.type !== 'expression_element') continue;
    const value = r.expr(inner.namedChildren[0]);
    if (value) out.push({ value });
  }
  return out;
}

/** `[HttpPost("auth/local/signin", Name = "x")]` is the call `HttpPost(...)`; `[Authorize]` the name alone. */
function attributeExpr(node: Node, r: TreeRead): Expr | undefined {
  const name = r.expr(node.childForFieldName('name'));
  const list = childOfType(node, 'attribute_argument_list');
  if (!name || !list) return name;
  return { k: 'call', callee: name, args: argumentsOf(list, r), start: node.startIndex, end: node.endIndex };
}

/** A text piece list (empty text gives none, as the lexical tokenizer does). */
function textPieces(text: string): StrPiece[] {
  return text ? [{ text }] : [];
}

/** `"a\n"` and `'c'`: content and escape sequences. */
function literalPieces(node: Node): StrPiece[] {
  const pieces: StrPiece[] = [];
  for (const c of node.namedChildren) {
    if (c?.type === 'string_literal_content' || c?.type === 'character_literal_content') pieces.push({ text: c.text });
    else if (c?.type === 'escape_sequence') pieces.push({ text: unescape(c.text) });
  }
  return mergePieces(pieces);
}

/**
 * `$"…{x}…"`, `$@"…"`, `$"""…"""`, `$$"""…{{x}}…"""`: text and interpolations. Doubled braces are
 * text only in single-`$` non-raw strings; in raw strings with `$$` a single brace is text (the
 * tokenizer reads `{{` as an escaped brace there and mis-splits JSON bodies).
 */
function interpolatedPieces(node: Node, r: TreeRead): StrPiece[] {
  const start = node.namedChildren.find((c) => c?.type === 'interpolation_start')?.text ?? '$';
  const verbatim = start.includes('@');
  const raw = node.namedChildren.some((c) => c?.type === 'interpolation_quote');
  const pieces: StrPiece[] = [];
  for (const c of node.namedChildren) {
    if (!c) continue;
    if (c.type === 'string_content') {
      let text = c.text;
      if (!raw) text = text.replace(/\{\{/g, '{').replace(/\}\}/g, '}');
      if (verbatim) text = text.replace(/""/g, '"');
      pieces.push({ text });
    } else if (c.type === 'escape_sequence') pieces.push({ text: unescape(c.text) });
    else if (c.type === 'interpolation') {
      // `{x,10:N2}`: the alignment and format clauses do not change which value is read.
      const inner = c.namedChildren.find((x) => !!x && !/^interpolation_|^comment$/.test(x.type));
      pieces.push({ expr: r.expr(inner) ?? { k: 'id', name: '?', start: c.startIndex, end: c.endIndex } });
    }
  }
  const merged = mergePieces(pieces);
  return raw ? dedentRaw(merged) : merged;
}

/**
 * A raw string spanning lines (`"""` then a line break) drops its first and last line breaks and
 * the closing line's indentation from every line, as the C# compiler does; one-line raw strings are kept as written.
 */
function dedentRaw(pieces: StrPiece[]): StrPiece[] {
  const first = pieces[0];
  const last = pieces[pieces.length - 1];
  if (!first || !last || !('text' in first) || !('text' in last)) return pieces;
  const open = /^[ \t]*\r?\n/.exec(first.text);
  const close = /\r?\n([ \t]*)$/.exec(last.text);
  if (!open || !close) return pieces;
  const indent = close[1]!;
  const out: StrPiece[] = [];
  pieces.forEach((p, i) => {
    if (!('text' in p)) {
      out.push(p);
      return;
    }
    let text = p.text;
    if (i === pieces.length - 1) text = text.slice(0, text.length - close[0].length);
    if (i === 0) {
      text = text.slice(open[0].length);
      if (text.startsWith(indent)) text = text.slice(indent.length);
    }
    text = text.split(`\n${indent}`).join('\n');
    if (text) out.push({ text });
  });
  return out;
}
