/**
 * The prefilter: a bytes/regex gate run on every discovered file before any parsing.
 * A candidate is analyzed; a JS/TS non-candidate that makes HTTP calls hands back its relative
 * import specifiers so the link step can analyze it later if it imports a legacy URL constant.
 */
import type { FileKind } from '../discover/file-kind.js';
import { HTTP_CLIENT_TRIGGER, TRIGGERS } from './triggers.js';

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
const SCREEN = /axept|signin|grant_?type|api-token|client[_-]?secret|refresh[_-]?token|eyJ|passw/gi;
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

/** Decide whether a file deserves analysis; cheap enough to run on every file of a large repository. */
export function prefilter(text: string, kind: FileKind): PrefilterResult {
  if (isCandidateText(text)) return { candidate: true };
  if (!SCRIPT_KINDS.has(kind) || !HTTP_CLIENT_TRIGGER.test(text)) return { candidate: false };
  const importSpecifiers = relativeImportSpecifiers(text);
  return importSpecifiers.length ? { candidate: false, importSpecifiers } : { candidate: false };
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
export function relativeImportSpecifiers(text: string): string[] {
  const found = new Set<string>();
  for (const m of text.matchAll(RELATIVE_LITERAL)) {
    if (IMPORT_KEYWORD_BEFORE.test(text.slice(Math.max(0, m.index - 12), m.index))) found.add(m[2]!);
  }
  return [...found];
}
