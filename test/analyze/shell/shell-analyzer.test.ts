import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeFixture, analyzeSource, assertNoLeak, fieldsOf, linesWith, requestAt, requestsOf, secretsOf, text } from '../lexical/analyze-source.js';

describe('shell analyzer: scripts', () => {
  it('curl with continuations, quoted JSON splices, a variable with a default, per-request sign-in piped to jq', () => {
    const { facts, text: src } = analyzeFixture('shell', 'scripts/axeptio-sync.sh');
    const r = requestAt(facts, linesWith(src, 'curl -sS -X POST')[0]!);
    assert.equal(r.client, 'curl');
    assert.equal(r.method, 'POST');
    assert.equal(text(r.url), '${AXEPTIO_API_URL}/auth/local/signin');
    assert.equal(r.body?.encoding, 'json');
    assert.deepEqual(fieldsOf(r), { username: '${AXEPTIO_USERNAME}', password: '${AXEPTIO_PASSWORD}' });
    assert.equal(r.responseTokenField, 'token');
    assert.equal(r.context.perRequest, true);
    assert.ok(r.evidence.some((e) => e.text === 'host api.axept.io (default of AXEPTIO_API_URL)'), JSON.stringify(r.evidence));
    assert.equal(r.span.endLine, r.span.line + 2, 'the request spans its continuation lines, not the jq after the pipe');
    // The commented curl, the echo and the heredoc body are not requests.
    assert.equal(requestsOf(facts).length, 2);
  });

  it('wget --post-data, httpie fields, curl password grant, static bearer', () => {
    const { facts, text: src } = analyzeFixture('shell', 'scripts/login-variants.sh');
    const wget = requestAt(facts, linesWith(src, 'wget ')[0]!);
    assert.deepEqual([wget.client, wget.method, text(wget.url)], ['wget', 'POST', 'https://api.axept.io/v1/auth/local/signin']);
    assert.deepEqual(fieldsOf(wget), { username: '${AXEPTIO_USERNAME}', password: '${AXEPTIO_PASSWORD}' });
    const httpie = requestAt(facts, linesWith(src, 'http POST')[0]!);
    assert.deepEqual([httpie.client, httpie.body?.encoding], ['httpie', 'json']);
    const grant = requestAt(facts, linesWith(src, 'grant_type=password')[0]!);
    assert.equal(grant.body?.encoding, 'form');
    assert.equal(fieldsOf(grant).grant_type, 'password');
    assert.equal(text(grant.url), 'https://sso.example.com/realms/acme/protocol/openid-connect/token');
    const bearer = requestAt(facts, linesWith(src, 'Authorization: Bearer')[0]!);
    assert.deepEqual([bearer.method, text(bearer.headers?.authorization)], ['GET', 'Bearer ${AXEPTIO_TOKEN}']);
  });

  it('literal credentials on a command line are secrets, masked in the facts', () => {
    const facts = analyzeSource('login.sh', "PASSWORD='Zx9-secret-pw'\ncurl -u admin:Hunter22pw -d username=me -d password=Pl41nT3xt https://api.axept.io/v1/auth/local/signin\n");
    assert.deepEqual(secretsOf(facts).map((s) => [s.secretKind, s.span.line]).sort(), [['password', 1], ['password', 2], ['password', 2]]);
    assert.equal(text(requestAt(facts, 2).headers?.authorization), 'Basic «redacted»', 'a literal, masked');
    assertNoLeak(facts, 'Zx9-secret-pw', 'Hunter22pw', 'Pl41nT3xt');
  });

  it('$(…) substitutions are commands too; heredoc-fed data is the body', () => {
    const facts = analyzeSource('t.sh', 'TOKEN=$(curl -s -X POST https://api.axept.io/v1/auth/local/signin -d @- <<JSON\n{"username":"me","password":"$PW"}\nJSON\n)\n');
    const r = requestAt(facts, 1);
    assert.deepEqual(fieldsOf(r), { username: 'me', password: '$PW' });
  });

  it('a local smoke test is a request to localhost (contrary evidence), CRLF keeps lines', () => {
    const { facts, text: src } = analyzeFixture('shell', 'ci/local-smoke.sh');
    const r = requestAt(facts, 3);
    assert.ok(r.evidence.some((e) => e.weight === 'contrary' && e.text.includes('localhost')));
    assert.deepEqual(requestsOf(analyzeSource('ci/local-smoke.sh', src.replace(/\n/g, '\r\n'))).map((x) => x.span), [r.span]);
  });
});

describe('shell analyzer: Makefile and Dockerfile', () => {
  it('a Makefile recipe with make variables and $$ shell variables', () => {
    const { facts, text: src } = analyzeFixture('shell', 'Makefile');
    const r = requestAt(facts, linesWith(src, '@curl')[0]!);
    assert.equal(text(r.url), 'https://api.axept.io/v1/auth/local/signin');
    assert.deepEqual(fieldsOf(r), { username: '${AXEPTIO_USERNAME}', password: '${AXEPTIO_PASSWORD}' });
    assert.equal(requestsOf(facts).length, 1, 'comments and echo lines are not requests');
  });
  it('a Dockerfile RUN line with ARG folding; comments and LABEL are not requests', () => {
    const { facts, text: src } = analyzeFixture('shell', 'Dockerfile');
    const r = requestAt(facts, linesWith(src, 'curl -s -X POST')[0]!);
    assert.equal(text(r.url), 'https://api.axept.io/v1/auth/local/signin');
    assert.equal(r.body?.encoding, 'json');
    assert.equal(requestsOf(facts).length, 1);
    const exec = analyzeSource('Dockerfile', 'RUN ["curl", "-X", "POST", "https://api.axept.io/v1/auth/local/signin"]\n');
    assert.equal(text(requestAt(exec, 1).url), 'https://api.axept.io/v1/auth/local/signin');
  });
});
