/**
 * The Axeptio API stand-in under /v1: only a valid, unexpired bearer issued by this emulator gets
 * through; tokens from the retired sign-in (JWTs) and anything else get a 401 with a hint.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { paginate, type ApiData, type Project } from './api-data.js';
import { readJsonBody, sendEmpty, sendJson } from './http.js';
import { looksLikeLegacyToken, type TokenStore } from './token-store.js';
import type { EmulatorStats } from './types.js';

export interface ApiRouteContext {
  store: TokenStore;
  data: ApiData;
  stats: EmulatorStats;
}

const WWW_AUTHENTICATE = { 'www-authenticate': 'Bearer error="invalid_token"' };

function unauthorized(res: ServerResponse, stats: EmulatorStats, error: string, message: string): void {
  stats.apiUnauthorized++;
  sendJson(res, 401, { error, message }, WWW_AUTHENTICATE);
}

/** Answer 401 unless the request carries a valid bearer; returns whether the caller may proceed. */
function authorize(req: IncomingMessage, res: ServerResponse, ctx: ApiRouteContext): boolean {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '');
  if (!match) {
    unauthorized(res, ctx.stats, 'missing_token', 'Send Authorization: Bearer <access_token> obtained from the client-credentials exchange.');
    return false;
  }
  const verdict = ctx.store.verifyAccess(match[1]!);
  if (verdict.ok) return true;
  if (verdict.reason === 'unknown' && looksLikeLegacyToken(match[1]!)) {
    unauthorized(
      res,
      ctx.stats,
      'legacy_token',
      'This token was not issued by the client-credentials flow. Tokens from /auth/local/signin are rejected since 2026-07-06: ' +
        'exchange AXEPTIO_CLIENT_ID / AXEPTIO_CLIENT_SECRET at /identity/resources/auth/v2/api-token.',
    );
  } else if (verdict.reason === 'expired') {
    unauthorized(res, ctx.stats, 'token_expired', 'The access token has expired: refresh it or exchange the client credentials again.');
  } else {
    unauthorized(res, ctx.stats, 'invalid_token', `The access token is ${verdict.reason === 'revoked' ? 'revoked' : 'not recognised'}.`);
  }
  return false;
}

function notFound(res: ServerResponse, what: string): void {
  sendJson(res, 404, { error: 'not_found', message: `${what} not found` });
}

/** Route one request under /v1 (the caller has already matched the prefix). */
export async function handleApi(req: IncomingMessage, res: ServerResponse, url: URL, ctx: ApiRouteContext): Promise<void> {
  ctx.stats.apiCalls++;
  if (!authorize(req, res, ctx)) {
    req.resume();
    return;
  }
  const segments = url.pathname.replace(/^\/v1\/?/, '').split('/').filter(Boolean);
  const method = req.method ?? 'GET';
  const [collection, id, sub] = segments;
  if (collection !== 'projects' || segments.length > 3) return notFound(res, 'Resource');

  if (id === undefined) {
    if (method === 'GET') return sendJson(res, 200, paginate(ctx.data.projects, url.searchParams, '/v1/projects'));
    if (method === 'POST') return createProject(req, res, ctx);
    return sendJson(res, 405, { error: 'method_not_allowed' }, { allow: 'GET, POST' });
  }
  const index = ctx.data.projects.findIndex((p) => p.id === id);
  if (index < 0) return notFound(res, `Project ${id}`);

  if (sub === 'cookies') {
    if (method !== 'GET') return sendJson(res, 405, { error: 'method_not_allowed' }, { allow: 'GET' });
    const configs = ctx.data.cookies.filter((c) => c.projectId === id);
    return sendJson(res, 200, paginate(configs, url.searchParams, `/v1/projects/${id}/cookies`));
  }
  if (sub !== undefined) return notFound(res, 'Resource');

  if (method === 'GET') return sendJson(res, 200, ctx.data.projects[index]);
  if (method === 'PUT' || method === 'PATCH') return updateProject(req, res, ctx, index);
  if (method === 'DELETE') {
    ctx.data.projects.splice(index, 1);
    ctx.data.cookies = ctx.data.cookies.filter((c) => c.projectId !== id);
    return sendEmpty(res, 204);
  }
  return sendJson(res, 405, { error: 'method_not_allowed' }, { allow: 'GET, PUT, PATCH, DELETE' });
}

async function readProjectFields(req: IncomingMessage, res: ServerResponse): Promise<Partial<Pick<Project, 'name' | 'websiteURL'>> | null> {
  const body = await readJsonBody(req);
  if (!body.ok || typeof body.value !== 'object' || body.value === null) {
    sendJson(res, 400, { error: 'invalid_body', message: 'Send a JSON object, e.g. { "name": "My site" }' });
    return null;
  }
  const { name, websiteURL } = body.value as Record<string, unknown>;
  return {
    ...(typeof name === 'string' ? { name } : {}),
    ...(typeof websiteURL === 'string' ? { websiteURL } : {}),
  };
}

async function createProject(req: IncomingMessage, res: ServerResponse, ctx: ApiRouteContext): Promise<void> {
  const fields = await readProjectFields(req, res);
  if (!fields) return;
  if (!fields.name) return sendJson(res, 400, { error: 'invalid_body', message: '"name" is required' });
  const project: Project = {
    id: `proj_new_${ctx.data.projects.length + 1}_${Date.now().toString(36)}`,
    name: fields.name,
    websiteURL: fields.websiteURL ?? '',
    createdAt: new Date().toISOString(),
  };
  ctx.data.projects.push(project);
  sendJson(res, 201, project);
}

async function updateProject(req: IncomingMessage, res: ServerResponse, ctx: ApiRouteContext, index: number): Promise<void> {
  const fields = await readProjectFields(req, res);
  if (!fields) return;
  const updated = { ...ctx.data.projects[index]!, ...fields };
  ctx.data.projects[index] = updated;
  sendJson(res, 200, updated);
}
