/**
 * A tokenizer for the C-like, Python-like and Ruby-like source families. Comments vanish,
 * strings become one token each (with their interpolations tokenized recursively), so a
 * commented-out call is never seen and a `#` or `//` inside a string never starts a comment.
 * Each language supplies a Dialect: its comment markers and its string scanner.
 */

export type TokenType = 'id' | 'str' | 'num' | 'op' | 'nl';

/** An interpolated expression inside a string (`{x}` in f"..", `#{x}` in Ruby, `$x` in PHP/Kotlin). */
export interface Interpolation {
  tokens: Token[];
  start: number;
  end: number;
}

export type StringPiece = { text: string } | Interpolation;

export interface Token {
  type: TokenType;
  /** Identifier or operator text; for strings the literal text without interpolations. */
  value: string;
  /** Absolute [start, end) offsets in the file text. */
  start: number;
  end: number;
  /** Strings only: literal text and interpolations in order. */
  pieces?: StringPiece[];
  /** Ruby `:symbol` (a string token whose value is the name). */
  symbol?: boolean;
  /** Index of the matching bracket token for ( [ { and ) ] }. */
  match?: number;
}

export interface Dialect {
  name: string;
  lineComments: readonly string[];
  blockComments: readonly (readonly [string, string])[];
  /** Emit `nl` tokens outside brackets (languages where a newline can end a statement). */
  newlines: boolean;
  /** Characters an identifier may start with besides letters and `_` (`$` in PHP, `@` in Ruby). */
  identStart?: string;
  /** Scan a language string at `lx.pos`; undefined when no string starts there. */
  scanString(lx: Lexer): Token | undefined;
  /** Extra comment rules (Ruby `=begin`, PHP `#` but not `#[`): returns the offset after the comment. */
  skipComment?(lx: Lexer): number | undefined;
}

const OPERATORS = [
  '||=', '&&=', '...', '**=', '<<=', '>>=', '!==', '===', '<=>', '?->',
  '::', '->', '=>', '==', '!=', ':=', '+=', '-=', '.=', '*=', '/=', '|=', '&=', '??', '?:', '?.', '&.', '..', '<<', '>>', '&&', '||', '<=', '>=', '**',
];

const MULTI_CHAR_START = new Set(OPERATORS.map((o) => o[0]!));
const OPEN: Record<string, string> = { '(': ')', '[': ']', '{': '}' };
const CLOSE = new Set([')', ']', '}']);

export class Lexer {
  pos: number;
  readonly tokens: Token[] = [];
  /** Heredoc bodies announced on a line (Ruby `<<~EOS`): at the next newline the tokenizer jumps from key to value. */
  readonly skipAfterNewline = new Map<number, number>();

  constructor(
    readonly text: string,
    readonly dialect: Dialect,
    start = 0,
    readonly end = text.length,
  ) {
    this.pos = start;
  }

  peek(offset = 0): string {
    return this.text[this.pos + offset] ?? '';
  }

  startsWith(s: string, at = this.pos): boolean {
    return this.text.startsWith(s, at);
  }

  /** Tokenize [start, end) of the same text with this dialect (used for interpolations). */
  sub(start: number, end: number): Token[] {
    return tokenizeRange(this.text, this.dialect, start, end);
  }
}

// Char-code tests: these run for every character of every identifier.
const isIdentStart = (c: string) => {
  const n = c.charCodeAt(0);
  return (n >= 97 && n <= 122) || (n >= 65 && n <= 90) || n === 95 || n >= 0xc0;
};
const isIdentPart = (c: string) => {
  const n = c.charCodeAt(0);
  return isIdentStart(c) || (n >= 48 && n <= 57);
};

/** Length of the sigil before an identifier starting at `at` (`$x`, `@x`, `@@x`: 1, 1, 2; plain: 0), or -1. */
function identPrefixLength(text: string, at: number, dialect: Dialect): number {
  let n = 0;
  while (n < 2 && dialect.identStart?.includes(text[at + n] ?? '\0')) n++;
  return isIdentStart(text[at + n] ?? '') ? n : -1;
}

/** Tokenize a whole file. */
export function tokenize(text: string, dialect: Dialect): Token[] {
  return tokenizeRange(text, dialect, 0, text.length);
}

/** Tokenize [start, end) of text; brackets get `match` indexes (unbalanced ones keep none). */
export function tokenizeRange(text: string, dialect: Dialect, start: number, end: number): Token[] {
  const lx = new Lexer(text, dialect, start, end);
  const out = lx.tokens;
  const stack: number[] = [];
  while (lx.pos < end) {
    const c = text[lx.pos]!;
    if (c === '\n') {
      if (dialect.newlines && stack.length === 0 && out.length && out[out.length - 1]!.type !== 'nl') out.push({ type: 'nl', value: '\n', start: lx.pos, end: lx.pos + 1 });
      lx.pos++;
      const skipTo = lx.skipAfterNewline.get(lx.pos);
      if (skipTo !== undefined) lx.pos = skipTo;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r' || c === '\f' || c === '\v') {
      lx.pos++;
      continue;
    }
    // Explicit line continuation (Python, Ruby): the newline does not end the statement.
    if (c === '\\' && (text[lx.pos + 1] === '\n' || (text[lx.pos + 1] === '\r' && text[lx.pos + 2] === '\n'))) {
      lx.pos += text[lx.pos + 1] === '\n' ? 2 : 3;
      continue;
    }
    const skipped = dialect.skipComment?.(lx);
    if (skipped !== undefined) {
      lx.pos = skipped;
      continue;
    }
    const line = dialect.lineComments.find((m) => text.startsWith(m, lx.pos));
    if (line) {
      const nl = text.indexOf('\n', lx.pos);
      lx.pos = nl === -1 || nl > end ? end : nl;
      continue;
    }
    const block = dialect.blockComments.find(([open]) => text.startsWith(open, lx.pos));
    if (block) {
      const close = text.indexOf(block[1], lx.pos + block[0].length);
      lx.pos = close === -1 || close > end ? end : close + block[1].length;
      continue;
    }
    const str = dialect.scanString(lx);
    if (str) {
      out.push(str);
      lx.pos = Math.max(str.end, lx.pos + 1);
      continue;
    }
    const prefix = identPrefixLength(text, lx.pos, dialect);
    if (prefix >= 0) {
      let j = lx.pos + prefix + 1;
      while (j < end && isIdentPart(text[j]!)) j++;
      out.push({ type: 'id', value: text.slice(lx.pos, j), start: lx.pos, end: j });
      lx.pos = j;
      continue;
    }
    if (/[0-9]/.test(c)) {
      let j = lx.pos + 1;
      while (j < end && /[0-9A-Za-z_.]/.test(text[j]!) && !(text[j] === '.' && text[j + 1] === '.')) j++;
      out.push({ type: 'num', value: text.slice(lx.pos, j), start: lx.pos, end: j });
      lx.pos = j;
      continue;
    }
    const op = (MULTI_CHAR_START.has(c) && OPERATORS.find((o) => text.startsWith(o, lx.pos))) || c;
    const token: Token = { type: 'op', value: op, start: lx.pos, end: lx.pos + op.length };
    if (OPEN[op]) stack.push(out.length);
    else if (CLOSE.has(op)) {
      const openIndex = stack.pop();
      if (openIndex !== undefined) {
        out[openIndex]!.match = out.length;
        token.match = openIndex;
      }
    }
    out.push(token);
    lx.pos += op.length;
  }
  return out;
}

/** Options of a quoted string: how it ends, escapes, and where interpolations start. */
export interface QuoteOptions {
  /** Closing delimiter. */
  close: string;
  /** '\\' for backslash escapes, 'double' for a doubled delimiter (`""` in C# verbatim), 'none' for raw. */
  escape: '\\' | 'double' | 'none';
  /** A single-line string ends (unterminated) at a newline. */
  singleLine?: boolean;
  /** Try to read an interpolation at `at`; returns it and the offset after it. */
  interpolation?(lx: Lexer, at: number): { interp: Interpolation; next: number } | { text: string; next: number } | undefined;
  /** Nested delimiters (Ruby `%q(a (b) c)`): the opener that increases depth. */
  nestOpen?: string;
}

/** Read a quoted string whose body starts at `bodyStart`; `tokenStart` is where its prefix began. */
export function readQuoted(lx: Lexer, tokenStart: number, bodyStart: number, opts: QuoteOptions): Token {
  const { text } = lx;
  const pieces: StringPiece[] = [];
  let buf = '';
  let depth = 0;
  let i = bodyStart;
  while (i < lx.end) {
    const c = text[i]!;
    if (opts.singleLine && c === '\n') break;
    if (opts.escape === '\\' && c === '\\') {
      buf += unescapeChar(text[i + 1] ?? '');
      i += 2;
      continue;
    }
    if (opts.nestOpen && text.startsWith(opts.nestOpen, i)) {
      depth++;
      buf += c;
      i++;
      continue;
    }
    if (text.startsWith(opts.close, i)) {
      if (opts.escape === 'double' && text.startsWith(opts.close, i + opts.close.length)) {
        buf += opts.close;
        i += opts.close.length * 2;
        continue;
      }
      if (depth > 0) {
        depth--;
        buf += c;
        i++;
        continue;
      }
      i += opts.close.length;
      if (buf) pieces.push({ text: buf });
      return stringToken(tokenStart, i, pieces);
    }
    const interp = opts.interpolation?.(lx, i);
    if (interp) {
      if ('interp' in interp) {
        if (buf) pieces.push({ text: buf });
        buf = '';
        pieces.push(interp.interp);
      } else buf += interp.text;
      i = interp.next;
      continue;
    }
    buf += c;
    i++;
  }
  if (buf) pieces.push({ text: buf });
  return stringToken(tokenStart, i, pieces);
}

function stringToken(start: number, end: number, pieces: StringPiece[]): Token {
  const value = pieces.map((p) => ('text' in p ? p.text : '')).join('');
  const token: Token = { type: 'str', value, start, end };
  if (pieces.some((p) => !('text' in p))) token.pieces = pieces;
  return token;
}

function unescapeChar(c: string): string {
  switch (c) {
    case 'n': return '\n';
    case 't': return '\t';
    case 'r': return '\r';
    case '0': return '\0';
    default: return c;
  }
}

/** Offset of the brace closing an interpolation opened just before `from` (nested braces and quotes skipped). */
export function closingBrace(text: string, from: number, end: number): number {
  let depth = 0;
  for (let i = from; i < end; i++) {
    const c = text[i];
    if (c === '{') depth++;
    else if (c === '}') {
      if (depth === 0) return i;
      depth--;
    } else if (c === '"' || c === "'") {
      const close = text.indexOf(c, i + 1);
      if (close === -1) return -1;
      i = close;
    } else if (c === '\n' && depth === 0 && text[i - 1] === '\n') return -1;
  }
  return -1;
}

/** An interpolation `{expr}` style reader: `open` is the marker (`{`, `#{`, `${`), the body ends at the matching `}`. */
export function braceInterpolation(open: string, doubledBraceIsText = false): NonNullable<QuoteOptions['interpolation']> {
  return (lx, at) => {
    if (doubledBraceIsText && (lx.startsWith('{{', at) || lx.startsWith('}}', at))) return { text: lx.text[at]!, next: at + 2 };
    if (!lx.startsWith(open, at)) return undefined;
    const bodyStart = at + open.length;
    const close = closingBrace(lx.text, bodyStart, lx.end);
    if (close === -1) return undefined;
    return { interp: { tokens: lx.sub(bodyStart, close), start: at, end: close + 1 }, next: close + 1 };
  };
}

/** `$name` (Kotlin templates, PHP and shell-like strings): an identifier after `$`, optionally with `->prop`/`[key]` (PHP). */
export function dollarNameInterpolation(withPhpAccess: boolean): NonNullable<QuoteOptions['interpolation']> {
  return (lx, at) => {
    if (lx.text[at] !== '$' || !isIdentStart(lx.text[at + 1] ?? '')) return undefined;
    let j = at + 2;
    while (j < lx.end && isIdentPart(lx.text[j]!)) j++;
    if (withPhpAccess) {
      if (lx.startsWith('->', j) && isIdentStart(lx.text[j + 2] ?? '')) {
        j += 3;
        while (j < lx.end && isIdentPart(lx.text[j]!)) j++;
      } else if (lx.text[j] === '[') {
        const close = lx.text.indexOf(']', j);
        if (close !== -1 && close - j < 80) j = close + 1;
      }
    }
    const start = withPhpAccess ? at : at + 1;
    return { interp: { tokens: phpBareKeyTokens(lx.sub(start, j)), start: at, end: j }, next: j };
  };
}

/** In `"$a[key]"` PHP reads the bare word as a string key: turn that id into a string token. */
function phpBareKeyTokens(tokens: Token[]): Token[] {
  return tokens.map((t, i) => (t.type === 'id' && tokens[i - 1]?.value === '[' && tokens[i + 1]?.value === ']' ? { ...t, type: 'str' as const } : t));
}
