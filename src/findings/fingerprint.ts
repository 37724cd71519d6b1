/**
 * Fingerprints: a finding's identity across runs. Built from the rule, the file and the
 * whitespace-normalized (redacted) snippet, plus an occurrence index for identical snippets in one
 * file, so adding lines above a finding keeps its fingerprint and a baseline keeps matching.
 */
import { createHash } from 'node:crypto';

export interface Fingerprintable {
  ruleId: string;
  file: string;
  snippet: string;
  line: number;
  column: number;
}

/** Snippet text with layout differences (indentation, blank lines, CRLF) removed. */
export function normalizeSnippet(snippet: string): string {
  return snippet
    .split(/\r?\n/)
    .map((l) => l.trim().replace(/\s+/g, ' '))
    .filter(Boolean)
    .join('\n');
}

/** Fingerprint of one finding given its occurrence index among identical (rule, file, snippet) findings. */
export function fingerprintOf(f: Pick<Fingerprintable, 'ruleId' | 'file' | 'snippet'>, occurrence: number): string {
  return createHash('sha256')
    .update(`${f.ruleId}\0${f.file}\0${normalizeSnippet(f.snippet)}\0${occurrence}`)
    .digest('hex')
    .slice(0, 32);
}

/** Fingerprints for a list of findings, in the list's order (occurrences counted in source order). */
export function fingerprintAll(findings: readonly Fingerprintable[]): string[] {
  const order = findings.map((_, i) => i).sort((a, b) => {
    const x = findings[a]!;
    const y = findings[b]!;
    return x.file === y.file ? x.line - y.line || x.column - y.column : x.file < y.file ? -1 : 1;
  });
  const seen = new Map<string, number>();
  const out = new Array<string>(findings.length);
  for (const i of order) {
    const f = findings[i]!;
    const key = `${f.ruleId}\0${f.file}\0${normalizeSnippet(f.snippet)}`;
    const n = seen.get(key) ?? 0;
    seen.set(key, n + 1);
    out[i] = fingerprintOf(f, n);
  }
  return out;
}
