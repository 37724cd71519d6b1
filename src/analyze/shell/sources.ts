/** Where the shell is in a Makefile (recipe lines, variable definitions) and a Dockerfile (RUN, ENV/ARG). */
import type { ValuePart } from '../../facts/types.js';
import { pushPart } from '../lexical/fold.js';
import { readCommands, type Command, type Word } from './words.js';

export interface Variable {
  name: string;
  parts: ValuePart[];
  offset: number;
  /** The word that defined it (shell assignments), for secret spans. */
  word?: Word;
  defaults?: Record<string, string>;
}

export interface ShellSource {
  commands: Command[];
  variables: Variable[];
}

/** Logical lines: [start, end) offsets with `\`-newline continuations joined. */
function logicalLines(text: string): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    while (end !== -1 && /\\\r?$/.test(text.slice(start, end))) end = text.indexOf('\n', end + 1);
    if (end === -1) end = text.length;
    out.push({ start, end });
    start = end + 1;
  }
  return out;
}

/** A variable value as parts: `$(VAR)`/`${VAR}` become variable references. */
function valueParts(value: string): ValuePart[] {
  const parts: ValuePart[] = [];
  let last = 0;
  for (const m of value.matchAll(/\$[({]([A-Za-z_][\w.-]*)[)}]|\$\{([A-Za-z_]\w*)(?::?-([^}]*))?\}|\$([A-Za-z_]\w*)/g)) {
    pushPart(parts, { kind: 'text', text: value.slice(last, m.index) });
    pushPart(parts, { kind: 'env', name: m[1] ?? m[2] ?? m[4]! });
    last = m.index + m[0].length;
  }
  pushPart(parts, { kind: 'text', text: value.slice(last) });
  return parts;
}

const MAKE_ASSIGNMENT = /^(?:export\s+|override\s+)?([A-Za-z_][\w.-]*)\s*(?::{1,3}=|\?=|\+=|!=|=)\s*(.*?)\s*$/s;

/** Makefile: variable definitions and tab-indented recipe lines (read in make mode). */
export function makefileSource(text: string): ShellSource {
  const commands: Command[] = [];
  const variables: Variable[] = [];
  for (const { start, end } of logicalLines(text)) {
    const line = text.slice(start, end);
    if (line.startsWith('\t')) {
      let s = start + 1;
      while (/[@+-]/.test(text[s] ?? '')) s++;
      commands.push(...readCommands(text, s, end, { make: true }));
      continue;
    }
    if (/^\s*#/.test(line)) continue;
    const m = MAKE_ASSIGNMENT.exec(line.replace(/\\\r?\n/g, ' ').replace(/\s#.*$/, ''));
    if (m) variables.push({ name: m[1]!, parts: valueParts(m[2]!), offset: start });
  }
  return { commands, variables };
}

/** Reads the shell of [start, end) of a file's text into commands. */
export type ShellRead = (text: string, start: number, end: number) => Command[];

/**
 * Dockerfile: RUN (shell and exec form) as commands; ENV and ARG as variables. A shell-form RUN
 * body is plain shell, read by `readShell` (the analyzer passes the tree-sitter reader).
 */
export function dockerfileSource(text: string, readShell: ShellRead = readCommands): ShellSource {
  const commands: Command[] = [];
  const variables: Variable[] = [];
  for (const { start, end } of logicalLines(text)) {
    const line = text.slice(start, end);
    const m = /^(\s*)(RUN|ENV|ARG)\s+/i.exec(line);
    if (!m) continue;
    const bodyStart = start + m[0].length;
    const instruction = m[2]!.toUpperCase();
    if (instruction === 'RUN') {
      const body = text.slice(bodyStart, end).trim();
      if (body.startsWith('[')) commands.push(...execForm(text, bodyStart, end));
      else commands.push(...readShell(text, bodyStart, end));
      continue;
    }
    const body = text.slice(bodyStart, end).replace(/\\\r?\n/g, ' ');
    const pairs = [...body.matchAll(/([A-Za-z_]\w*)=("(?:[^"\\]|\\.)*"|'[^']*'|\S*)/g)];
    if (pairs.length) for (const p of pairs) variables.push({ name: p[1]!, parts: valueParts(p[2]!.replace(/^(["'])(.*)\1$/s, '$2')), offset: bodyStart });
    else {
      const legacy = /^([A-Za-z_]\w*)\s+(.*)$/s.exec(body.trim());
      if (legacy && instruction === 'ENV') variables.push({ name: legacy[1]!, parts: valueParts(legacy[2]!.trim()), offset: bodyStart });
    }
  }
  return { commands, variables };
}

/** `RUN ["curl", "-X", "POST", "…"]`: each JSON string is one word. */
function execForm(text: string, start: number, end: number): Command[] {
  const words: Word[] = [];
  const open = text.indexOf('[', start);
  for (const m of text.slice(open, end).matchAll(/"((?:[^"\\]|\\.)*)"/g)) {
    const s = open + m.index;
    let value: string;
    try {
      value = JSON.parse(m[0]) as string;
    } catch {
      value = m[1]!;
    }
    words.push({ parts: valueParts(value), start: s, end: s + m[0].length, quoted: true });
  }
  return words.length ? [{ words, start: words[0]!.start, end }] : [];
}
