/**
 * The prefilter: a bytes/regex gate run on every discovered file before any parsing.
 * A candidate is analyzed; a JS/TS non-candidate hands back its relative import specifiers, so the
 * link step can analyze it later if it imports a legacy URL constant (and makes HTTP calls).
 */
import type { FileKind } from '../discover/file-kind.js';
import { HTTP_CLIENT_TRIGGER, TRIGGERS } from './triggers.js';
import { plainAccess, utf8Access, type TextAccess } from './utf8-view.js';

export { TRIGGERS, HTTP_CLIENT_TRIGGER } from './triggers.js';
export type { Trigger } from './triggers.js';

export interface PrefilterResult {
  candidate: boolean;
  /** Relative import specifiers (`./x`, `../y`) of a non-candidate JS/TS file. */
  importSpecifiers?: string[];
}

const CONDITIONAL_TRIGGER = 'credentials-to-token-endpoint';

/**
 * One pass of plain case-insensitive literals that every trigger implies (a superset): V8 scans
 * simple literal alternations far faster than the precise patterns, and >95% of files stop here.
 */
const SCREEN_SOURCE = 'axept|signin|grant_?type|api-token|client[_-]?secret|refresh[_-]?token|eyJ|passw';
const SCREEN = new RegExp(SCREEN_SOURCE, 'gi');
/** Precise triggers are tested in a window around each screen hit, never over a multi-megabyte bundle. */
const WINDOW_BEFORE = 80;
const WINDOW_AFTER = 200;
const UNCONDITIONAL = TRIGGERS.filter((t) => t.id !== CONDITIONAL_TRIGGER).map((t) => t.pattern);
const PASSWORD_MENTION = /passw(?:or)?d/i;
const TOKEN_ENDPOINT = TRIGGERS.find((t) => t.id === CONDITIONAL_TRIGGER)!.pattern;

const SCRIPT_KINDS: ReadonlySet<FileKind> = new Set(['javascript', 'typescript', 'vue', 'svelte']);

// import x from './a'; export { y } from "../b"; import './c'; require('./d'); import('./e').
// Found from each `'.` or `".` (two native string searches), then the keyword is checked just
// before the literal.
const RELATIVE_LITERAL_AT = /(["'])(\.{1,2}(?:\/[^"'\n]*)?)\1/y;
const IMPORT_KEYWORD_BEFORE = /(?:\bfrom|\bimport|\brequire\s*\(|\bimport\s*\()\s*$/;

/**
 * Decide whether a file deserves analysis; cheap enough to run on every file of a large repository.
 *
 * One pass of the screen over the text for most files (its matches visited in order, as
 * `isCandidateText` visits them), plus, for a script that is no candidate, a quote-first pass for
 * its relative imports.
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
  let sawPassword = false;
  SCREEN.lastIndex = 0;
  for (let m = SCREEN.exec(scanned); m; m = SCREEN.exec(scanned)) {
    const window = text.around(m.index, WINDOW_BEFORE, WINDOW_AFTER);
    if (UNCONDITIONAL.some((p) => p.test(window))) {
      SCREEN.lastIndex = 0;
      return { candidate: true };
    }
    if (!sawPassword && PASSWORD_MENTION.test(window)) sawPassword = true;
  }
  // TOKEN_ENDPOINT is ASCII-only too: the same answer on a view.
  if (sawPassword && TOKEN_ENDPOINT.test(scanned)) return { candidate: true };
  if (!SCRIPT_KINDS.has(kind)) return { candidate: false };
  const importSpecifiers = importSpecifiersOf(scanned, text);
  return importSpecifiers.length ? { candidate: false, importSpecifiers } : { candidate: false };
}

/**
 * Whether a phase-2 importer is worth analyzing: it names an HTTP client or calls `.post(`/`.get(`.
 * Tested in phase 2 on the few importers of relevant modules rather than here on every script: the
 * client alternation costs a scan of its own (about as much as the screen), while most scans have
 * no relevant module at all. ASCII-only and flagless: the same answer on a Latin-1 view.
 */
export function makesHttpCalls(text: string): boolean {
  return HTTP_CLIENT_TRIGGER.test(text);
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

/**
 * Relative module specifiers of import/export-from/require/dynamic import statements, deduplicated.
 * The literals are those a left-to-right global search for RELATIVE_LITERAL_AT would find: a
 * literal can only start at a quote followed by a dot, the search goes on after each literal, and
 * one position further after a quote-dot that starts none.
 */
function importSpecifiersOf(scanned: string, text: TextAccess): string[] {
  const found = new Set<string>();
  let single = scanned.indexOf("'.");
  let double = scanned.indexOf('".');
  while (single !== -1 || double !== -1) {
    const at = single === -1 ? double : double === -1 ? single : Math.min(single, double);
    RELATIVE_LITERAL_AT.lastIndex = at;
    const m = RELATIVE_LITERAL_AT.exec(scanned);
    const next = m ? at + m[0].length : at + 1;
    if (m && IMPORT_KEYWORD_BEFORE.test(text.around(at, 12, 0))) found.add(text.between(at + 1, at + 1 + m[2]!.length));
    if (single !== -1 && single < next) single = scanned.indexOf("'.", next);
    if (double !== -1 && double < next) double = scanned.indexOf('".', next);
  }
  return [...found];
}
