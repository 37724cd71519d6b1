/**
 * Issued tokens of the emulator. Tokens are opaque random strings, like Frontegg's from the
 * client's point of view; the store remembers who they belong to and when they die.
 */
import { randomBytes } from 'node:crypto';

export interface IssuedPair {
  accessToken: string;
  refreshToken: string;
  expiresInSeconds: number;
}

interface AccessRecord {
  clientId: string;
  expiresAt: number;
  revoked: boolean;
}

interface RefreshRecord {
  clientId: string;
  expiresAt: number;
  /** Set once the token has been exchanged: refresh tokens rotate and are single-use. */
  used: boolean;
  revoked: boolean;
}

export type AccessVerdict =
  | { ok: true; clientId: string }
  | { ok: false; reason: 'unknown' | 'expired' | 'revoked' };

export type RefreshVerdict =
  | { ok: true; clientId: string }
  | { ok: false; reason: 'unknown' | 'used' | 'expired' | 'revoked' };

/** Prefixes make the emulator's tokens recognisable in its own checks (a JWT is certainly not ours). */
const ACCESS_PREFIX = 'emu_at_';
const REFRESH_PREFIX = 'emu_rt_';

export class TokenStore {
  private readonly access = new Map<string, AccessRecord>();
  private readonly refresh = new Map<string, RefreshRecord>();

  constructor(
    private readonly now: () => number,
    private readonly accessTtlSeconds: number,
    private readonly refreshTtlSeconds: number,
  ) {}

  /** Issue an access token alone (the v1 route has no refresh token). */
  issueAccess(clientId: string): { accessToken: string; expiresInSeconds: number } {
    const accessToken = ACCESS_PREFIX + randomBytes(24).toString('base64url');
    this.access.set(accessToken, { clientId, expiresAt: this.now() + this.accessTtlSeconds * 1000, revoked: false });
    return { accessToken, expiresInSeconds: this.accessTtlSeconds };
  }

  /** Issue a fresh access + refresh pair for a client. */
  issuePair(clientId: string): IssuedPair {
    const { accessToken, expiresInSeconds } = this.issueAccess(clientId);
    const refreshToken = REFRESH_PREFIX + randomBytes(32).toString('base64url');
    this.refresh.set(refreshToken, { clientId, expiresAt: this.now() + this.refreshTtlSeconds * 1000, used: false, revoked: false });
    return { accessToken, refreshToken, expiresInSeconds };
  }

  /** Check a bearer token presented to the API. */
  verifyAccess(token: string): AccessVerdict {
    const record = this.access.get(token);
    if (!record) return { ok: false, reason: 'unknown' };
    if (record.revoked) return { ok: false, reason: 'revoked' };
    if (this.now() >= record.expiresAt) return { ok: false, reason: 'expired' };
    return { ok: true, clientId: record.clientId };
  }

  /** Consume a refresh token: valid once, then marked used whatever happens next (rotation). */
  consumeRefresh(token: string): RefreshVerdict {
    const record = this.refresh.get(token);
    if (!record) return { ok: false, reason: 'unknown' };
    if (record.revoked) return { ok: false, reason: 'revoked' };
    if (record.used) return { ok: false, reason: 'used' };
    if (this.now() >= record.expiresAt) return { ok: false, reason: 'expired' };
    record.used = true;
    return { ok: true, clientId: record.clientId };
  }

  /** Revoke every refresh token issued so far, or the listed ones. Returns how many were revoked. */
  revokeRefresh(which: 'all' | readonly string[]): number {
    let count = 0;
    for (const [token, record] of this.refresh) {
      if (which === 'all' || which.includes(token)) {
        record.revoked = true;
        count++;
      }
    }
    return count;
  }

  /** Revoke every access token issued so far. */
  revokeAllAccess(): void {
    for (const record of this.access.values()) record.revoked = true;
  }
}

/** True for strings that look like tokens from the retired sign-in (JWTs) rather than ours. */
export function looksLikeLegacyToken(token: string): boolean {
  return /^eyJ[\w-]+\.[\w-]+\.[\w-]*$/.test(token) || !token.startsWith(ACCESS_PREFIX);
}
