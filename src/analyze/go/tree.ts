/** Go through tree-sitter-go: the grammar's nodes mapped onto the recognizers' Expr model. */
import type { Node } from 'web-tree-sitter';
import { walkExpr, type Arg, type Expr, type StrPiece } from '../lexical/expression.js';
import { targetName } from '../lexical/program.js';
import { binaryOf, collExpr, fieldChildren, idExpr, memberExpr, mergePieces, strExpr, unescape } from '../tree-sitter/build.js';
import type { TreeRead, TreeReader } from '../tree-sitter/program-from-tree.js';

const PLUS: ReadonlySet<string> = new Set(['+']);

/** Composite-literal types that name a struct (or a named map/slice such as `url.Values`): read as a call with `init`, as the lexical reader does. */
const NAMED_TYPES = new Set(['type_identifier', 'qualified_type', 'generic_type']);

export const goTree: TreeReader = {
  grammar: 'go',
  // A conversion `[]byte(s)`, `foo.Bar[int](x)` is a call in the Expr model (the lexical reader reads it so).
  calls: new Set(['call_expression', 'type_conversion_expression']),

  expr(node, r) {
    switch (node.type) {
      case 'identifier':
      case 'field_identifier':
      case 'package_identifier':
      case 'true':
      case 'false':
      case 'nil':
      case 'iota':
        return idExpr(node);
      case 'int_literal':
      case 'float_literal':
      case 'imaginary_literal':
        return { k: 'num', text: node.text, start: node.startIndex, end: node.endIndex };
      case 'interpreted_string_literal':
      case 'raw_string_literal':
      case 'rune_literal':
        return strExpr(node, stringPieces(node));
      case 'selector_expression': {
        const obj = r.expr(node.childForFieldName('operand'));
        const field = node.childForFieldName('field');
        return obj && field ? memberExpr(obj, field.text, field) : undefined;
      }
      case 'index_expression': {
        const obj = r.expr(node.childForFieldName('operand'));
        return obj ? { k: 'index', obj, index: r.expr(node.childForFieldName('index')), start: node.startIndex, end: node.endIndex } : undefined;
      }
      case 'slice_expression': {
        // `s[1:]`: an index without a readable key, like the lexical reader's.
        const obj = r.expr(node.childForFieldName('operand'));
        return obj ? { k: 'index', obj, start: node.startIndex, end: node.endIndex } : undefined;
      }
      case 'call_expression': {
        // Explicit type arguments (`Do[T](x)`) carry nothing the recognizers read.
        const callee = r.expr(node.childForFieldName('function'));
        const list = node.childForFieldName('arguments');
        return callee ? { k: 'call', callee, args: list ? argumentsOf(list, r) : [], start: node.startIndex, end: node.endIndex } : undefined;
      }
      case 'type_conversion_expression': {
        const type = node.childForFieldName('type');
        const operand = r.expr(node.childForFieldName('operand'));
        return type ? { k: 'call', callee: typeExpr(type), args: operand ? [{ value: operand }] : [], start: node.startIndex, end: node.endIndex } : undefined;
      }
      case 'composite_literal':
        return compositeOf(node, r);
      case 'literal_value':
        // An element whose type is implied by the outer literal: `{"password"}` in `url.Values{"k": {"password"}}`.
        return collExpr(node, literalEntries(node, r, false));
      case 'literal_element':
      case 'parenthesized_expression':
        return r.expr(firstNamed(node));
      case 'binary_expression':
        // Only `+` builds a string; any other operator is not a value the recognizers fold.
        return binaryOf(node, r, PLUS);
      case 'unary_expression': {
        // `&Creds{…}` and `*p` stand for the value itself; `!ok`, `-n`, `<-ch` do not.
        const op = node.childForFieldName('operator')?.text;
        return op === '&' || op === '*' ? r.expr(node.childForFieldName('operand')) : undefined;
      }
      case 'type_assertion_expression':
        // `v.(string)` is `v` as far as a URL or body is concerned.
        return r.expr(node.childForFieldName('operand'));
      case 'func_literal':
        // A handler written in place (`mux.HandleFunc("/x", func(w, r) {…})`) still counts as an argument;
        // its body is not converted here, so the calls inside it become statements of their own.
        return { k: 'id', name: 'func', start: node.startIndex, end: node.endIndex };
      default:
        return undefined;
    }
  },

  declare(node, r) {
    switch (node.type) {
      case 'short_var_declaration':
        assignLists(node, node.childForFieldName('left')?.namedChildren ?? [], node.childForFieldName('right'), r);
        return;
      case 'assignment_statement':
        // `x += …` does not bind a new value the recognizers could follow.
        if (node.childForFieldName('operator')?.text === '=') assignLists(node, node.childForFieldName('left')?.namedChildren ?? [], node.childForFieldName('right'), r);
        return;
      case 'var_spec':
      case 'const_spec':
        // `var base string = "…"`: the type sits between name and value (the lexical reader bound the type name).
        assignLists(node, fieldChildren(node, 'name'), node.childForFieldName('value'), r);
        return;
      case 'function_declaration':
        r.scope('function', node.childForFieldName('name')?.text, node);
        return;
      case 'method_declaration':
        r.scope('function', node.childForFieldName('name')?.text, node);
        // Go has no class body: a method belongs to its receiver type, the closest thing to an enclosing class.
        r.scope('class', receiverType(node), node);
        return;
      default:
        return;
    }
  },
};

/**
 * `a, b := x, y` binds pairwise; `req, err := http.NewRequest(…)` binds the one value to the first
 * name (as the lexical reader does), the others being results the recognizers do not follow.
 */
function assignLists(node: Node, targets: (Node | null)[], values: Node | null, r: TreeRead): void {
  // The `name` field of a const_spec also holds its commas; comments may sit anywhere.
  const exprs = values?.namedChildren.filter((c): c is Node => c !== null && c.type !== 'comment') ?? [];
  const names = targets.filter((c): c is Node => c !== null && c.isNamed && c.type !== 'comment');
  const bind = (target: Node, value: Node | undefined) => {
    // A value bound to no readable name (`f().x = g()`) stays a statement (TreeRead.assign).
    r.assign(assignTarget(target, r), r.expr(value), node.startIndex, node.endIndex);
  };
  if (exprs.length === 1 && names.length > 1) bind(names[0]!, exprs[0]);
  else names.forEach((target, i) => target.text !== '_' && bind(target, exprs[i]));
}

/** `x`, `c.token`, `req.Header["Authorization"]`; a call inside the target (`m[key()] = v`) stays a statement. */
function assignTarget(target: Node, r: TreeRead): string | undefined {
  const e = r.expr(target);
  if (!e) return undefined;
  let hasCall = false;
  walkExpr(e, (x) => (hasCall ||= x.k === 'call'));
  if (hasCall) r.statement(e);
  return targetName(e);
}

/** The receiver's type name: `Client` in `func (c *Client)`, `List` in `func (l *List[T])`. */
function receiverType(method: Node): string | undefined {
  let type = method.childForFieldName('receiver')?.namedChildren.find((c) => c?.type === 'parameter_declaration')?.childForFieldName('type') ?? null;
  while (type && (type.type === 'pointer_type' || type.type === 'generic_type' || type.type === 'parenthesized_type')) {
    type = type.type === 'generic_type' ? type.childForFieldName('type') : firstNamed(type);
  }
  return type?.type === 'type_identifier' ? type.text : undefined;
}

/**
 * `Creds{…}`, `url.Values{…}`: a call with `init` entries, as the lexical reader shapes Go
 * composites. Maps, slices, arrays and anonymous structs are collections (their type is not a
 * name a recognizer asks for), whatever their element types: `map[string]interface{}{…}` too.
 */
function compositeOf(node: Node, r: TreeRead): Expr | undefined {
  const type = node.childForFieldName('type');
  const body = node.childForFieldName('body');
  if (!type || !body) return undefined;
  const entries = literalEntries(body, r, type.type === 'map_type');
  if (NAMED_TYPES.has(type.type)) return { k: 'call', callee: typeExpr(type), args: [], init: entries, start: node.startIndex, end: node.endIndex };
  return collExpr(node, entries);
}

/**
 * Entries of a `{…}` literal. `Name: v` (a struct field) and `"k": v` keep the key as the entry's
 * name, as the lexical reader does; in a map literal a bare identifier key is a variable, so it is
 * kept as an expression (`key`), never mistaken for the entry's name.
 */
function literalEntries(body: Node, r: TreeRead, isMap: boolean): Arg[] {
  const entries: Arg[] = [];
  for (const c of body.namedChildren) {
    if (!c) continue;
    if (c.type === 'literal_element') {
      const value = r.expr(c);
      if (value) entries.push({ value });
    } else if (c.type === 'keyed_element') {
      const value = r.expr(c.childForFieldName('value'));
      if (!value) continue;
      const key = r.expr(firstNamed(c.childForFieldName('key')));
      // A key the model cannot read (`a * b: v`) still keeps its value, and the calls in it.
      if (!key) entries.push({ value });
      else if (key.k === 'id' && !isMap) entries.push({ name: key.name, value });
      else if (key.k === 'str' && key.pieces.every((p) => 'text' in p)) entries.push({ name: key.pieces.map((p) => (p as { text: string }).text).join(''), value });
      else entries.push({ key, value });
    }
  }
  return entries;
}

/**
 * A type written where a value goes (a composite's or conversion's type, `new(T)`, `make(T)`):
 * `Creds`, `url.Values`, `Page[T]` → `Page`; `*T`, `[]T` → `T` (the lexical reader skips the
 * brackets too); any other type keeps its text as one name.
 */
function typeExpr(node: Node): Expr {
  switch (node.type) {
    case 'qualified_type': {
      const pkg = node.childForFieldName('package');
      const name = node.childForFieldName('name');
      return pkg && name ? memberExpr(idExpr(pkg), name.text, name) : idExpr(node);
    }
    case 'generic_type':
    case 'slice_type':
    case 'array_type':
    case 'implicit_length_array_type':
    case 'pointer_type':
    case 'parenthesized_type': {
      const inner = node.childForFieldName('type') ?? node.childForFieldName('element') ?? (node.type === 'pointer_type' || node.type === 'parenthesized_type' ? firstNamed(node) : null);
      return inner ? typeExpr(inner) : idExpr(node);
    }
    default:
      return idExpr(node);
  }
}

const TYPE_NODES = /(?:_type|type_identifier)$/;

/** Call arguments: expressions, `xs...` spread, and types (`new(T)`, `make(map[string]string)`) so positions stay right. */
function argumentsOf(list: Node, r: TreeRead): Arg[] {
  const args: Arg[] = [];
  for (const c of list.namedChildren) {
    if (!c || c.type === 'comment') continue;
    const value = c.type === 'variadic_argument' ? r.expr(firstNamed(c)) : TYPE_NODES.test(c.type) ? typeExpr(c) : r.expr(c);
    if (value) args.push({ value });
  }
  return args;
}

/**
 * Literal text of a string or rune: escapes read as the lexical reader reads them; a raw
 * string's carriage returns are dropped, as the Go compiler does (a CRLF file keeps the same value).
 */
function stringPieces(node: Node): StrPiece[] {
  if (node.type === 'rune_literal') return [{ text: unescape(node.text.slice(1, -1)) }];
  const pieces: StrPiece[] = [];
  for (const c of node.namedChildren) {
    if (!c) continue;
    if (c.type === 'raw_string_literal_content') pieces.push({ text: c.text.replace(/\r/g, '') });
    else if (c.type === 'interpreted_string_literal_content' || c.type === 'escape_sequence') pieces.push({ text: unescape(c.text) });
  }
  return mergePieces(pieces);
}

/** The first named child that is not a comment (comments are extras and may sit anywhere). */
function firstNamed(node: Node | null): Node | null {
  return node?.namedChildren.find((c) => c !== null && c.type !== 'comment') ?? null;
}
