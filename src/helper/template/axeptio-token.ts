/**
 * Axeptio API access tokens through Frontegg client credentials.
 *
 * Replaces the retired `POST /auth/local/signin` (username + password → long-lived token).
 * Configure with environment variables, never with literals in code:
 *   AXEPTIO_CLIENT_ID      Client ID (Axeptio administration → Settings → API Access)
 *   AXEPTIO_CLIENT_SECRET  its secret (shown once at creation; keep it in a secret store)
 *   AXEPTIO_FRONTEGG_URL   base URL of the token service (fallback: FRONTEGG_URL)
 *   AXEPTIO_API_URL        base URL of the Axeptio API (default: https://api.axept.io/v1)
 *
 * Usage:
 *   const res = await axeptioFetch('/projects');            // bearer added, 401 → one forced refresh
 *   const token = await getAxeptioAccessToken();             // when another HTTP client needs the header
 *
 * No dependency beyond the platform's fetch (Node >= 18).
 */

export interface TokenProviderOptions {
  /** Defaults to AXEPTIO_CLIENT_ID. */
  clientId?: string;
  /** Defaults to AXEPTIO_CLIENT_SECRET. */
  clientSecret?: string;
  /** Defaults to AXEPTIO_FRONTEGG_URL, then FRONTEGG_URL. */
  fronteggUrl?: string;
  /** Defaults to AXEPTIO_API_URL, then https://api.axept.io/v1. */
  apiUrl?: string;
  /** The fetch implementation; defaults to the global one. */
  fetch?: typeof fetch;
  /** Timeout of each token request, in ms. Default 10 000. */
  timeoutMs?: number;
  /** Timeout of axeptioFetch requests that carry no AbortSignal of their own, in ms; 0 disables. Default 30 000. */
  apiTimeoutMs?: number;
  /** Renew when less than this is left (capped at half the token's lifetime). Default 60. */
  refreshMarginSeconds?: number;
  /** Retries of a token request after a network error, timeout, 408, 429 or 5xx. Default 3. */
  maxRetries?: number;
  /** First backoff step in ms; doubles per attempt, with full jitter. Default 250. */
  retryBaseDelayMs?: number;
  /** Upper bound of one backoff wait, Retry-After included, in ms. Default 10 000. */
  maxRetryDelayMs?: number;
  /** Clock in epoch ms (injectable for tests). Default Date.now. */
  now?: () => number;
  /** How to wait between retries (injectable for tests). */
  sleep?: (ms: number) => Promise<void>;
}

export interface TokenProvider {
  /** A valid access token, from the cache when it is not about to expire. */
  getAccessToken(opts?: { forceRefresh?: boolean }): Promise<string>;
  /** fetch() against the Axeptio API with the bearer added; one forced refresh on 401. */
  fetch(pathOrUrl: string, init?: RequestInit): Promise<Response>;
  /** Forget every cached token (e.g. after rotating the client secret). */
  clear(): void;
}

export type AxeptioAuthErrorCode =
  | 'MISSING_ENV'
  | 'INVALID_CONFIG'
  | 'EXCHANGE_FAILED'
  | 'REFRESH_FAILED'
  | 'INVALID_RESPONSE'
  | 'TIMEOUT'
  | 'NETWORK';

/** Every failure of this module. Messages never contain the secret, a refresh token or an access token. */
export class AxeptioAuthError extends Error {
  readonly code: AxeptioAuthErrorCode;
  /** HTTP status of the failed response, when there was one. */
  readonly status: number | undefined;

  constructor(code: AxeptioAuthErrorCode, message: string, status?: number) {
    super(message);
    this.name = 'AxeptioAuthError';
    this.code = code;
    this.status = status;
  }
}

const DEFAULT_API_URL = 'https://api.axept.io/v1';
const EXCHANGE_PATH = '/identity/resources/auth/v2/api-token';
const REFRESH_PATH = '/identity/resources/auth/v2/api-token/token/refresh';

interface Config {
  clientId: string;
  clientSecret: string;
  tokenUrl: string;
  refreshUrl: string;
  apiUrl: string;
}

interface CachedToken {
  accessToken: string;
  refreshToken: string | undefined;
  /** Epoch ms: when the token request was sent plus expires_in, so network time never extends it. */
  expiresAt: number;
  lifetimeMs: number;
}

/** The v2 routes answer snake_case; camelCase is accepted too for gateways that reshape it. */
interface TokenResponseBody {
  access_token?: unknown;
  refresh_token?: unknown;
  expires_in?: unknown;
  accessToken?: unknown;
  refreshToken?: unknown;
  expiresIn?: unknown;
}

type TokenFailureCode = 'EXCHANGE_FAILED' | 'REFRESH_FAILED';

/** What a token request answered; the body is read only on success. */
interface TokenReply {
  status: number;
  retryAfter: string | null;
  text: string;
}

interface CacheEntry {
  token: CachedToken | undefined;
  /** The exchange or refresh under way, shared by every concurrent caller. */
  inFlight: Promise<string> | undefined;
}

/** Create a provider with its own token cache; options override the environment variables. */
export function createAxeptioTokenProvider(options: TokenProviderOptions = {}): TokenProvider {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const timeoutMs = options.timeoutMs ?? 10_000;
  const apiTimeoutMs = options.apiTimeoutMs ?? 30_000;
  const marginMs = (options.refreshMarginSeconds ?? 60) * 1000;
  const maxRetries = options.maxRetries ?? 3;
  const baseDelayMs = options.retryBaseDelayMs ?? 250;
  const maxDelayMs = options.maxRetryDelayMs ?? 10_000;
  // Looked up per call so a fetch mocked or polyfilled after import is still used.
  const fetchImpl = (input: string, init: RequestInit): Promise<Response> => (options.fetch ?? fetch)(input, init);
  // Keyed by token URL + client ID so a change of configuration never serves another client's token.
  const cache = new Map<string, CacheEntry>();

  // Resolved on every call rather than at creation: importing the module must never throw,
  // and the environment is often filled in after import (dotenv, test setup).
  function resolveConfig(): Config {
    const env: Record<string, string | undefined> = typeof process === 'undefined' ? {} : process.env;
    const clientId = options.clientId ?? env['AXEPTIO_CLIENT_ID']?.trim();
    const clientSecret = options.clientSecret ?? env['AXEPTIO_CLIENT_SECRET']?.trim();
    const fronteggUrl = options.fronteggUrl ?? (env['AXEPTIO_FRONTEGG_URL']?.trim() || env['FRONTEGG_URL']?.trim());
    const apiUrl = options.apiUrl ?? (env['AXEPTIO_API_URL']?.trim() || DEFAULT_API_URL);
    if (!clientId) throw missingEnv('AXEPTIO_CLIENT_ID', 'the Client ID from Axeptio Settings → API Access');
    if (!clientSecret) throw missingEnv('AXEPTIO_CLIENT_SECRET', 'the secret of that API client');
    if (!fronteggUrl) throw missingEnv('AXEPTIO_FRONTEGG_URL', 'nor FRONTEGG_URL: the base URL of the token service');
    const base = trimTrailingSlashes(checkHttpUrl(fronteggUrl, 'AXEPTIO_FRONTEGG_URL'));
    return {
      clientId,
      clientSecret,
      tokenUrl: base + EXCHANGE_PATH,
      refreshUrl: base + REFRESH_PATH,
      apiUrl: trimTrailingSlashes(checkHttpUrl(apiUrl, 'AXEPTIO_API_URL')),
    };
  }

  function entryFor(config: Config): CacheEntry {
    const key = `${config.tokenUrl}\n${config.clientId}`;
    let entry = cache.get(key);
    if (!entry) {
      entry = { token: undefined, inFlight: undefined };
      cache.set(key, entry);
    }
    return entry;
  }

  function isFresh(token: CachedToken): boolean {
    // A margin capped at half the lifetime: a 120 s token is renewed after 60 s, not on every call.
    const margin = Math.min(marginMs, token.lifetimeMs / 2);
    return token.expiresAt - now() > margin;
  }

  /**
   * The cached token, or a renewed one. `staleToken` is the token a caller saw rejected: when the
   * cache already holds another one, someone renewed meanwhile and there is nothing to force.
   */
  function accessToken(config: Config, force: boolean, staleToken?: string): Promise<string> {
    const entry = entryFor(config);
    if (entry.inFlight) return entry.inFlight;
    const current = entry.token;
    if (current && !force && isFresh(current)) return Promise.resolve(current.accessToken);
    const renewedMeanwhile = staleToken !== undefined && current?.accessToken !== staleToken;
    if (current && renewedMeanwhile && isFresh(current)) return Promise.resolve(current.accessToken);

    entry.inFlight = renew(config, entry, force).finally(() => {
      entry.inFlight = undefined;
    });
    return entry.inFlight;
  }

  async function renew(config: Config, entry: CacheEntry, force: boolean): Promise<string> {
    const previous = entry.token;
    try {
      if (previous?.refreshToken) {
        try {
          entry.token = await requestToken(config.refreshUrl, { refreshToken: previous.refreshToken }, 'REFRESH_FAILED');
          return entry.token.accessToken;
        } catch {
          // Refresh tokens rotate and can be used up or revoked: drop this one and fall back to
          // one exchange of the client credentials, which is always allowed.
          previous.refreshToken = undefined;
        }
      }
      const credentials = { clientId: config.clientId, secret: config.clientSecret };
      entry.token = await requestToken(config.tokenUrl, credentials, 'EXCHANGE_FAILED');
      return entry.token.accessToken;
    } catch (error) {
      // A token that has not expired yet keeps serving while its early renewal fails transiently.
      if (!force && previous && previous.expiresAt > now()) return previous.accessToken;
      throw error;
    }
  }

  /** POST a JSON body to a token route, with timeout and bounded retries; parse the token response. */
  async function requestToken(url: string, body: object, failureCode: TokenFailureCode): Promise<CachedToken> {
    const what = failureCode === 'EXCHANGE_FAILED' ? 'client-credentials exchange' : 'token refresh';
    for (let attempt = 0; ; attempt++) {
      const sentAt = now();
      let reply: TokenReply;
      try {
        reply = await postOnce(url, body);
      } catch (error) {
        const failure = transportError(error, what, timeoutMs);
        if (attempt >= maxRetries) throw failure;
        await sleep(backoffDelay(attempt));
        continue;
      }
      if (reply.status >= 200 && reply.status < 300) return parseTokenResponse(reply, sentAt, what);

      // The body of a failed token response never goes into the error: it may echo the request.
      const failure = new AxeptioAuthError(failureCode, `Axeptio ${what} failed: HTTP ${reply.status}`, reply.status);
      if (!isRetryableStatus(reply.status) || attempt >= maxRetries) throw failure;
      const retryAfterMs = parseRetryAfter(reply.retryAfter, now());
      if (retryAfterMs !== undefined && retryAfterMs > maxDelayMs) {
        const wait = `retry requested after ${Math.ceil(retryAfterMs / 1000)} s, beyond the ${maxDelayMs / 1000} s bound`;
        throw new AxeptioAuthError(failureCode, `Axeptio ${what} failed: HTTP ${reply.status} (${wait})`, reply.status);
      }
      await sleep(retryAfterMs ?? backoffDelay(attempt));
    }
  }

  /** One POST, body included, under one timeout: a server that stalls mid-body times out too. */
  async function postOnce(url: string, body: object): Promise<TokenReply> {
    const controller = new AbortController();
    const onTimeout = (): void => controller.abort(new AxeptioAuthError('TIMEOUT', `timed out after ${timeoutMs} ms`));
    const timer = setTimeout(onTimeout, timeoutMs);
    try {
      const response = await fetchImpl(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify(body),
        signal: controller.signal,
      });
      const ok = response.status >= 200 && response.status < 300;
      if (!ok) await response.body?.cancel().catch(() => undefined);
      const retryAfter = response.headers.get('retry-after');
      return { status: response.status, retryAfter, text: ok ? await response.text() : '' };
    } finally {
      clearTimeout(timer);
    }
  }

  function parseTokenResponse(reply: TokenReply, sentAt: number, what: string): CachedToken {
    let json: TokenResponseBody | null;
    try {
      json = JSON.parse(reply.text) as TokenResponseBody | null;
    } catch {
      throw new AxeptioAuthError('INVALID_RESPONSE', `Axeptio ${what} returned a body that is not JSON`, reply.status);
    }
    // snake_case from the v2 routes, camelCase from gateways that reshape the answer.
    const accessToken = json?.access_token ?? json?.accessToken;
    const refreshToken = json?.refresh_token ?? json?.refreshToken;
    const expiresIn = Number(json?.expires_in ?? json?.expiresIn);
    if (typeof accessToken !== 'string' || accessToken === '') {
      throw new AxeptioAuthError('INVALID_RESPONSE', `Axeptio ${what} returned no access_token`, reply.status);
    }
    // Trust the server's lifetime (3600 s documented, other deployments differ); without one, stay cautious.
    const lifetimeMs = (Number.isFinite(expiresIn) && expiresIn > 0 ? expiresIn : 300) * 1000;
    return {
      accessToken,
      refreshToken: typeof refreshToken === 'string' && refreshToken !== '' ? refreshToken : undefined,
      expiresAt: sentAt + lifetimeMs,
      lifetimeMs,
    };
  }

  function backoffDelay(attempt: number): number {
    // Full jitter: callers that failed together do not retry together.
    return Math.random() * Math.min(maxDelayMs, baseDelayMs * 2 ** attempt);
  }

  async function apiFetch(pathOrUrl: string, init: RequestInit = {}): Promise<Response> {
    const config = resolveConfig();
    const url = resolveApiUrl(config.apiUrl, pathOrUrl);
    const send = (token: string): Promise<Response> => {
      const headers = new Headers(init.headers);
      headers.set('authorization', `Bearer ${token}`);
      const signal = init.signal ?? (apiTimeoutMs > 0 ? AbortSignal.timeout(apiTimeoutMs) : null);
      return fetchImpl(url, { ...init, headers, signal });
    };
    const token = await accessToken(config, false);
    const response = await send(token);
    // Retry once on 401 from the Axeptio API itself (the token may have been revoked early),
    // unless the body is a stream that cannot be sent twice.
    if (response.status !== 401 || !sameOrigin(url, config.apiUrl) || isStream(init.body)) return response;
    await response.body?.cancel().catch(() => undefined);
    return send(await accessToken(config, true, token));
  }

  return {
    getAccessToken: (opts) => {
      try {
        return accessToken(resolveConfig(), opts?.forceRefresh === true);
      } catch (error) {
        return Promise.reject(error);
      }
    },
    fetch: apiFetch,
    clear: () => cache.clear(),
  };
}

function missingEnv(variable: string, hint: string): AxeptioAuthError {
  return new AxeptioAuthError('MISSING_ENV', `${variable} is not set (${hint})`);
}

/** Turn a fetch rejection into TIMEOUT or NETWORK, keeping only the cause's class and code. */
function transportError(error: unknown, what: string, timeoutMs: number): AxeptioAuthError {
  if (error instanceof AxeptioAuthError && error.code === 'TIMEOUT') {
    return new AxeptioAuthError('TIMEOUT', `Axeptio ${what} timed out after ${timeoutMs} ms`);
  }
  const cause = (error as { cause?: { code?: unknown } } | undefined)?.cause;
  const detail = typeof cause?.code === 'string' ? ` (${cause.code})` : '';
  return new AxeptioAuthError('NETWORK', `Axeptio ${what} could not reach the token service${detail}`);
}

function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || status >= 500;
}

/** Retry-After as a delay in ms: delta-seconds or an HTTP date; undefined when absent or unreadable. */
function parseRetryAfter(header: string | null, nowMs: number): number | undefined {
  if (header === null || header.trim() === '') return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
}

/** Validate a configured URL; the message names the variable but not the value (it may hold credentials). */
function checkHttpUrl(value: string, variable: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new AxeptioAuthError('INVALID_CONFIG', `${variable} is not a valid URL`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new AxeptioAuthError('INVALID_CONFIG', `${variable} must be an http(s) URL`);
  }
  return value;
}

function trimTrailingSlashes(url: string): string {
  return url.replace(/\/+$/, '');
}

/**
 * Join a path onto the API base without losing the base's own path: `new URL('/projects', base)`
 * would drop the `/v1`. A path that already starts with the base's path (`/v1/projects`) is not
 * prefixed twice, so code written against the bare host keeps working.
 */
function resolveApiUrl(apiUrl: string, pathOrUrl: string): string {
  if (/^https?:\/\//i.test(pathOrUrl)) return pathOrUrl;
  const base = new URL(apiUrl);
  const basePath = trimTrailingSlashes(base.pathname);
  const path = pathOrUrl.startsWith('/') ? pathOrUrl : `/${pathOrUrl}`;
  if (basePath && (path === basePath || path.startsWith(`${basePath}/`) || path.startsWith(`${basePath}?`))) {
    return base.origin + path;
  }
  return apiUrl + path;
}

function sameOrigin(url: string, apiUrl: string): boolean {
  return new URL(url).origin === new URL(apiUrl).origin;
}

function isStream(body: unknown): boolean {
  return typeof ReadableStream !== 'undefined' && body instanceof ReadableStream;
}

// The module-level provider behind the two convenience functions; created on first use.
let defaultProvider: TokenProvider | undefined;

function getDefaultProvider(): TokenProvider {
  if (!defaultProvider) defaultProvider = createAxeptioTokenProvider();
  return defaultProvider;
}

/** A valid Axeptio access token, configured from the environment. */
export function getAxeptioAccessToken(opts?: { forceRefresh?: boolean }): Promise<string> {
  return getDefaultProvider().getAccessToken(opts);
}

/** fetch() against the Axeptio API (paths resolve against AXEPTIO_API_URL) with the bearer added. */
export function axeptioFetch(pathOrUrl: string, init?: RequestInit): Promise<Response> {
  return getDefaultProvider().fetch(pathOrUrl, init);
}
