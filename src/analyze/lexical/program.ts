/**
 * A file read as a flat list of statements: every expression the parser can read, the
 * assignments (`x = …`, `$x = …`, `x := …`, `with … as x`), every call, annotations/decorators,
 * and function/class ranges. This is what the per-language recognizers query.
 */
import type { Span } from '../../facts/types.js';
import { ExpressionParser, dottedName, literalText, walkExpr, type Expr, type Syntax } from './expression.js';
import { LineIndex } from '../line-index.js';
import type { Token } from './tokenizer.js';

export type CallExpr = Extract<Expr, { k: 'call' }>;

export interface Assignment {
  /** `x`, `self.client`, `$this.client`, `req[Authorization]`. */
  target: string;
  value: Expr;
  start: number;
  end: number;
}

export interface Scope {
  kind: 'function' | 'class';
  name: string;
  start: number;
  end: number;
}

export interface Program {
  text: string;
  tokens: Token[];
  lines: LineIndex;
  statements: Expr[];
  assignments: Assignment[];
  /** Every call in the file in source order, nested ones included. */
  calls: CallExpr[];
  /** Expressions written as a decorator/annotation/attribute (`@x(...)`, `[X(...)]`, `#[X(...)]`). */
  annotations: Set<Expr>;
  scopes: Scope[];
}

export interface ProgramOptions {
  syntax: Syntax;
  /** How function bodies end: by indentation (Python, Ruby) or by braces. */
  blocks: 'indent' | 'braces';
}

const ASSIGN = new Set(['=', ':=', '||=', '??=']);

/** Read a file's tokens (see tokenizeRange: the code range of the file) into statements, assignments, calls and scopes. */
export function readProgram(text: string, tokens: Token[], options: ProgramOptions): Program {
  const parser = new ExpressionParser(tokens, options.syntax);
  const program: Program = {
    text,
    tokens,
    lines: new LineIndex(text),
    statements: [],
    assignments: [],
    calls: [],
    annotations: new Set(),
    scopes: findScopes(text, tokens, options.blocks),
  };
  const { keywords, prefixes } = options.syntax;
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i]!;
    if (t.type === 'nl' || t.type === 'op' || (t.type === 'id' && keywords.has(t.value) && !prefixes.has(t.value) && t.value !== 'new')) {
      i++;
      continue;
    }
    parser.i = i;
    const expr = parser.parse();
    if (!expr) {
      i++;
      continue;
    }
    const prev = tokens[i - 1]?.value;
    if (prev === '@' || prev === '[') program.annotations.add(expr);
    program.statements.push(expr);
    i = Math.max(parser.i, i + 1);
    i = readAssignment(program, parser, expr, i, options);
  }
  for (const s of program.statements) walkExpr(s, (e) => e.k === 'call' && program.calls.push(e));
  program.calls.sort((a, b) => a.start - b.start);
  return program;
}

/** If an assignment follows the target expression at token `i`, record it; returns the next token index. */
function readAssignment(program: Program, parser: ExpressionParser, target: Expr, i: number, options: ProgramOptions): number {
  const { tokens } = program;
  let j = i;
  // Multiple targets `req, err := …` / `a, b = …`: the value is bound to the first.
  while (tokens[j]?.value === ',' && tokens[j + 1]?.type === 'id' && j - i < 8) j += 2;
  // Typed declarations `x: str = …` (Python annotations, Kotlin).
  if (tokens[j]?.value === ':' && options.syntax.namedEquals) {
    let k = j + 1;
    while (k < tokens.length && k - j < 12 && tokens[k]!.type !== 'nl' && !ASSIGN.has(tokens[k]!.value) && ![',', ')', ';'].includes(tokens[k]!.value)) k++;
    if (ASSIGN.has(tokens[k]?.value ?? '')) j = k;
  }
  const op = tokens[j];
  const name = targetName(target);
  if (op?.type === 'op' && ASSIGN.has(op.value) && name) {
    parser.i = j + 1;
    while (tokens[parser.i]?.type === 'nl') parser.i++;
    const value = parser.parse();
    if (value) {
      program.statements.push(value);
      program.assignments.push({ target: name, value, start: target.start, end: value.end });
      return Math.max(parser.i, j + 1);
    }
    return j + 1;
  }
  // Python `with X() as name` / `except E as e`.
  if (tokens[i]?.type === 'id' && tokens[i]!.value === 'as' && tokens[i + 1]?.type === 'id') {
    program.assignments.push({ target: tokens[i + 1]!.value, value: target, start: target.start, end: tokens[i + 1]!.end });
    return i + 2;
  }
  return i;
}

/** The name an assignment binds: `x`, `self.x`, `req[Authorization]`. */
export function targetName(e: Expr): string | undefined {
  if (e.k === 'index') {
    const obj = dottedName(e.obj);
    const key = literalText(e.index);
    return obj && key !== undefined ? `${obj}[${key}]` : undefined;
  }
  return dottedName(e);
}

const CLASS_WORDS = new Set(['class', 'module', 'object', 'interface', 'struct', 'record', 'trait', 'enum']);
const FUNCTION_WORDS = new Set(['def', 'func', 'fun', 'function', 'fn', 'sub']);
const NOT_METHODS = new Set(['if', 'for', 'foreach', 'while', 'switch', 'catch', 'using', 'lock', 'synchronized', 'fixed', 'return', 'new', 'when', 'elseif', 'else']);

/** Function and class ranges: by indentation for Python/Ruby, by the body's braces elsewhere. */
function findScopes(text: string, tokens: readonly Token[], blocks: 'indent' | 'braces'): Scope[] {
  const scopes: Scope[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.type !== 'id') continue;
    let kind: Scope['kind'] | undefined;
    let nameIndex = i + 1;
    if (CLASS_WORDS.has(t.value)) kind = 'class';
    else if (FUNCTION_WORDS.has(t.value)) {
      kind = 'function';
      // Go methods `func (c *Client) Login(`: skip the receiver.
      if (tokens[nameIndex]?.value === '(' && tokens[nameIndex]!.match !== undefined) nameIndex = tokens[nameIndex]!.match! + 1;
      // Ruby `def self.name`.
      if (tokens[nameIndex + 1]?.value === '.' && tokens[nameIndex + 2]?.type === 'id') nameIndex += 2;
    } else if (blocks === 'braces' && tokens[i + 1]?.value === '(' && !NOT_METHODS.has(t.value) && isMethodDeclaration(tokens, i)) {
      kind = 'function';
      nameIndex = i;
    }
    const nameTok = tokens[nameIndex];
    if (!kind || nameTok?.type !== 'id') continue;
    const end = blocks === 'indent' ? indentBlockEnd(text, t.start) : braceBlockEnd(tokens, nameIndex);
    if (end !== undefined) scopes.push({ kind, name: nameTok.value, start: t.start, end });
  }
  return scopes;
}

/** `Type name(params) [throws X] {` or `… ) =>`: a C#/Java method declaration, not a call. */
function isMethodDeclaration(tokens: readonly Token[], i: number): boolean {
  const prev = tokens[i - 1];
  // `String name(`, `Mono<String> name(`, `int[] name(`.
  if (!prev || !(prev.type === 'id' || prev.value === '>' || prev.value === ']' || prev.value === '?') || NOT_METHODS.has(prev.value)) return false;
  const close = tokens[i + 1]!.match;
  if (close === undefined) return false;
  for (let k = close + 1; k < Math.min(tokens.length, close + 8); k++) {
    const v = tokens[k]!.value;
    if (v === '{' || v === '=>') return true;
    if (v === ';' || v === '=' || v === '.' || v === ')') return false;
  }
  return false;
}

function braceBlockEnd(tokens: readonly Token[], from: number): number | undefined {
  for (let k = from; k < Math.min(tokens.length, from + 80); k++) {
    const t = tokens[k]!;
    if (t.value === '(' && t.match !== undefined) {
      k = t.match;
      continue;
    }
    if (t.value === '{' && t.match !== undefined) return tokens[t.match]!.end;
    if (t.value === '=>' || t.value === '=') {
      const semi = tokens.findIndex((x, idx) => idx > k && (x.value === ';' || x.type === 'nl'));
      return semi === -1 ? tokens[tokens.length - 1]!.end : tokens[semi]!.end;
    }
    if (t.value === ';') return undefined;
  }
  return undefined;
}

/** End of an indented block: the first later non-blank line indented no deeper than the header (Ruby's `end` included). */
function indentBlockEnd(text: string, headerOffset: number): number {
  const lineStart = text.lastIndexOf('\n', headerOffset - 1) + 1;
  // Indentation of the header line (`async def`, `private def` start later than the line's indent).
  const indent = /^[ \t]*/.exec(text.slice(lineStart, headerOffset))![0].length;
  let pos = text.indexOf('\n', headerOffset);
  while (pos !== -1) {
    const next = text.indexOf('\n', pos + 1);
    const line = text.slice(pos + 1, next === -1 ? text.length : next);
    const content = line.trimStart();
    if (content && !content.startsWith('#') && line.length - content.length <= indent && !/^[)\]}]/.test(content)) {
      return /^end\b/.test(content) ? (next === -1 ? text.length : next) : pos;
    }
    pos = next;
  }
  return text.length;
}

/** Innermost scope of a kind containing an offset. */
export function scopeAt(program: Program, offset: number, kind: Scope['kind']): Scope | undefined {
  let best: Scope | undefined;
  for (const s of program.scopes) if (s.kind === kind && s.start <= offset && offset < s.end && (!best || s.start >= best.start)) best = s;
  return best;
}

/** The value last assigned to `name` before `offset` (else the first assigned after it: constants declared later). */
export function bindingOf(program: Program, name: string, offset: number): Assignment | undefined {
  let before: Assignment | undefined;
  let after: Assignment | undefined;
  for (const a of program.assignments) {
    if (a.target !== name) continue;
    if (a.end <= offset) before = a;
    else if (a.start > offset && !after) after = a;
  }
  return before ?? after;
}

/** Span of an expression. */
export function spanOf(program: Program, e: { start: number; end: number }): Span {
  return program.lines.span(e.start, e.end);
}

/** Both offsets sit in the same innermost function (or both at top level): a local `req` means the same variable. */
export function sameFunction(program: Program, a: number, b: number): boolean {
  return scopeAt(program, a, 'function') === scopeAt(program, b, 'function');
}
