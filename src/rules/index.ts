/**
 * Rules: link the facts once, run every rule, and return findings sorted by file, line,
 * column and rule id, without duplicates (the same call reported twice by one rule).
 */
import type { FileFacts, ProjectInfo } from '../facts/types.js';
import type { RawFinding, RuleId } from '../findings/types.js';
import { link } from '../link/index.js';
import { fronteggV1Token } from './frontegg-v1-token.js';
import { hardcodedSecret } from './hardcoded-secret.js';
import { legacyCredentials } from './legacy-credentials.js';
import { legacySignin } from './legacy-signin.js';
import { legacySigninReference } from './legacy-signin-reference.js';
import { passwordGrant } from './password-grant.js';
import { staticToken } from './static-token.js';
import { tokenNoRefresh } from './token-no-refresh.js';
import type { Rule } from './types.js';

export type { Rule } from './types.js';

/** Every rule, in catalog order. */
export const ALL_RULES: readonly Rule[] = [
  legacySignin,
  passwordGrant,
  staticToken,
  legacyCredentials,
  hardcodedSecret,
  fronteggV1Token,
  tokenNoRefresh,
  legacySigninReference,
];

const CONFIDENCE_ORDER = { high: 2, medium: 1, low: 0 } as const;

/**
 * Rules about requests report one finding per call site: a call seen both as a request and as a
 * wrapper call keeps its surer finding. Other rules may report several things at one span (two
 * variables read by one shell word), so only exact duplicates are dropped there.
 */
const ONE_PER_SPAN: ReadonlySet<RuleId> = new Set(['legacy-signin', 'password-grant', 'static-token', 'frontegg-v1-token', 'token-no-refresh']);

/** Link the analyzed files and run every rule (or only `ruleIds`); sorted, deduplicated findings. */
export function evaluate(files: readonly FileFacts[], project: ProjectInfo, ruleIds?: readonly RuleId[]): RawFinding[] {
  const linked = link(files, project);
  const wanted = ruleIds ? new Set(ruleIds) : undefined;
  const byKey = new Map<string, RawFinding>();
  for (const rule of ALL_RULES) {
    if (wanted && !wanted.has(rule.meta.id)) continue;
    for (const finding of rule.detect(linked)) {
      const { line, column, endLine, endColumn } = finding.span;
      const subject = ONE_PER_SPAN.has(finding.ruleId) ? '' : finding.message;
      const key = `${finding.ruleId}\0${finding.file}\0${line}:${column}-${endLine}:${endColumn}\0${subject}`;
      const known = byKey.get(key);
      if (!known || CONFIDENCE_ORDER[finding.confidence] > CONFIDENCE_ORDER[known.confidence]) byKey.set(key, finding);
    }
  }
  return [...byKey.values()].sort(compareFindings);
}

/** File, line, column, then rule id. */
export function compareFindings(a: RawFinding, b: RawFinding): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  if (a.span.line !== b.span.line) return a.span.line - b.span.line;
  if (a.span.column !== b.span.column) return a.span.column - b.span.column;
  return a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0;
}
