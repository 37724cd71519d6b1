/**
 * Redaction: secrets found in code never appear in any output. Every message, snippet and
 * evidence string passes through `redact` before it reaches a reporter; hard-coded secret
 * values are additionally masked by span (`maskSpans`) because not every secret looks like one.
 */
import type { Span } from '../facts/types.js';

export const MASK = '«redacted»';

/** Keys whose assigned values are secrets wherever they appear (code, JSON, YAML, .env, query strings). */
const SECRET_KEY =
  String.raw`(?:[A-Za-z0-9_.-]*?(?:password|passwd|pwd|passphrase|secret|client[_-]?secret|api[_-]?key|apikey|access[_-]?token|refresh[_-]?token|auth[_-]?token|bearer[_-]?token|private[_-]?key|token))`;

const PATTERNS: Array<[RegExp, (m: string, ...g: string[]) => string]> = [
  // JWT-looking strings: three base64url segments, the first a JSON header.
  [/\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*/g, () => MASK],
  // Authorization: Bearer / Basic / Token <value> (but keep template placeholders visible).
  [/\b(Bearer|Basic|Token)(\s+)(?!\$\{|\{\{|«)([A-Za-z0-9._~+/=-]{8,})/g, (_m, scheme: string, sp: string) => `${scheme}${sp}${MASK}`],
  // URL userinfo: scheme://user:pass@host
  [/(\b[a-z][a-z0-9+.-]*:\/\/[^\s:/@'"`]+:)([^\s@'"`/]+)(@)/gi, (_m, pre: string, _pw: string, at: string) => `${pre}${MASK}${at}`],
  // key: 'value' / key = "value" / "key": "value" / key => 'value' (quoted literal values).
  [
    new RegExp(String.raw`(["']?\b${SECRET_KEY}["']?\s*(?::|=|=>|:=)\s*)(["'\x60])((?:(?!\2)[^\\\n]|\\.){1,})\2`, 'gi'),
    (m, pre: string, q: string, val: string) => (isPlaceholderValue(val) ? m : `${pre}${q}${MASK}${q}`),
  ],
  // KEY=value in .env / shell / query strings / form bodies (unquoted values).
  [
    new RegExp(String.raw`(\b${SECRET_KEY}\s*=\s*)(?!["'\x60$\{«])([^\s&"'\x60;,)]{1,})`, 'gi'),
    (m, pre: string, val: string) => (isPlaceholderValue(val) ? m : `${pre}${MASK}`),
  ],
  // YAML / .properties style unquoted `password: value`.
  [
    new RegExp(String.raw`^(\s*-?\s*${SECRET_KEY}\s*:\s+)(?!["'\x60$\{«|>&*])([^\s#]+)`, 'gim'),
    (m, pre: string, val: string) => (isPlaceholderValue(val) ? m : `${pre}${MASK}`),
  ],
  // curl -u user:pass / --user user:pass
  [/(\s(?:-u|--user)\s+["']?[^\s:'"]+:)([^\s'"]+)/g, (_m, pre: string) => `${pre}${MASK}`],
  // Well-known token prefixes (GitHub, GitLab, Slack, Stripe-like, AWS access keys).
  [/\b(?:gh[pousr]_[A-Za-z0-9]{20,}|glpat-[A-Za-z0-9_-]{20,}|xox[abpr]-[A-Za-z0-9-]{10,}|sk_(?:live|test)_[A-Za-z0-9]{16,}|AKIA[0-9A-Z]{16})\b/g, () => MASK],
];

/** Values that are obviously not secrets: empty, variables, references and template placeholders. */
export function isPlaceholderValue(value: string): boolean {
  const v = value.trim();
  if (v === '' || v === MASK) return true;
  if (/^(\$\{?[A-Za-z_][A-Za-z0-9_]*\}?|\{\{[^}]+\}\}|%[A-Za-z_]+%|<[^>]+>|\*+|x+|\.\.\.|…)$/i.test(v)) return true;
  if (/^(process\.env|os\.environ|env\(|getenv|ENV\[|config\.|settings\.|secrets\.|vars\.)/.test(v)) return true;
  if (/^(changeme|change-me|your[_-]?\w*|my[_-]?\w*|example|placeholder|password|secret|todo|tbd|null|none|undefined|true|false)$/i.test(v)) return true;
  return false;
}

/** Mask every secret-looking value in a piece of text. Idempotent. */
export function redact(text: string): string {
  let out = text;
  for (const [re, replace] of PATTERNS) out = out.replace(re, replace as (m: string, ...g: string[]) => string);
  return out;
}

/**
 * Mask the given spans (1-based, end exclusive column) inside `lines`, which start at `firstLine`.
 * Used for hard-coded secrets whose values do not look like secrets to `redact`.
 */
export function maskSpans(lines: string[], firstLine: number, spans: readonly Span[]): string[] {
  const out = lines.slice();
  for (const span of spans) {
    for (let ln = Math.max(span.line, firstLine); ln <= Math.min(span.endLine, firstLine + out.length - 1); ln++) {
      const i = ln - firstLine;
      const line = out[i]!;
      const start = ln === span.line ? span.column - 1 : 0;
      const end = ln === span.endLine ? span.endColumn - 1 : line.length;
      if (end > start) out[i] = line.slice(0, start) + MASK + line.slice(end);
    }
  }
  return out;
}
