/**
 * curl commands inside CI steps (`run:`, `script:`) and other embedded shell: a small recognizer
 * over the source lines of a range, so spans point at the real line of `curl` in the file.
 */
import type { Fact } from '../../facts/types.js';
import type { LineIndex } from '../config/text-position.js';
import { bodyTextFields, locateValue, requestFacts, type RequestDraft } from './request-facts.js';
import { shellParts } from './value-parts.js';

interface CurlCommand {
  words: string[];
  /** Text after the curl command on its logical line (a `| jq -r .token` pipe). */
  rest: string;
}

/** RequestFacts (client `curl`) for every curl command whose first line lies in [from, to). */
export function curlRequestFacts(text: string, index: LineIndex, from: number, to: number): Fact[] {
  const facts: Fact[] = [];
  const first = index.position(from).line;
  const last = index.position(Math.max(from, to - 1)).line;
  for (let line = first; line <= last; line++) {
    const content = index.lineText(line);
    const at = /(?:^|[\s;&|(`$])curl\s/.exec(content);
    if (!at) continue;
    const curlColumn = at.index + at[0].indexOf('curl');
    // Join backslash-continued lines into one logical command.
    let logical = content.slice(curlColumn);
    let end = line;
    while (/\\\s*$/.test(index.lineText(end)) && end < last) {
      end++;
      logical = logical.replace(/\\\s*$/, ' ') + index.lineText(end);
    }
    const cmd = tokenize(logical.slice(4));
    const draft = curlDraft(cmd, { line, column: curlColumn + 1, endLine: end, endColumn: index.lineText(end).trimEnd().length + 1 });
    if (!draft) continue;
    const cmdStart = index.lineStart(line) + curlColumn;
    const cmdEnd = index.lineStart(end) + index.lineText(end).length;
    if (draft.body) draft.body.fields = draft.body.fields.map((f) => ({ ...f, ...locateValue(text, cmdStart, cmdEnd, f.key, f.value) }));
    if (draft.headers)
      draft.headers = draft.headers.map((h) => ({ ...h, ...locateValue(text, cmdStart, cmdEnd, h.name, h.value.replace(/^(Bearer|Basic|Token)\s+/i, '')) }));
    facts.push(...requestFacts(draft, { index, parts: shellParts, fallback: { start: cmdStart, end: cmdEnd } }));
    line = end;
  }
  return facts;
}

function curlDraft(cmd: CurlCommand, span: RequestDraft['span']): RequestDraft | undefined {
  let method: string | undefined;
  let url: string | undefined;
  const data: string[] = [];
  const form: string[] = [];
  const headers: Array<{ name: string; value: string }> = [];
  let json = false;
  const w = cmd.words;
  for (let i = 0; i < w.length; i++) {
    const word = w[i]!;
    const next = (): string => w[++i] ?? '';
    if (word === '-X' || word === '--request') method = next();
    else if (/^-X[A-Z]+$/.test(word)) method = word.slice(2);
    else if (['-d', '--data', '--data-raw', '--data-binary', '--data-urlencode', '--data-ascii'].includes(word)) data.push(next());
    else if (word === '--json') {
      json = true;
      data.push(next());
    } else if (word === '-F' || word === '--form') form.push(next());
    else if (word === '-H' || word === '--header') {
      const h = next();
      const colon = h.indexOf(':');
      if (colon > 0) headers.push({ name: h.slice(0, colon).trim(), value: h.slice(colon + 1).trim() });
    } else if (word === '--url') url = next();
    else if (/^-[uAeoTbcwrmKEx]$|^--(?:user|user-agent|referer|output|upload-file|cookie|write-out|range|max-time|config|cert|proxy|connect-timeout|retry)$/.test(word)) next();
    else if (!word.startsWith('-') && url === undefined) url = word;
  }
  if (url === undefined) return undefined;
  const draft: RequestDraft = { client: 'curl', method: method ?? (data.length || form.length ? 'POST' : 'GET'), url: shellParts(url), span };
  if (data.length) {
    const parsed = bodyTextFields(data.join('&'));
    draft.body = { encoding: json ? 'json' : parsed.encoding, fields: parsed.fields };
  } else if (form.length) {
    draft.body = { encoding: 'multipart', fields: form.map((f) => ({ key: f.slice(0, Math.max(0, f.indexOf('='))), value: f.slice(f.indexOf('=') + 1) })) };
  }
  if (headers.length) draft.headers = headers;
  const jq = /\|\s*jq\b[^|]*?['"]?\.(\w+)['"]?/.exec(cmd.rest);
  if (jq) draft.responseTokenField = jq[1]!;
  return draft;
}

/** Shell words of a command (quotes removed), up to the first unquoted `|`, `;`, `&&`, `)` or backtick. */
function tokenize(s: string): CurlCommand {
  const words: string[] = [];
  let word = '';
  let has = false;
  let i = 0;
  for (; i < s.length; i++) {
    const c = s[i]!;
    if (c === "'") {
      const close = s.indexOf("'", i + 1);
      word += s.slice(i + 1, close === -1 ? s.length : close);
      has = true;
      i = close === -1 ? s.length : close;
    } else if (c === '"') {
      let j = i + 1;
      for (; j < s.length && s[j] !== '"'; j++) {
        if (s[j] === '\\' && j + 1 < s.length) j++;
        word += s[j];
      }
      has = true;
      i = j;
    } else if (/\s/.test(c)) {
      if (has) words.push(word);
      word = '';
      has = false;
    } else if (c === '|' || c === ';' || c === ')' || c === '`' || (c === '&' && s[i + 1] === '&')) break;
    else if (c === '\\' && i + 1 < s.length) {
      word += s[++i];
      has = true;
    } else {
      word += c;
      has = true;
    }
  }
  if (has) words.push(word);
  return { words, rest: s.slice(i) };
}
