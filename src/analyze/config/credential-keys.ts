/** What a configuration key holds, judged from its name (`AXEPTIO_PASSWORD`, `axeptio.username`, `clientSecret`). */
import type { SecretFact } from '../../facts/types.js';

export type CredentialRole = 'username' | 'password' | 'client-id' | 'client-secret' | 'token' | 'refresh-token' | 'api-key';

/** Words of a key: `AXEPTIO_PASSWORD` → [axeptio, password]; `clientSecret` → [client, secret]. */
function keyWords(key: string): string[] {
  return key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/** The role of the last segment of a (dotted) key, or undefined when it is no credential. */
export function credentialRole(keyPath: string): CredentialRole | undefined {
  const last = keyPath.split('.').pop() ?? keyPath;
  const w = keyWords(last);
  const tail = w[w.length - 1];
  const prev = w[w.length - 2];
  if (!tail) return undefined;
  if (['password', 'passwd', 'pwd', 'passphrase', 'pass'].includes(tail)) return tail === 'pass' && w.length === 1 ? undefined : 'password';
  if (tail === 'clientsecret' || tail === 'secret') return 'client-secret';
  if (tail === 'clientid' || (tail === 'id' && prev === 'client')) return 'client-id';
  if (tail === 'refreshtoken' || (tail === 'token' && prev === 'refresh')) return 'refresh-token';
  if (tail === 'token' || tail === 'accesstoken' || tail === 'bearer' || tail === 'jwt') return 'token';
  if (tail === 'apikey' || (tail === 'key' && prev === 'api')) return 'api-key';
  if (['username', 'user', 'login', 'email', 'identifier'].includes(tail)) return 'username';
  return undefined;
}

/** Roles whose keys belong to the legacy flow (legacy-credentials, static-token): reported as ConfigEntryFacts. */
export function isLegacyCredentialRole(role: CredentialRole | undefined): boolean {
  return role === 'username' || role === 'password' || role === 'token';
}

/** Secret kind for a literal value under a key of this role, or undefined when the role holds no secret. */
export function secretKindFor(role: CredentialRole | undefined, value: string): SecretFact['secretKind'] | undefined {
  if (looksLikeJwt(value)) return 'jwt';
  switch (role) {
    case 'password':
      return 'password';
    case 'client-secret':
      return 'client-secret';
    case 'refresh-token':
      return 'refresh-token';
    case 'token':
      return 'access-token';
    case 'api-key':
      return 'api-key';
    default:
      return undefined;
  }
}

/** A JWT: three base64url segments whose header decodes from `{"`. */
export function looksLikeJwt(value: string): boolean {
  return /^eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*$/.test(value.trim());
}

/** The key path (or its section) names Axeptio. */
export function keyTiedToAxeptio(keyPath: string): boolean {
  return /axept/i.test(keyPath);
}
