/**
 * Lexical fallback for files the parser could not read cleanly: string literals outside comments
 * that hold a legacy token endpoint still yield a request fact, so a broken file is never silently clean.
 */

export interface LexicalHit {
  /** Offsets of the literal's content (without quotes). */
  start: number;
  end: number;
  text: string;
}

export const LEGACY_ENDPOINT = /auth\/local\/signin|auth\/v1\/api-token/i;

/** String and template literals (comments skipped) whose content names a legacy endpoint. */
export function legacyEndpointLiterals(text: string): LexicalHit[] {
  const hits: LexicalHit[] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text[i]!;
    const next = text[i + 1];
    if (c === '/' && next === '/') {
      const eol = text.indexOf('\n', i);
      i = eol < 0 ? n : eol;
    } else if (c === '/' && next === '*') {
      const close = text.indexOf('*/', i + 2);
      i = close < 0 ? n : close + 2;
    } else if (c === '"' || c === "'" || c === '`') {
      let j = i + 1;
      while (j < n && text[j] !== c) {
        if (text[j] === '\\') j++;
        else if (c !== '`' && text[j] === '\n') break;
        j++;
      }
      const content = text.slice(i + 1, Math.min(j, n));
      if (LEGACY_ENDPOINT.test(content)) hits.push({ start: i + 1, end: i + 1 + content.length, text: content });
      i = j + 1;
    } else i++;
  }
  return hits;
}
