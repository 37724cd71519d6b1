/**
 * `.http` / `.rest` files (VS Code REST Client, JetBrains HTTP Client): `###`-separated requests,
 * `@name = value` variables, headers, bodies, `# @name` request names and response handlers.
 */
import type { Fact } from '../../facts/types.js';
import { configEntryFacts } from '../config/config-entries.js';
import { LineIndex } from '../line-index.js';
import { isTemplatePath } from '../config/value-kind.js';
import { bodyTextFields, locateValue, requestFacts, type RequestDraft } from './request-facts.js';
import { scriptSetVariables, storedToken } from './script-tokens.js';
import { templateParts } from './value-parts.js';

const METHODS = 'GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS|TRACE|CONNECT';
const REQUEST_LINE = new RegExp(String.raw`^(\s*)(?:(${METHODS})\s+)?((?:https?:\/\/|\{\{|\/)\S*)(?:\s+HTTP\/[\d.]+)?\s*$`);
const VARIABLE = /^\s*@([A-Za-z_][\w.-]*)\s*=\s*(.*?)\s*$/;

export interface HttpRequestBlock {
  name?: string;
  method: string;
  /** URL as written (query continuation lines appended). */
  url: string;
  /** 1-based line of the request line; columns of method/URL. */
  line: number;
  column: number;
  endColumn: number;
  headers: Array<{ name: string; value: string; line: number; column: number }>;
  /** Body lines range (1-based, inclusive) and text. */
  body?: { text: string; firstLine: number; lastLine: number };
  /** Response handler script (`> {% ... %}`). */
  handler?: string;
}

export interface HttpFile {
  variables: Array<{ name: string; value: string; line: number; column: number; valueColumn: number; valueEndColumn: number }>;
  requests: HttpRequestBlock[];
}

/** Structure of an .http file, line by line. */
export function parseHttpFile(text: string): HttpFile {
  const index = new LineIndex(text);
  const file: HttpFile = { variables: [], requests: [] };
  let current: HttpRequestBlock | undefined;
  let phase: 'none' | 'headers' | 'body' | 'handler' = 'none';
  let pendingName: string | undefined;
  for (let line = 1; line <= index.lineCount; line++) {
    const content = index.lineText(line);
    if (/^###/.test(content)) {
      current = undefined;
      phase = 'none';
      pendingName = undefined;
      continue;
    }
    if (phase === 'handler') {
      current!.handler += `\n${content}`;
      if (/%\}/.test(content)) phase = 'body';
      continue;
    }
    if (current && /^>\s*\{%/.test(content)) {
      current.handler = content.replace(/^>\s*\{%/, '');
      phase = /%\}/.test(content) ? 'body' : 'handler';
      continue;
    }
    const variable = phase !== 'body' ? VARIABLE.exec(content) : null;
    if (variable) {
      const column = content.indexOf('@') + 1;
      const raw = variable[2]!;
      const value = unquote(raw);
      const rawColumn = content.indexOf(raw, content.indexOf('=')) + 1;
      const valueColumn = rawColumn + (value === raw ? 0 : 1);
      file.variables.push({ name: variable[1]!, value, line, column, valueColumn, valueEndColumn: valueColumn + value.length });
      continue;
    }
    if (phase !== 'body' && /^\s*(#|\/\/)/.test(content)) {
      const named = /^\s*(?:#|\/\/)\s*@name\s*=?\s*(\S+)/.exec(content);
      if (named) pendingName = named[1];
      continue;
    }
    if (!current) {
      const m = REQUEST_LINE.exec(content);
      if (!m) continue;
      current = {
        method: m[2] ?? 'GET',
        url: m[3]!,
        line,
        column: m[1]!.length + 1,
        endColumn: content.trimEnd().length + 1,
        headers: [],
      };
      if (pendingName) current.name = pendingName;
      file.requests.push(current);
      phase = 'headers';
      continue;
    }
    if (phase === 'headers') {
      if (/^\s*[?&]/.test(content) && current.headers.length === 0) {
        current.url += content.trim();
        continue;
      }
      if (content.trim() === '') {
        phase = 'body';
        continue;
      }
      const header = /^\s*([\w-]+)\s*:\s*(.*)$/.exec(content);
      if (header) current.headers.push({ name: header[1]!, value: header[2]!.trim(), line, column: content.indexOf(header[2]!, header[1]!.length) + 1 });
      continue;
    }
    if (phase === 'body' && content.trim() !== '' && !/^<\s/.test(content)) {
      if (current.body) {
        current.body.text += `\n${content}`;
        current.body.lastLine = line;
      } else current.body = { text: content, firstLine: line, lastLine: line };
    }
  }
  return file;
}

function unquote(v: string): string {
  return /^(["']).*\1$/.test(v) ? v.slice(1, -1) : v;
}

/** Facts of an .http/.rest file. */
export function httpFileFacts(path: string, text: string): Fact[] {
  const index = new LineIndex(text);
  const parsed = parseHttpFile(text);
  const vars = new Map(parsed.variables.map((v) => [v.name, v.value]));
  const dynamic = new Set(parsed.requests.flatMap((r) => (r.handler ? [...scriptSetVariables(r.handler)] : [])));
  const tied = /axept/i.test(text) || /axept/i.test(path);
  const facts: Fact[] = [];
  for (const v of parsed.variables) {
    facts.push(
      ...configEntryFacts({
        keyPath: v.name,
        span: { line: v.line, column: v.column, endLine: v.line, endColumn: index.lineText(v.line).trimEnd().length + 1 },
        value: v.value,
        valueSpan: { line: v.line, column: v.valueColumn, endLine: v.line, endColumn: v.valueEndColumn },
        format: 'http-file',
        template: isTemplatePath(path),
        axeptioContext: tied,
      }),
    );
  }
  // REST Client: `{{login.response.body.$.token}}` reads a field of the request named `login`.
  const readFields = new Map<string, string>();
  for (const m of text.matchAll(/\{\{\s*([\w-]+)\.response\.body\.(?:\$\.|\*\.)?([\w.]+)\s*\}\}/g)) readFields.set(m[1]!, m[2]!.split('.').pop()!);
  for (const r of parsed.requests) {
    const draft: RequestDraft = {
      client: 'http-file',
      rewritable: true,
      method: r.method,
      url: templateParts(r.url, vars, dynamic),
      span: { line: r.line, column: r.column, endLine: r.line, endColumn: r.endColumn },
    };
    let fallback: { start: number; end: number } | undefined;
    if (r.body) {
      const from = index.lineStart(r.body.firstLine);
      const to = index.lineStart(r.body.lastLine) + index.lineText(r.body.lastLine).length;
      const body = bodyTextFields(r.body.text);
      draft.body = { encoding: body.encoding, fields: body.fields.map((f) => ({ ...f, ...locateValue(text, from, to, f.key, f.value) })) };
      fallback = { start: from, end: to };
    }
    if (r.headers.length) {
      draft.headers = r.headers.map((h) => {
        const start = index.lineStart(h.line) + h.column - 1;
        return { name: h.name, value: h.value, start, end: start + h.value.length };
      });
    }
    const stored = r.handler ? storedToken(r.handler) : undefined;
    const field = stored?.field ?? (r.name ? readFields.get(r.name) : undefined);
    if (field) draft.responseTokenField = field;
    if (stored && !stored.tracksExpiry) draft.tokenCachedWithoutExpiry = true;
    facts.push(...requestFacts(draft, { index, parts: (s) => templateParts(s, vars, dynamic), fallback }));
  }
  return facts;
}
