/** Whether a finding's transform can run where the finding is, or what to do by hand instead. */
import type { FileKind } from '../discover/file-kind.js';
import type { RequestContext } from '../facts/types.js';
import type { FindingFix } from '../findings/types.js';

/** Kinds the jscodeshift transforms parse (tsx parser). Vue/Svelte single-file components are not among them. */
const TRANSFORMABLE: ReadonlySet<FileKind> = new Set(['javascript', 'typescript']);

/** Why browser code gets no rewrite, and what to do instead. */
export const BROWSER_GUIDANCE =
  'This code runs in the browser: move the Axeptio API call behind your server and keep AXEPTIO_CLIENT_ID/AXEPTIO_CLIENT_SECRET there; never ship a client secret to browsers.';
/** Why a human login gets no rewrite, and what to do instead. */
export const INTERACTIVE_GUIDANCE =
  'A person types these credentials (login form or prompt): Axeptio API access no longer uses personal logins; create a Client ID + secret (Axeptio administration → Settings → API Access) and call the API from a server with the generated helper.';

/** Python has a generated helper of its own (`helper --out axeptio_token.py`): name the exact replacement. */
const PYTHON_GUIDANCE =
  'Run `npx axeptio-migrate helper --out axeptio_token.py` next to this module; delete this sign-in request and the AXEPTIO_USERNAME/AXEPTIO_PASSWORD reads; add `from axeptio_token import get_axeptio_access_token` and use `token = get_axeptio_access_token()` where the code read the response\'s "token" (or call the API with `axeptio_request("GET", "/projects")`, which adds the bearer and refreshes it). Set AXEPTIO_CLIENT_ID, AXEPTIO_CLIENT_SECRET and AXEPTIO_FRONTEGG_URL.';

/** Guidance per language when no transform applies: the same move, by hand. */
function manualGuidance(kind: FileKind): string {
  switch (kind) {
    case 'http':
    case 'har':
    case 'json':
    case 'yaml':
      return 'Replace the sign-in request with POST {{FRONTEGG_URL}}/identity/resources/auth/v2/api-token and JSON {"clientId": "{{AXEPTIO_CLIENT_ID}}", "secret": "{{AXEPTIO_CLIENT_SECRET}}"}; use access_token as the bearer and refresh it before expires_in runs out.';
    case 'shell':
    case 'makefile':
    case 'dockerfile':
      return 'Exchange $AXEPTIO_CLIENT_ID/$AXEPTIO_CLIENT_SECRET at $AXEPTIO_FRONTEGG_URL/identity/resources/auth/v2/api-token (JSON {"clientId","secret"}) and use access_token as the bearer; never put the secret on the command line of a committed script.';
    case 'python':
      return PYTHON_GUIDANCE;
    case 'vue':
    case 'svelte':
      return BROWSER_GUIDANCE;
    default:
      return 'Exchange AXEPTIO_CLIENT_ID/AXEPTIO_CLIENT_SECRET at {AXEPTIO_FRONTEGG_URL}/identity/resources/auth/v2/api-token (JSON {"clientId","secret"}), cache access_token until shortly before expires_in and refresh via .../api-token/token/refresh with {"refreshToken"}.';
  }
}

/** Fix info for a finding in code: the transform for JS/TS server code, guidance elsewhere. */
export function codeFix(kind: FileKind, context: RequestContext, transform: string, hint?: string): FindingFix {
  if (hint) return { available: true, transform: hint };
  if (context.browser) return { available: false, guidance: BROWSER_GUIDANCE };
  if (context.interactive) return { available: false, guidance: INTERACTIVE_GUIDANCE };
  if (!TRANSFORMABLE.has(kind)) return { available: false, guidance: manualGuidance(kind) };
  return { available: true, transform };
}

/** Fix info for rules with no transform: the catalog help as guidance. */
export function guidanceOnly(guidance: string): FindingFix {
  return { available: false, guidance };
}
