/**
 * A forgiving expression parser over tokens, shared by the C-like, Python-like and Ruby-like
 * languages. It knows just enough syntax to read HTTP calls: member chains, calls with
 * positional/named arguments, dict/array/hash/composite literals, `new`, concatenation and
 * interpolated strings. Anything else ends the expression; the caller resumes after it.
 */
import type { Token } from './tokenizer.js';

export type Expr =
  | { k: 'str'; pieces: StrPiece[]; symbol?: boolean; start: number; end: number }
  | { k: 'num'; text: string; start: number; end: number }
  | { k: 'id'; name: string; start: number; end: number }
  | { k: 'member'; obj: Expr; name: string; start: number; end: number }
  | { k: 'index'; obj: Expr; index?: Expr; start: number; end: number }
  | { k: 'call'; callee: Expr; args: Arg[]; isNew?: boolean; init?: Arg[]; start: number; end: number }
  | { k: 'coll'; entries: Arg[]; start: number; end: number }
  | { k: 'bin'; op: string; left: Expr; right: Expr; start: number; end: number };

export type StrPiece = { text: string } | { expr: Expr };

/** A call argument or a collection entry: positional (`value`), named (`name=value`, `name: value`) or keyed (`key => value`). */
export interface Arg {
  name?: string;
  key?: Expr;
  value: Expr;
}

/** What differs between languages at the expression level. */
export interface Syntax {
  /** Member access operators (`.`, `->`, `::`, `?.`). */
  member: readonly string[];
  /** Binary operators that concatenate strings (`+`, PHP `.`, Kotlin `to` builds pairs and is listed here too). */
  concat: readonly string[];
  /** Operators whose value is the left side when it exists (`or`, `||`, `??`, `?:`). */
  fallback: readonly string[];
  /** `name=value` is a named argument (Python kwargs, Kotlin, C# anonymous objects). */
  namedEquals: boolean;
  /** Ruby calls without parentheses (`post '/x', to: 'a#b'`). */
  commandCalls?: boolean;
  /** Go composite literals (`url.Values{...}`, `map[string]string{...}`). */
  composites?: boolean;
  /** Adjacent string literals concatenate (Python, Ruby). */
  adjacentStrings?: boolean;
  /** Words that never start or continue an expression. */
  keywords: ReadonlySet<string>;
  /** Prefix words skipped before an expression (`await`, `return`). */
  prefixes: ReadonlySet<string>;
  /** PHP's `array(...)` literal. */
  arrayCall?: boolean;
}

const MAX_DEPTH = 60;

export class ExpressionParser {
  i = 0;
  private depth = 0;

  constructor(
    readonly tokens: readonly Token[],
    readonly syntax: Syntax,
  ) {}

  private tok(offset = 0): Token | undefined {
    return this.tokens[this.i + offset];
  }

  private is(value: string, offset = 0): boolean {
    const t = this.tokens[this.i + offset];
    return !!t && t.type === 'op' && t.value === value;
  }

  private skipNewlines(): void {
    while (this.tok()?.type === 'nl') this.i++;
  }

  /** Parse one expression at the cursor; undefined (cursor unchanged) when none starts here. */
  parse(): Expr | undefined {
    if (this.depth > MAX_DEPTH) return undefined;
    this.depth++;
    try {
      return this.binary();
    } finally {
      this.depth--;
    }
  }

  private binary(): Expr | undefined {
    let left = this.unary();
    if (!left) return undefined;
    for (;;) {
      const t = this.tok();
      if (!t || (t.type !== 'op' && t.type !== 'id')) return left;
      const op = t.value;
      if (!this.syntax.concat.includes(op) && !this.syntax.fallback.includes(op)) return left;
      const save = this.i;
      this.i++;
      this.skipNewlines();
      const right = this.unary();
      if (!right) {
        this.i = save;
        return left;
      }
      left = { k: 'bin', op, left, right, start: left.start, end: right.end };
    }
  }

  private unary(): Expr | undefined {
    const start = this.i;
    for (;;) {
      const t = this.tok();
      if (!t) break;
      if (t.type === 'id' && this.syntax.prefixes.has(t.value)) this.i++;
      else if (t.type === 'op' && ['&', '*', '!', '-', '...', '**', '@'].includes(t.value) && this.tok(1) && this.tok(1)!.type !== 'op') this.i++;
      else break;
    }
    const e = this.postfix();
    if (!e) this.i = start;
    return e;
  }

  private postfix(): Expr | undefined {
    let e = this.primary();
    if (!e) return undefined;
    for (;;) {
      const t = this.tok();
      if (!t) return e;
      // A chain continued on the next line: `\n  .uri(...)`.
      if (t.type === 'nl' && this.tok(1)?.type === 'op' && this.syntax.member.includes(this.tok(1)!.value) && this.tok(2)?.type === 'id') {
        this.i++;
        continue;
      }
      if (t.type === 'op' && this.syntax.member.includes(t.value)) {
        this.i++;
        this.skipNewlines();
        const name = this.tok();
        if (!name || (name.type !== 'id' && name.type !== 'str')) {
          this.i--;
          return e;
        }
        this.i++;
        e = { k: 'member', obj: e, name: name.value, start: e.start, end: name.end };
        this.skipGenericCallArguments();
        continue;
      }
      if (t.type === 'op' && t.value === '(' && t.match !== undefined) {
        if (e.k === 'id' && this.syntax.keywords.has(e.name)) return e;
        const args = this.argsUntil(t.match);
        e = { k: 'call', callee: e, args, start: e.start, end: this.tokens[t.match]!.end };
        this.i = t.match + 1;
        continue;
      }
      if (t.type === 'op' && t.value === '[' && t.match !== undefined && this.tokens[this.i - 1]!.end === t.start) {
        const close = t.match;
        this.i++;
        const index = this.parse();
        this.i = close + 1;
        e = { k: 'index', obj: e, index, start: e.start, end: this.tokens[close]!.end };
        continue;
      }
      if (this.syntax.composites && t.type === 'op' && t.value === '{' && t.match !== undefined && isTypeName(e)) {
        const entries = this.argsUntil(t.match);
        e = { k: 'call', callee: e, args: [], init: entries, start: e.start, end: this.tokens[t.match]!.end };
        this.i = t.match + 1;
        continue;
      }
      if (this.syntax.commandCalls && (e.k === 'id' || e.k === 'member') && t.start > e.end && this.startsCommandArgument(t)) {
        return this.commandCall(e);
      }
      return e;
    }
  }

  /** `foo<Bar>(...)`: a generic call's type arguments are skipped. */
  private skipGenericCallArguments(): void {
    if (!this.is('<')) return;
    let depth = 0;
    for (let j = this.i; j < Math.min(this.tokens.length, this.i + 30); j++) {
      const v = this.tokens[j]!.value;
      if (v === '<') depth++;
      else if (v === '>') depth--;
      else if (v === '>>') depth -= 2;
      else if (!/^[\w.,?\[\]\s]+$/.test(v)) return;
      if (depth <= 0) {
        if (this.tokens[j + 1]?.value === '(') this.i = j + 1;
        return;
      }
    }
  }

  private startsCommandArgument(t: Token): boolean {
    if (t.type === 'str' || t.type === 'num') return true;
    if (t.type === 'id') return !this.syntax.keywords.has(t.value) && !this.syntax.concat.includes(t.value) && !this.syntax.fallback.includes(t.value);
    return t.type === 'op' && (t.value === '[' || t.value === '->');
  }

  /** Ruby `name arg, key: value` up to the end of the line (a trailing comma continues it). */
  private commandCall(callee: Expr): Expr {
    const args: Arg[] = [];
    let end = callee.end;
    for (;;) {
      const arg = this.argument();
      if (!arg) break;
      args.push(arg);
      end = arg.value.end;
      if (!this.is(',')) break;
      this.i++;
      this.skipNewlines();
    }
    return { k: 'call', callee, args, start: callee.start, end };
  }

  private primary(): Expr | undefined {
    const t = this.tok();
    if (!t) return undefined;
    if (t.type === 'str') return this.stringLiteral();
    if (t.type === 'num') {
      this.i++;
      return { k: 'num', text: t.value, start: t.start, end: t.end };
    }
    if (t.type === 'id') {
      if (t.value === 'new') return this.newExpression();
      if (this.syntax.keywords.has(t.value)) return undefined;
      if (this.syntax.arrayCall && t.value.toLowerCase() === 'array' && this.is('(', 1) && this.tok(1)!.match !== undefined) {
        const close = this.tok(1)!.match!;
        const entries = this.argsUntil(close, this.i + 1);
        this.i = close + 1;
        return { k: 'coll', entries, start: t.start, end: this.tokens[close]!.end };
      }
      if (this.syntax.composites && t.value === 'map' && this.is('[', 1)) return this.goMapLiteral();
      this.i++;
      return { k: 'id', name: t.value, start: t.start, end: t.end };
    }
    if (t.type === 'op' && (t.value === '[' || t.value === '{') && t.match !== undefined) {
      // Go slice literal `[]string{...}`: the type is skipped, the composite kept.
      if (this.syntax.composites && t.value === '[' && this.tokens[t.match]!.start === t.end) {
        this.i = t.match + 1;
        return this.postfix();
      }
      const close = t.match;
      const entries = this.argsUntil(close);
      this.i = close + 1;
      return { k: 'coll', entries, start: t.start, end: this.tokens[close]!.end };
    }
    if (t.type === 'op' && t.value === '(' && t.match !== undefined) {
      const close = t.match;
      this.i++;
      this.skipNewlines();
      const inner = this.parse();
      this.i = close + 1;
      return inner ? { ...inner } : undefined;
    }
    if (t.type === 'op' && t.value === '\\' && this.tok(1)?.type === 'id') {
      this.i++;
      return this.primary();
    }
    return undefined;
  }

  private stringLiteral(): Expr {
    const first = this.tok()!;
    const pieces: StrPiece[] = [];
    let end = first.end;
    const append = (t: Token) => {
      if (!t.pieces) pieces.push({ text: t.value });
      else
        for (const p of t.pieces) {
          if ('text' in p) pieces.push({ text: p.text });
          else {
            const sub = new ExpressionParser(p.tokens, this.syntax);
            const expr = sub.parse();
            pieces.push({ expr: expr ?? { k: 'id', name: '?', start: p.start, end: p.end } });
          }
        }
    };
    append(first);
    this.i++;
    while (this.syntax.adjacentStrings && this.tok()?.type === 'str') {
      append(this.tok()!);
      end = this.tok()!.end;
      this.i++;
    }
    return { k: 'str', pieces, symbol: first.symbol, start: first.start, end };
  }

  /** `new Type<T>(args) { init }`, `new { a = b }` (C# anonymous object), `new Type[] {...}`. */
  private newExpression(): Expr {
    const kw = this.tok()!;
    this.i++;
    let callee: Expr | undefined;
    if (this.is('\\')) this.i++;
    const nameTok = this.tok();
    if (nameTok?.type === 'id') {
      this.i++;
      callee = { k: 'id', name: nameTok.value, start: nameTok.start, end: nameTok.end };
      while ((this.is('.') || this.is('\\') || this.is('::')) && this.tok(1)?.type === 'id') {
        const n = this.tok(1)!;
        callee = { k: 'member', obj: callee, name: n.value, start: callee.start, end: n.end };
        this.i += 2;
      }
      this.skipAngles();
      while (this.is('[') && this.tok()!.match !== undefined) this.i = this.tok()!.match! + 1;
    }
    callee ??= { k: 'id', name: '', start: kw.start, end: kw.end };
    let args: Arg[] = [];
    let end = callee.end;
    const paren = this.tok();
    if (paren?.type === 'op' && paren.value === '(' && paren.match !== undefined) {
      args = this.argsUntil(paren.match);
      end = this.tokens[paren.match]!.end;
      this.i = paren.match + 1;
    }
    let init: Arg[] | undefined;
    const brace = this.tok();
    if (brace?.type === 'op' && brace.value === '{' && brace.match !== undefined) {
      init = this.argsUntil(brace.match);
      end = this.tokens[brace.match]!.end;
      this.i = brace.match + 1;
    }
    return { k: 'call', callee, args, isNew: true, init, start: kw.start, end };
  }

  private skipAngles(): void {
    if (!this.is('<')) return;
    let depth = 0;
    for (let j = this.i; j < Math.min(this.tokens.length, this.i + 40); j++) {
      const v = this.tokens[j]!.value;
      if (v === '<') depth++;
      else if (v === '>') depth--;
      else if (v === '>>') depth -= 2;
      if (depth <= 0) {
        this.i = j + 1;
        return;
      }
    }
  }

  /** `map[K]V{...}` in Go. */
  private goMapLiteral(): Expr | undefined {
    const start = this.tok()!;
    let j = this.tok(1)!.match;
    if (j === undefined) return undefined;
    j++;
    while (this.tokens[j] && this.tokens[j]!.value !== '{' && j - this.i < 12) j++;
    const brace = this.tokens[j];
    if (!brace || brace.match === undefined) return undefined;
    const entries = this.argsUntil(brace.match, j);
    this.i = brace.match + 1;
    return { k: 'coll', entries, start: start.start, end: this.tokens[brace.match]!.end };
  }

  /** Arguments or entries between the bracket at `open` (default: cursor) and the token at `close`. */
  private argsUntil(close: number, open = this.i): Arg[] {
    const args: Arg[] = [];
    const saved = this.i;
    this.i = open + 1;
    while (this.i < close) {
      this.skipNewlines();
      if (this.i >= close) break;
      if (this.is(',') || this.is(';')) {
        this.i++;
        continue;
      }
      const before = this.i;
      const arg = this.argument();
      if (arg) args.push(arg);
      // Recovery: whatever this parser does not understand is skipped up to the next comma.
      if (this.i < close && !this.is(',') && !this.is(';') && this.tok()?.type !== 'nl') {
        this.i = Math.max(this.i, before + 1);
        while (this.i < close && !this.is(',')) {
          const t = this.tok()!;
          this.i = t.match !== undefined && t.match > this.i && t.match < close ? t.match + 1 : this.i + 1;
        }
      }
    }
    this.i = saved;
    return args;
  }

  private argument(): Arg | undefined {
    const t = this.tok();
    if (!t) return undefined;
    const next = this.tok(1);
    if (t.type === 'id' && next?.type === 'op' && next.value === '=' && this.syntax.namedEquals) {
      this.i += 2;
      this.skipNewlines();
      const value = this.parse();
      return value ? { name: t.value, value } : undefined;
    }
    if ((t.type === 'id' || (t.type === 'str' && !t.pieces)) && next?.type === 'op' && next.value === ':' ) {
      this.i += 2;
      this.skipNewlines();
      const value = this.parse();
      return value ? { name: t.value, value } : undefined;
    }
    const value = this.parse();
    if (!value) return undefined;
    // C# index initializer `["username"] = u`.
    if (this.syntax.namedEquals && this.is('=') && value.k === 'coll' && value.entries.length === 1 && literalText(value.entries[0]!.value) !== undefined) {
      this.i++;
      const v = this.parse();
      return v ? { name: literalText(value.entries[0]!.value), value: v } : undefined;
    }
    if (this.is('=>') || this.is(':')) {
      this.i++;
      this.skipNewlines();
      const v = this.parse();
      if (!v) return { value };
      const name = value.k === 'str' && value.pieces.every((p) => 'text' in p) ? value.pieces.map((p) => (p as { text: string }).text).join('') : undefined;
      return { name, key: value, value: v };
    }
    return { value };
  }
}

/** A Go composite-literal type: `Foo`, `pkg.Foo` (exported, capitalised). */
function isTypeName(e: Expr): boolean {
  if (e.k === 'id') return /^[A-Z]/.test(e.name);
  if (e.k === 'member') return /^[A-Z]/.test(e.name) && e.obj.k === 'id';
  return false;
}

/** `a.b.c` for a chain of plain names (`::` and `->` chains too), else undefined. */
export function dottedName(e: Expr | undefined): string | undefined {
  if (!e) return undefined;
  if (e.k === 'id') return e.name;
  if (e.k === 'member') {
    const left = dottedName(e.obj);
    return left === undefined ? undefined : `${left}.${e.name}`;
  }
  return undefined;
}

/** The literal text of a string without interpolations, else undefined. */
export function literalText(e: Expr | undefined): string | undefined {
  if (!e || e.k !== 'str') return undefined;
  let out = '';
  for (const p of e.pieces) {
    if (!('text' in p)) return undefined;
    out += p.text;
  }
  return out;
}

/** Visit every expression in a tree (pre-order), including interpolations and collection entries. */
export function walkExpr(e: Expr, visit: (e: Expr) => void): void {
  visit(e);
  switch (e.k) {
    case 'str':
      for (const p of e.pieces) if ('expr' in p) walkExpr(p.expr, visit);
      return;
    case 'member':
      walkExpr(e.obj, visit);
      return;
    case 'index':
      walkExpr(e.obj, visit);
      if (e.index) walkExpr(e.index, visit);
      return;
    case 'call':
      walkExpr(e.callee, visit);
      for (const a of e.args) walkArg(a, visit);
      for (const a of e.init ?? []) walkArg(a, visit);
      return;
    case 'coll':
      for (const a of e.entries) walkArg(a, visit);
      return;
    case 'bin':
      walkExpr(e.left, visit);
      walkExpr(e.right, visit);
      return;
    default:
      return;
  }
}

function walkArg(a: Arg, visit: (e: Expr) => void): void {
  if (a.key) walkExpr(a.key, visit);
  walkExpr(a.value, visit);
}

/** Named argument `name` (kwarg, `name:`), if present. */
export function namedArg(args: readonly Arg[], ...names: string[]): Expr | undefined {
  return args.find((a) => a.name !== undefined && names.includes(a.name))?.value;
}

/** Positional arguments only. */
export function positional(args: readonly Arg[]): Expr[] {
  return args.filter((a) => a.name === undefined && !a.key).map((a) => a.value);
}

/** The chain `a.b(x).c(y)` as segments from the root: [{name:'a'}, {name:'b', args}, {name:'c', args}]. */
export interface ChainSegment {
  name: string;
  args?: Arg[];
  call?: Expr;
}

/** Flatten a member/call chain; undefined when the root is not a plain name or `new X(...)`. */
export function chainOf(e: Expr): ChainSegment[] | undefined {
  const out: ChainSegment[] = [];
  let cur: Expr | undefined = e;
  let pendingArgs: { args: Arg[]; call: Expr } | undefined;
  while (cur) {
    if (cur.k === 'call' && !cur.isNew) {
      pendingArgs = { args: cur.args, call: cur };
      cur = cur.callee;
      continue;
    }
    if (cur.k === 'member') {
      out.unshift({ name: cur.name, ...(pendingArgs ?? {}) });
      pendingArgs = undefined;
      cur = cur.obj;
      continue;
    }
    if (cur.k === 'id') {
      out.unshift({ name: cur.name, ...(pendingArgs ?? {}) });
      return out;
    }
    if (cur.k === 'call' && cur.isNew) {
      out.unshift({ name: `new ${dottedName(cur.callee) ?? ''}`, args: cur.args, call: cur });
      return out;
    }
    return undefined;
  }
  return undefined;
}
