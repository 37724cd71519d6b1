/** legacy-signin: a client call to the retired `/auth/local/signin`, in any client, language or collection. */
import type { Evidence } from '../facts/types.js';
import type { Confidence, RawFinding } from '../findings/types.js';
import type { LinkedProject, LinkedRequest } from '../link/types.js';
import { RULES } from './catalog.js';
import { redacted } from './redacted.js';
import { confidenceOf, evidenceTexts } from './confidence.js';
import { codeFix } from './fix.js';
import { describeClient, describeTarget, isLegacySignin, shapeEvidence } from './patterns.js';
import type { Rule } from './types.js';

const meta = RULES['legacy-signin'];

/** A request a rule matched, with the evidence and confidence it decided on (shared with token-no-refresh). */
export interface RequestMatch {
  req: LinkedRequest;
  evidence: Evidence[];
  confidence: Confidence;
}

/** The sign-in requests worth reporting, with their evidence; tests of the app's own route are left out. */
export function matchLegacySignin(project: LinkedProject): RequestMatch[] {
  let known = matchLegacySigninCache.get(project);
  if (!known) matchLegacySigninCache.set(project, (known = matchLegacySigninUncached(project)));
  return known;
}

// token-no-refresh reuses the matches of other rules: compute them once per linked project.
const matchLegacySigninCache = new WeakMap<LinkedProject, RequestMatch[]>();

function matchLegacySigninUncached(project: LinkedProject): RequestMatch[] {
  const out: RequestMatch[] = [];
  const counter = projectCounterEvidence(project);
  for (const req of project.requests) {
    if (!isLegacySignin(req)) continue;
    const evidence = [...req.evidence, ...shapeEvidence(req)];
    // The project's own route only matters when nothing ties this call to Axeptio.
    if (!evidence.some((e) => e.weight === 'strong')) evidence.push(...counter);
    const confidence = confidenceOf(evidence, req.ambient);
    // A test that calls the app's own sign-in route tests that route; it signs in nowhere.
    if (req.context.inTest && confidence === 'low') continue;
    out.push({ req, evidence, confidence });
  }
  return out;
}

/** The project serves `/auth/local/signin` itself or has its own login: same-path calls may be its own. */
function projectCounterEvidence(project: LinkedProject): Evidence[] {
  const out: Evidence[] = [];
  for (const route of project.routes) {
    if (!/auth\/local\/signin\/?$/i.test(route.path)) continue;
    const method = route.method ? `${route.method.toUpperCase()} ` : '';
    out.push({ weight: 'contrary', text: `the project defines the route ${method}${route.path} (${route.framework}) in ${route.file}:${route.line}` });
  }
  for (const file of project.ownLoginFiles) out.push({ weight: 'contrary', text: `the project defines its own login in ${file}` });
  return out;
}

function messageOf(m: RequestMatch): string {
  const call = `${m.req.method ?? 'A'} request ${describeClient(m.req)} to ${describeTarget(m.req)}`;
  switch (m.confidence) {
    case 'high':
      return `${call} signs in with Axeptio's retired /auth/local/signin: since 2026-07-06 it issues no tokens and the tokens it issued are rejected.`;
    case 'medium':
      return `${call} has the shape of Axeptio's retired /auth/local/signin (username + password for a long-lived token), which stopped working on 2026-07-06.`;
    case 'low':
      return `${call} uses the path of Axeptio's retired /auth/local/signin, but the evidence points to another API; check whether it is Axeptio.`;
  }
}

/** The legacy-signin rule. */
export const legacySignin: Rule = {
  meta,
  detect(project: LinkedProject): RawFinding[] {
    return matchLegacySignin(project).map((m) => ({
      ruleId: meta.id,
      severity: meta.defaultSeverity,
      confidence: m.confidence,
      file: m.req.file,
      span: m.req.span,
      message: redacted(messageOf(m)),
      evidence: evidenceTexts(m.evidence, m.req.ambient),
      fix: codeFix(m.req.fileKind, m.req.context, meta.transform!, m.req.fixTransform),
    }));
  },
};
