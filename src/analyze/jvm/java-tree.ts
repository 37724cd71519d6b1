/** Java through tree-sitter-java: the grammar's nodes mapped onto the recognizers' Expr model. */
import type { Node } from 'web-tree-sitter';
import type { Arg, Expr, StrPiece } from '../lexical/expression.js';
import { targetName } from '../lexical/program.js';
import { binaryOf, collExpr, idExpr, memberExpr, mergePieces, strExpr } from '../tree-sitter/build.js';
import type { TreeRead, TreeReader } from '../tree-sitter/program-from-tree.js';

const PLUS: ReadonlySet<string> = new Set(['+']);

/** Node types whose single expression child is a statement of its own (its value is kept even when it is no call). */
const STATEMENTS = new Set(['expression_statement', 'return_statement', 'throw_statement', 'yield_statement']);

const CLASSES = new Set(['class_declaration', 'interface_declaration', 'enum_declaration', 'record_declaration', 'annotation_type_declaration']);
const FUNCTIONS = new Set(['method_declaration', 'constructor_declaration', 'compact_constructor_declaration']);
const NUMBERS = new Set([
  'decimal_integer_literal', 'hex_integer_literal', 'octal_integer_literal', 'binary_integer_literal', 'decimal_floating_point_literal', 'hex_floating_point_literal',
]);

export const javaTree: TreeReader = {
  grammar: 'java',
  calls: new Set(['method_invocation', 'object_creation_expression', 'explicit_constructor_invocation']),

  expr(node, r) {
    if (NUMBERS.has(node.type)) return { k: 'num', text: node.text, start: node.startIndex, end: node.endIndex };
    switch (node.type) {
      case 'identifier':
      case 'type_identifier':
      case 'this':
      case 'super':
      case 'true':
      case 'false':
      case 'null_literal':
        return idExpr(node);
      case 'scoped_identifier':
      case 'scoped_type_identifier':
        return scopedName(node, r);
      case 'generic_type':
        // `HttpEntity<>` / `Map<String, String>`: the type without its arguments, as `new` reads it.
        return r.expr(node.namedChildren[0]);
      case 'string_literal':
        return strExpr(node, stringPieces(node, r));
      case 'character_literal':
        return strExpr(node, [{ text: unescapeJava(node.text.slice(1, -1)) }]);
      case 'template_expression':
        // `STR."…\{x}…"`: the template is the value.
        return r.expr(node.childForFieldName('template_argument'));
      case 'field_access': {
        const obj = r.expr(node.childForFieldName('object') ?? childOfType(node, 'super'));
        const field = node.childForFieldName('field');
        return obj && field ? memberExpr(obj, field.text, field) : undefined;
      }
      case 'class_literal': {
        // `String.class` reads as the member `class` of the type, as the lexical reader has it.
        const type = r.expr(node.namedChildren[0]);
        return type ? { k: 'member', obj: type, name: 'class', start: node.startIndex, end: node.endIndex } : undefined;
      }
      case 'array_access': {
        const obj = r.expr(node.childForFieldName('array'));
        return obj ? { k: 'index', obj, index: r.expr(node.childForFieldName('index')), start: node.startIndex, end: node.endIndex } : undefined;
      }
      case 'method_invocation':
        return methodCall(node, r);
      case 'explicit_constructor_invocation': {
        // `super(url)` / `this(url)` / `outer.super(url)`.
        const ctor = node.childForFieldName('constructor');
        const object = r.expr(node.childForFieldName('object'));
        const callee = ctor && object ? memberExpr(object, ctor.text, ctor) : ctor ? idExpr(ctor) : undefined;
        return callee ? { k: 'call', callee, args: argumentsOf(node.childForFieldName('arguments'), r), start: node.startIndex, end: node.endIndex } : undefined;
      }
      case 'object_creation_expression': {
        const callee = r.expr(node.childForFieldName('type'));
        if (!callee) return undefined;
        return { k: 'call', callee, args: argumentsOf(node.childForFieldName('arguments'), r), isNew: true, start: node.startIndex, end: node.endIndex };
      }
      case 'array_creation_expression': {
        // `new String[] {"a", "b"}`: the entries are the initializer, as the lexical `new` reads them.
        const callee = r.expr(node.childForFieldName('type'));
        const value = node.childForFieldName('value');
        if (!callee) return undefined;
        const call: Expr = { k: 'call', callee, args: [], isNew: true, start: node.startIndex, end: node.endIndex };
        return value ? { ...call, init: valuesOf(value, r) } : call;
      }
      case 'array_initializer':
      case 'element_value_array_initializer':
        return collExpr(node, valuesOf(node, r));
      case 'binary_expression':
        // Only `+` builds a value (string concatenation); comparisons and logic are no value the recognizers use.
        return binaryOf(node, r, PLUS);
      case 'unary_expression': {
        // `-1` stays a number; `!x`, `~x` are no value the recognizers use.
        const operand = node.childForFieldName('operand');
        const op = node.childForFieldName('operator')?.text;
        return (op === '-' || op === '+') && operand && NUMBERS.has(operand.type) ? { k: 'num', text: node.text, start: node.startIndex, end: node.endIndex } : undefined;
      }
      case 'ternary_expression':
        // `c ? a : b`: the value when the condition holds, as Python's `a if c else b` is read.
        return r.expr(node.childForFieldName('consequence'));
      case 'parenthesized_expression':
        return r.expr(node.namedChildren.find((c) => c && !isComment(c)));
      case 'cast_expression':
        return r.expr(node.childForFieldName('value'));
      case 'annotation':
      case 'marker_annotation':
        return annotationExpr(node, r);
      default:
        return undefined;
    }
  },

  declare(node, r) {
    if (STATEMENTS.has(node.type)) {
      r.statement(r.expr(node.namedChildren.find((c) => c !== null && !isComment(c))));
      return;
    }
    if (CLASSES.has(node.type)) {
      r.scope('class', node.childForFieldName('name')?.text, node);
      return;
    }
    if (FUNCTIONS.has(node.type)) {
      r.scope('function', node.childForFieldName('name')?.text, node);
      return;
    }
    switch (node.type) {
      case 'local_variable_declaration':
      case 'field_declaration':
      case 'constant_declaration':
        // `String a = x, b = y;`: one assignment per declarator.
        for (const d of node.childrenForFieldName('declarator')) {
          if (d) r.assign(d.childForFieldName('name')?.text, r.expr(d.childForFieldName('value')), d.startIndex, d.endIndex);
        }
        return;
      case 'resource':
        // `try (var resp = client.execute(req))`.
        r.assign(node.childForFieldName('name')?.text, r.expr(node.childForFieldName('value')), node.startIndex, node.endIndex);
        return;
      case 'assignment_expression': {
        if (node.childForFieldName('operator')?.text !== '=') return;
        // `a = b = value`: every name gets the innermost value.
        let value = node.childForFieldName('right');
        while (value?.type === 'assignment_expression' && value.childForFieldName('operator')?.text === '=') value = value.childForFieldName('right');
        const target = r.expr(node.childForFieldName('left'));
        r.assign(target ? targetName(target) : undefined, r.expr(value), node.startIndex, node.endIndex);
        return;
      }
      case 'lambda_expression': {
        // `x -> client.send(x)`: an expression body is a statement of the lambda.
        const body = node.childForFieldName('body');
        if (body && body.type !== 'block') r.statement(r.expr(body));
        return;
      }
      case 'annotation':
      case 'marker_annotation':
        r.annotate(r.expr(node));
        return;
      default:
        return;
    }
  },
};

function isComment(node: Node): boolean {
  return node.type === 'line_comment' || node.type === 'block_comment';
}

function childOfType(node: Node, type: string): Node | null {
  return node.children.find((c) => c?.type === type) ?? null;
}

/** `a.b.C` (package-qualified names, `Outer.Inner` types) as a member chain. */
function scopedName(node: Node, r: TreeRead): Expr | undefined {
  // scoped_identifier has scope/name fields; scoped_type_identifier lists its parts as children.
  const scope = node.childForFieldName('scope');
  const name = node.childForFieldName('name');
  if (scope && name) {
    const obj = r.expr(scope);
    return obj ? memberExpr(obj, name.text, name) : undefined;
  }
  const parts = node.namedChildren.filter((c): c is Node => c !== null && (c.type === 'type_identifier' || c.type === 'generic_type' || c.type === 'scoped_type_identifier'));
  let e: Expr | undefined;
  for (const p of parts) {
    const last = p.type === 'type_identifier' ? p : p.namedChildren[0];
    if (!last) return undefined;
    e = e ? memberExpr(e, last.text, p) : r.expr(p);
  }
  return e;
}

/** `obj.name(args)` or `name(args)`; a `super.name(args)` call keeps `super` as the receiver. */
function methodCall(node: Node, r: TreeRead): Expr | undefined {
  const name = node.childForFieldName('name');
  if (!name) return undefined;
  const objectNode = node.childForFieldName('object') ?? childOfType(node, 'super');
  const obj = objectNode ? r.expr(objectNode) : undefined;
  if (objectNode && !obj) return undefined;
  const callee = obj ? memberExpr(obj, name.text, name) : idExpr(name);
  return { k: 'call', callee, args: argumentsOf(node.childForFieldName('arguments'), r), start: node.startIndex, end: node.endIndex };
}

/** Positional arguments (Java has no named ones); an argument the reader does not model is left out, as the lexical reader skips it. */
function argumentsOf(list: Node | null, r: TreeRead): Arg[] {
  return list ? valuesOf(list, r) : [];
}

function valuesOf(node: Node, r: TreeRead): Arg[] {
  const out: Arg[] = [];
  for (const c of node.namedChildren) {
    if (!c || isComment(c)) continue;
    const value = r.expr(c);
    if (value) out.push({ value });
  }
  return out;
}

/** `@PostMapping("/x")`, `@RequestMapping(value = "/x", method = RequestMethod.POST)` as a call; `@RestController` as a name. */
function annotationExpr(node: Node, r: TreeRead): Expr | undefined {
  const callee = r.expr(node.childForFieldName('name'));
  if (!callee || node.type === 'marker_annotation') return callee;
  const args: Arg[] = [];
  for (const c of node.childForFieldName('arguments')?.namedChildren ?? []) {
    if (!c || isComment(c)) continue;
    if (c.type === 'element_value_pair') {
      const key = c.childForFieldName('key')?.text;
      const value = r.expr(c.childForFieldName('value'));
      if (key && value) args.push({ name: key, value });
    } else {
      const value = r.expr(c);
      if (value) args.push({ value });
    }
  }
  // The call starts at the name (after `@`), where the lexical reader starts it.
  return { k: 'call', callee, args, start: callee.start, end: node.endIndex };
}

/** Literal text and `\{expr}` template interpolations of a string literal; a text block loses its incidental indentation. */
function stringPieces(node: Node, r: TreeRead): StrPiece[] {
  const text = node.text;
  const block = text.startsWith('"""');
  const quote = block ? 3 : 1;
  const start = node.startIndex + quote;
  const end = node.endIndex - quote;
  const interpolations = node.namedChildren.filter((c): c is Node => c?.type === 'string_interpolation');
  if (!interpolations.length) {
    const raw = text.slice(quote, text.length - quote);
    return [{ text: unescapeJava(block ? stripIndent(raw) : raw) }];
  }
  // Templates: raw text between the interpolations (a text block only loses its opening line break here).
  const pieces: StrPiece[] = [];
  let at = start;
  for (const c of interpolations) {
    pieces.push({ text: unescapeJava(sliceSource(node, at, c.startIndex)) });
    const inner = c.namedChildren.find((x) => x !== null && !isComment(x));
    pieces.push({ expr: r.expr(inner) ?? { k: 'id', name: '?', start: c.startIndex, end: c.endIndex } });
    at = c.endIndex;
  }
  pieces.push({ text: unescapeJava(sliceSource(node, at, end)) });
  if (block && 'text' in pieces[0]!) pieces[0] = { text: pieces[0].text.replace(/^[ \t\f]*\r?\n/, '') };
  return mergePieces(pieces.filter((p) => !('text' in p) || p.text));
}

/** The source text between two offsets inside `node` (offsets are UTF-16 indices into the file). */
function sliceSource(node: Node, from: number, to: number): string {
  return node.text.slice(from - node.startIndex, to - node.startIndex);
}

/**
 * A text block's content (JLS 3.10.6): the opening line break dropped, the indentation common to
 * the content lines and the closing delimiter's line removed, trailing blanks of each line removed.
 */
export function stripIndent(raw: string): string {
  const lines = raw.replace(/^[ \t\f]*(?:\r\n|\r|\n)/, '').split(/\r\n|\r|\n/);
  const lastIndex = lines.length - 1;
  const indents = lines.flatMap((line, i) => {
    const blank = line.trim() === '';
    if (blank && i !== lastIndex) return [];
    return [blank ? line.length : line.length - line.trimStart().length];
  });
  const common = indents.length ? Math.min(...indents) : 0;
  return lines.map((line) => line.slice(common).replace(/[ \t\f]+$/, '')).join('\n');
}

const JAVA_ESCAPES: Record<string, string> = { b: '\b', t: '\t', n: '\n', f: '\f', r: '\r', s: ' ', '"': '"', "'": "'", '\\': '\\' };

/** Java escapes: `\n`, `\"`, `\s`, octal `\101`, `\u00e9`, and a backslash at a line end that joins the lines (text blocks). */
export function unescapeJava(raw: string): string {
  return raw.replace(/\\(?:u+([0-9a-fA-F]{4})|([0-3][0-7]{0,2}|[4-7][0-7]?)|(\r\n|\r|\n)|(.))/gs, (_, hex?: string, oct?: string, nl?: string, c?: string) => {
    if (hex) return String.fromCharCode(parseInt(hex, 16));
    if (oct) return String.fromCharCode(parseInt(oct, 8));
    if (nl) return '';
    return JAVA_ESCAPES[c!] ?? c!;
  });
}
