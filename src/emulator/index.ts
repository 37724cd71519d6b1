/**
 * A local stand-in for Axeptio's new authentication (Frontegg client credentials) and its API,
 * so migrated code can be exercised end to end without real credentials or network access.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';
import { seedApiData } from './api-data.js';
import { handleApi } from './api-routes.js';
import { FaultState } from './faults.js';
import { sendJson } from './http.js';
import { handleLegacySignin, LEGACY_SIGNIN_PATHS } from './legacy-route.js';
import { TokenStore } from './token-store.js';
import {
  handleV1Exchange,
  handleV2Exchange,
  handleV2Refresh,
  V1_EXCHANGE_PATH,
  V2_EXCHANGE_PATH,
  V2_REFRESH_PATH,
  type TokenRouteContext,
} from './token-routes.js';
import type { EmulatorOptions, EmulatorStats, FaultPlan, RunningEmulator } from './types.js';

export type { EmulatorOptions, EmulatorStats, FaultPlan, RunningEmulator } from './types.js';
export { V1_EXCHANGE_PATH, V2_EXCHANGE_PATH, V2_REFRESH_PATH } from './token-routes.js';

/** The demo credentials the emulator accepts when none are given. Not secrets: printed by `emulator --help`. */
export const DEMO_CLIENT_ID = 'axeptio-emulator-client';
export const DEMO_CLIENT_SECRET = 'axeptio-emulator-demo-secret';

const DEFAULT_ACCESS_TTL_SECONDS = 3600;
const DEFAULT_REFRESH_TTL_SECONDS = 30 * 24 * 3600;

function emptyStats(): EmulatorStats {
  return {
    tokenRequests: 0,
    exchanges: 0,
    v1Exchanges: 0,
    refusedExchanges: 0,
    refreshes: 0,
    refusedRefreshes: 0,
    faultsInjected: 0,
    legacySignins: 0,
    apiCalls: 0,
    apiUnauthorized: 0,
  };
}

/** Start the emulator on 127.0.0.1 (any free port by default). */
export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const now = options.now ?? Date.now;
  const stats = emptyStats();
  const faults = new FaultState();
  const store = new TokenStore(
    now,
    options.accessTokenTtlSeconds ?? DEFAULT_ACCESS_TTL_SECONDS,
    options.refreshTokenTtlSeconds ?? DEFAULT_REFRESH_TTL_SECONDS,
  );
  const clients = new Map(Object.entries(options.clients ?? { [DEMO_CLIENT_ID]: DEMO_CLIENT_SECRET }));
  const data = seedApiData();
  // Aborted on close so that injected hangs and latency do not keep the process alive.
  const shutdown = new AbortController();
  let fronteggUrl = '';

  const tokenContext: TokenRouteContext = { store, clients, stats, refuseRefresh: () => faults.refuseRefresh };
  const tokenRoutes = new Map([
    [V2_EXCHANGE_PATH, handleV2Exchange],
    [V2_REFRESH_PATH, handleV2Refresh],
    [V1_EXCHANGE_PATH, handleV1Exchange],
  ]);

  const setFaults = (plan: FaultPlan): void => {
    faults.apply(plan);
    if (plan.revokeRefreshTokens) store.revokeRefresh(plan.revokeRefreshTokens);
    if (plan.revokeAccessTokens) store.revokeAllAccess();
  };
  if (options.faults) setFaults(options.faults);

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://emulator.invalid');
    const path = url.pathname.replace(/\/+$/, '') || '/';
    if (options.latencyMs) await delay(options.latencyMs, undefined, { signal: shutdown.signal });

    const tokenHandler = tokenRoutes.get(path);
    if (tokenHandler) {
      if (req.method !== 'POST') return sendJson(res, 405, { errors: ['Use POST'] }, { allow: 'POST' });
      stats.tokenRequests++;
      const fault = faults.next();
      if (fault.kind !== 'none') stats.faultsInjected++;
      if (fault.kind === 'hang') await delay(fault.ms, undefined, { signal: shutdown.signal });
      if (fault.kind === 'fail') {
        req.resume();
        const headers: Record<string, string> = fault.retryAfterSeconds === undefined ? {} : { 'retry-after': String(fault.retryAfterSeconds) };
        return sendJson(res, fault.status, { errors: [`Injected fault: ${fault.status}`] }, headers);
      }
      return tokenHandler(req, res, tokenContext);
    }
    if (LEGACY_SIGNIN_PATHS.has(path)) {
      stats.legacySignins++;
      return handleLegacySignin(req, res, fronteggUrl);
    }
    if (path === '/v1' || path.startsWith('/v1/')) return handleApi(req, res, url, { store, data, stats });
    if (path === '/health') return sendJson(res, 200, { ok: true });
    req.resume();
    sendJson(res, 404, { error: 'not_found', message: `No route for ${req.method} ${path}` });
  }

  const server = createServer((req, res) => {
    route(req, res).catch((error: unknown) => {
      if (shutdown.signal.aborted) {
        res.destroy();
        return;
      }
      // Never echo request data: the message names the failure class only.
      if (!res.headersSent) sendJson(res, 500, { error: 'emulator_error', message: error instanceof Error ? error.name : 'error' });
      else res.destroy();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = `http://${host}:${address.port}`;
  fronteggUrl = url;

  return {
    url,
    fronteggUrl: url,
    apiUrl: `${url}/v1`,
    stats,
    setFaults,
    close: async () => {
      shutdown.abort();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    },
  };
}
