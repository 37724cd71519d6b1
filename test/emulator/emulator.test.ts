// The emulator's routes, token lifecycle and faults, exercised over real HTTP on 127.0.0.1.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, startEmulator, type RunningEmulator } from '../../src/emulator/index.js';

const EXCHANGE = '/identity/resources/auth/v2/api-token';
const REFRESH = '/identity/resources/auth/v2/api-token/token/refresh';
const V1_EXCHANGE = '/identity/resources/auth/v1/api-token';

async function post(base: string, path: string, body: unknown, raw = false): Promise<{ status: number; json: any; headers: Headers }> {
  const res = await fetch(base + path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: raw ? (body as string) : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, json: text ? JSON.parse(text) : undefined, headers: res.headers };
}

async function api(emu: RunningEmulator, path: string, token?: string, init: RequestInit = {}): Promise<{ status: number; json: any }> {
  const headers = new Headers(init.headers);
  if (token !== undefined) headers.set('authorization', `Bearer ${token}`);
  const res = await fetch(emu.apiUrl + path, { ...init, headers });
  const text = await res.text();
  return { status: res.status, json: text ? JSON.parse(text) : undefined };
}

const demo = { clientId: DEMO_CLIENT_ID, secret: DEMO_CLIENT_SECRET };

describe('emulator token routes', () => {
  let clock = Date.UTC(2026, 7, 1);
  let emu: RunningEmulator;
  before(async () => {
    emu = await startEmulator({ now: () => clock, accessTokenTtlSeconds: 120, refreshTokenTtlSeconds: 600 });
  });
  after(() => emu.close());

  test('binds 127.0.0.1 on a free port and derives the two base URLs', () => {
    assert.match(emu.url, /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.equal(emu.fronteggUrl, emu.url);
    assert.equal(emu.apiUrl, `${emu.url}/v1`);
  });

  test('v2 exchange answers snake_case with the configured lifetime and opaque distinct tokens', async () => {
    const { status, json } = await post(emu.fronteggUrl, EXCHANGE, demo);
    assert.equal(status, 200);
    assert.deepEqual(Object.keys(json).sort(), ['access_token', 'expires_in', 'refresh_token']);
    assert.equal(json.expires_in, 120);
    assert.notEqual(json.access_token, json.refresh_token);
    assert.doesNotMatch(json.access_token, /^eyJ/);
    const second = await post(emu.fronteggUrl, EXCHANGE, demo);
    assert.notEqual(second.json.access_token, json.access_token);
  });

  test('v2 exchange refuses bad credentials with 401 and malformed bodies with 400, echoing nothing', async () => {
    const refusedBefore = emu.stats.refusedExchanges;
    const wrong = await post(emu.fronteggUrl, EXCHANGE, { clientId: DEMO_CLIENT_ID, secret: 'not-the-secret-123' });
    assert.equal(wrong.status, 401);
    assert.doesNotMatch(JSON.stringify(wrong.json), /not-the-secret-123/);
    assert.equal((await post(emu.fronteggUrl, EXCHANGE, { clientId: 'nobody', secret: DEMO_CLIENT_SECRET })).status, 401);
    assert.equal((await post(emu.fronteggUrl, EXCHANGE, '{not json', true)).status, 400);
    assert.equal((await post(emu.fronteggUrl, EXCHANGE, { clientId: DEMO_CLIENT_ID })).status, 400);
    assert.equal((await post(emu.fronteggUrl, EXCHANGE, ['x'])).status, 400);
    assert.equal(emu.stats.refusedExchanges - refusedBefore, 5);
  });

  test('refresh rotates: a new pair, and the presented refresh token is spent', async () => {
    const first = (await post(emu.fronteggUrl, EXCHANGE, demo)).json;
    const refreshed = await post(emu.fronteggUrl, REFRESH, { refreshToken: first.refresh_token });
    assert.equal(refreshed.status, 200);
    assert.notEqual(refreshed.json.refresh_token, first.refresh_token);
    assert.notEqual(refreshed.json.access_token, first.access_token);
    assert.equal(refreshed.json.expires_in, 120);
    const reused = await post(emu.fronteggUrl, REFRESH, { refreshToken: first.refresh_token });
    assert.equal(reused.status, 401);
    assert.match(reused.json.errors[0], /used/);
    assert.equal((await post(emu.fronteggUrl, REFRESH, { refreshToken: refreshed.json.refresh_token })).status, 200);
    assert.equal((await post(emu.fronteggUrl, REFRESH, { refreshToken: 'emu_rt_made-up' })).status, 401);
    assert.equal((await post(emu.fronteggUrl, REFRESH, {})).status, 400);
  });

  test('access and refresh tokens expire on the injected clock', async () => {
    const pair = (await post(emu.fronteggUrl, EXCHANGE, demo)).json;
    assert.equal((await api(emu, '/projects', pair.access_token)).status, 200);
    clock += 119_000;
    assert.equal((await api(emu, '/projects', pair.access_token)).status, 200);
    clock += 1_000;
    const expired = await api(emu, '/projects', pair.access_token);
    assert.equal(expired.status, 401);
    assert.equal(expired.json.error, 'token_expired');
    clock += 480_000; // refresh TTL is 600 s
    assert.equal((await post(emu.fronteggUrl, REFRESH, { refreshToken: pair.refresh_token })).status, 401);
  });

  test('v1 exchange answers camelCase without a refresh token', async () => {
    const before = emu.stats.v1Exchanges;
    const { status, json } = await post(emu.fronteggUrl, V1_EXCHANGE, demo);
    assert.equal(status, 200);
    assert.deepEqual(Object.keys(json).sort(), ['accessToken', 'expiresIn']);
    assert.equal((await api(emu, '/projects', json.accessToken)).status, 200);
    assert.equal(emu.stats.v1Exchanges, before + 1);
  });

  test('token routes accept POST only', async () => {
    assert.equal((await fetch(emu.fronteggUrl + EXCHANGE)).status, 405);
  });
});

describe('emulator legacy sign-in', () => {
  let emu: RunningEmulator;
  before(async () => {
    emu = await startEmulator();
  });
  after(() => emu.close());

  for (const path of ['/auth/local/signin', '/v1/auth/local/signin']) {
    test(`${path} answers 410 with the migration, never the password`, async () => {
      const before = emu.stats.legacySignins;
      const res = await post(emu.url, path, { identifier: 'ops@example.com', password: 'hunter2-legacy' });
      assert.equal(res.status, 410);
      assert.equal(res.json.error, 'endpoint_retired');
      assert.deepEqual(res.json.migration.env.slice(0, 2), ['AXEPTIO_CLIENT_ID', 'AXEPTIO_CLIENT_SECRET']);
      assert.equal(res.json.migration.exchange.url, emu.fronteggUrl + EXCHANGE);
      assert.doesNotMatch(JSON.stringify(res.json), /hunter2-legacy|ops@example/);
      assert.equal(emu.stats.legacySignins, before + 1);
    });
  }
});

describe('emulator API stand-in', () => {
  let emu: RunningEmulator;
  let token: string;
  before(async () => {
    emu = await startEmulator();
    token = (await post(emu.fronteggUrl, EXCHANGE, demo)).json.access_token;
  });
  after(() => emu.close());

  test('401 without a bearer, with a JWT from the old system (hint), and with an unknown token', async () => {
    const before = emu.stats.apiUnauthorized;
    const missing = await api(emu, '/projects');
    assert.equal(missing.status, 401);
    assert.equal(missing.json.error, 'missing_token');
    const legacy = await api(emu, '/projects', 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl');
    assert.equal(legacy.status, 401);
    assert.equal(legacy.json.error, 'legacy_token');
    assert.match(legacy.json.message, /auth\/local\/signin/);
    assert.match(legacy.json.message, /AXEPTIO_CLIENT_ID/);
    const unknown = await api(emu, '/projects', 'emu_at_forged');
    assert.equal(unknown.json.error, 'invalid_token');
    const res = await fetch(emu.apiUrl + '/projects');
    assert.match(res.headers.get('www-authenticate') ?? '', /^Bearer/);
    assert.equal(emu.stats.apiUnauthorized - before, 4);
  });

  test('paginates projects so a script can follow `next` to the end', async () => {
    const seen: string[] = [];
    let path: string | null = '/v1/projects?perPage=10';
    let pages = 0;
    while (path) {
      const res = await fetch(emu.url + path, { headers: { authorization: `Bearer ${token}` } });
      const page = (await res.json()) as { data: Array<{ id: string }>; next: string | null; total: number };
      seen.push(...page.data.map((p) => p.id));
      path = page.next;
      pages++;
    }
    assert.equal(pages, 3);
    assert.equal(new Set(seen).size, 23);
  });

  test('project detail, cookies, create, update and delete', async () => {
    const one = await api(emu, '/projects/proj_001', token);
    assert.equal(one.json.id, 'proj_001');
    const cookies = await api(emu, '/projects/proj_001/cookies', token);
    assert.equal(cookies.json.total, 3);
    assert.ok(cookies.json.data.every((c: { projectId: string }) => c.projectId === 'proj_001'));
    const created = await api(emu, '/projects', token, { method: 'POST', body: JSON.stringify({ name: 'ETL site' }) });
    assert.equal(created.status, 201);
    const updated = await api(emu, `/projects/${created.json.id}`, token, { method: 'PUT', body: JSON.stringify({ name: 'Renamed' }) });
    assert.equal(updated.json.name, 'Renamed');
    assert.equal((await api(emu, `/projects/${created.json.id}`, token, { method: 'DELETE' })).status, 204);
    assert.equal((await api(emu, `/projects/${created.json.id}`, token)).status, 404);
    assert.equal((await api(emu, '/nothing-here', token)).status, 404);
    assert.equal((await api(emu, '/projects', token, { method: 'POST', body: '{}' })).status, 400);
  });
});

describe('emulator faults', () => {
  let emu: RunningEmulator;
  before(async () => {
    emu = await startEmulator();
  });
  after(() => emu.close());

  test('failNext answers the status N times (with Retry-After), then serves normally', async () => {
    emu.setFaults({ failNext: { count: 2, status: 429, retryAfterSeconds: 3 } });
    const first = await post(emu.fronteggUrl, EXCHANGE, demo);
    assert.equal(first.status, 429);
    assert.equal(first.headers.get('retry-after'), '3');
    assert.equal((await post(emu.fronteggUrl, EXCHANGE, demo)).status, 429);
    assert.equal((await post(emu.fronteggUrl, EXCHANGE, demo)).status, 200);
    emu.setFaults({ failNext: { count: 1, status: 503 } });
    const unavailable = await post(emu.fronteggUrl, REFRESH, { refreshToken: 'x' });
    assert.equal(unavailable.status, 503);
    assert.equal(unavailable.headers.get('retry-after'), null);
  });

  test('hangNext delays the response past a client timeout', async () => {
    emu.setFaults({ hangNext: { count: 1, ms: 60_000 } });
    const before = emu.stats.faultsInjected;
    await assert.rejects(
      fetch(emu.fronteggUrl + EXCHANGE, { method: 'POST', body: JSON.stringify(demo), signal: AbortSignal.timeout(200) }),
      { name: 'TimeoutError' },
    );
    assert.equal(emu.stats.faultsInjected, before + 1);
    assert.equal((await post(emu.fronteggUrl, EXCHANGE, demo)).status, 200);
  });

  test('refuseRefresh and revoked refresh tokens answer 401; revoked access tokens are refused by the API', async () => {
    const a = (await post(emu.fronteggUrl, EXCHANGE, demo)).json;
    const b = (await post(emu.fronteggUrl, EXCHANGE, demo)).json;
    emu.setFaults({ refuseRefresh: true });
    assert.equal((await post(emu.fronteggUrl, REFRESH, { refreshToken: a.refresh_token })).status, 401);
    emu.setFaults({ refuseRefresh: false });
    assert.equal((await post(emu.fronteggUrl, REFRESH, { refreshToken: a.refresh_token })).status, 200, 'a refused refresh does not spend the token');
    emu.setFaults({ revokeRefreshTokens: [b.refresh_token] });
    assert.equal((await post(emu.fronteggUrl, REFRESH, { refreshToken: b.refresh_token })).status, 401);

    assert.equal((await api(emu, '/projects', b.access_token)).status, 200);
    emu.setFaults({ revokeAccessTokens: 'all' });
    const revoked = await api(emu, '/projects', b.access_token);
    assert.equal(revoked.status, 401);
    assert.equal(revoked.json.error, 'invalid_token');
  });

  test('close() ends hung requests instead of waiting for them', async () => {
    const other = await startEmulator({ faults: { hangNext: { count: 1, ms: 600_000 } } });
    const pending = fetch(other.fronteggUrl + EXCHANGE, { method: 'POST', body: JSON.stringify(demo) }).then(
      () => 'answered',
      () => 'aborted',
    );
    while (other.stats.tokenRequests === 0) await new Promise((r) => setImmediate(r));
    await other.close();
    assert.equal(await pending, 'aborted');
  });
});

describe('emulator options', () => {
  test('custom clients replace the demo pair', async () => {
    const emu = await startEmulator({ clients: { 'ci-client': 'ci-secret-value' } });
    try {
      assert.equal((await post(emu.fronteggUrl, EXCHANGE, demo)).status, 401);
      assert.equal((await post(emu.fronteggUrl, EXCHANGE, { clientId: 'ci-client', secret: 'ci-secret-value' })).status, 200);
    } finally {
      await emu.close();
    }
  });
});
