/**
 * Shell words: the POSIX-ish command language read far enough to know what a command's
 * arguments are. Comments vanish; '…' is literal; "…" expands $VAR/${VAR}/$(…); `\`+newline
 * continues a line; heredoc bodies attach to their command; $(…) and `…` are read as nested
 * commands (a `curl` inside `TOKEN=$(curl …)` is still a command). In Makefile mode `$(VAR)`
 * is a make variable and `$$` the shell's `$`.
 */
import type { ValuePart } from '../../facts/types.js';

export interface Word {
  /** Text and variable parts; `env` parts are variables (resolved against assignments later). */
  parts: ValuePart[];
  start: number;
  end: number;
  /** `${NAME:-default}` defaults met in this word, by variable name. */
  defaults?: Record<string, string>;
  /** Offsets of literal (quoted or bare) text, used to locate a secret inside the word. */
  quoted?: boolean;
}

export interface Command {
  words: Word[];
  start: number;
  end: number;
  /** Body of a heredoc fed to this command (`curl -d @- <<EOF`). */
  heredoc?: string;
  /** The next command is connected by a pipe (`curl … | jq -r .token`). */
  pipedTo?: Command;
}

export interface ShellOptions {
  /** Makefile recipes: `$(VAR)`/`${VAR}` are make variables, `$$` is a literal `$` for the shell. */
  make?: boolean;
}

const WORD_BREAK = new Set([' ', '\t', '\r']);

/** Read [start, end) of `text` into commands (nested substitutions included, in order). */
export function readCommands(text: string, start: number, end: number, options: ShellOptions = {}): Command[] {
  return new ShellReader(text, end, options).read(start);
}

class ShellReader {
  private readonly commands: Command[] = [];
  private words: Word[] = [];
  private word: Word | undefined;
  private commandStart = -1;
  private pendingHeredocs: Array<{ delimiter: string; strip: boolean; command: Word[] }> = [];
  private heredocBodies = new Map<Word[], string>();
  private pipeFrom: Command | undefined;

  constructor(
    private readonly text: string,
    private readonly end: number,
    private readonly options: ShellOptions,
  ) {}

  read(start: number): Command[] {
    let pos = start;
    const { text } = this;
    while (pos < this.end) {
      const c = text[pos]!;
      if (WORD_BREAK.has(c)) {
        this.endWord();
        pos++;
      } else if (c === '\\' && (text[pos + 1] === '\n' || (text[pos + 1] === '\r' && text[pos + 2] === '\n'))) {
        pos += text[pos + 1] === '\n' ? 2 : 3;
      } else if (c === '\\') {
        this.append(text[pos + 1] ?? '', pos, pos + 2);
        pos += 2;
      } else if (c === '\n') {
        this.endCommand(pos);
        pos = this.readHeredocBodies(pos + 1);
      } else if (c === ';' || c === '&' || c === '|' || c === '(' || c === ')' || c === '{' && !this.word && text[pos + 1] !== '"') {
        const piped = c === '|' && text[pos + 1] !== '|';
        const cmd = this.endCommand(pos);
        if (piped && cmd) this.pipeFrom = cmd;
        pos += (c === '&' || c === '|') && text[pos + 1] === c ? 2 : 1;
      } else if (c === '#' && !this.word) {
        const nl = text.indexOf('\n', pos);
        pos = nl === -1 || nl > this.end ? this.end : nl;
      } else if (c === "'") {
        const close = text.indexOf("'", pos + 1);
        const stop = close === -1 || close > this.end ? this.end : close;
        this.append(text.slice(pos + 1, stop), pos, stop + 1, true);
        pos = stop + 1;
      } else if (c === '"') {
        pos = this.readDoubleQuoted(pos);
      } else if (c === '$' || c === '`') {
        pos = this.readExpansion(pos, false);
      } else if (c === '<' && text[pos + 1] === '<' && text[pos + 2] !== '<') {
        pos = this.readHeredocMarker(pos);
      } else if ((c === '>' || c === '<') && !this.word) {
        // Redirection: the target word is not an argument.
        let j = pos + 1;
        while (text[j] === '>' || text[j] === '&') j++;
        while (text[j] === ' ' || text[j] === '\t') j++;
        const m = /^(?:"[^"]*"|'[^']*'|[^\s;|&<>]+)/.exec(text.slice(j, Math.min(this.end, j + 300)));
        pos = j + (m ? m[0].length : 0);
      } else if ((c === '>' || c === '<') && this.word && /^\d$/.test(this.wordText())) {
        this.word = undefined; // `2>` / `1>` fd number
      } else {
        this.append(c, pos, pos + 1);
        pos++;
      }
    }
    this.endCommand(this.end);
    return this.commands;
  }

  private wordText(): string {
    return (this.word?.parts ?? []).map((p) => (p.kind === 'text' ? p.text : '')).join('');
  }

  private append(textOrPart: string | ValuePart, start: number, end: number, quoted = false): void {
    if (!this.word) {
      this.word = { parts: [], start, end };
      if (this.commandStart === -1) this.commandStart = start;
    }
    const part: ValuePart = typeof textOrPart === 'string' ? { kind: 'text', text: textOrPart } : textOrPart;
    const last = this.word.parts[this.word.parts.length - 1];
    if (part.kind === 'text' && last?.kind === 'text') this.word.parts[this.word.parts.length - 1] = { kind: 'text', text: last.text + part.text };
    else if (part.kind !== 'text' || part.text) this.word.parts.push(part);
    this.word.end = end;
    if (quoted) this.word.quoted = true;
  }

  private endWord(): void {
    if (this.word) this.words.push(this.word);
    this.word = undefined;
  }

  private endCommand(at: number): Command | undefined {
    this.endWord();
    let cmd: Command | undefined;
    if (this.words.length) {
      cmd = { words: this.words, start: this.commandStart, end: at };
      const body = this.heredocBodies.get(this.words);
      if (body !== undefined) cmd.heredoc = body;
      this.commands.push(cmd);
      if (this.pipeFrom) this.pipeFrom.pipedTo = cmd;
    }
    this.pipeFrom = undefined;
    this.words = [];
    this.commandStart = -1;
    return cmd;
  }

  private readDoubleQuoted(pos: number): number {
    const { text } = this;
    let j = pos + 1;
    this.append('', pos, j, true);
    while (j < this.end && text[j] !== '"') {
      const c = text[j]!;
      if (c === '\\' && j + 1 < this.end) {
        const n = text[j + 1]!;
        if (n === '\n') j += 2;
        else {
          this.append('$`"\\'.includes(n) ? n : c + n, j, j + 2, true);
          j += 2;
        }
      } else if (c === '$' || c === '`') {
        j = this.readExpansion(j, true);
      } else {
        this.append(c, j, j + 1, true);
        j++;
      }
    }
    if (this.word) this.word.end = Math.min(j + 1, this.end);
    return j + 1;
  }

  /** $NAME, ${NAME…}, $(cmd), $((expr)), `cmd`; in make mode $(NAME) and $$. */
  private readExpansion(pos: number, inQuotes: boolean): number {
    const { text } = this;
    const next = text[pos + 1] ?? '';
    if (this.options.make) {
      if (next === '$') return this.readShellVariable(pos + 1, pos, inQuotes);
      if (next === '(' || next === '{') {
        const close = text.indexOf(next === '(' ? ')' : '}', pos + 2);
        const inner = close === -1 ? '' : text.slice(pos + 2, close);
        if (/^[A-Za-z_][\w.-]*$/.test(inner)) this.append({ kind: 'env', name: inner }, pos, close + 1, inQuotes);
        else this.append({ kind: 'unknown', text: `$(${inner.slice(0, 40)})` }, pos, close === -1 ? this.end : close + 1, inQuotes);
        return close === -1 ? this.end : close + 1;
      }
    }
    if (text[pos] === '`') {
      const close = text.indexOf('`', pos + 1);
      const stop = close === -1 || close > this.end ? this.end : close;
      this.commands.push(...readCommands(text, pos + 1, stop, this.options));
      this.append({ kind: 'unknown', text: '`…`' }, pos, stop + 1, inQuotes);
      return stop + 1;
    }
    if (next === '(') {
      const close = matchingParen(text, pos + 1, this.end);
      const arithmetic = text[pos + 2] === '(';
      if (!arithmetic) this.commands.push(...readCommands(text, pos + 2, close, this.options));
      this.append({ kind: 'unknown', text: `$(${text.slice(pos + 2, Math.min(close, pos + 42)).trim()})` }, pos, close + 1, inQuotes);
      return close + 1;
    }
    if (next === "'" && !inQuotes) {
      const close = text.indexOf("'", pos + 2);
      const stop = close === -1 ? this.end : close;
      this.append(text.slice(pos + 2, stop).replace(/\\n/g, '\n'), pos, stop + 1, true);
      return stop + 1;
    }
    return this.readShellVariable(pos, pos, inQuotes);
  }

  /** `$NAME` or `${NAME}` / `${NAME:-default}` at `dollar`; `from` is where the whole expansion began. */
  private readShellVariable(dollar: number, from: number, inQuotes: boolean): number {
    const { text } = this;
    if (text[dollar + 1] === '{') {
      const close = text.indexOf('}', dollar + 2);
      const inner = close === -1 ? '' : text.slice(dollar + 2, close);
      const m = /^#?([A-Za-z_][A-Za-z0-9_]*)(?::?[-=?+](.*))?/s.exec(inner);
      if (m) {
        this.append({ kind: 'env', name: m[1]! }, from, close + 1, inQuotes);
        if (m[2] !== undefined) this.word!.defaults = { ...(this.word!.defaults ?? {}), [m[1]!]: m[2] };
      } else this.append({ kind: 'unknown', text: `\${${inner.slice(0, 30)}}` }, from, close + 1, inQuotes);
      return close === -1 ? this.end : close + 1;
    }
    const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(dollar + 1, dollar + 120));
    if (m) {
      this.append({ kind: 'env', name: m[0] }, from, dollar + 1 + m[0].length, inQuotes);
      return dollar + 1 + m[0].length;
    }
    if (/^[0-9@*#?$!-]/.test(text[dollar + 1] ?? '')) {
      this.append({ kind: 'unknown', text: `$${text[dollar + 1]}` }, from, dollar + 2, inQuotes);
      return dollar + 2;
    }
    this.append('$', from, dollar + 1, inQuotes);
    return dollar + 1;
  }

  private readHeredocMarker(pos: number): number {
    const m = /^<<(-?)[ \t]*(?:'([^']+)'|"([^"]+)"|\\?([A-Za-z_][\w]*))/.exec(this.text.slice(pos, pos + 100));
    if (!m) {
      this.append('<<', pos, pos + 2);
      return pos + 2;
    }
    this.endWord();
    this.pendingHeredocs.push({ delimiter: m[2] ?? m[3] ?? m[4]!, strip: m[1] === '-', command: this.words });
    return pos + m[0].length;
  }

  /** After a newline: heredoc bodies announced on the previous line are data, not commands. */
  private readHeredocBodies(pos: number): number {
    for (const h of this.pendingHeredocs) {
      let lineStart = pos;
      const body: string[] = [];
      while (lineStart < this.end) {
        const nl = this.text.indexOf('\n', lineStart);
        const lineEnd = nl === -1 || nl > this.end ? this.end : nl;
        const line = this.text.slice(lineStart, lineEnd).replace(/\r$/, '');
        lineStart = lineEnd + 1;
        if ((h.strip ? line.replace(/^\t+/, '') : line).trim() === h.delimiter) break;
        body.push(line);
      }
      this.heredocBodies.set(h.command, body.join('\n'));
      const cmd = this.commands.find((c) => c.words === h.command);
      if (cmd) cmd.heredoc = body.join('\n');
      pos = Math.min(lineStart, this.end);
    }
    this.pendingHeredocs = [];
    return pos;
  }
}

/** Offset of the `)` closing the `(` at `open` (quotes skipped). */
function matchingParen(text: string, open: number, end: number): number {
  let depth = 0;
  for (let i = open; i < end; i++) {
    const c = text[i];
    if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i;
    else if (c === "'" || c === '"') {
      const close = text.indexOf(c, i + 1);
      if (close === -1) return end;
      i = close;
    }
  }
  return end;
}

/** Plain text of a word when it has no variable parts. */
export function wordLiteral(w: Word | undefined): string | undefined {
  if (!w) return undefined;
  let out = '';
  for (const p of w.parts) {
    if (p.kind !== 'text') return undefined;
    out += p.text;
  }
  return out;
}

/** Text of a word with variables written as `$NAME` (for option names and display). */
export function wordText(w: Word): string {
  return w.parts.map((p) => (p.kind === 'text' ? p.text : p.kind === 'env' ? `$${p.name}` : '…')).join('');
}
