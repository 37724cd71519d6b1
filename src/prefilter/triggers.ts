/**
 * Prefilter triggers: the literal byte patterns that make a file worth analyzing at all.
 *
 * The scanner sees repositories of tens of thousands of files (mostly node_modules-like code),
 * so each trigger must be selective: words such as `password` or `token` alone appear in
 * thousands of unrelated files and are never a trigger by themselves. Every analyzer (any
 * language) may rely on this list: a file without any trigger produces no finding for any rule.
 */
import type { RuleId } from '../findings/types.js';

export interface Trigger {
  id: string;
  /** Rules whose findings may start from this trigger. */
  rules: readonly RuleId[];
  /** Case-insensitive unless the pattern says otherwise; never global (no lastIndex state). */
  pattern: RegExp;
  /** Why the trigger exists, for the docs and reviewers. */
  why: string;
}

/**
 * The language-neutral triggers, by rule. A file is a candidate when any pattern matches.
 * Kept as separate entries (rather than one regex) so tests and docs can name each trigger;
 * `prefilter()` combines the cheap ones into a single alternation for speed.
 */
export const TRIGGERS: readonly Trigger[] = [
  {
    id: 'local-signin-path',
    rules: ['legacy-signin', 'legacy-signin-reference', 'password-grant', 'token-no-refresh'],
    pattern: /local\/signin/i,
    why: 'the retired endpoint written as one path (`/auth/local/signin`, `${base}/local/signin`)',
  },
  {
    id: 'signin-part',
    rules: ['legacy-signin', 'legacy-signin-reference'],
    // `signin` as its own string or path part: ['auth','local','signin'].join('/'), 'signin' + x, /signin?x
    pattern: /(?:['"`/]signin(?=['"`/?#\s]|$))|(?:\bsignin['"`])/im,
    why: 'the endpoint built from parts (`[a, "local", "signin"].join("/")`, `"auth/local/" + "signin"`)',
  },
  {
    id: 'axeptio-name',
    rules: ['legacy-signin', 'password-grant', 'static-token', 'legacy-credentials', 'token-no-refresh', 'legacy-signin-reference'],
    pattern: /axept/i,
    why: 'any Axeptio tie: host *.axept.io, AXEPTIO_* env vars, @axeptio/* packages, Axeptio-named identifiers',
  },
  {
    id: 'grant-type',
    rules: ['password-grant'],
    pattern: /grant_?type/i,
    why: 'OAuth2 token requests (`grant_type=password`, `grant_type=refresh_token`)',
  },
  {
    id: 'frontegg-api-token',
    rules: ['frontegg-v1-token', 'token-no-refresh'],
    pattern: /api-token/i,
    why: 'the Frontegg /identity/resources/auth/v1|v2/api-token exchange',
  },
  {
    id: 'client-secret',
    rules: ['hardcoded-secret'],
    pattern: /client[_-]?secret/i,
    why: 'client credentials (possibly literal) in code or config',
  },
  {
    id: 'refresh-token',
    rules: ['hardcoded-secret', 'token-no-refresh'],
    pattern: /refresh[_-]?token/i,
    why: 'refresh-token handling or a literal refresh token',
  },
  {
    id: 'jwt-literal',
    rules: ['hardcoded-secret', 'static-token'],
    // Case-sensitive on purpose: a JWT is base64url of `{"` → always `eyJ`.
    pattern: /eyJ[A-Za-z0-9_-]{8,}\.eyJ/,
    why: 'a JWT-looking literal (header.payload) anywhere',
  },
  {
    id: 'password-literal',
    rules: ['hardcoded-secret', 'password-grant'],
    // `password: 'x…'`, `"password": "x…"`, `PASSWORD = 'x…'`, `password=x` in a form string; not `password: string`.
    pattern: /passw(?:or)?d["']?\s*(?::|=|=>)\s*["'`][^"'`\s$]{3,}|passw(?:or)?d=[^\s&"'`$]{3,}/i,
    why: 'a quoted literal bound to a password key (the value itself is never kept)',
  },
  {
    id: 'credentials-to-token-endpoint',
    rules: ['password-grant'],
    // Only tried when the file mentions a password at all: a login/token endpoint literal.
    pattern: /['"`/](?:oauth2?\/token|connect\/token|auth\/token|auth\/login|token|login|signin|sign-in|authenticate)['"`?]/i,
    why: 'a credentials body posted to a token/login endpoint (checked only in files that mention a password)',
  },
];

/** HTTP client names whose presence makes a non-candidate JS/TS file worth linking (phase 2). */
export const HTTP_CLIENT_TRIGGER =
  /\b(?:fetch|axios|got|ky|superagent|request|undici|XMLHttpRequest|ajax|HttpClient|HttpService)\b|\.(?:post|get)\(/;
