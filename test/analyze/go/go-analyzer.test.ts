import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeFile } from '../../../src/analyze/index.js';
import { analyzeFixture, assertFixturesParsedByGrammar, analyzeSource, assertNoLeak, envNames, fieldsOf, linesWith, requestAt, requestsOf, routesOf, secretsOf, text } from '../lexical/analyze-source.js';

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

describe('go analyzer: read through tree-sitter-go', () => {
  it('every Go fixture is parsed by the grammar (not the lexical fallback)', () => {
    assert.equal(assertFixturesParsedByGrammar('go', 'go'), 4);
  });

  it('a map[string]interface{} body keeps its fields and env reads (the brace of interface{} ended the lexical map)', () => {
    const facts = analyzeSource(
      'sync.go',
      [
        'package sync',
        'func login() (*http.Response, error) {',
        '\tpayload, _ := json.Marshal(map[string]interface{}{',
        '\t\t"username": os.Getenv("AXEPTIO_USERNAME"),',
        '\t\t"password": os.Getenv("AXEPTIO_PASSWORD"),',
        '\t})',
        '\treturn http.Post(os.Getenv("AXEPTIO_API_URL")+"/auth/local/signin", "application/json", bytes.NewReader(payload))',
        '}',
        '',
      ].join('\n'),
    );
    const r = requestAt(facts, 7);
    assert.deepEqual(fieldsOf(r), { username: '${AXEPTIO_USERNAME}', password: '${AXEPTIO_PASSWORD}' });
    assert.ok(r.evidence.some((e) => e.text === 'username + password body'), JSON.stringify(r.evidence));
    assert.deepEqual(envNames(facts), ['AXEPTIO_API_URL', 'AXEPTIO_PASSWORD', 'AXEPTIO_USERNAME']);
  });

  it('a struct literal of an unexported type is the body (the lexical reader only took capitalised types for composites)', () => {
    const facts = analyzeSource(
      'sync.go',
      [
        'package sync',
        'type signinRequest struct {',
        '\tUsername string `json:"username"`',
        '\tPassword string `json:"password"`',
        '}',
        'func login(u, p string) error {',
        '\tbody, _ := json.Marshal(&signinRequest{Username: u, Password: p})',
        '\t_, err := http.Post("https://api.axept.io/v1/auth/local/signin", "application/json", bytes.NewReader(body))',
        '\treturn err',
        '}',
        '',
      ].join('\n'),
    );
    assert.deepEqual(fieldsOf(requestAt(facts, 8)), { username: '${u}', password: '${p}' });
  });

  it('a handler written in place is the second argument of HandleFunc, so the registration is a route', () => {
    const facts = analyzeSource(
      'server.go',
      [
        'package server',
        'func Register(mux *http.ServeMux) {',
        '\tmux.HandleFunc("POST /auth/local/signin", func(w http.ResponseWriter, r *http.Request) {',
        '\t\tw.WriteHeader(http.StatusNoContent)',
        '\t})',
        '}',
        '',
      ].join('\n'),
    );
    assert.deepEqual(routesOf(facts).map((r) => [r.path, r.method, r.framework, r.span.line]), [['/auth/local/signin', 'POST', 'net/http', 3]]);
  });

  it('a typed var keeps its name, a closure with a result type is no function of its own, a method sits in its receiver type', () => {
    const facts = analyzeSource(
      'sync.go',
      [
        'package sync',
        'var axeptioURL string = "https://api.axept.io/v1"',
        'func (c *AxeptioClient) refresh() error {',
        '\tsignIn := func(u, p string) error {',
        '\t\t_, err := http.PostForm(axeptioURL+"/auth/local/signin", url.Values{"username": {u}, "password": {p}})',
        '\t\treturn err',
        '\t}',
        '\treturn signIn(c.user, c.pass)',
        '}',
        '',
      ].join('\n'),
    );
    const r = requestAt(facts, 5);
    assert.equal(text(r.url), 'https://api.axept.io/v1/auth/local/signin', 'the lexical reader bound the value to `string`');
    assert.equal(r.context.enclosingFunction, 'refresh', 'the lexical reader named the closure after its result type `error`');
    assert.ok(r.evidence.some((e) => e.text === 'in class AxeptioClient'), JSON.stringify(r.evidence));
  });

  it('a file with a syntax error is read lexically, keeps its findings and says where the error is', () => {
    const src = 'package x\n\nconst base = "https://api.axept.io/v1"\n\nfunc login(u, p string {\n\treturn http.PostForm(base+"/auth/local/signin", url.Values{"username": {u}, "password": {p}})\n}\n';
    const out = analyzeFile({ path: 'broken.go', text: src, kind: 'go' });
    assert.equal(out.parsed, false);
    assert.match(out.errors.join('\n'), /^syntax error at 5:\d+ \(tree-sitter go\); read lexically$/);
    const r = requestAt(out.facts, 6);
    assert.deepEqual([r.method, text(r.url)], ['POST', 'https://api.axept.io/v1/auth/local/signin']);
    assert.deepEqual(fieldsOf(r), { username: '${u}', password: '${p}' });
  });
});
