/** The request shapes rules look for, shared so rules agree (legacy-signin is never also a password-grant). */
import type { Evidence } from '../facts/types.js';
import type { Folded, LinkedRequest } from '../link/types.js';

/** `/auth/local/signin`, also after an unresolved part: `${service.name}/local/signin`. Never Strapi's `/api/auth/local`. */
const LEGACY_SIGNIN = /(?:^|[/}])auth\/local\/signin(?![\w-])/i;
const SIGNIN_AFTER_PLACEHOLDER = /\}\/local\/signin(?![\w-])/i;
const FRONTEGG_V1 = /\/identity\/resources\/auth\/v1\/api-token(?![\w-])/i;
const OIDC_TOKEN = /\/protocol\/openid-connect\/token(?![\w-])/i;
/** Last path segments that name a login or token endpoint. */
const LOGIN_ENDPOINT = /\/(?:oauth2?\/)?(?:token|access[_-]?token|login|log-in|signin|sign-in|sign_in|authenticate|auth|session|sessions)\/?$/i;

const USER_FIELDS = /^(?:username|user|user_?name|login|email|e-?mail|identifier|account)$/i;
const PASSWORD_FIELDS = /^(?:password|passwd|pass|pwd)$/i;

/** The request targets the retired Axeptio sign-in path. */
export function isLegacySignin(req: LinkedRequest): boolean {
  const text = req.target.text.split(/[?#]/)[0]!;
  return LEGACY_SIGNIN.test(text) || SIGNIN_AFTER_PLACEHOLDER.test(text);
}

/** The request is Frontegg's v1 api-token exchange (or its v1 refresh). */
export function isFronteggV1(req: LinkedRequest): boolean {
  return FRONTEGG_V1.test(req.target.text);
}

/** Username/email and password fields in the body. */
export function hasCredentialsBody(req: LinkedRequest): boolean {
  // Nested bodies arrive flattened (`credentials.password`): the last key names the field.
  const names = Object.keys(req.body?.fields ?? {}).map((n) => n.split('.').pop()!);
  return names.some((n) => USER_FIELDS.test(n)) && names.some((n) => PASSWORD_FIELDS.test(n));
}

/** OAuth2 resource-owner password grant: `grant_type=password` in the body or query. */
export function isPasswordGrantBody(req: LinkedRequest): boolean {
  const grant = fieldText(req.body?.fields, 'grant_type');
  if (grant !== undefined && grant.trim().toLowerCase() === 'password') return true;
  return /(?:^|&)grant_type=password(?:&|$)/i.test(req.url.query);
}

/** An OpenID Connect token endpoint (Keycloak `/protocol/openid-connect/token`). */
export function isOidcTokenEndpoint(req: LinkedRequest): boolean {
  return OIDC_TOKEN.test(req.url.path);
}

/** A login or token endpoint by its last path segment. */
export function isLoginEndpoint(req: LinkedRequest): boolean {
  return LOGIN_ENDPOINT.test(req.url.path) || isOidcTokenEndpoint(req);
}

/** Evidence a rule adds about the request body and response (weak: supports the shape, ties nothing). */
export function shapeEvidence(req: LinkedRequest): Evidence[] {
  const out: Evidence[] = [];
  if (hasCredentialsBody(req)) out.push({ weight: 'weak', text: 'username + password body' });
  if (req.responseTokenField === 'token') out.push({ weight: 'weak', text: '.token read from the response' });
  return out;
}

/** Contrary evidence that only says "not Axeptio's host": irrelevant to rules that are not about Axeptio alone. */
export function isForeignHostEvidence(e: Evidence): boolean {
  return e.weight === 'contrary' && / is not Axeptio's$/.test(e.text);
}

/** A body field's folded text by case-insensitive name. */
export function fieldText(fields: Record<string, Folded> | undefined, name: string): string | undefined {
  if (!fields) return undefined;
  const key = Object.keys(fields).find((k) => k.toLowerCase() === name);
  return key === undefined ? undefined : fields[key]!.text;
}

/** A short, redaction-ready description of where a request goes. */
export function describeTarget(req: LinkedRequest): string {
  const text = req.target.text;
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}

/** `through wrapper apiPost()`, `with axios instance api`, `with curl`. */
export function describeClient(req: LinkedRequest): string {
  if (req.client.startsWith('wrapper:')) return `through wrapper ${req.client.slice('wrapper:'.length)}()`;
  if (req.via) return `with ${req.via}`;
  return req.client === 'unknown' ? 'with an HTTP client' : `with ${req.client}`;
}

/** Test, spec, fixture and mock files, whose secrets are usually fake. */
export function isTestOrFixturePath(file: string): boolean {
  return (
    /(?:^|\/)(?:tests?|__tests__|specs?|e2e|fixtures?|__fixtures__|__mocks__|mocks?|testdata|test-data)\//i.test(file) ||
    /\.(?:test|spec|e2e)\.[a-z0-9]+$/i.test(file) ||
    /(?:^|\/)test_[^/]*\.py$|_test\.(?:py|go|rb)$/i.test(file)
  );
}

/** An Axeptio username/password/login name: `AXEPTIO_PASSWORD`, `axeptio.username`, `axeptioLogin`. */
export function isAxeptioCredentialName(name: string): boolean {
  if (!/axept/i.test(name)) return false;
  const last = name.split(/[.:/[\]]/).filter(Boolean).pop() ?? name;
  return /(?:user|username|user_name|login|email|e_mail|mail|password|passwd|pass|pwd)$/i.test(last) && !/(?:client|api)_?(?:user|login)$/i.test(last);
}

/** A key whose value is a secret: password, secret, token, API/private/access key. */
export function isSecretKey(key: string): boolean {
  const last = key.split(/[.:/[\]]/).filter(Boolean).pop() ?? key;
  return /(?:password|passwd|pwd|secret|token|api[_-]?key|apikey|private[_-]?key|access[_-]?key|secret[_-]?key|credentials?)$/i.test(last);
}
