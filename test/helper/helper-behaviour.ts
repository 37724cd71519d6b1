// The generated helper's contract (CONTRACT.md "Generated helper interface"), run against the real
// emulator for one flavour. Each flavour's *.test.ts calls defineHelperSuite, so flavours run in parallel.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { inspect } from 'node:util';
import { afterEach, before, describe, test } from 'node:test';
import { startEmulator, type RunningEmulator } from '../../src/emulator/index.js';
import { loadGenerated, writeGenerated, type HelperModule } from './generated-helper.js';

const CLIENT_ID = 'helper-test-client';
const SECRET = 'cs_live_Sup3rSecretValue_do_not_print';
const REFRESH_ROUTE = '/identity/resources/auth/v2/api-token/token/refresh';
const EXCHANGE_ROUTE = '/identity/resources/auth/v2/api-token';
const REPO_ROOT = path.resolve(import.meta.dirname, '../..');

/** A shared fake clock (epoch ms) for the emulator and the helper: tokens expire without sleeping. */
function fakeClock(): { now: () => number; advance: (seconds: number) => void } {
  let t = Date.UTC(2026, 8, 1);
  return { now: () => t, advance: (seconds) => void (t += seconds * 1000) };
}

/** A fetch that records token-route request bodies (to learn which refresh token the helper used). */
function recordingFetch(): { fetch: typeof fetch; tokenBodies: Array<{ path: string; body: Record<string, string> }> } {
  const tokenBodies: Array<{ path: string; body: Record<string, string> }> = [];
  return {
    tokenBodies,
    fetch: (input, init) => {
      const url = new URL(String(input));
      if (url.pathname.startsWith('/identity/') && typeof init?.body === 'string') tokenBodies.push({ path: url.pathname, body: JSON.parse(init.body) });
      return fetch(input, init);
    },
  };
}

/** Every string an error could leak through: message, stack, inspection and JSON. */
function errorText(error: unknown): string {
  const e = error as Error;
  return [String(e), e.message, e.stack, inspect(e, { depth: 5 }), JSON.stringify(e)].join('\n');
}

async function captureError(promise: Promise<unknown>): Promise<Error & { code?: string; status?: number }> {
  try {
    await promise;
  } catch (error) {
    return error as Error & { code?: string; status?: number };
  }
  throw new assert.AssertionError({ message: 'expected a rejection' });
}

export function defineHelperSuite(flavour: 'ts' | 'esm' | 'cjs'): void {
  describe(`generated helper (${flavour})`, () => {
    let helper: HelperModule;
    let emu: RunningEmulator;
    let clock: ReturnType<typeof fakeClock>;
    const sleeps: number[] = [];

    before(async () => {
      helper = await loadGenerated(flavour);
    });

    /** A fresh emulator on the shared fake clock, and a provider pointed at it that never really sleeps. */
    async function setup(ttlSeconds = 3600, extra: Parameters<HelperModule['createAxeptioTokenProvider']>[0] = {}) {
      clock = fakeClock();
      sleeps.length = 0;
      emu = await startEmulator({ now: clock.now, accessTokenTtlSeconds: ttlSeconds, clients: { [CLIENT_ID]: SECRET } });
      running.push(emu);
      const provider = helper.createAxeptioTokenProvider({
        clientId: CLIENT_ID,
        clientSecret: SECRET,
        fronteggUrl: emu.fronteggUrl,
        apiUrl: emu.apiUrl,
        now: clock.now,
        sleep: async (ms) => void sleeps.push(ms),
        ...extra,
      });
      return provider;
    }

    const running: RunningEmulator[] = [];
    afterEach(async () => {
      await Promise.all(running.splice(0).map((e) => e.close()));
    });

    test('exchanges once, then serves the cached token', async () => {
      const provider = await setup();
      const first = await provider.getAccessToken();
      assert.equal(await provider.getAccessToken(), first);
      assert.equal(await provider.getAccessToken(), first);
      assert.equal(emu.stats.exchanges, 1);
      assert.equal(emu.stats.tokenRequests, 1);
      const res = await provider.fetch('/projects');
      assert.equal(res.status, 200);
    });

    for (const ttl of [30, 120, 3600, 86400]) {
      test(`trusts expires_in=${ttl}: renews through the refresh route once less than min(60 s, ttl/2) is left`, async () => {
        const provider = await setup(ttl);
        const first = await provider.getAccessToken();
        const renewAt = ttl - Math.min(60, ttl / 2);
        clock.advance(renewAt - 1);
        assert.equal(await provider.getAccessToken(), first, 'still fresh one second before the margin');
        assert.equal(emu.stats.refreshes, 0);
        clock.advance(2);
        const second = await provider.getAccessToken();
        assert.notEqual(second, first);
        assert.equal(emu.stats.refreshes, 1);
        assert.equal(emu.stats.exchanges, 1, 'no second exchange: the refresh token was used');
        assert.equal(await provider.getAccessToken(), second);
        await emu.close();
      });
    }

    test('expiry counts from when the request was sent, not when the answer arrived', async () => {
      // Each token request "takes" 30 s on the fake clock.
      const slowFetch: typeof fetch = async (input, init) => {
        const res = await fetch(input, init);
        clock.advance(30);
        return res;
      };
      const provider = await setup(120, { fetch: slowFetch });
      const first = await provider.getAccessToken();
      // Sent at t0, answered at t0+30 s. Renewal is due at t0+60 s (120 s lifetime, 60 s margin);
      // counting from the answer it would wrongly wait until t0+90 s.
      clock.advance(29); // t0+59
      assert.equal(await provider.getAccessToken(), first);
      clock.advance(2); // t0+61
      assert.notEqual(await provider.getAccessToken(), first);
      assert.equal(emu.stats.refreshes, 1);
    });

    test('refresh tokens rotate: each refresh sends the newest one, and the previous is rejected afterwards', async () => {
      const recorder = recordingFetch();
      const provider = await setup(3600, { fetch: recorder.fetch });
      await provider.getAccessToken();
      clock.advance(3550);
      await provider.getAccessToken();
      clock.advance(3550);
      await provider.getAccessToken();
      const refreshBodies = recorder.tokenBodies.filter((b) => b.path === REFRESH_ROUTE).map((b) => b.body.refreshToken);
      assert.equal(refreshBodies.length, 2);
      assert.notEqual(refreshBodies[0], refreshBodies[1]);
      assert.equal(emu.stats.refreshes, 2);
      const replay = await fetch(emu.fronteggUrl + REFRESH_ROUTE, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ refreshToken: refreshBodies[0] }),
      });
      assert.equal(replay.status, 401);
    });

    for (const fault of ['refused', 'revoked'] as const) {
      test(`a ${fault} refresh drops the refresh token and does exactly one fresh exchange`, async () => {
        const provider = await setup();
        await provider.getAccessToken();
        emu.setFaults(fault === 'refused' ? { refuseRefresh: true } : { revokeRefreshTokens: 'all' });
        clock.advance(3600);
        const token = await provider.getAccessToken();
        assert.equal(emu.stats.refusedRefreshes, 1);
        assert.equal(emu.stats.exchanges, 2);
        assert.deepEqual(sleeps, [], 'a refused refresh is not retried');
        assert.equal((await fetch(emu.apiUrl + '/projects', { headers: { authorization: `Bearer ${token}` } })).status, 200);
        // The new pair's refresh token works again once the emulator allows refreshes.
        emu.setFaults({ refuseRefresh: false });
        clock.advance(3600);
        await provider.getAccessToken();
        assert.equal(emu.stats.refreshes, 1);
        assert.equal(emu.stats.exchanges, 2);
        await emu.close();
      });
    }

    test('retries a burst of 5xx with bounded jittered backoff, then succeeds', async () => {
      const provider = await setup(3600, { maxRetries: 3, retryBaseDelayMs: 100, maxRetryDelayMs: 1000 });
      emu.setFaults({ failNext: { count: 3, status: 503 } });
      assert.ok(await provider.getAccessToken());
      assert.equal(emu.stats.tokenRequests, 4);
      assert.equal(emu.stats.exchanges, 1);
      assert.equal(sleeps.length, 3);
      sleeps.forEach((ms, attempt) => assert.ok(ms >= 0 && ms <= 100 * 2 ** attempt, `backoff ${attempt} = ${ms} within bound`));
    });

    test('gives up after maxRetries with EXCHANGE_FAILED and the status', async () => {
      const provider = await setup(3600, { maxRetries: 2, retryBaseDelayMs: 1 });
      emu.setFaults({ failNext: { count: 10, status: 500 } });
      const error = await captureError(provider.getAccessToken());
      assert.ok(error instanceof helper.AxeptioAuthError);
      assert.equal(error.code, 'EXCHANGE_FAILED');
      assert.equal(error.status, 500);
      assert.equal(emu.stats.tokenRequests, 3);
    });

    test('429 honours Retry-After within the bound, and stops when asked to wait beyond it', async () => {
      const provider = await setup(3600, { maxRetryDelayMs: 5000 });
      emu.setFaults({ failNext: { count: 1, status: 429, retryAfterSeconds: 2 } });
      await provider.getAccessToken();
      assert.deepEqual(sleeps, [2000]);

      const other = helper.createAxeptioTokenProvider({ clientId: CLIENT_ID, clientSecret: SECRET, fronteggUrl: emu.fronteggUrl, maxRetryDelayMs: 5000, sleep: async (ms) => void sleeps.push(ms) });
      emu.setFaults({ failNext: { count: 1, status: 429, retryAfterSeconds: 120 } });
      const before = emu.stats.tokenRequests;
      const error = await captureError(other.getAccessToken());
      assert.equal(error.code, 'EXCHANGE_FAILED');
      assert.equal(error.status, 429);
      assert.equal(emu.stats.tokenRequests - before, 1);
      assert.deepEqual(sleeps, [2000]);
    });

    for (const status of [400, 401, 403, 404]) {
      test(`never retries a ${status}`, async () => {
        const provider = await setup(3600, { maxRetries: 3 });
        emu.setFaults({ failNext: { count: 5, status } });
        const error = await captureError(provider.getAccessToken());
        assert.equal(error.code, 'EXCHANGE_FAILED');
        assert.equal(error.status, status);
        assert.equal(emu.stats.tokenRequests, 1);
        assert.deepEqual(sleeps, []);
        await emu.close();
      });
    }

    test('wrong credentials: 401 from the real route, no retry, no secret in the error', async () => {
      await setup();
      const provider = helper.createAxeptioTokenProvider({ clientId: CLIENT_ID, clientSecret: `${SECRET}-wrong`, fronteggUrl: emu.fronteggUrl });
      const error = await captureError(provider.getAccessToken());
      assert.equal(error.code, 'EXCHANGE_FAILED');
      assert.equal(error.status, 401);
      assert.equal(emu.stats.refusedExchanges, 1);
      assert.ok(!errorText(error).includes(SECRET));
    });

    test('a still-valid token keeps serving while its early renewal fails; once expired the failure surfaces', async () => {
      const provider = await setup(3600, { maxRetries: 0 });
      const first = await provider.getAccessToken();
      emu.setFaults({ failNext: { count: 4, status: 503 } });
      clock.advance(3590); // inside the margin, not yet expired
      assert.equal(await provider.getAccessToken(), first);
      assert.equal(emu.stats.tokenRequests, 3, 'tried the refresh, then one exchange');
      clock.advance(10); // expired
      const error = await captureError(provider.getAccessToken());
      assert.equal(error.code, 'EXCHANGE_FAILED');
      assert.equal(error.status, 503);
    });

    test('an invalid URL is INVALID_CONFIG naming the variable, not echoing the value', async () => {
      const provider = helper.createAxeptioTokenProvider({ clientId: CLIENT_ID, clientSecret: SECRET, fronteggUrl: 'token-service.internal:8443' });
      const error = await captureError(provider.getAccessToken());
      assert.equal(error.code, 'INVALID_CONFIG');
      assert.match(error.message, /AXEPTIO_FRONTEGG_URL/);
      assert.doesNotMatch(error.message, /token-service\.internal/);
    });

    test('a hanging token service times out with code TIMEOUT (retried, bounded)', async () => {
      const provider = await setup(3600, { timeoutMs: 150, maxRetries: 1 });
      emu.setFaults({ hangNext: { count: 5, ms: 120_000 } });
      const error = await captureError(provider.getAccessToken());
      assert.ok(error instanceof helper.AxeptioAuthError);
      assert.equal(error.code, 'TIMEOUT');
      assert.equal(error.status, undefined);
      assert.equal(sleeps.length, 1);
      assert.equal(emu.stats.exchanges, 0);
    });

    test('an unreachable token service fails with code NETWORK', async () => {
      await setup();
      const url = emu.fronteggUrl;
      await emu.close();
      const provider = helper.createAxeptioTokenProvider({ clientId: CLIENT_ID, clientSecret: SECRET, fronteggUrl: url, maxRetries: 1, sleep: async () => undefined });
      const error = await captureError(provider.getAccessToken());
      assert.equal(error.code, 'NETWORK');
    });

    test('50 concurrent callers share one exchange, then one refresh', async () => {
      const provider = await setup();
      const tokens = await Promise.all(Array.from({ length: 50 }, () => provider.getAccessToken()));
      assert.equal(new Set(tokens).size, 1);
      assert.equal(emu.stats.exchanges, 1);
      clock.advance(3590);
      const renewed = await Promise.all(Array.from({ length: 50 }, () => provider.getAccessToken()));
      assert.equal(new Set(renewed).size, 1);
      assert.notEqual(renewed[0], tokens[0]);
      assert.equal(emu.stats.refreshes, 1);
      assert.equal(emu.stats.tokenRequests, 2);
    });

    test('forceRefresh renews even a fresh token', async () => {
      const provider = await setup();
      const first = await provider.getAccessToken();
      const forced = await provider.getAccessToken({ forceRefresh: true });
      assert.notEqual(forced, first);
      assert.equal(emu.stats.refreshes, 1);
    });

    test('axeptioFetch: bearer added, paths joined onto /v1, 401 → one forced refresh then success', async () => {
      const provider = await setup();
      for (const p of ['/projects?page=2', 'projects?page=2', '/v1/projects?page=2', `${emu.apiUrl}/projects?page=2`]) {
        const res = await provider.fetch(p);
        assert.equal(res.status, 200, p);
        assert.equal(((await res.json()) as { page: number }).page, 2, p);
      }
      emu.setFaults({ revokeAccessTokens: 'all' });
      const calls = emu.stats.apiCalls;
      const res = await provider.fetch('/projects/proj_002', { headers: { accept: 'application/json' } });
      assert.equal(res.status, 200);
      assert.equal(((await res.json()) as { id: string }).id, 'proj_002');
      assert.equal(emu.stats.apiCalls - calls, 2);
      assert.equal(emu.stats.apiUnauthorized, 1);
      assert.equal(emu.stats.refreshes, 1);
    });

    test('axeptioFetch: 20 concurrent requests rejected with 401 trigger a single refresh', async () => {
      const provider = await setup();
      await provider.getAccessToken();
      emu.setFaults({ revokeAccessTokens: 'all' });
      const statuses = await Promise.all(Array.from({ length: 20 }, () => provider.fetch('/projects').then((r) => r.status)));
      assert.deepEqual(new Set(statuses), new Set([200]));
      assert.equal(emu.stats.refreshes, 1);
      assert.equal(emu.stats.exchanges, 1);
    });

    test('axeptioFetch replays the request body after the forced refresh and replaces any caller Authorization', async () => {
      const provider = await setup();
      const res = await provider.fetch(`${emu.url}/v1/projects`, { headers: { authorization: 'Bearer stale-legacy-token' } });
      assert.equal(res.status, 200);
      emu.setFaults({ revokeAccessTokens: 'all' });
      const created = await provider.fetch('/projects', { method: 'POST', body: JSON.stringify({ name: 'Replayed' }), headers: { 'content-type': 'application/json' } });
      assert.equal(created.status, 201);
      assert.equal(((await created.json()) as { name: string }).name, 'Replayed');
      assert.equal(emu.stats.refreshes, 1);
    });

    test('axeptioFetch returns a 401 that survives the forced refresh instead of looping', async () => {
      let apiCalls = 0;
      const alwaysUnauthorized: typeof fetch = async (input, init) => {
        if (!new URL(String(input)).pathname.startsWith('/v1/')) return fetch(input, init);
        apiCalls++;
        return new Response('{"error":"forbidden_for_test"}', { status: 401 });
      };
      const provider = await setup(3600, { fetch: alwaysUnauthorized });
      const res = await provider.fetch('/projects');
      assert.equal(res.status, 401);
      assert.equal(apiCalls, 2);
      assert.equal(emu.stats.refreshes, 1);
    });

    test('axeptioFetch does not retry a 401 from another origin', async () => {
      const provider = await setup();
      const other = await startEmulator();
      running.push(other);
      const res = await provider.fetch(`${other.apiUrl}/projects`);
      assert.equal(res.status, 401);
      assert.equal(other.stats.apiCalls, 1);
      assert.equal(emu.stats.refreshes, 0);
    });

    test('no error message, stack or inspection contains the secret, a refresh token or an access token', async () => {
      const recorder = recordingFetch();
      // A generous timeout: only the deliberately hung requests may time out, even on a loaded machine.
      const provider = await setup(3600, { fetch: recorder.fetch, maxRetries: 0, timeoutMs: 2000 });
      const access = await provider.getAccessToken();
      const errors: unknown[] = [];
      // Refused refresh, then a failing exchange: both errors raised while tokens and secret are in play.
      emu.setFaults({ refuseRefresh: true, failNext: { count: 2, status: 403 } });
      clock.advance(3600);
      const refused = await captureError(provider.getAccessToken());
      assert.deepEqual([refused.code, refused.status], ['EXCHANGE_FAILED', 403]);
      errors.push(refused);
      emu.setFaults({ refuseRefresh: false, hangNext: { count: 1, ms: 120_000 } });
      const timeout = await captureError(provider.getAccessToken({ forceRefresh: true }));
      assert.equal(timeout.code, 'TIMEOUT');
      errors.push(timeout);
      const refreshTokens = recorder.tokenBodies.filter((b) => b.path === REFRESH_ROUTE).map((b) => b.body.refreshToken!);
      assert.ok(refreshTokens.length >= 1);
      assert.ok(recorder.tokenBodies.some((b) => b.path === EXCHANGE_ROUTE));
      for (const error of errors) {
        const text = errorText(error);
        for (const secret of [SECRET, access, ...refreshTokens]) assert.ok(!text.includes(secret), `leaked in: ${text.slice(0, 200)}`);
      }
    });

    test('module functions read the environment lazily and name a missing variable (child process)', async () => {
      emu = await startEmulator({ clients: { [CLIENT_ID]: SECRET } });
      running.push(emu);
      const file = writeGenerated(flavour);
      const script = `
        const helper = await import(${JSON.stringify(new URL(`file://${file}`).href)});
        const out = {};
        try { await helper.getAxeptioAccessToken(); } catch (e) { out.missingId = { code: e.code, message: e.message }; }
        process.env.AXEPTIO_CLIENT_ID = ${JSON.stringify(CLIENT_ID)};
        try { await helper.getAxeptioAccessToken(); } catch (e) { out.missingSecret = { code: e.code, message: e.message }; }
        process.env.AXEPTIO_CLIENT_SECRET = process.env.TEST_SECRET;
        try { await helper.getAxeptioAccessToken(); } catch (e) { out.missingUrl = { code: e.code, message: e.message }; }
        process.env.FRONTEGG_URL = process.env.TEST_FRONTEGG_URL;
        process.env.AXEPTIO_API_URL = process.env.TEST_API_URL + '/';
        const res = await helper.axeptioFetch('/projects');
        out.status = res.status;
        out.total = (await res.json()).total;
        out.sameToken = (await helper.getAxeptioAccessToken()) === (await helper.getAxeptioAccessToken());
        console.log(JSON.stringify(out));
      `;
      const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, TEST_SECRET: SECRET, TEST_FRONTEGG_URL: emu.fronteggUrl, TEST_API_URL: emu.apiUrl };
      const { code, stdout, stderr } = await runNode(['--import', 'tsx', '--input-type=module', '-e', script], env);
      assert.equal(code, 0, stderr);
      const out = JSON.parse(stdout);
      assert.equal(out.missingId.code, 'MISSING_ENV');
      assert.match(out.missingId.message, /AXEPTIO_CLIENT_ID/);
      assert.match(out.missingSecret.message, /AXEPTIO_CLIENT_SECRET/);
      assert.match(out.missingUrl.message, /AXEPTIO_FRONTEGG_URL/);
      assert.equal(out.status, 200);
      assert.equal(out.total, 23);
      assert.equal(out.sameToken, true);
      assert.equal(emu.stats.exchanges, 1);
      assert.ok(!stdout.includes(SECRET) && !stderr.includes(SECRET));
    });
  });
}

function runNode(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
