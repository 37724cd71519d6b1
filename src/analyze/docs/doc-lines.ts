/**
 * Line classifier for documentation (Markdown, reST, AsciiDoc, OpenAPI descriptions): does this
 * line tell readers to use the retired flow? Lines that explain the retirement or the new flow
 * are not references: a migration guide must not be flagged for saying what it migrates from.
 */

export interface DocLineHit {
  /** 0-based index in the line where the instruction starts. */
  index: number;
  summary: string;
}

export interface DocLineContext {
  /** The line is inside a code block or example. */
  inCode: boolean;
}

const SIGNIN_PATH = /(?:\/auth)?\/local\/signin\b/i;
/** Words that say the old flow is gone or being replaced. */
export const RETIRED =
  /\b(?:deprecated|deprecation|retired?|retirement|no longer|removed|obsolete|sunset|discontinued|legacy|old(?:er)? (?:flow|endpoint|system|api|way|method|sign-?in|authentication)|replaced (?:by|with)|replaces|replacement|instead of|migrat\w*|rejects?|rejected|stopped|will stop|switch(?:ed)? (?:from|away)|moved? (?:away )?from|breaking change|anciens?|obsolète|remplacé\w*|supprimé\w*)\b/i;
/** A block introduced as the "before" side of a comparison (`Before:`, `Old (retired):`). */
export const BEFORE_INTRO = /(?:^|[\s*_(])(?:before|old|avant)\s*[:(]/i;
/** Mentions of the new flow: such a line describes the replacement, not the old way. */
const NEW_FLOW = /api-token|client[ _-]?credentials|client[ _-]?id\b|clientId|client[ _-]?secret|AXEPTIO_CLIENT_(?:ID|SECRET)|frontegg/i;
const PASSWORD_SIGNIN =
  /\b(?:sign[ -]?in|log[ -]?in|authenticate|connect)\b[^.\n]{0,80}?\b(?:user ?name|e-?mail|login|identifier|credentials)\b[^.\n]{0,60}?\bpassword\b|\b(?:user ?name|e-?mail|login) (?:and|&|\+|\/) password\b[^.\n]{0,80}?\b(?:token|jwt|bearer)\b/i;
const LEGACY_ENV = /\bAXEPTIO_(?:USER(?:NAME)?|PASSWORD|PASS|LOGIN|EMAIL|TOKEN|API_TOKEN)\b/;

/** The instruction a line gives, or undefined when it gives none (or explains the migration). */
export function docLineHit(line: string, ctx: DocLineContext, axeptioDoc: boolean): DocLineHit | undefined {
  if (RETIRED.test(line)) return undefined;
  if (!ctx.inCode && NEW_FLOW.test(line)) return undefined;
  const path = SIGNIN_PATH.exec(line);
  if (path) {
    const method = /\b(POST|GET)\b/.exec(line)?.[1] ?? 'POST';
    const summary = ctx.inCode
      ? /\bcurl\b/.test(line)
        ? `curl example calls ${method} /auth/local/signin`
        : `code example calls ${method} /auth/local/signin`
      : 'tells readers to call /auth/local/signin';
    return { index: path.index, summary };
  }
  const signin = PASSWORD_SIGNIN.exec(line);
  if (signin && (axeptioDoc || /axept/i.test(line))) return { index: signin.index, summary: 'tells readers to sign in with a username and password to get a token' };
  const env = LEGACY_ENV.exec(line);
  if (env) return { index: env.index, summary: `tells readers to configure ${env[0]}` };
  return undefined;
}
