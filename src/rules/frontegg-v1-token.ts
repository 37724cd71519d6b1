/** frontegg-v1-token: Frontegg's older `/identity/resources/auth/v1/api-token` exchange (no refresh token). */
import type { RawFinding } from '../findings/types.js';
import type { LinkedProject } from '../link/types.js';
import { RULES } from './catalog.js';
import { redacted } from './redacted.js';
import { confidenceOf, evidenceTexts } from './confidence.js';
import { codeFix } from './fix.js';
import type { RequestMatch } from './legacy-signin.js';
import { describeClient, describeTarget, isForeignHostEvidence, isFronteggV1 } from './patterns.js';
import type { Rule } from './types.js';

const meta = RULES['frontegg-v1-token'];

/** v1 api-token requests with their evidence. */
export function matchFronteggV1(project: LinkedProject): RequestMatch[] {
  let known = matchFronteggV1Cache.get(project);
  if (!known) matchFronteggV1Cache.set(project, (known = matchFronteggV1Uncached(project)));
  return known;
}

// token-no-refresh reuses the matches of other rules: compute them once per linked project.
const matchFronteggV1Cache = new WeakMap<LinkedProject, RequestMatch[]>();

function matchFronteggV1Uncached(project: LinkedProject): RequestMatch[] {
  const out: RequestMatch[] = [];
  for (const req of project.requests) {
    if (!isFronteggV1(req)) continue;
    // The token service is Frontegg's host, not Axeptio's: that is expected, not contrary.
    const evidence = [...req.evidence.filter((e) => !isForeignHostEvidence(e)), { weight: 'weak' as const, text: 'Frontegg v1 api-token route' }];
    const confidence = confidenceOf(evidence, req.ambient);
    if (req.context.inTest && confidence === 'low') continue;
    out.push({ req, evidence, confidence });
  }
  return out;
}

/** The frontegg-v1-token rule. */
export const fronteggV1Token: Rule = {
  meta,
  detect(project: LinkedProject): RawFinding[] {
    return matchFronteggV1(project).map((m) => ({
      ruleId: meta.id,
      severity: meta.defaultSeverity,
      confidence: m.confidence,
      file: m.req.file,
      span: m.req.span,
      message: redacted(
        `${m.req.method ?? 'A'} request ${describeClient(m.req)} to ${describeTarget(m.req)} uses Frontegg's older v1 api-token exchange, which returns no refresh token; the v2 route (/identity/resources/auth/v2/api-token) does.`,
      ),
      evidence: evidenceTexts(m.evidence, m.req.ambient),
      fix: codeFix(m.req.fileKind, m.req.context, meta.transform!, m.req.fixTransform),
    }));
  },
};
