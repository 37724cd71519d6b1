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

/** All unconditional triggers folded into one alternation: one pass over the text instead of ten. */
const ANY_TRIGGER = new RegExp(
  TRIGGERS.filter((t) => t.id !== CONDITIONAL_TRIGGER)
    .map((t) => `(?:${t.pattern.source})`)
    .join('|'),
  'im',
);
const PASSWORD_MENTION = /passw(?:or)?d/i;
const TOKEN_ENDPOINT = TRIGGERS.find((t) => t.id === CONDITIONAL_TRIGGER)!.pattern;

const SCRIPT_KINDS: ReadonlySet<FileKind> = new Set(['javascript', 'typescript', 'vue', 'svelte']);

// import x from './a'; export { y } from "../b"; import './c'; require('./d'); import('./e')
const RELATIVE_SPECIFIER =
  /(?:\bfrom\s*|\bimport\s*|\brequire\s*\(\s*|\bimport\s*\(\s*)(["'])(\.{1,2}\/[^"'\n]*|\.{1,2})\1/g;

/** Decide whether a file deserves analysis; cheap enough to run on every file of a large repository. */
export function prefilter(text: string, kind: FileKind): PrefilterResult {
  if (isCandidateText(text)) return { candidate: true };
  if (!SCRIPT_KINDS.has(kind) || !HTTP_CLIENT_TRIGGER.test(text)) return { candidate: false };
  const importSpecifiers = relativeImportSpecifiers(text);
  return importSpecifiers.length ? { candidate: false, importSpecifiers } : { candidate: false };
}

/** True when any trigger of any rule occurs in the text (language-neutral). */
export function isCandidateText(text: string): boolean {
  if (ANY_TRIGGER.test(text)) return true;
  return PASSWORD_MENTION.test(text) && TOKEN_ENDPOINT.test(text);
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
  for (const m of text.matchAll(RELATIVE_SPECIFIER)) found.add(m[2]!);
  return [...found];
}
