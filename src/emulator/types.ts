/** Public shapes of the local emulator: a Frontegg token service plus an Axeptio API stand-in. */

export interface EmulatorOptions {
  /** TCP port; 0 (the default) picks a free one. */
  port?: number;
  /** Interface to bind; 127.0.0.1 by default so the emulator is never reachable from the network. */
  host?: string;
  /** clientId → secret pairs accepted by the token routes. Default: the demo pair in DEFAULT_CLIENTS. */
  clients?: Record<string, string>;
  /** Lifetime announced in `expires_in` and enforced by the API stand-in. Default 3600. */
  accessTokenTtlSeconds?: number;
  /** Lifetime of refresh tokens. Default 30 days. */
  refreshTokenTtlSeconds?: number;
  /** Delay added before every response, to make races and timeouts observable. Default 0. */
  latencyMs?: number;
  /** Clock in epoch milliseconds; inject one so tests can expire tokens without sleeping. */
  now?: () => number;
  /** Faults active from the start (same as calling setFaults right after start). */
  faults?: FaultPlan;
}

/** Misbehaviour to inject. Each call to setFaults replaces the counters it names and keeps the others. */
export interface FaultPlan {
  /**
   * The next `count` token requests (v2 exchange, refresh, v1 exchange) answer `status`: typically
   * 500/502/503/504, 408 or 429 (with `retryAfterSeconds`), or 400/403/404 to check a client does not retry them.
   */
  failNext?: { count: number; status: number; retryAfterSeconds?: number };
  /** The next `count` token requests wait `ms` before being served normally. */
  hangNext?: { count: number; ms: number };
  /** While true, every refresh answers 401 (as if refresh tokens were disabled for the client). */
  refuseRefresh?: boolean;
  /** Revoke refresh tokens now: every one issued so far ('all'), or these exact values. */
  revokeRefreshTokens?: 'all' | string[];
  /** Revoke every access token issued so far, so the API answers 401 to them. */
  revokeAccessTokens?: 'all';
}

/** Live counters; the object is mutated in place, so read it whenever you need a fresh value. */
export interface EmulatorStats {
  /** Requests that reached a token route, including refused and faulted ones. */
  tokenRequests: number;
  /** Successful v2 client-credentials exchanges. */
  exchanges: number;
  /** Successful v1 (`accessToken`/`expiresIn`) exchanges. */
  v1Exchanges: number;
  /** Exchanges refused for bad credentials (401) or a malformed body (400). */
  refusedExchanges: number;
  /** Successful refreshes. */
  refreshes: number;
  /** Refreshes refused: unknown, used, expired or revoked refresh token, or refuseRefresh. */
  refusedRefreshes: number;
  /** Token requests answered with an injected failure or delayed by an injected hang. */
  faultsInjected: number;
  /** Calls to the retired `/auth/local/signin`. */
  legacySignins: number;
  /** Requests to the API stand-in under /v1 (authorised or not). */
  apiCalls: number;
  /** API requests answered 401. */
  apiUnauthorized: number;
}

export interface RunningEmulator {
  /** http://127.0.0.1:PORT */
  url: string;
  /** Base URL of the token service (AXEPTIO_FRONTEGG_URL). */
  fronteggUrl: string;
  /** Base URL of the API stand-in (AXEPTIO_API_URL), `url + '/v1'`. */
  apiUrl: string;
  stats: EmulatorStats;
  setFaults(faults: FaultPlan): void;
  close(): Promise<void>;
}
