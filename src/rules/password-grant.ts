/**
 * password-grant: a username + password exchanged for a token. Either OAuth2's resource-owner
 * password grant (`grant_type=password`, e.g. Keycloak `/protocol/openid-connect/token`), or a
 * credentials body posted by an API client to another service's token/login endpoint.
 */
import type { Evidence } from '../facts/types.js';
import type { RawFinding } from '../findings/types.js';
import type { LinkedProject } from '../link/types.js';
import { isLocalHost } from '../link/url.js';
import { RULES } from './catalog.js';
import { redacted } from './redacted.js';
import { confidenceOf, evidenceTexts } from './confidence.js';
import { guidanceOnly } from './fix.js';
import type { RequestMatch } from './legacy-signin.js';
import {
  describeClient,
  describeTarget,
  hasCredentialsBody,
  isForeignHostEvidence,
  isFronteggV1,
  isLegacySignin,
  isLoginEndpoint,
  isOidcTokenEndpoint,
  isPasswordGrantBody,
  shapeEvidence,
} from './patterns.js';
import type { Rule } from './types.js';

const meta = RULES['password-grant'];

const GUIDANCE =
  'Use client credentials instead of a user\'s password: a Client ID + secret read from environment variables (for Axeptio: AXEPTIO_CLIENT_ID/AXEPTIO_CLIENT_SECRET with the generated helper); cache the token with its expires_in and refresh it (grant_type=refresh_token or the provider\'s refresh route) before it expires.';

/** Password-grant requests with their evidence (never the ones legacy-signin reports). */
export function matchPasswordGrant(project: LinkedProject): RequestMatch[] {
  let known = matchPasswordGrantCache.get(project);
  if (!known) matchPasswordGrantCache.set(project, (known = matchPasswordGrantUncached(project)));
  return known;
}

// token-no-refresh reuses the matches of other rules: compute them once per linked project.
const matchPasswordGrantCache = new WeakMap<LinkedProject, RequestMatch[]>();

function matchPasswordGrantUncached(project: LinkedProject): RequestMatch[] {
  const out: RequestMatch[] = [];
  for (const req of project.requests) {
    if (isLegacySignin(req) || isFronteggV1(req)) continue;
    // Whose API it is does not matter here: a password grant to any identity provider is the finding.
    const own = req.evidence.filter((e) => !isForeignHostEvidence(e));
    if (isPasswordGrantBody(req)) {
      const evidence: Evidence[] = [...own, { weight: 'weak', text: 'grant_type=password (OAuth2 resource-owner password grant)' }];
      if (isOidcTokenEndpoint(req)) evidence.push({ weight: 'weak', text: 'OpenID Connect token endpoint' });
      evidence.push(...shapeEvidence(req));
      const confidence = confidenceOf(evidence, req.ambient);
      if (req.context.inTest && confidence === 'low') continue;
      out.push({ req, evidence, confidence });
      continue;
    }
    if (!hasCredentialsBody(req) || !isLoginEndpoint(req)) continue;
    // A person logging in through a form, or the app's own login route, is not an API client's credential exchange.
    if (req.context.interactive || req.url.relative) continue;
    if (req.url.host && isLocalHost(req.url.host) && req.context.inTest) continue;
    const evidence: Evidence[] = [...own, ...shapeEvidence(req), { weight: 'weak', text: `credentials posted to the login/token endpoint ${req.url.path}` }];
    let confidence = confidenceOf(evidence, req.ambient);
    // Without a known third-party host this may be the project's own backend: keep it visible only on request.
    if (confidence === 'medium' && !req.url.host) confidence = 'low';
    out.push({ req, evidence, confidence });
  }
  return out;
}

/** The password-grant rule. */
export const passwordGrant: Rule = {
  meta,
  detect(project: LinkedProject): RawFinding[] {
    return matchPasswordGrant(project).map((m) => {
      const grant = isPasswordGrantBody(m.req) ? 'an OAuth2 password grant (grant_type=password)' : 'a username + password login';
      const axeptio = m.confidence === 'high' ? ' for Axeptio' : '';
      return {
        ruleId: meta.id,
        severity: m.confidence === 'high' ? 'error' : meta.defaultSeverity,
        confidence: m.confidence,
        file: m.req.file,
        span: m.req.span,
        message: redacted(
          `${m.req.method ?? 'A'} request ${describeClient(m.req)} to ${describeTarget(m.req)} exchanges ${grant}${axeptio} for a token; machine integrations should use client credentials that can be rotated.`,
        ),
        evidence: evidenceTexts(m.evidence, m.req.ambient),
        fix: guidanceOnly(GUIDANCE),
      };
    });
  },
};
