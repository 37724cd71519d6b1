/**
 * token-no-refresh: a token fetched anew on every request (sign-in inside a header getter or
 * interceptor), one obtained once and kept with no expiry, or a static token reused across a
 * loop of API requests (a long-running export that outlives a one-hour token).
 */
import type { Evidence } from '../facts/types.js';
import type { RawFinding } from '../findings/types.js';
import type { LinkedProject } from '../link/types.js';
import { RULES } from './catalog.js';
import { redacted } from './redacted.js';
import { evidenceTexts } from './confidence.js';
import { matchFronteggV1 } from './frontegg-v1-token.js';
import { guidanceOnly } from './fix.js';
import { matchLegacySignin, type RequestMatch } from './legacy-signin.js';
import { matchPasswordGrant } from './password-grant.js';
import { matchStaticToken } from './static-token.js';
import type { Rule } from './types.js';

const meta = RULES['token-no-refresh'];

const PER_REQUEST_GUIDANCE =
  'Obtain the token once and cache it with its expiry (expires_in); refresh shortly before it expires instead of exchanging credentials on every request. The generated helper (getAxeptioAccessToken) does this and shares one in-flight exchange between concurrent callers.';
const NO_EXPIRY_GUIDANCE =
  'Keep the token together with its expiry (request time + expires_in) and refresh it before it runs out (…/api-token/token/refresh with {"refreshToken"}); the generated helper does this for you.';
const LOOP_GUIDANCE =
  'A one-hour token does not last a long export: get the token per request from the helper (getAxeptioAccessToken() or axeptioFetch), which refreshes it before expiry.';

/** The token-no-refresh rule. */
export const tokenNoRefresh: Rule = {
  meta,
  detect(project: LinkedProject): RawFinding[] {
    const out: RawFinding[] = [];
    const exchanges: Array<[string, RequestMatch[]]> = [
      ['sign-in', matchLegacySignin(project)],
      ['password grant', matchPasswordGrant(project)],
      ['v1 token exchange', matchFronteggV1(project)],
    ];
    for (const [what, matches] of exchanges) {
      for (const m of matches) {
        const problem = m.req.context.perRequest
          ? {
              text: `runs the ${what} again for every outgoing API request${m.req.context.enclosingFunction ? ` (${m.req.context.enclosingFunction}() is called per request)` : ''}`,
              why: `${what} repeated for every API call`,
              guidance: PER_REQUEST_GUIDANCE,
            }
          : m.req.tokenCachedWithoutExpiry
            ? { text: `keeps the token from this ${what} with no expiry tracking`, why: 'token kept without expiry', guidance: NO_EXPIRY_GUIDANCE }
            : undefined;
        if (!problem) continue;
        const evidence: Evidence[] = [{ weight: 'weak', text: problem.why }, ...m.evidence];
        out.push({
          ruleId: meta.id,
          severity: meta.defaultSeverity,
          confidence: m.confidence,
          file: m.req.file,
          span: m.req.span,
          message: redacted(`This code ${problem.text}: tokens expire (Axeptio's after an hour) and should be cached and refreshed before expiry.`),
          evidence: evidenceTexts(evidence, m.req.ambient),
          fix: guidanceOnly(problem.guidance),
        });
      }
    }
    for (const m of matchStaticToken(project)) {
      if (!m.inLoop) continue;
      const evidence: Evidence[] = [{ weight: 'weak', text: 'the same token is used across a loop of API requests' }, ...m.evidence];
      out.push({
        ruleId: meta.id,
        severity: meta.defaultSeverity,
        confidence: m.confidence,
        file: m.file,
        span: m.span,
        message: redacted(`A static token (${m.source}) is reused across a loop of Axeptio API requests: a one-hour token expires during long runs and nothing refreshes it.`),
        evidence: evidenceTexts(evidence, m.ambient),
        fix: guidanceOnly(LOOP_GUIDANCE),
      });
    }
    return out;
  },
};
