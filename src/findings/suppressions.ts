/**
 * Inline suppressions, in whatever comment syntax the file's language uses:
 *
 *   // axeptio-migrate-ignore-next-line legacy-signin, static-token -- migrated in PR #42
 *   call(); # axeptio-migrate-ignore legacy-signin -- test double of the old API
 *
 * `-next-line` covers the line after the comment. `ignore` covers its own line when it trails
 * code, or the next code line when the comment stands alone. A reason (after ` -- `) is required:
 * without one the comment suppresses nothing and is reported, so silencing is always explained.
 */
import type { SuppressionDirective } from '../facts/types.js';
import { RULE_IDS } from '../rules/catalog.js';

/** A directive plus what the matcher needs: the line it covers and, if unusable, why. */
export interface ParsedSuppression extends SuppressionDirective {
  /** The source line whose findings it silences. */
  targetLine: number;
  /** Set when the directive suppresses nothing (no reason, unknown rule id, no rule id). */
  problem?: string;
}

const KEYWORD = 'axeptio-migrate-ignore';
// Comment openers of the supported languages: // /* # <!-- -- ; REM and reST's `..`.
const DIRECTIVE = /(?:\/\/+|\/\*+|#+|<!--|--|;+|\bREM\b|^\s*\.\.)[ \t]*axeptio-migrate-ignore(-next-line)?(?![\w-])(.*)$/i;
const CLOSERS = /\s*(?:\*+\/|-->)\s*$/;

/** Find every suppression comment in a file's text (any line ending). */
export function parseSuppressions(text: string): ParsedSuppression[] {
  if (!text.includes(KEYWORD)) return [];
  const lines = text.split(/\r\n|\r|\n/);
  const found: ParsedSuppression[] = [];
  lines.forEach((raw, index) => {
    const m = DIRECTIVE.exec(raw);
    if (!m) return;
    const line = index + 1;
    const nextLine = m[1] !== undefined;
    const body = m[2]!.replace(CLOSERS, '');
    const sep = /(?:^|\s)--(?:\s|$)/.exec(body);
    const idsText = sep ? body.slice(0, sep.index) : body;
    const reason = sep ? body.slice(sep.index + sep[0].length).trim() : '';
    const ruleIds = idsText.split(/[\s,]+/).filter(Boolean);
    const trailing = raw.slice(0, m.index).trim() !== '';
    const scope: SuppressionDirective['scope'] = nextLine ? 'next-line' : 'line';
    const targetLine = nextLine ? line + 1 : trailing ? line : nextCodeLine(lines, index);
    const directive: ParsedSuppression = { line, scope, ruleIds, targetLine };
    if (reason) directive.reason = reason;
    const problem = problemOf(ruleIds, reason);
    if (problem) directive.problem = problem;
    found.push(directive);
  });
  return found;
}

/** The shared-model view of parsed suppressions (what FileFacts.directives holds). */
export function toDirectives(parsed: readonly ParsedSuppression[]): SuppressionDirective[] {
  return parsed.map(({ line, scope, ruleIds, reason }) => (reason ? { line, scope, ruleIds, reason } : { line, scope, ruleIds }));
}

/** True when the suppression silences a finding of `ruleId` spanning lines [line, endLine]. */
export function suppressionCovers(s: ParsedSuppression, ruleId: string, line: number, endLine: number): boolean {
  if (s.problem || !s.ruleIds.includes(ruleId)) return false;
  // A trailing `ignore` sits on a line of the construct itself (e.g. inside a multi-line call).
  if (s.scope === 'line' && s.targetLine === s.line) return s.line >= line && s.line <= endLine;
  return s.targetLine === line;
}

function problemOf(ruleIds: string[], reason: string): string | undefined {
  if (ruleIds.length === 0) return 'names no rule id; write `axeptio-migrate-ignore <ruleId> -- <reason>`';
  const unknown = ruleIds.filter((id) => !(RULE_IDS as string[]).includes(id));
  if (unknown.length) return `unknown rule id ${unknown.map((u) => `"${u}"`).join(', ')}`;
  if (!reason) return 'has no reason (`-- <reason>`) and suppresses nothing';
  return undefined;
}

/** Line (1-based) of the first non-blank line after index `from` that is not itself a suppression comment. */
function nextCodeLine(lines: string[], from: number): number {
  for (let i = from + 1; i < lines.length; i++) {
    const l = lines[i]!;
    if (l.trim() !== '' && !DIRECTIVE.test(l)) return i + 1;
  }
  return from + 2;
}
