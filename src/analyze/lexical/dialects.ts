/**
 * Comment and string rules per language: what the tokenizer must know so that comments vanish
 * and every string (raw, triple-quoted, heredoc, interpolated) is one token.
 */
import {
  Lexer,
  braceInterpolation,
  dollarNameInterpolation,
  readQuoted,
  type Dialect,
  type QuoteOptions,
  type Token,
} from './tokenizer.js';

const isWordChar = (c: string | undefined) => !!c && /[A-Za-z0-9_]/.test(c);

/** Python: '…' "…" '''…''' """…""" with r/b/u/f prefixes; f-strings interpolate `{expr}`. */
export const PYTHON: Dialect = {
  name: 'python',
  lineComments: ['#'],
  blockComments: [],
  newlines: true,
  scanString(lx) {
    if (!'rRbBuUfF\'"'.includes(lx.peek())) return undefined;
    const m = /^([rRbBuUfF]{0,2})('''|"""|'|")/.exec(lx.text.slice(lx.pos, lx.pos + 5));
    if (!m || isWordChar(lx.text[lx.pos - 1])) return undefined;
    const prefix = m[1]!.toLowerCase();
    const quote = m[2]!;
    const opts: QuoteOptions = {
      close: quote,
      escape: '\\',
      singleLine: quote.length === 1,
      interpolation: prefix.includes('f') ? braceInterpolation('{', true) : undefined,
    };
    return readQuoted(lx, lx.pos, lx.pos + m[0].length, opts);
  },
};

const phpDouble: QuoteOptions['interpolation'] = (lx, at) => {
  if (lx.startsWith('{$', at)) return braceInterpolation('{')(lx, at);
  if (lx.startsWith('${', at)) return braceInterpolation('${')(lx, at);
  return dollarNameInterpolation(true)(lx, at);
};

/** PHP: '…' (no interpolation), "…" and heredoc with `$var`/`{$expr}`, nowdoc; `#`, `//`, `/* *\/` comments but `#[` is an attribute. */
export const PHP: Dialect = {
  name: 'php',
  lineComments: ['//'],
  blockComments: [['/*', '*/']],
  newlines: false,
  identStart: '$',
  skipComment(lx) {
    if (lx.peek() === '#' && lx.peek(1) !== '[') {
      const nl = lx.text.indexOf('\n', lx.pos);
      return nl === -1 ? lx.end : nl;
    }
    // `?>` leaves PHP: inline HTML up to the next `<?` is not code.
    if (lx.startsWith('?>')) {
      const next = lx.text.indexOf('<?', lx.pos + 2);
      return next === -1 ? lx.end : next;
    }
    return undefined;
  },
  scanString(lx) {
    const c = lx.peek();
    if (c === "'") return readQuoted(lx, lx.pos, lx.pos + 1, { close: "'", escape: '\\' });
    if (c === '"') return readQuoted(lx, lx.pos, lx.pos + 1, { close: '"', escape: '\\', interpolation: phpDouble });
    if (c === '`') return readQuoted(lx, lx.pos, lx.pos + 1, { close: '`', escape: '\\' });
    const heredoc = /^<<<[ \t]*(["']?)([A-Za-z_][A-Za-z0-9_]*)\1\r?\n/.exec(lx.text.slice(lx.pos, lx.pos + 80));
    if (heredoc) return readHeredoc(lx, heredoc[0].length, heredoc[2]!, heredoc[1] === "'" ? undefined : phpDouble, false);
    return undefined;
  },
};

/** Body of a heredoc starting at `lx.pos + markerLength`, ending at a line holding only `id` (indentation allowed). */
function readHeredoc(lx: Lexer, markerLength: number, id: string, interpolation: QuoteOptions['interpolation'], detached: boolean, bodyStart = lx.pos + markerLength): Token {
  const endRe = new RegExp(`^[ \\t]*${id}\\b`, 'm');
  const rest = lx.text.slice(bodyStart, lx.end);
  const m = endRe.exec(rest);
  const bodyEnd = m ? bodyStart + m.index : lx.end;
  const after = m ? bodyStart + m.index + m[0].length : lx.end;
  const body = new Lexer(lx.text, lx.dialect, bodyStart, bodyEnd);
  const token = readQuoted(body, lx.pos, bodyStart, { close: '\u0000never\u0000', escape: interpolation ? '\\' : 'none', interpolation });
  token.end = detached ? lx.pos + markerLength : after;
  if (detached) lx.skipAfterNewline.set(bodyStart, after);
  return token;
}

const RUBY_PAIRS: Record<string, string> = { '(': ')', '[': ']', '{': '}', '<': '>' };

/** Ruby: '…', "…" with `#{}`, %q/%Q/%w/%i/%r literals, heredocs, :symbols, =begin/=end and `#` comments. */
export const RUBY: Dialect = {
  name: 'ruby',
  lineComments: ['#'],
  blockComments: [],
  newlines: true,
  identStart: '@$',
  skipComment(lx) {
    if (lx.startsWith('=begin') && (lx.pos === 0 || lx.text[lx.pos - 1] === '\n')) {
      const close = lx.text.indexOf('\n=end', lx.pos);
      if (close === -1) return lx.end;
      const nl = lx.text.indexOf('\n', close + 1);
      return nl === -1 ? lx.end : nl;
    }
    return undefined;
  },
  scanString(lx) {
    const c = lx.peek();
    const interp = braceInterpolation('#{');
    if (c === "'") return readQuoted(lx, lx.pos, lx.pos + 1, { close: "'", escape: '\\' });
    if (c === '"' || c === '`') return readQuoted(lx, lx.pos, lx.pos + 1, { close: c, escape: '\\', interpolation: interp });
    if (c === ':' && lx.peek(1) !== ':' && lx.text[lx.pos - 1] !== ':' && !isWordChar(lx.text[lx.pos - 1])) {
      if (lx.peek(1) === '"') {
        const t = readQuoted(lx, lx.pos, lx.pos + 2, { close: '"', escape: '\\', interpolation: interp });
        t.symbol = true;
        return t;
      }
      const m = /^:([A-Za-z_][A-Za-z0-9_]*[?!]?)/.exec(lx.text.slice(lx.pos, lx.pos + 80));
      if (m) return { type: 'str', value: m[1]!, start: lx.pos, end: lx.pos + m[0].length, symbol: true };
    }
    const prev = lx.tokens[lx.tokens.length - 1];
    const afterOperand = prev && (prev.type === 'id' || prev.type === 'num' || prev.type === 'str' || [')', ']', '}'].includes(prev.value));
    if (c === '%' && !afterOperand) {
      const m = /^%([qQwWiIr]?)([^A-Za-z0-9\s])/.exec(lx.text.slice(lx.pos, lx.pos + 3));
      if (m) {
        const open = m[2]!;
        const close = RUBY_PAIRS[open] ?? open;
        const interpolating = m[1] === '' || m[1] === 'Q' || m[1] === 'W' || m[1] === 'I';
        return readQuoted(lx, lx.pos, lx.pos + m[0].length, { close, escape: '\\', nestOpen: close !== open ? open : undefined, interpolation: interpolating ? interp : undefined });
      }
    }
    if (c === '/' && (!prev || (prev.type === 'op' && ['(', ',', '=', '=~', '!~', '[', '{', '||', '&&', '!'].includes(prev.value)) || (prev.type === 'id' && ['when', 'if', 'unless', 'and', 'or', 'not', 'return'].includes(prev.value)))) {
      return readQuoted(lx, lx.pos, lx.pos + 1, { close: '/', escape: '\\', singleLine: true });
    }
    const heredoc = /^<<([~-]?)(["'`]?)([A-Za-z_][A-Za-z0-9_]*)\2/.exec(lx.text.slice(lx.pos, lx.pos + 80));
    if (heredoc && (!afterOperand || heredoc[1] || heredoc[2] || /^[A-Z]/.test(heredoc[3]!))) {
      const nl = lx.text.indexOf('\n', lx.pos);
      if (nl === -1) return undefined;
      return readHeredoc(lx, heredoc[0].length, heredoc[3]!, heredoc[2] === "'" ? undefined : interp, true, nl + 1);
    }
    return undefined;
  },
};

/** Go: "…" (escapes, one line), `…` raw, 'r' runes. */
export const GO: Dialect = {
  name: 'go',
  lineComments: ['//'],
  blockComments: [['/*', '*/']],
  newlines: true,
  scanString(lx) {
    const c = lx.peek();
    if (c === '"') return readQuoted(lx, lx.pos, lx.pos + 1, { close: '"', escape: '\\', singleLine: true });
    if (c === '`') return readQuoted(lx, lx.pos, lx.pos + 1, { close: '`', escape: 'none' });
    if (c === "'") return readQuoted(lx, lx.pos, lx.pos + 1, { close: "'", escape: '\\', singleLine: true });
    return undefined;
  },
};

/** Java: "…", """text blocks""", 'c'. */
export const JAVA: Dialect = {
  name: 'java',
  lineComments: ['//'],
  blockComments: [['/*', '*/']],
  newlines: false,
  scanString(lx) {
    const c = lx.peek();
    if (lx.startsWith('"""')) return readQuoted(lx, lx.pos, lx.pos + 3, { close: '"""', escape: '\\' });
    if (c === '"' || c === "'") return readQuoted(lx, lx.pos, lx.pos + 1, { close: c, escape: '\\', singleLine: true });
    return undefined;
  },
};

const kotlinTemplate: QuoteOptions['interpolation'] = (lx, at) => braceInterpolation('${')(lx, at) ?? dollarNameInterpolation(false)(lx, at);

/** Kotlin: "…" and """raw""" strings with `$name`/`${expr}` templates, 'c'. */
export const KOTLIN: Dialect = {
  name: 'kotlin',
  lineComments: ['//'],
  blockComments: [['/*', '*/']],
  newlines: true,
  scanString(lx) {
    const c = lx.peek();
    if (lx.startsWith('"""')) return readQuoted(lx, lx.pos, lx.pos + 3, { close: '"""', escape: 'none', interpolation: kotlinTemplate });
    if (c === '"') return readQuoted(lx, lx.pos, lx.pos + 1, { close: '"', escape: '\\', singleLine: true, interpolation: kotlinTemplate });
    if (c === "'") return readQuoted(lx, lx.pos, lx.pos + 1, { close: "'", escape: '\\', singleLine: true });
    return undefined;
  },
};

/** C#: "…", @"verbatim", $"interpolated {x}", $@/@$ mixes, """raw""" and $"""raw {x}""", 'c'; `#region`-style directives skipped. */
export const CSHARP: Dialect = {
  name: 'csharp',
  lineComments: ['//'],
  blockComments: [['/*', '*/']],
  newlines: false,
  skipComment(lx) {
    if (lx.peek() !== '#') return undefined;
    const lineStart = lx.text.lastIndexOf('\n', lx.pos - 1) + 1;
    if (lx.text.slice(lineStart, lx.pos).trim() !== '') return undefined;
    const nl = lx.text.indexOf('\n', lx.pos);
    return nl === -1 ? lx.end : nl;
  },
  scanString(lx) {
    const m = '$@"'.includes(lx.peek()) ? /^(\$*@?\$*)("""|")/.exec(lx.text.slice(lx.pos, lx.pos + 8)) : null;
    if (m && !isWordChar(lx.text[lx.pos - 1])) {
      const prefix = m[1]!;
      const interp = prefix.includes('$') ? braceInterpolation('{', true) : undefined;
      if (m[2] === '"""') return readQuoted(lx, lx.pos, lx.pos + m[0].length, { close: '"""', escape: 'none', interpolation: interp });
      const verbatim = prefix.includes('@');
      return readQuoted(lx, lx.pos, lx.pos + m[0].length, { close: '"', escape: verbatim ? 'double' : '\\', singleLine: !verbatim, interpolation: interp });
    }
    if (lx.peek() === "'") return readQuoted(lx, lx.pos, lx.pos + 1, { close: "'", escape: '\\', singleLine: true });
    return undefined;
  },
};
