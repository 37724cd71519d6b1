/**
 * Shell scripts, Makefile recipes and Dockerfile RUN lines: curl/wget/HTTPie requests with
 * variables folded from the file's own assignments (`API=…`, make `VAR := …`, Docker `ENV`/`ARG`),
 * env reads for the rest, and literal credentials on command lines as secrets.
 *
 * Shell scripts and Dockerfile shell-form RUN bodies are parsed with tree-sitter-bash (tree.ts);
 * a tree with a syntax error, or a grammar that could not load, falls back to the word reader
 * (words.ts) and says so in the output's errors. Makefile recipes stay on the word reader in make
 * mode: `$(VAR)` there is a make variable and `$$` the shell's `$`, which is not shell syntax
 * (bash would read `$(VAR)` as a command substitution).
 */
import type { SymbolicValue, ValuePart } from '../../facts/types.js';
import type { Analyzer, AnalyzerInput, AnalyzerOutput } from '../types.js';
import { FactCollector, secretKindOf } from '../lexical/facts.js';
import { Folder, pushPart } from '../lexical/fold.js';
import { LineIndex } from '../line-index.js';
import type { CallExpr, Program, Scope } from '../lexical/program.js';
import { fallbackNote, loadGrammar, parseClean } from '../tree-sitter/runtime.js';
import { commandName, readHttpCommand } from './clients.js';
import { dockerfileSource, makefileSource, type ShellSource, type Variable } from './sources.js';
import { commandsFromTree, functionScopesFromTree, misreadTree } from './tree.js';
import { readCommands, wordLiteral, type Command } from './words.js';

/**
 * Reads shell code of a file with tree-sitter-bash, one range at a time (the whole script, or
 * each Dockerfile RUN body), falling back to the word reader for a range whose tree has a syntax
 * error or when the grammar is not loaded; records why, as the other tree-sitter languages do.
 */
class ShellReader {
  readonly errors: string[] = [];
  /** Function scopes of the ranges the tree read. */
  readonly scopes: Scope[] = [];
  private ranges = 0;
  private lexical = 0;
  private lines: LineIndex | undefined;

  constructor(private readonly text: string) {}

  readonly read = (text: string, start: number, end: number): Command[] => {
    this.ranges++;
    const body = start === 0 && end === text.length ? text : text.slice(start, end);
    const parsed = parseClean(
      'bash',
      body,
      (tree) => ({ commands: commandsFromTree(tree, body, start), scopes: functionScopesFromTree(tree, start) }),
      (tree) => misreadTree(tree, body),
    );
    if (parsed.ok) {
      this.scopes.push(...parsed.value.scopes);
      return parsed.value.commands;
    }
    this.lexical++;
    // One note per syntax error; a missing grammar is said once per file.
    if (parsed.errorAt !== undefined || this.lexical === 1) {
      this.lines ??= new LineIndex(this.text);
      this.errors.push(fallbackNote('bash', this.lines, parsed.errorAt === undefined ? undefined : start + parsed.errorAt));
    }
    return readCommands(text, start, end);
  };

  /** Every range went through the tree (and there was one). */
  get parsed(): boolean {
    return this.ranges > 0 && this.lexical === 0;
  }
}

/** Commands and variables of a file, whatever its kind; scopes when the tree gave them. */
function sourceOf(input: AnalyzerInput): ShellSource & { parsed: boolean; errors: string[]; scopes?: Scope[] } {
  // Make recipes are not shell to a shell parser (`$(VAR)`, `$$`): the word reader in make mode.
  if (input.kind === 'makefile') return { ...makefileSource(input.text), parsed: false, errors: [] };
  const reader = new ShellReader(input.text);
  if (input.kind === 'dockerfile') {
    const source = dockerfileSource(input.text, reader.read);
    return { ...source, parsed: reader.parsed, errors: reader.errors };
  }
  const commands = reader.read(input.text, 0, input.text.length);
  return { commands, variables: [], parsed: reader.parsed, errors: reader.errors, scopes: reader.parsed ? reader.scopes : undefined };
}

const ASSIGNMENT = /^([A-Za-z_][A-Za-z0-9_]*)=/;

/** `NAME=value` words leading a command, and after export/local/readonly/declare. */
function shellAssignments(commands: readonly Command[]): Variable[] {
  const out: Variable[] = [];
  for (const cmd of commands) {
    const head = wordLiteral(cmd.words[0]);
    const declaring = head !== undefined && /^(?:export|local|readonly|declare|typeset)$/.test(head);
    for (const [i, word] of cmd.words.entries()) {
      if (i === 0 && declaring) continue;
      const first = word.parts[0];
      const m = first?.kind === 'text' ? ASSIGNMENT.exec(first.text) : null;
      if (!m) {
        if (declaring && wordLiteral(word)?.startsWith('-')) continue;
        break;
      }
      const parts: ValuePart[] = [];
      pushPart(parts, { kind: 'text', text: (first as { text: string }).text.slice(m[0].length) });
      for (const p of word.parts.slice(1)) pushPart(parts, p);
      out.push({ name: m[1]!, parts, offset: word.start, word, defaults: word.defaults });
    }
  }
  return out;
}

/** Every command, nested substitutions included, in source order. */
function allCommands(commands: readonly Command[]): Command[] {
  return [...commands].sort((a, b) => a.start - b.start);
}

/** Shell functions `name() {…}` / `function name {…}` (when the file was read lexically) and Makefile targets as scopes. */
function shellScopes(text: string, makefile: boolean): Scope[] {
  const scopes: Scope[] = [];
  const re = makefile ? /^([A-Za-z_][\w.-]*)\s*:(?!=)/gm : /^[ \t]*(?:function\s+([A-Za-z_][\w-]*)\s*(?:\(\s*\))?|([A-Za-z_][\w-]*)\s*\(\s*\))\s*\{/gm;
  for (const m of text.matchAll(re)) {
    const name = m[1] ?? m[2]!;
    if (makefile) {
      const next = /^[^\t\s#].*:/m.exec(text.slice(m.index + m[0].length));
      scopes.push({ kind: 'function', name, start: m.index, end: next ? m.index + m[0].length + next.index : text.length });
      continue;
    }
    let depth = 0;
    let end = text.length;
    for (let i = m.index + m[0].length - 1; i < text.length; i++) {
      if (text[i] === '{') depth++;
      else if (text[i] === '}' && --depth === 0) {
        end = i + 1;
        break;
      }
    }
    scopes.push({ kind: 'function', name, start: m.index, end });
  }
  return scopes;
}

export const shellAnalyzer: Analyzer = {
  id: 'shell',
  kinds: ['shell', 'makefile', 'dockerfile'],
  prepare: () => loadGrammar('bash'),
  analyze(input: AnalyzerInput): AnalyzerOutput {
    const { text } = input;
    const source = sourceOf(input);
    const commands = allCommands(source.commands);
    const variables = [...source.variables, ...shellAssignments(commands)];
    const scopes = source.scopes ?? shellScopes(text, input.kind === 'makefile');
    const functionNames = new Set(scopes.map((s) => s.name));
    const calls: CallExpr[] = [];
    for (const cmd of commands) {
      const head = commandName(cmd);
      if (head && functionNames.has(head.name)) calls.push({ k: 'call', callee: { k: 'id', name: head.name, start: cmd.start, end: cmd.end }, args: [], start: cmd.start, end: cmd.end });
    }
    // Make prerequisites (`deploy: login`) call the target before the recipe.
    if (input.kind === 'makefile')
      for (const m of text.matchAll(/^[A-Za-z_][\w.-]*\s*:(?!=)([^\n#]*)/gm))
        for (const dep of m[1]!.trim().split(/\s+/)) if (functionNames.has(dep)) calls.push({ k: 'call', callee: { k: 'id', name: dep, start: m.index, end: m.index }, args: [], start: m.index, end: m.index + 1 });
    const program: Program = { text, tokens: [], lines: new LineIndex(text), statements: [], assignments: [], calls, annotations: new Set(), scopes };
    const folder = new Folder(program, { envRead: () => undefined });
    const facts = new FactCollector(program, input.path, folder);
    const assigned = new Set(variables.map((v) => v.name));

    const resolve = (parts: readonly ValuePart[], at: number, names?: Set<string>, depth = 0): SymbolicValue => {
      const out: ValuePart[] = [];
      for (const p of parts) {
        if (p.kind !== 'env' || depth > 8) {
          pushPart(out, p);
          continue;
        }
        const v = lookup(variables, p.name, at);
        names?.add(p.name);
        if (v?.defaults) for (const [n, d] of Object.entries(v.defaults)) names?.add(`default:${n}=${d}`);
        if (!v) pushPart(out, p);
        else for (const q of resolve(v.parts, v.offset, names, depth + 1)) pushPart(out, q);
      }
      return out;
    };

    for (const cmd of commands) {
      const names = new Set<string>();
      const req = readHttpCommand(cmd, (parts, at) => resolve(parts, at, names));
      if (!req) continue;
      for (const w of cmd.words) for (const [n, d] of Object.entries(w.defaults ?? {})) names.add(`default:${n}=${d}`);
      const url = req.url ? resolve(req.url.parts, req.url.start, names) : [];
      const last = cmd.words[cmd.words.length - 1]!;
      const fact = facts.request({ node: { start: cmd.start, end: last.end }, client: req.client, method: req.method, url, body: req.body, headers: req.headers, names });
      const filter = cmd.pipedTo && wordLiteral(cmd.pipedTo.words[0]) === 'jq' ? cmd.pipedTo.words.map((w) => wordLiteral(w) ?? '').join(' ') : '';
      const field = /\.(access_token|accessToken|token|jwt)\b/.exec(filter);
      if (fact && field) fact.responseTokenField = field[1]!;
      for (const s of req.secretWords) facts.facts.push({ kind: 'secret', span: program.lines.span(s.word.start, s.word.end), secretKind: s.kind, boundTo: s.boundTo, evidence: [] });
    }

    for (const v of variables) {
      const literal = v.parts.length === 1 && v.parts[0]!.kind === 'text' ? v.parts[0]!.text : undefined;
      const kind = literal !== undefined ? secretKindOf(v.name, literal) : undefined;
      if (kind && v.word) facts.facts.push({ kind: 'secret', span: program.lines.span(v.word.start, v.word.end), secretKind: kind, boundTo: v.name, evidence: /axept/i.test(v.name) ? [{ weight: 'strong', text: `bound to ${v.name}` }] : [] });
    }
    const seen = new Set<string>();
    for (const cmd of commands)
      for (const w of cmd.words)
        for (const p of w.parts) {
          if (p.kind !== 'env' || assigned.has(p.name) || /^(?:HOME|PATH|PWD|USER|SHELL|TMPDIR|IFS|RANDOM|OLDPWD)$/.test(p.name)) continue;
          const key = `${p.name}@${w.start}`;
          if (seen.has(key)) continue;
          seen.add(key);
          facts.facts.push({ kind: 'env-read', span: program.lines.span(w.start, w.end), name: p.name });
        }
    return { facts: facts.finish(), parsed: source.parsed, errors: source.errors };
  },
};

/** The variable's definition in effect at `offset` (the last before it, else the first after it). */
function lookup(variables: readonly Variable[], name: string, offset: number): Variable | undefined {
  let before: Variable | undefined;
  let after: Variable | undefined;
  for (const v of variables) {
    if (v.name !== name) continue;
    if (v.offset < offset) {
      if (!before || v.offset > before.offset) before = v;
    } else if (v.offset > offset && (!after || v.offset < after.offset)) after = v;
  }
  return before ?? after;
}
