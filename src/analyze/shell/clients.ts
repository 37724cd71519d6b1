/** curl, wget and HTTPie command lines as requests: method, URL, data, headers, basic auth. */
import type { SymbolicValue, ValuePart } from '../../facts/types.js';
import { concat } from '../lexical/fold.js';
import { parseBodyText, type Body } from '../lexical/payload.js';
import type { Command, Word } from './words.js';
import { wordLiteral, wordText } from './words.js';

export interface ShellRequest {
  client: 'curl' | 'wget' | 'httpie';
  method?: string;
  url?: Word;
  body?: Body;
  headers: Record<string, SymbolicValue>;
  /** Words whose literal text is a credential (`-u user:pass`, `password=…`), to report as secrets. */
  secretWords: Array<{ word: Word; kind: 'password' | 'access-token' | 'jwt'; boundTo: string }>;
}

/** Resolves variable parts (`$API`) to what the file assigned, else leaves them as env reads. */
export type Resolve = (parts: readonly ValuePart[], at: number) => SymbolicValue;

const CURL_VALUE_SHORT = new Set(['X', 'd', 'H', 'u', 'F', 'o', 'A', 'e', 'b', 'c', 'w', 'm', 'x', 'E', 'K', 'T', 'r', 'U', 'Y', 'y', 'z', 'C', 'P', 'Q', 't']);
const CURL_VALUE_LONG = new Set([
  'request', 'data', 'data-raw', 'data-binary', 'data-ascii', 'data-urlencode', 'json', 'header', 'user', 'form', 'form-string', 'output', 'user-agent',
  'referer', 'cookie', 'cookie-jar', 'write-out', 'max-time', 'connect-timeout', 'retry', 'retry-delay', 'retry-max-time', 'proxy', 'cacert', 'capath',
  'cert', 'key', 'resolve', 'url', 'upload-file', 'config', 'oauth2-bearer', 'limit-rate', 'range', 'interface', 'dns-servers', 'max-redirs', 'proto',
  'proxy-user', 'aws-sigv4', 'cert-type', 'key-type', 'pass', 'trace', 'trace-ascii', 'stderr', 'connect-to', 'unix-socket', 'variable', 'expand-url',
]);
const DATA_OPTIONS = new Set(['d', 'data', 'data-raw', 'data-binary', 'data-ascii', 'data-urlencode', 'json', 'F', 'form', 'form-string']);

/** The executable a command runs (after `sudo`, `env`, `VAR=x` prefixes), as a basename. */
export function commandName(cmd: Command): { name: string; index: number } | undefined {
  for (let i = 0; i < cmd.words.length; i++) {
    const text = wordLiteral(cmd.words[i]);
    if (text === undefined) return undefined;
    if (/^[A-Za-z_][A-Za-z0-9_]*=/.test(text) && cmd.words[i]!.parts[0]?.kind === 'text') continue;
    if (/^(?:sudo|env|exec|time|command|nohup|xargs|eval|-\S*)$/.test(text)) continue;
    return { name: text.slice(text.lastIndexOf('/') + 1), index: i };
  }
  return undefined;
}

/** Read a curl/wget/httpie command; undefined for any other command. */
export function readHttpCommand(cmd: Command, resolve: Resolve): ShellRequest | undefined {
  const head = commandName(cmd);
  if (!head) return undefined;
  const args = cmd.words.slice(head.index + 1);
  if (head.name === 'curl') return readCurl(args, cmd, resolve);
  if (head.name === 'wget') return readWget(args, resolve);
  if (head.name === 'http' || head.name === 'https' || head.name === 'xh') return readHttpie(args, resolve, head.name === 'https');
  return undefined;
}

function readCurl(args: Word[], cmd: Command, resolve: Resolve): ShellRequest {
  const req: ShellRequest = { client: 'curl', headers: {}, secretWords: [] };
  let method: string | undefined;
  let jsonFlag = false;
  let multipart = false;
  const data: Array<{ word: Word; option: string }> = [];
  for (let i = 0; i < args.length; i++) {
    const word = args[i]!;
    const text = wordLiteral(word) ?? '';
    let option: string | undefined;
    let value: Word | undefined;
    if (text.startsWith('--') && text.length > 2) {
      const eq = text.indexOf('=');
      option = eq === -1 ? text.slice(2) : text.slice(2, eq);
      if (CURL_VALUE_LONG.has(option)) {
        if (eq !== -1) value = sliceWord(word, eq + 1);
        else value = args[++i];
      }
    } else if (text.startsWith('-') && text.length > 1 && word.parts[0]?.kind === 'text') {
      // Combined short flags (`-sSL`, `-sX POST`, `-XPOST`, `-d@file`).
      for (let k = 1; k < text.length; k++) {
        const flag = text[k]!;
        if (flag === 'G') method = 'GET';
        else if (flag === 'I') method = 'HEAD';
        if (CURL_VALUE_SHORT.has(flag)) {
          option = flag;
          value = k + 1 < text.length || word.parts.length > 1 ? sliceWord(word, k + 1) : args[++i];
          break;
        }
      }
      if (!option) continue;
    } else if (!req.url) {
      req.url = word;
      continue;
    } else continue;
    if (!option || !value) continue;
    const valueText = wordText(value);
    if (option === 'X' || option === 'request') method = valueText.toUpperCase();
    else if (option === 'url') req.url = value;
    else if (option === 'H' || option === 'header') addHeader(req, value, resolve);
    else if (option === 'u' || option === 'user') {
      req.headers.authorization = concat([{ kind: 'text', text: 'Basic ' }], resolve(value.parts, value.start));
      const literal = wordLiteral(value);
      if (literal?.includes(':') && literal.split(':')[1]!.length >= 3) req.secretWords.push({ word: value, kind: 'password', boundTo: 'curl --user' });
    } else if (option === 'oauth2-bearer') req.headers.authorization = concat([{ kind: 'text', text: 'Bearer ' }], resolve(value.parts, value.start));
    else if (DATA_OPTIONS.has(option)) {
      if (option === 'json') jsonFlag = true;
      if (option === 'F' || option === 'form' || option === 'form-string') multipart = true;
      data.push({ word: value, option });
    }
  }
  if (data.length) {
    const contentType = symbolicTextOf(req.headers['content-type']);
    const encoding: Body['encoding'] = jsonFlag || /json/i.test(contentType) ? 'json' : multipart ? 'multipart' : 'form';
    req.body = dataBody(data, encoding, cmd, resolve, req);
  }
  req.method = method ?? (data.length ? 'POST' : 'GET');
  return req;
}

function dataBody(data: Array<{ word: Word; option: string }>, encoding: Body['encoding'], cmd: Command, resolve: Resolve, req: ShellRequest): Body {
  const fields: Record<string, SymbolicValue> = {};
  let enc = encoding;
  for (const { word } of data) {
    let value = resolve(word.parts, word.start);
    // `-d @-` reads the heredoc; `-d @file` is a file we do not open.
    if (wordLiteral(word) === '@-' && cmd.heredoc !== undefined) value = [{ kind: 'text', text: cmd.heredoc }];
    const parsed = parseBodyText(value, enc);
    if (parsed) {
      if (parsed.encoding === 'json') enc = 'json';
      Object.assign(fields, parsed.fields);
      for (const [k, v] of Object.entries(parsed.fields)) {
        const literal = v.length === 1 && v[0]!.kind === 'text' ? v[0]!.text : undefined;
        if (literal && /^pass(word|wd)?$/i.test(k) && literal.length >= 3 && !/^\$/.test(literal)) req.secretWords.push({ word, kind: 'password', boundTo: k });
      }
    }
  }
  return { encoding: enc, fields };
}

function addHeader(req: ShellRequest, value: Word, resolve: Resolve): void {
  const parts = resolve(value.parts, value.start);
  const first = parts[0];
  if (first?.kind !== 'text') return;
  const colon = first.text.indexOf(':');
  if (colon <= 0) return;
  const name = first.text.slice(0, colon).trim().toLowerCase();
  const rest: SymbolicValue = [{ kind: 'text' as const, text: first.text.slice(colon + 1).replace(/^\s+/, '') }, ...parts.slice(1)].filter((p) => p.kind !== 'text' || p.text);
  req.headers[name] = rest;
  const literal = wordLiteral(value);
  if (name === 'authorization' && literal && /Bearer\s+\S{16,}/i.test(literal)) req.secretWords.push({ word: value, kind: /eyJ/.test(literal) ? 'jwt' : 'access-token', boundTo: 'Authorization header' });
}

/** wget --post-data / --body-data / --method / --header. */
function readWget(args: Word[], resolve: Resolve): ShellRequest {
  const req: ShellRequest = { client: 'wget', headers: {}, secretWords: [] };
  let method: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const word = args[i]!;
    const text = wordLiteral(word) ?? '';
    const m = /^--([a-z-]+)(?:=(.*))?$/s.exec(text.startsWith('--') ? wordText(word) : '');
    if (m) {
      const takes = ['post-data', 'body-data', 'method', 'header', 'output-document', 'user', 'password', 'http-user', 'http-password', 'post-file', 'body-file'];
      if (!takes.includes(m[1]!)) continue;
      const value = m[2] !== undefined ? sliceWord(word, text.indexOf('=') + 1) : args[++i];
      if (!value) continue;
      if (m[1] === 'post-data' || m[1] === 'body-data') {
        method ??= 'POST';
        req.body = parseBodyText(resolve(value.parts, value.start), 'form') ?? { encoding: 'unknown', fields: {} };
      } else if (m[1] === 'method') method = wordText(value).toUpperCase();
      else if (m[1] === 'header') addHeader(req, value, resolve);
      else if (/password$/.test(m[1]!) && wordLiteral(value) && wordLiteral(value)!.length >= 3) req.secretWords.push({ word: value, kind: 'password', boundTo: `wget --${m[1]}` });
      continue;
    }
    if (text.startsWith('-') && word.parts[0]?.kind === 'text') {
      if (/^-[^-]*[OoaPUe]$/.test(text)) i++;
      continue;
    }
    req.url ??= word;
  }
  req.method = method ?? 'GET';
  return req;
}

/** HTTPie: `http [--form] POST url username=x password=y Header:value`. */
function readHttpie(args: Word[], resolve: Resolve, https: boolean): ShellRequest {
  const req: ShellRequest = { client: 'httpie', headers: {}, secretWords: [] };
  let form = false;
  const fields: Record<string, SymbolicValue> = {};
  let method: string | undefined;
  for (const word of args) {
    const text = wordText(word);
    if (text.startsWith('-')) {
      if (/^(?:-f|--form|--multipart)$/.test(text)) form = true;
      continue;
    }
    if (!method && !req.url && /^(?:GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)$/.test(text)) {
      method = text;
      continue;
    }
    if (!req.url) {
      req.url = https && !/^https?:/.test(text) ? { ...word, parts: [{ kind: 'text', text: 'https://' }, ...word.parts] } : word;
      continue;
    }
    const first = word.parts[0];
    if (first?.kind !== 'text') continue;
    const m = /^([\w.-]+)(:=|==|=|:)(.*)$/s.exec(first.text);
    if (!m) continue;
    const value: SymbolicValue = resolve([{ kind: 'text' as const, text: m[3]! }, ...word.parts.slice(1)].filter((p) => p.kind !== 'text' || p.text), word.start);
    if (m[2] === '=' || m[2] === ':=') {
      fields[m[1]!] = value;
      if (/^pass(word|wd)?$/i.test(m[1]!) && wordLiteral(word) && m[3]!.length >= 3) req.secretWords.push({ word, kind: 'password', boundTo: m[1]! });
    } else if (m[2] === ':') req.headers[m[1]!.toLowerCase()] = value;
  }
  if (Object.keys(fields).length) req.body = { encoding: form ? 'form' : 'json', fields };
  req.method = method ?? (req.body ? 'POST' : 'GET');
  return req;
}

/** The word from character `from` of its first text part on (`--data=x` → `x`, `-XPOST` → `POST`). */
function sliceWord(word: Word, from: number): Word {
  const [first, ...rest] = word.parts;
  if (first?.kind !== 'text') return word;
  const head = first.text.slice(from);
  return { ...word, start: word.start + from, parts: head ? [{ kind: 'text', text: head }, ...rest] : rest };
}

function symbolicTextOf(v: SymbolicValue | undefined): string {
  return (v ?? []).map((p) => (p.kind === 'text' ? p.text : '')).join('');
}
