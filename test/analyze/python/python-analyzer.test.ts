import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeFile } from '../../../src/analyze/index.js';
import { analyzeFixture, assertFixturesParsedByGrammar, analyzeSource, assertNoLeak, envNames, fieldsOf, linesWith, requestAt, requestsOf, routesOf, secretsOf, text } from '../lexical/analyze-source.js';

describe('python analyzer: positives', () => {
  it('requests.post with an f-string URL folded from constants and env, per-request sign-in', () => {
    const { facts, text: src } = analyzeFixture('python', 'axeptio/client.py');
    const [line] = linesWith(src, 'requests.post(');
    const r = requestAt(facts, line!);
    assert.equal(r.client, 'requests');
    assert.equal(r.method, 'POST');
    assert.equal(text(r.url), '${AXEPTIO_API_URL}/auth/local/signin');
    assert.deepEqual(fieldsOf(r), { username: '${AXEPTIO_USERNAME}', password: '${AXEPTIO_PASSWORD}' });
    assert.equal(r.body?.encoding, 'json');
    assert.equal(r.responseTokenField, 'token');
    assert.deepEqual(r.context, { enclosingFunction: 'get_token', perRequest: true });
    assert.ok(r.evidence.some((e) => e.weight === 'strong' && e.text.includes('api.axept.io')), JSON.stringify(r.evidence));
    const projects = requestAt(facts, linesWith(src, 'requests.get(')[0]!);
    assert.equal(text(projects.headers?.authorization), 'Bearer ${?}');
    assert.deepEqual(envNames(facts), ['AXEPTIO_API_URL', 'AXEPTIO_PASSWORD', 'AXEPTIO_USERNAME']);
  });

  it('httpx Client base_url, aiohttp session, urllib password grant, static bearer, JWT literal', () => {
    const { facts, text: src } = analyzeFixture('python', 'axeptio/sessions.py');
    const httpx = requestAt(facts, linesWith(src, 'self.client.post(')[0]!);
    assert.equal(httpx.client, 'httpx');
    assert.equal(text(httpx.base), 'https://api.axept.io/v1');
    assert.equal(text(httpx.url), '/auth/local/signin');
    assert.equal(httpx.body?.encoding, 'form');
    const aio = requestAt(facts, linesWith(src, 'session.post(')[0]!);
    assert.equal(aio.client, 'aiohttp');
    assert.equal(aio.context.enclosingFunction, 'async_login');
    assert.equal(text(aio.url), 'https://api.axept.io/v1/auth/local/signin');
    const grant = requestAt(facts, linesWith(src, 'urllib.request.Request(')[0]!);
    assert.equal(grant.client, 'urllib');
    assert.equal(grant.method, 'POST');
    assert.deepEqual(fieldsOf(grant), { grant_type: 'password', client_id: 'axeptio-sync', username: '${user}', password: '${password}' });
    const stat = requestAt(facts, linesWith(src, 'requests.get(')[0]!);
    assert.equal(text(stat.headers?.authorization), 'Bearer ${AXEPTIO_TOKEN}');
    assert.equal(requestsOf(facts).length, 4, 'urlopen(req) is the same request as Request(...)');
    const [jwt] = secretsOf(facts);
    assert.equal(jwt?.secretKind, 'jwt');
    assert.equal(jwt?.span.line, linesWith(src, 'STATIC_TOKEN =')[0]);
    assertNoLeak(facts, 'c2lnbmF0dXJlLXNpZ25hdHVyZQ');
  });

  it('the Frontegg v1 exchange: URL from an env-read constant, camelCase token field', () => {
    const { facts, text: src } = analyzeFixture('python', 'axeptio/frontegg.py');
    const r = requestAt(facts, linesWith(src, 'requests.post(')[0]!);
    assert.equal(text(r.url), '${AXEPTIO_FRONTEGG_URL}/identity/resources/auth/v1/api-token');
    assert.deepEqual(fieldsOf(r), { clientId: '${AXEPTIO_CLIENT_ID}', secret: '${AXEPTIO_CLIENT_SECRET}' });
    assert.equal(r.responseTokenField, 'accessToken');
  });

  it('literal passwords become SecretFacts and never appear in the facts', () => {
    const facts = analyzeSource('sync.py', 'import requests\nAXEPTIO_PASSWORD = "Tr0ub4dor&3"\nrequests.post("https://api.axept.io/v1/auth/local/signin", data="username=me&password=S3cr3t-Pw")\n');
    assert.deepEqual(secretsOf(facts).map((s) => [s.secretKind, s.boundTo, s.span.line]), [['password', 'AXEPTIO_PASSWORD', 2]]);
    assert.equal(requestAt(facts, 3).body?.encoding, 'form');
    assert.deepEqual(Object.keys(requestAt(facts, 3).body!.fields), ['username', 'password']);
    assertNoLeak(facts, 'Tr0ub4dor', 'S3cr3t-Pw');
  });

  it('CRLF files give the same lines and columns', () => {
    const { facts, text: src } = analyzeFixture('python', 'axeptio/client.py');
    const crlf = analyzeSource('axeptio/client.py', src.replace(/\n/g, '\r\n'));
    assert.deepEqual(requestsOf(crlf).map((r) => r.span), requestsOf(facts).map((r) => r.span));
  });
});

describe('python analyzer: negatives', () => {
  it('commented-out calls, docstrings, log messages and translations are not requests', () => {
    for (const file of ['legacy/commented.py', 'i18n/messages.py']) {
      const { facts } = analyzeFixture('python', file);
      assert.deepEqual(requestsOf(facts), [], file);
      assert.deepEqual(secretsOf(facts), [], file);
    }
  });
  it('a Flask app defines the route (a RouteFact, never a request), and its test client is not an outgoing request', () => {
    const server = analyzeFixture('python', 'app/server.py').facts;
    assert.deepEqual(routesOf(server).map((r) => [r.path, r.method, r.framework]), [['/auth/local/signin', 'POST', 'flask']]);
    assert.deepEqual(requestsOf(server), []);
    assert.deepEqual(requestsOf(analyzeFixture('python', 'tests/test_server.py').facts), []);
  });
  it('FastAPI decorators and Django URL patterns are routes', () => {
    const fast = analyzeSource('api.py', 'from fastapi import FastAPI\napp = FastAPI()\n@app.post("/auth/local/signin")\nasync def signin(): ...\n');
    assert.deepEqual(routesOf(fast).map((r) => [r.path, r.method, r.framework]), [['/auth/local/signin', 'POST', 'fastapi']]);
    const django = analyzeSource('urls.py', 'from django.urls import path\nurlpatterns = [path("auth/local/signin", views.signin)]\n');
    assert.deepEqual(routesOf(django).map((r) => r.path), ['/auth/local/signin']);
  });
});

describe('python analyzer: read through tree-sitter-python', () => {
  it('every Python fixture is parsed by the grammar (not the lexical fallback)', () => {
    assert.ok(assertFixturesParsedByGrammar('python', 'python') >= 7);
  });

  it('a docstring whose lines start at column 0 does not end the function (indentation guesses did)', () => {
    const facts = analyzeSource(
      'sync.py',
      [
        'import os, requests',
        'AXEPTIO_API = "https://api.axept.io/v1"',
        'def get_token():',
        '    """Sign in to Axeptio.',
        'Returns the token.',
        '"""',
        '    r = requests.post(AXEPTIO_API + "/auth/local/signin", json={"username": os.environ["AXEPTIO_USERNAME"], "password": os.environ["AXEPTIO_PASSWORD"]})',
        '    return r.json()["token"]',
        '',
      ].join('\n'),
    );
    assert.equal(requestAt(facts, 7).context.enclosingFunction, 'get_token');
  });

  it('a continuation line at column 0 inside a class body does not end the class (its Axeptio name stays evidence)', () => {
    const facts = analyzeSource(
      'client.py',
      [
        'import os, requests',
        'class AxeptioClient:',
        '    TIMEOUT = (3,',
        '5)',
        '    def login(self, u, p):',
        '        return requests.post(os.environ["API_URL"] + "/auth/local/signin", json={"username": u, "password": p})',
        '',
      ].join('\n'),
    );
    const r = requestAt(facts, 6);
    assert.equal(r.context.enclosingFunction, 'login');
    assert.ok(r.evidence.some((e) => e.text === 'in class AxeptioClient'), JSON.stringify(r.evidence));
  });

  it('a file with a syntax error is read lexically, keeps its findings and says where the error is', () => {
    const src = 'import requests\nAXEPTIO = "https://api.axept.io/v1"\ndef login(u, p)\n    return requests.post(AXEPTIO + "/auth/local/signin", json={"username": u, "password": p})\n';
    const out = analyzeFile({ path: 'broken.py', text: src, kind: 'python' });
    assert.equal(out.parsed, false);
    assert.match(out.errors.join('\n'), /^syntax error at 3:\d+ \(tree-sitter python\); read lexically$/);
    assert.equal(text(requestAt(out.facts, 4).url), 'https://api.axept.io/v1/auth/local/signin');
  });
});

describe('python analyzer: raw strings', () => {
  it('r"…" keeps its backslashes (an escape is not unescaped)', async () => {
    const { python } = await import('../../../src/analyze/python/index.js');
    const { readFile } = await import('../../../src/analyze/lexical/analyzer.js');
    const { program, parsed } = readFile(python, 'PATTERN = r"a\\d+"\nPLAIN = "a\\tb"\n');
    assert.equal(parsed, true);
    const value = (name: string) => {
      const e = program.assignments.find((a) => a.target === name)!.value;
      return e.k === 'str' ? e.pieces.map((p) => ('text' in p ? p.text : '?')).join('') : undefined;
    };
    assert.equal(value('PATTERN'), 'a\\d+');
    assert.equal(value('PLAIN'), 'a\tb');
  });
});
