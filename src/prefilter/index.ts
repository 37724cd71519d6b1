/**
 * The prefilter: a bytes/regex gate run on every discovered file before any parsing.
 * A candidate is analyzed; a JS/TS non-candidate that makes HTTP calls hands back its relative
 * import specifiers so the link step can analyze it later if it imports a legacy URL constant.
 */
import type { FileKind } from '../discover/file-kind.js';
import { HTTP_CLIENT_TRIGGER, TRIGGERS } from './triggers.js';
import { plainAccess, utf8Access, type TextAccess } from './utf8-view.js';

export { TRIGGERS, HTTP_CLIENT_TRIGGER } from './triggers.js';
export type { Trigger } from './triggers.js';

export interface PrefilterResult {
  candidate: boolean;
  /** Relative import specifiers (`./x`, `../y`) of a non-candidate JS/TS file that makes HTTP calls. */
  importSpecifiers?: string[];
}

const CONDITIONAL_TRIGGER = 'credentials-to-token-endpoint';

/**
 * One pass of plain case-insensitive literals that every trigger implies (a superset): V8 scans
 * simple literal alternations far faster than the precise patterns, and >95% of files stop here.
 */
const SCREEN_SOURCE = 'axept|signin|grant_?type|api-token|client[_-]?secret|refresh[_-]?token|eyJ|passw';
const SCREEN = new RegExp(SCREEN_SOURCE, 'gi');
/**
 * SCREEN (case-insensitive) or HTTP_CLIENT_TRIGGER (case-sensitive), in one pass over a script:
 * most scripts have neither, and one pass costs little more than either alone. The screen half is
 * spelled case by case instead of with the `i` flag, which would also apply to the HTTP half: the
 * same language (see `caseExplicit`). It comes first and is captured, so a match says which half.
 */
const SCREEN_OR_HTTP_ALL = new RegExp(`(${caseExplicit(SCREEN_SOURCE)})|${HTTP_CLIENT_TRIGGER.source}`, 'g');
/** Precise triggers are tested in a window around each screen hit, never over a multi-megabyte bundle. */
const WINDOW_BEFORE = 80;
const WINDOW_AFTER = 200;
const UNCONDITIONAL = TRIGGERS.filter((t) => t.id !== CONDITIONAL_TRIGGER).map((t) => t.pattern);
const PASSWORD_MENTION = /passw(?:or)?d/i;
const TOKEN_ENDPOINT = TRIGGERS.find((t) => t.id === CONDITIONAL_TRIGGER)!.pattern;

const SCRIPT_KINDS: ReadonlySet<FileKind> = new Set(['javascript', 'typescript', 'vue', 'svelte']);

// import x from './a'; export { y } from "../b"; import './c'; require('./d'); import('./e').
// Quote-first (a cheap scan), then the keyword is checked just before the literal.
const RELATIVE_LITERAL = /(["'])(\.{1,2}(?:\/[^"'\n]*)?)\1/g;
const IMPORT_KEYWORD_BEFORE = /(?:\bfrom|\bimport|\brequire\s*\(|\bimport\s*\()\s*$/;

/**
 * Decide whether a file deserves analysis; cheap enough to run on every file of a large repository.
 *
 * One pass over the text for most files: the screen's matches are visited in order as
 * `isCandidateText` visits them, and for a script the first HTTP client trigger is noted on the
 * way (from there on the plain screen goes on, one position further). The combined pattern never
 * steps over a trigger: at one position at most one of its alternatives can match (any two differ
 * within their first three letters), and a screen match never covers the start of a trigger
 * (inside one, a word boundary only follows `-`, and neither `token` nor `secret` starts a client
 * name), so no trigger seen means none in the text.
 */
export function prefilter(text: string, kind: FileKind): PrefilterResult {
  return prefilterScan(text, plainAccess(text), kind);
}

/**
 * `prefilter(text, kind)` of the text that valid UTF-8 `bytes` decode to, scanned through their
 * Latin-1 `view` (see `Sniffed` in discover/decode.ts), and the windows and specifiers read around
 * the matches decoded from the bytes alone (see prefilter/utf8-view.ts).
 *
 * The patterns find the same matches in the view as in the text: every pattern here is ASCII-only
 * and has no `u` flag, a non-ASCII character is one or more non-ASCII, non-word characters in the
 * view, and neither the literals, nor `i` (no non-ASCII character folds to ASCII without `u`), nor
 * `\b` tell them apart.
 */
export function prefilterUtf8(bytes: Uint8Array, view: string, kind: FileKind): PrefilterResult {
  return prefilterScan(view, utf8Access(bytes, view), kind);
}

function prefilterScan(scanned: string, text: TextAccess, kind: FileKind): PrefilterResult {
  const script = SCRIPT_KINDS.has(kind);
  let pattern = script ? SCREEN_OR_HTTP_ALL : SCREEN;
  let http = false;
  let sawPassword = false;
  pattern.lastIndex = 0;
  for (let m = pattern.exec(scanned); m; m = pattern.exec(scanned)) {
    if (pattern === SCREEN_OR_HTTP_ALL && m[1] === undefined) {
      http = true;
      pattern = SCREEN;
      pattern.lastIndex = m.index + 1;
      continue;
    }
    const window = text.around(m.index, WINDOW_BEFORE, WINDOW_AFTER);
    if (UNCONDITIONAL.some((p) => p.test(window))) {
      pattern.lastIndex = 0;
      return { candidate: true };
    }
    if (!sawPassword && PASSWORD_MENTION.test(window)) sawPassword = true;
  }
  // TOKEN_ENDPOINT is ASCII-only too: the same answer on a view.
  if (sawPassword && TOKEN_ENDPOINT.test(scanned)) return { candidate: true };
  if (!http) return { candidate: false };
  const importSpecifiers = importSpecifiersOf(scanned, text);
  return importSpecifiers.length ? { candidate: false, importSpecifiers } : { candidate: false };
}

/**
 * A pattern source with every ASCII letter written as a two-case class (`ab` → `[Aa][Bb]`), so it
 * can join a case-sensitive pattern: without the `u` flag it matches exactly what the source
 * matches with `i`. In that mode `i` compares characters by their upper case, except that a
 * non-ASCII character never matches an ASCII one (ECMAScript Canonicalize: `ſ` U+017F and the
 * Kelvin sign U+212A do not match `s` and `k`), so the only characters matching the letter `a`
 * are `a` and `A`. Letters, digits, `_`, `-`, `?` and `|` and classes of non-letters only: other
 * syntax (escapes, letter ranges) is refused rather than rewritten wrongly.
 */
export function caseExplicit(source: string): string {
  if (!/^(?:[A-Za-z0-9_?|-]|\[[^\]A-Za-z\\]*\])*$/.test(source)) throw new Error(`caseExplicit: unsupported pattern ${source}`);
  let out = '';
  let inClass = false;
  for (const c of source) {
    if (c === '[') inClass = true;
    else if (c === ']') inClass = false;
    out += !inClass && /[A-Za-z]/.test(c) ? `[${c.toUpperCase()}${c.toLowerCase()}]` : c;
  }
  return out;
}

/** True when any trigger of any rule occurs in the text (language-neutral). */
export function isCandidateText(text: string): boolean {
  let sawPassword = false;
  SCREEN.lastIndex = 0;
  for (let m = SCREEN.exec(text); m; m = SCREEN.exec(text)) {
    const window = text.slice(Math.max(0, m.index - WINDOW_BEFORE), m.index + WINDOW_AFTER);
    if (UNCONDITIONAL.some((p) => p.test(window))) {
      SCREEN.lastIndex = 0;
      return true;
    }
    if (!sawPassword && PASSWORD_MENTION.test(window)) sawPassword = true;
  }
  return sawPassword && TOKEN_ENDPOINT.test(text);
}

/** Ids of the triggers that match, for diagnostics and tests (slower than `isCandidateText`). */
export function matchingTriggers(text: string): string[] {
  return TRIGGERS.filter((t) => (t.id === CONDITIONAL_TRIGGER ? PASSWORD_MENTION.test(text) : true) && t.pattern.test(text)).map(
    (t) => t.id,
  );
}

/** Relative module specifiers of import/export-from/require/dynamic import statements, deduplicated. */
function importSpecifiersOf(scanned: string, text: TextAccess): string[] {
  const found = new Set<string>();
  for (const m of scanned.matchAll(RELATIVE_LITERAL)) {
    if (IMPORT_KEYWORD_BEFORE.test(text.around(m.index, 12, 0))) found.add(text.between(m.index + 1, m.index + 1 + m[2]!.length));
  }
  return [...found];
}
