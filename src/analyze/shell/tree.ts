/**
 * Shell commands from a tree-sitter-bash syntax tree, in the same Command/Word model the word
 * reader (words.ts) produces, so clients.ts, assignments and env reads do not care which reader ran.
 *
 * - `command`: leading `variable_assignment`s become `NAME=value` words, then the command name and
 *   its arguments; redirect targets are not words (a `$(…)` inside one is still a command).
 * - `declaration_command` (export/local/declare/readonly/typeset), `unset_command`: the keyword, then
 *   flags, `NAME=value` assignments and bare names, one word each.
 * - A `variable_assignment` (or `variable_assignments`) standing alone is a command of its own.
 * - `$(…)`, backticks and `<(…)` inside a word: their commands are commands of their own, and the
 *   word gets an `unknown` part (as words.ts does); `$((…))` is an `unknown` part.
 * - `$NAME`, `${NAME}`, `${NAME[i]}`, `${#NAME}`, `${NAME%…}`… are `env` parts; `${NAME:-default}`
 *   (also `-`, `=`, `:=`, `?`, `:?`, `+`, `:+`) records the default in `Word.defaults`.
 * - `heredoc_redirect`: the body text (lines between the marker line and the delimiter; leading
 *   tabs stripped for `<<-`) is the command's `heredoc`; so is a `<<< word` here-string's text. tree-sitter-bash hangs the rest of the
 *   marker's line under the redirect (`cat <<EOF | jq`, `<<EOF > out && next`), so that part is read
 *   from there.
 * - `pipeline`: each simple command's `pipedTo` is the next one.
 * - `test_command` (`[ … ]`, `[[ … ]]`), `for … in …` and `case … in` headers become pseudo-commands
 *   of their words (led by the keyword, so never a command name that matters), so the variables they
 *   read are still env reads.
 * - Comments, `case` patterns and arithmetic are not words.
 * Offsets are the tree's (UTF-16 code units, as JS strings index) plus `base`, for a tree parsed
 * from a slice of a larger file (a Dockerfile RUN body).
 */
import type { Node, Tree } from 'web-tree-sitter';
import type { ValuePart } from '../../facts/types.js';
import type { Scope } from '../lexical/program.js';
import { wordText, type Command, type Word } from './words.js';

/** Every command of the tree, substitutions included, in source order. */
export function commandsFromTree(tree: Tree, text: string, base = 0): Command[] {
  const reader = new TreeCommands(text, base);
  reader.visit(tree.rootNode);
  return reader.commands.sort((a, b) => a.start - b.start);
}

/** `name() {…}` / `function name {…}` definitions as function scopes. */
export function functionScopesFromTree(tree: Tree, base = 0): Scope[] {
  const scopes: Scope[] = [];
  const walk = (node: Node): void => {
    if (node.type === 'function_definition') {
      const name = node.childForFieldName('name');
      if (name) scopes.push({ kind: 'function', name: name.text, start: base + node.startIndex, end: base + node.endIndex });
    }
    for (const c of node.namedChildren) walk(c);
  };
  walk(tree.rootNode);
  return scopes.sort((a, b) => a.start - b.start);
}

/**
 * Offset where tree-sitter-bash produced a wrong tree without an ERROR node, if it did (such a tree
 * is read like one with a syntax error: by the word reader):
 * - a heredoc delimiter taken with a metacharacter: `EOF;` in `cat <<EOF; next` (also `EOF)` in
 *   `$(cat <<EOF)`, `EOF|jq`…), where bash ends the word at the metacharacter; the body then runs
 *   past the real `EOF` line;
 * - a simple command or redirect whose parts are on different lines (not `\`-continued): a newline
 *   always ends a simple command, yet an ambiguity can make `if [ $? -ne 0 ]⏎then⏎…⏎fi` one
 *   command `$?` whose later lines are redirect targets. Leading assignments run into the next
 *   line's command (`a=1 b=⏎cmd`) are the exception: commandsFromTree splits those.
 */
export function misreadTree(tree: Tree, text: string): number | undefined {
  for (const node of tree.rootNode.descendantsOfType(['heredoc_start', 'command', 'file_redirect'])) {
    if (node.type === 'heredoc_start') {
      const m = /^(?:'[^']*'|"(?:[^"\\]|\\.)*"|\\.|[^'"\\;|&()<>\s])*/.exec(node.text)!;
      if (m[0].length < node.text.length) return node.startIndex + m[0].length;
      continue;
    }
    let leadingAssignments = node.type === 'command';
    const children = node.children;
    for (let i = 1; i < children.length; i++) {
      const prev = children[i - 1]!;
      if (prev.type !== 'variable_assignment' && prev.type !== 'comment') leadingAssignments = false;
      if (prev.type === 'heredoc_redirect') break; // its body lines follow
      if (!leadingAssignments && newlineBetween(text, prev.endIndex, children[i]!.startIndex)) return node.startIndex;
    }
  }
  return undefined;
}

/** A line break (not a `\` continuation) in [from, to). */
function newlineBetween(text: string, from: number, to: number): boolean {
  const gap = text.slice(from, to);
  return /[\r\n]/.test(gap) && /[\r\n]/.test(gap.replace(/\\(?:\r\n|\r|\n)/g, ''));
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** `${NAME<op>word}` operators whose word is a value the variable may take. */
const DEFAULT_OPERATORS = new Set(['-', ':-', '=', ':=', '?', ':?', '+', ':+']);
/** Nodes of a `[ … ]` / `[[ … ]]` test that are words. */
const TEST_WORDS = new Set([
  'word', 'string', 'raw_string', 'ansi_c_string', 'translated_string', 'concatenation', 'simple_expansion', 'expansion',
  'command_substitution', 'process_substitution', 'arithmetic_expansion', 'number', 'test_operator', 'regex', 'extglob_pattern',
]);

class TreeCommands {
  readonly commands: Command[] = [];

  constructor(
    private readonly text: string,
    private readonly base: number,
  ) {}

  /** A statement (or any node holding statements): records its commands; returns the simple command it is, if it is one. */
  visit(node: Node): Command | undefined {
    switch (node.type) {
      case 'comment':
        return undefined;
      case 'command':
        return this.command(node);
      case 'declaration_command':
      case 'unset_command':
        return this.push(this.declarationWords(node), node);
      case 'variable_assignment':
        return this.push([this.assignment(node)], node);
      case 'variable_assignments':
        return this.push(node.namedChildren.filter((c) => c.type === 'variable_assignment').map((c) => this.assignment(c)), node);
      case 'redirected_statement':
        return this.redirected(node);
      case 'pipeline':
        this.pipeline(node.namedChildren, undefined);
        return undefined;
      case 'test_command': {
        const open = node.child(0);
        const words = open && !open.isNamed ? [this.literal(open.text, open)] : [];
        this.testWords(node, words);
        this.push(words, node);
        return undefined;
      }
      case 'for_statement': // also `select NAME in …`
        return this.header(node, ['variable', 'value']);
      case 'case_statement':
        return this.header(node, ['value']);
      case 'case_item':
        // Patterns (`login)`, `*.json|*.yaml)`) are not commands; `$(…)` in one still runs.
        for (const c of node.namedChildren) {
          if (node.childrenForFieldName('value').some((v) => v.id === c.id)) this.nested(c);
          else this.visit(c);
        }
        return undefined;
      default:
        for (const c of node.namedChildren) this.visit(c);
        return undefined;
    }
  }

  /** Commands inside a node that is not a statement (a word, a redirect target, a pattern). */
  private nested(node: Node): void {
    for (const c of node.namedChildren) this.visit(c);
  }

  /** A command of `words`, ending where `end` (a node, or an absolute offset) does. */
  private push(words: Word[], end: Node | number): Command | undefined {
    if (!words.length) return undefined;
    const cmd: Command = { words, start: words[0]!.start, end: typeof end === 'number' ? end : this.base + end.endIndex };
    this.commands.push(cmd);
    return cmd;
  }

  private command(node: Node): Command | undefined {
    const words: Word[] = [];
    const heredocs: Node[] = [];
    const children = node.children;
    for (let i = 0; i < children.length; i++) {
      const c = children[i]!;
      const field = node.fieldNameForChild(i);
      if (field === 'redirect') {
        if (c.type === 'heredoc_redirect' || c.type === 'herestring_redirect') heredocs.push(c);
        else this.nested(c);
      } else if (c.type === 'variable_assignment' || c.type === 'command_name' || field === 'argument') {
        // `$"…"` (a translated string) reads as a `$` then a string.
        if (c.type === '$' && children[i + 1]?.startIndex === c.endIndex && children[i + 1]!.type === 'string') continue;
        const word = c.type === 'variable_assignment' ? this.assignment(c) : this.word(c);
        const prev = words[words.length - 1];
        const gap = prev ? this.text.slice(prev.end - this.base, word.start - this.base) : '';
        // `a\<newline>b` is one word to the shell; the grammar ends a word at the continuation.
        if (prev && /^\\\r?\n$/.test(gap)) joinWords(prev, word);
        else {
          // tree-sitter-bash runs `a=1 b=` / `a= b=1` / `a=1 b=2 # note` on into the next line's
          // command; a newline (not `\`-escaped) ends a command, so the words before it are one.
          if (prev && newlineBetween(gap, 0, gap.length)) this.push(words.splice(0), prev.end);
          words.push(word);
        }
      } else if (c.isNamed) this.visit(c);
    }
    const cmd = this.push(words, node);
    for (const h of heredocs) {
      if (h.type === 'heredoc_redirect') this.heredoc(h, cmd);
      else this.herestring(h, cmd);
    }
    return cmd;
  }

  private redirected(node: Node): Command | undefined {
    const body = node.childForFieldName('body');
    const cmd = body ? this.visit(body) : undefined;
    for (const c of node.namedChildren) {
      if (c.id === body?.id) continue;
      if (c.type === 'heredoc_redirect') this.heredoc(c, cmd);
      else if (c.type === 'herestring_redirect') this.herestring(c, cmd);
      else this.nested(c);
    }
    return cmd;
  }

  /** Pipeline members in order; `from` is the command piped into the first one. */
  private pipeline(members: readonly Node[], from: Command | undefined): void {
    let prev = from;
    for (const m of members) {
      if (m.type === 'comment') continue;
      const cmd = this.visit(m);
      if (prev && cmd) prev.pipedTo = cmd;
      prev = cmd;
    }
  }

  private heredoc(node: Node, cmd: Command | undefined): void {
    let body: Node | undefined;
    let end: Node | undefined;
    const strip = node.child(0)?.type === '<<-';
    for (const c of node.namedChildren) {
      if (c.type === 'heredoc_body') body = c;
      else if (c.type === 'heredoc_end') end = c;
      else if (c.type === 'heredoc_start') continue;
      // The rest of the marker's line: `| jq …` pipes the fed command, `> out`, `&& next`.
      else if (c.type === 'pipeline' && !c.child(0)?.isNamed) this.pipeline(c.namedChildren, cmd);
      else this.visit(c);
    }
    if (body) this.nested(body); // `$(…)` in an unquoted heredoc runs
    if (!cmd) return;
    const { text } = this;
    const from = body ?? end;
    if (!from) {
      cmd.heredoc = '';
      return;
    }
    const first = text.lastIndexOf('\n', from.startIndex - 1) + 1;
    const stop = end ? text.lastIndexOf('\n', end.startIndex - 1) + 1 : from.endIndex;
    const lines = text.slice(first, Math.max(first, stop)).replace(/\r?\n$/, '').split('\n').map((l) => l.replace(/\r$/, ''));
    cmd.heredoc = (strip ? lines.map((l) => l.replace(/^\t+/, '')) : lines).join('\n');
  }

  /** `<<< word` feeds the word to stdin, as a heredoc does: its text (variables as `$NAME`) is the command's heredoc. */
  private herestring(node: Node, cmd: Command | undefined): void {
    const value = node.namedChildren.find((c) => c.type !== 'comment');
    if (!value) return;
    const word = this.word(value);
    if (cmd) cmd.heredoc = wordText(word);
  }

  /** `for NAME in …` / `case WORD in` as a pseudo-command of its keyword and header words; the body is visited. */
  private header(node: Node, fields: string[]): undefined {
    const keyword = node.child(0)!;
    const words = [this.literal(keyword.text, keyword)];
    const headerIds = new Set<number>();
    for (const f of fields)
      for (const c of node.childrenForFieldName(f)) {
        headerIds.add(c.id);
        words.push(this.word(c));
      }
    this.push(words, node);
    for (const c of node.namedChildren) if (!headerIds.has(c.id)) this.visit(c);
    return undefined;
  }

  private testWords(node: Node, words: Word[]): void {
    for (const c of node.namedChildren) {
      if (TEST_WORDS.has(c.type)) words.push(this.word(c));
      else if (c.type !== 'comment') this.testWords(c, words);
    }
  }

  private declarationWords(node: Node): Word[] {
    const words: Word[] = [];
    for (const c of node.children) {
      if (c.type === 'comment') continue;
      if (!c.isNamed) {
        // The keyword (export/local/…); other anonymous tokens are punctuation.
        if (/^[a-z]+$/.test(c.type)) words.push(this.literal(c.text, c));
        continue;
      }
      words.push(c.type === 'variable_assignment' ? this.assignment(c) : this.word(c));
    }
    return words;
  }

  /** `NAME=value` as one word: text `NAME=` then the value's parts. */
  private assignment(node: Node): Word {
    const word = this.emptyWord(node);
    const value = node.childForFieldName('value');
    // `NAME=`, `NAME+=`, `arr[i]=`: everything before the value.
    append(word, { kind: 'text', text: this.text.slice(node.startIndex, value ? value.startIndex : node.endIndex) });
    if (value) this.parts(value, word);
    return word;
  }

  private literal(text: string, node: Node): Word {
    return { parts: [{ kind: 'text', text }], start: this.base + node.startIndex, end: this.base + node.endIndex };
  }

  private emptyWord(node: Node): Word {
    return { parts: [], start: this.base + node.startIndex, end: this.base + node.endIndex };
  }

  private word(node: Node): Word {
    const word = this.emptyWord(node);
    this.parts(node, word);
    return word;
  }

  /** Append the parts of `node` to `word` (`quoted`: inside "…", where `\` escapes less). */
  private parts(node: Node, word: Word, quoted = false): void {
    const raw = node.text;
    switch (node.type) {
      case 'word':
      case 'number':
      case 'variable_name':
      case 'special_variable_name':
      case 'test_operator':
      case 'regex':
      case 'extglob_pattern':
      case 'file_descriptor':
        append(word, { kind: 'text', text: quoted ? unescapeDouble(raw) : unescapeBare(raw) });
        return;
      case 'string_content':
      case 'heredoc_content':
        append(word, { kind: 'text', text: unescapeDouble(raw) });
        return;
      case 'raw_string':
        append(word, { kind: 'text', text: raw.slice(1, -1) }, true);
        return;
      case 'ansi_c_string':
        append(word, { kind: 'text', text: unescapeAnsiC(raw.slice(2, -1)) }, true);
        return;
      case 'string':
      case 'translated_string':
        word.quoted = true;
        this.sequence(node, word, true, node.type === 'string' ? 1 : 2, 1);
        return;
      case 'simple_expansion': {
        const name = raw.slice(1);
        append(word, IDENTIFIER.test(name) ? { kind: 'env', name } : { kind: 'unknown', text: raw }, quoted);
        return;
      }
      case 'expansion':
        this.expansion(node, word, quoted);
        return;
      case 'command_substitution': {
        this.nested(node);
        const inner = raw.startsWith('$(') ? `$(${raw.slice(2, Math.min(raw.length - 1, 42)).trim()})` : '`…`';
        append(word, { kind: 'unknown', text: inner }, quoted);
        return;
      }
      case 'arithmetic_expansion':
        this.nested(node);
        append(word, { kind: 'unknown', text: `$(${raw.slice(2, Math.min(raw.length - 1, 42)).trim()})` }, quoted);
        return;
      case 'process_substitution':
        this.nested(node);
        append(word, { kind: 'unknown', text: `${raw.slice(0, 2)}${raw.slice(2, Math.min(raw.length - 1, 42)).trim()})` }, quoted);
        return;
      case 'array':
        this.nested(node);
        append(word, { kind: 'unknown', text: raw.length > 40 ? `${raw.slice(0, 39)}…` : raw }, quoted);
        return;
      default:
        if (node.namedChildCount) this.sequence(node, word, quoted, 0, 0);
        else append(word, { kind: 'text', text: quoted ? unescapeDouble(raw) : unescapeBare(raw) }, quoted);
    }
  }

  /** Children of a string/concatenation in order; text between them (not covered by a node) is literal. */
  private sequence(node: Node, word: Word, quoted: boolean, open: number, close: number): void {
    let pos = node.startIndex + open;
    const stop = node.endIndex - close;
    const gap = (to: number) => {
      if (to > pos) append(word, { kind: 'text', text: quoted ? unescapeDouble(this.text.slice(pos, to)) : unescapeBare(this.text.slice(pos, to)) }, quoted);
    };
    for (const c of node.children) {
      if (c.startIndex < pos || c.endIndex > stop) continue; // the quotes
      gap(c.startIndex);
      if (c.type !== 'comment') this.parts(c, word, quoted);
      pos = c.endIndex;
    }
    gap(stop);
  }

  /** `${…}`: an env part when it names a variable (with its default, if any), else unknown. */
  private expansion(node: Node, word: Word, quoted: boolean): void {
    let name: string | undefined;
    let indirect = false;
    let operator: Node | undefined;
    for (const c of node.children) {
      if (c.type === '${' || c.type === '}') continue;
      if (!name && !operator && c.type === 'variable_name') name = c.text;
      else if (!name && !operator && c.type === 'subscript') name = c.childForFieldName('name')?.text;
      else if (!name && c.type === '!') indirect = true;
      else if (name && !operator && !c.isNamed) operator = c;
    }
    this.nested(node);
    if (!name || indirect || !IDENTIFIER.test(name)) {
      append(word, { kind: 'unknown', text: `\${${node.text.slice(2, -1).slice(0, 30)}}` }, quoted);
      return;
    }
    append(word, { kind: 'env', name }, quoted);
    if (operator && DEFAULT_OPERATORS.has(operator.type)) {
      const raw = this.text.slice(operator.endIndex, node.endIndex - 1);
      const plain = /^'([^']*)'$/.exec(raw)?.[1] ?? /^"([^"$`\\]*)"$/.exec(raw)?.[1] ?? raw;
      word.defaults = { ...(word.defaults ?? {}), [name]: plain };
    }
  }
}

/** Append a part, joining adjacent text (as words.ts does). */
function append(word: Word, part: ValuePart, quoted = false): void {
  const last = word.parts[word.parts.length - 1];
  if (part.kind === 'text' && last?.kind === 'text') word.parts[word.parts.length - 1] = { kind: 'text', text: last.text + part.text };
  else if (part.kind !== 'text' || part.text) word.parts.push(part);
  if (quoted) word.quoted = true;
}

/** `b` continues `a` (`a\<newline>b`): one word. */
function joinWords(a: Word, b: Word): void {
  for (const p of b.parts) append(a, p);
  a.end = b.end;
  if (b.quoted) a.quoted = true;
  if (b.defaults) a.defaults = { ...(a.defaults ?? {}), ...b.defaults };
}

/** Unquoted text: `\x` is `x`, `\`+newline is nothing. */
function unescapeBare(s: string): string {
  return s.includes('\\') ? s.replace(/\\(\r?\n|[^])/g, (_, c: string) => (c.endsWith('\n') ? '' : c)) : s;
}

/** Inside "…": only `\$`, `\``, `\"`, `\\` and `\`+newline are escapes. */
function unescapeDouble(s: string): string {
  return s.includes('\\') ? s.replace(/\\(\r?\n|[$`"\\])/g, (_, c: string) => (c.endsWith('\n') ? '' : c)) : s;
}

const ANSI_C: Record<string, string> = { n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', e: '\x1b', E: '\x1b', f: '\f', v: '\v', '\\': '\\', "'": "'", '"': '"', '?': '?' };

/** `$'…'`: C escapes. */
function unescapeAnsiC(s: string): string {
  if (!s.includes('\\')) return s;
  return s.replace(/\\(x[0-9A-Fa-f]{1,2}|u[0-9A-Fa-f]{1,4}|U[0-9A-Fa-f]{1,8}|[0-7]{1,3}|c[^]|[^])/g, (m, e: string) => {
    if (/^[xuU]/.test(e)) return String.fromCodePoint(Math.min(parseInt(e.slice(1), 16), 0x10ffff));
    if (/^[0-7]/.test(e)) return String.fromCharCode(parseInt(e, 8) & 0xff);
    if (e.length === 2 && e[0] === 'c') return String.fromCharCode(e.charCodeAt(1) & 0x1f);
    return ANSI_C[e] ?? m;
  });
}
