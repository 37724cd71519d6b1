import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeFixture, analyzeSource, assertNoLeak, fieldsOf, linesWith, requestAt, requestsOf, routesOf, secretsOf, text } from '../lexical/analyze-source.js';

describe('go analyzer: positives', () => {
  it('http.Post with a struct body, NewRequest with url.Values built by Set, PostForm password grant, static bearer', () => {
    const { facts, text: src } = analyzeFixture('go', 'axeptio/client.go');
    const post = requestAt(facts, linesWith(src, 'http.Post(')[0]!);
    assert.deepEqual([post.client, post.method, text(post.url), post.body?.encoding], ['go_net_http', 'POST', 'https://api.axept.io/v1/auth/local/signin', 'json']);
    assert.deepEqual(fieldsOf(post), { username: '${AXEPTIO_USERNAME}', password: '${AXEPTIO_PASSWORD}' });
    const form = requestAt(facts, linesWith(src, 'http.NewRequest(http.MethodPost')[0]!);
    assert.deepEqual([form.method, text(form.url), form.body?.encoding], ['POST', '${AXEPTIO_API_URL}/auth/local/signin', 'form']);
    assert.deepEqual(fieldsOf(form), { username: '${user}', password: '${pass}' });
    assert.equal(form.headers?.authorization, undefined, "another function's req.Header.Set does not leak in");
    const grant = requestAt(facts, linesWith(src, 'http.PostForm(')[0]!);
    assert.equal(fieldsOf(grant).grant_type, 'password');
    const projects = requestAt(facts, linesWith(src, 'http.NewRequest("GET"')[0]!);
    assert.equal(text(projects.headers?.authorization), 'Bearer ${AXEPTIO_TOKEN}');
    assert.equal(requestsOf(facts).length, 4, 'client.Do(req) is the same request');
  });
  it('literal passwords in struct literals are secrets; CRLF keeps lines', () => {
    const src = 'package x\nfunc f() {\n\tb, _ := json.Marshal(Creds{Username: "me", Password: "G0-s3cret-pw"})\n\thttp.Post("https://api.axept.io/v1/auth/local/signin", "application/json", bytes.NewReader(b))\n}\n';
    const facts = analyzeSource('x.go', src);
    assert.deepEqual(secretsOf(facts).map((s) => [s.secretKind, s.span.line]), [['password', 3]]);
    assertNoLeak(facts, 'G0-s3cret-pw');
    assert.deepEqual(requestsOf(analyzeSource('x.go', src.replace(/\n/g, '\r\n'))).map((r) => r.span), requestsOf(facts).map((r) => r.span));
  });
});

describe('go analyzer: negatives', () => {
  it('comments and raw strings are not requests; gin and ServeMux registrations are routes; httptest requests are neither', () => {
    assert.deepEqual(requestsOf(analyzeFixture('go', 'legacy/commented.go').facts), []);
    const routes = analyzeFixture('go', 'server/routes.go').facts;
    assert.deepEqual(routesOf(routes).map((r) => [r.path, r.method]), [['/auth/local/signin', 'POST'], ['/auth/local/signin', 'POST']]);
    assert.deepEqual(requestsOf(routes), []);
    assert.deepEqual(requestsOf(analyzeFixture('go', 'server/routes_test.go').facts), []);
  });
  it('chi-style r.Post(path, handler) is a route, client.Post(url, type, body) a request', () => {
    const facts = analyzeSource('r.go', 'package r\nfunc f() {\n\tr.Post("/auth/local/signin", signin)\n\tclient.Post("https://api.axept.io/v1/auth/local/signin", "application/json", nil)\n}\n');
    assert.deepEqual(routesOf(facts).map((r) => r.span.line), [3]);
    assert.deepEqual(requestsOf(facts).map((r) => r.span.line), [4]);
  });
});
