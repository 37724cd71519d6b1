/**
 * The Frontegg token routes: v2 client-credentials exchange and refresh (snake_case, rotating
 * refresh tokens) and the older v1 exchange (camelCase, no refresh token).
 */
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readJsonBody, sendJson, stringFields } from './http.js';
import type { TokenStore } from './token-store.js';
import type { EmulatorStats } from './types.js';

export const V2_EXCHANGE_PATH = '/identity/resources/auth/v2/api-token';
export const V2_REFRESH_PATH = '/identity/resources/auth/v2/api-token/token/refresh';
export const V1_EXCHANGE_PATH = '/identity/resources/auth/v1/api-token';

export interface TokenRouteContext {
  store: TokenStore;
  clients: ReadonlyMap<string, string>;
  stats: EmulatorStats;
  refuseRefresh: () => boolean;
}

/** Frontegg-like error body: `{ errors: [message] }`, never echoing what the client sent. */
function sendError(res: ServerResponse, status: number, message: string): void {
  sendJson(res, status, { errors: [message] });
}

/** Compare secrets in constant time so the emulator does not teach bad habits. */
function secretMatches(expected: string, given: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Validate `{ clientId, secret }`; answers 400/401 itself and returns the client ID on success. */
async function authenticateClient(req: IncomingMessage, res: ServerResponse, ctx: TokenRouteContext): Promise<string | null> {
  const body = await readJsonBody(req);
  if (!body.ok) {
    ctx.stats.refusedExchanges++;
    sendError(res, body.status, body.error === 'invalid_json' ? 'Body must be JSON: { "clientId", "secret" }' : 'Body too large');
    return null;
  }
  const fields = stringFields(body.value, ['clientId', 'secret']);
  if (!fields) {
    ctx.stats.refusedExchanges++;
    sendError(res, 400, 'Body must be JSON with string fields "clientId" and "secret"');
    return null;
  }
  const expected = ctx.clients.get(fields.clientId);
  if (expected === undefined || !secretMatches(expected, fields.secret)) {
    ctx.stats.refusedExchanges++;
    sendError(res, 401, 'Invalid client credentials');
    return null;
  }
  return fields.clientId;
}

/** POST v2 exchange: `{ clientId, secret }` → `{ access_token, refresh_token, expires_in }`. */
export async function handleV2Exchange(req: IncomingMessage, res: ServerResponse, ctx: TokenRouteContext): Promise<void> {
  const clientId = await authenticateClient(req, res, ctx);
  if (clientId === null) return;
  const pair = ctx.store.issuePair(clientId);
  ctx.stats.exchanges++;
  sendJson(res, 200, { access_token: pair.accessToken, refresh_token: pair.refreshToken, expires_in: pair.expiresInSeconds });
}

/** POST v2 refresh: `{ refreshToken }` → a new pair; the presented refresh token is spent. */
export async function handleV2Refresh(req: IncomingMessage, res: ServerResponse, ctx: TokenRouteContext): Promise<void> {
  const body = await readJsonBody(req);
  const fields = body.ok ? stringFields(body.value, ['refreshToken']) : null;
  if (!fields) {
    ctx.stats.refusedRefreshes++;
    sendError(res, 400, 'Body must be JSON with a string field "refreshToken"');
    return;
  }
  if (ctx.refuseRefresh()) {
    ctx.stats.refusedRefreshes++;
    sendError(res, 401, 'Refresh is disabled for this client');
    return;
  }
  const verdict = ctx.store.consumeRefresh(fields.refreshToken);
  if (!verdict.ok) {
    ctx.stats.refusedRefreshes++;
    sendError(res, 401, `Refresh token ${verdict.reason === 'unknown' ? 'is not recognised' : `is ${verdict.reason}`}`);
    return;
  }
  const pair = ctx.store.issuePair(verdict.clientId);
  ctx.stats.refreshes++;
  sendJson(res, 200, { access_token: pair.accessToken, refresh_token: pair.refreshToken, expires_in: pair.expiresInSeconds });
}

/** POST v1 exchange (superseded): `{ clientId, secret }` → `{ accessToken, expiresIn }`. */
export async function handleV1Exchange(req: IncomingMessage, res: ServerResponse, ctx: TokenRouteContext): Promise<void> {
  const clientId = await authenticateClient(req, res, ctx);
  if (clientId === null) return;
  const issued = ctx.store.issueAccess(clientId);
  ctx.stats.v1Exchanges++;
  sendJson(res, 200, { accessToken: issued.accessToken, expiresIn: issued.expiresInSeconds });
}
