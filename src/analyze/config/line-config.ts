/** Line-oriented configuration formats: TOML, INI/.properties/.cfg/.conf, Terraform (.tf/.tfvars). */
import type { Fact } from '../../facts/types.js';
import { configEntryFacts } from './config-entries.js';
import { LineIndex } from '../line-index.js';
import { isTemplatePath, type ValueKind } from './value-kind.js';

export interface LineEntry {
  keyPath: string;
  /** Where the key is written (for a Terraform variable's default: the `variable "x"` line). */
  line: number;
  keyColumn: number;
  /** Line of the value, when not the key's line. */
  valueLine?: number;
  /** Raw value without quotes; null when absent. */
  value: string | null;
  valueColumn: number;
  valueEndColumn: number;
  valueKind?: ValueKind;
}

export type LineFormat = 'toml' | 'ini' | 'terraform';

/** Facts of a TOML, INI or Terraform file. */
export function lineConfigFacts(path: string, text: string, format: LineFormat): Fact[] {
  const index = new LineIndex(text);
  const entries = format === 'toml' ? tomlEntries(index) : format === 'ini' ? iniEntries(index) : terraformEntries(index);
  const template = isTemplatePath(path);
  return entries.flatMap((e) =>
    configEntryFacts({
      keyPath: e.keyPath,
      span: { line: e.line, column: e.keyColumn, endLine: e.line, endColumn: index.lineText(e.line).trimEnd().length + 1 },
      value: e.value,
      valueSpan: e.value !== null ? { line: e.valueLine ?? e.line, column: e.valueColumn, endLine: e.valueLine ?? e.line, endColumn: e.valueEndColumn } : undefined,
      valueKind: e.valueKind,
      format,
      template,
      axeptioContext: false,
    }),
  );
}

/** A value as written after `=`: quoted string (quotes removed, columns of the inside) or bare token. */
function readValue(content: string, at: number): { value: string; column: number; endColumn: number; quoted: boolean } {
  const rest = content.slice(at);
  const lead = rest.length - rest.trimStart().length;
  const start = at + lead;
  const q = content[start];
  if (q === '"' || q === "'") {
    let i = start + 1;
    for (; i < content.length && content[i] !== q; i++) if (content[i] === '\\' && q === '"') i++;
    return { value: content.slice(start + 1, i), column: start + 2, endColumn: i + 1, quoted: true };
  }
  const bare = /^[^\s#;]*(?:[ \t]+[^\s#;]+)*/.exec(content.slice(start))![0];
  return { value: bare, column: start + 1, endColumn: start + 1 + bare.length, quoted: false };
}

function tomlEntries(index: LineIndex): LineEntry[] {
  const out: LineEntry[] = [];
  let section: string[] = [];
  let inMultiline = false;
  for (let line = 1; line <= index.lineCount; line++) {
    const content = index.lineText(line);
    if (inMultiline) {
      if (/"""|'''/.test(content)) inMultiline = false;
      continue;
    }
    const header = /^\s*\[\[?\s*([^\]]+?)\s*\]\]?\s*(?:#.*)?$/.exec(content);
    if (header) {
      section = splitDotted(header[1]!);
      continue;
    }
    const kv = /^(\s*)((?:"[^"]*"|'[^']*'|[\w-]+)(?:\s*\.\s*(?:"[^"]*"|'[^']*'|[\w-]+))*)\s*=/.exec(content);
    if (!kv) continue;
    if (/=\s*("""|''')/.test(content) && !/("""|''').*\1/.test(content.slice(content.indexOf('=')))) inMultiline = true;
    const v = readValue(content, kv[0].length);
    out.push({ keyPath: [...section, ...splitDotted(kv[2]!)].join('.'), line, keyColumn: kv[1]!.length + 1, value: v.value, valueColumn: v.column, valueEndColumn: v.endColumn });
  }
  return out;
}

function splitDotted(key: string): string[] {
  return [...key.matchAll(/"([^"]*)"|'([^']*)'|([^.\s]+)/g)].map((m) => m[1] ?? m[2] ?? m[3]!);
}

function iniEntries(index: LineIndex): LineEntry[] {
  const out: LineEntry[] = [];
  let section: string[] = [];
  for (let line = 1; line <= index.lineCount; line++) {
    const content = index.lineText(line);
    if (/^\s*[#;!]/.test(content)) continue;
    const header = /^\s*\[\s*([^\]]+?)\s*\]\s*$/.exec(content);
    if (header) {
      section = [header[1]!];
      continue;
    }
    const kv = /^(\s*)([\w.-]+)\s*[=:]/.exec(content);
    if (!kv) continue;
    const v = readValue(content, kv[0].length);
    out.push({ keyPath: [...section, kv[2]!].join('.'), line, keyColumn: kv[1]!.length + 1, value: v.value, valueColumn: v.column, valueEndColumn: v.endColumn });
  }
  return out;
}

/** HCL attributes with their enclosing block labels; `variable "x" { default = ... }` is keyed `x`. */
function terraformEntries(index: LineIndex): LineEntry[] {
  const out: LineEntry[] = [];
  const stack: Array<{ labels: string[]; line: number; column: number }> = [];
  let heredoc: string | undefined;
  for (let line = 1; line <= index.lineCount; line++) {
    const content = index.lineText(line);
    if (heredoc) {
      if (content.trim() === heredoc) heredoc = undefined;
      continue;
    }
    if (/^\s*(#|\/\/)/.test(content)) continue;
    const block = /^\s*([\w-]+)((?:\s+"[^"]*"|\s+[\w-]+)*)\s*\{\s*$/.exec(content);
    if (block) {
      const labels = [...block[2]!.matchAll(/"([^"]*)"|([\w-]+)/g)].map((m) => m[1] ?? m[2]!);
      stack.push({ labels: block[1] === 'variable' && labels[0] ? [labels[0]] : [block[1]!, ...labels], line, column: content.search(/\S/) + 1 });
      continue;
    }
    const map = /^\s*([\w-]+|"[^"]+")\s*=\s*\{\s*$/.exec(content);
    if (map) {
      stack.push({ labels: [map[1]!.replace(/"/g, '')], line, column: content.search(/\S/) + 1 });
      continue;
    }
    if (/^\s*\}/.test(content)) {
      stack.pop();
      continue;
    }
    const kv = /^(\s*)([\w-]+|"[^"]+")\s*=\s*/.exec(content);
    if (!kv) continue;
    const afterEq = content.slice(kv[0].length);
    const doc = /^<<-?(\w+)/.exec(afterEq);
    if (doc) heredoc = doc[1];
    const key = kv[2]!.replace(/"/g, '');
    const enclosing = stack.flatMap((s) => s.labels);
    // A variable's default is the variable's value: `variable "axeptio_password" { default = "..." }` → key axeptio_password,
    // reported on the `variable` line that names it.
    const inVariable = stack.length === 1 && stack[0]!.labels.length === 1 && key === 'default';
    const keyPath = inVariable ? enclosing.join('.') : [...enclosing, key].join('.');
    const v = readValue(content, kv[0].length);
    const reference = !v.quoted && /^(?:var|local|data|module|resource)\.|^\w+\.\w+/.test(v.value);
    out.push({
      keyPath,
      line: inVariable ? stack[0]!.line : line,
      keyColumn: inVariable ? stack[0]!.column : kv[1]!.length + 1,
      valueLine: line,
      value: doc ? null : v.value,
      valueColumn: v.column,
      valueEndColumn: v.endColumn,
      valueKind: reference ? 'reference' : undefined,
    });
  }
  return out;
}
