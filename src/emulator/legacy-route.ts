/** The retired `POST /auth/local/signin`: answers 410 Gone with what to do instead. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendJson } from './http.js';
import { V2_EXCHANGE_PATH, V2_REFRESH_PATH } from './token-routes.js';

export const LEGACY_SIGNIN_PATHS: ReadonlySet<string> = new Set(['/auth/local/signin', '/v1/auth/local/signin']);

/** Answer a legacy sign-in attempt; the body (username + password) is drained unread. */
export function handleLegacySignin(req: IncomingMessage, res: ServerResponse, fronteggUrl: string): void {
  req.resume();
  sendJson(res, 410, {
    error: 'endpoint_retired',
    message:
      'POST /auth/local/signin was retired on 2026-07-06 and tokens it issued are rejected. ' +
      'Create API credentials in Axeptio (Settings → API Access) and use the Frontegg client-credentials flow.',
    migration: {
      exchange: {
        method: 'POST',
        url: fronteggUrl + V2_EXCHANGE_PATH,
        body: { clientId: '<AXEPTIO_CLIENT_ID>', secret: '<AXEPTIO_CLIENT_SECRET>' },
      },
      refresh: { method: 'POST', url: fronteggUrl + V2_REFRESH_PATH, body: { refreshToken: '<refresh_token>' } },
      env: ['AXEPTIO_CLIENT_ID', 'AXEPTIO_CLIENT_SECRET', 'AXEPTIO_FRONTEGG_URL', 'AXEPTIO_API_URL'],
      tool: 'npx axeptio-migrate fix  (rewrites the sign-in onto a generated token helper)',
    },
  });
}
