import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeFixture, analyzeSource, assertNoLeak, fieldsOf, linesWith, requestAt, requestsOf, routesOf, secretsOf, text } from '../lexical/analyze-source.js';

describe('php analyzer: positives', () => {
  it('Guzzle client with base_uri from a class constant, json option, static bearer', () => {
    const { facts, text: src } = analyzeFixture('php', 'src/Axeptio/AxeptioClient.php');
    const r = requestAt(facts, linesWith(src, "->post('/auth/local/signin'")[0]!);
    assert.deepEqual([r.client, r.method, text(r.url), text(r.base)], ['guzzle', 'POST', '/auth/local/signin', 'https://api.axept.io/v1']);
    assert.deepEqual(fieldsOf(r), { username: '${AXEPTIO_USERNAME}', password: '${AXEPTIO_PASSWORD}' });
    assert.equal(r.body?.encoding, 'json');
    assert.equal(r.responseTokenField, 'token');
    assert.ok(r.evidence.some((e) => e.text === 'in class AxeptioClient'));
    const projects = requestAt(facts, linesWith(src, "->get('/projects'")[0]!);
    assert.equal(text(projects.headers?.authorization), 'Bearer ${AXEPTIO_TOKEN}');
  });

  it('cURL handle options, file_get_contents with a stream context (password grant), wp_remote_post', () => {
    const { facts, text: src } = analyzeFixture('php', 'src/Axeptio/legacy_login.php');
    const curl = requestAt(facts, linesWith(src, 'curl_init()')[0]!);
    assert.deepEqual([curl.client, curl.method, text(curl.url)], ['curl_php', 'POST', '${AXEPTIO_API_URL}/auth/local/signin']);
    assert.equal(curl.body?.encoding, 'form');
    assert.deepEqual(Object.keys(curl.body!.fields), ['username', 'password']);
    const fgc = requestAt(facts, linesWith(src, 'file_get_contents(')[0]!);
    assert.deepEqual([fgc.client, fgc.method], ['file_get_contents', 'POST']);
    assert.deepEqual(fieldsOf(fgc), { grant_type: 'password', username: '${$user}', password: '${$pass}' });
    const wp = requestAt(facts, linesWith(src, 'wp_remote_post(')[0]!);
    assert.deepEqual([wp.client, text(wp.url)], ['wp_remote_post', '${AXEPTIO_API_URL}/auth/local/signin']);
    assert.deepEqual(secretsOf(facts).map((s) => [s.secretKind, s.span.line]), [['password', linesWith(src, 'Sup3r-S3cret!')[0]]]);
    assertNoLeak(facts, 'Sup3r-S3cret!');
  });

  it('Laravel Http facade chains and define() constants', () => {
    const facts = analyzeSource('x.php', "<?php\ndefine('AXEPTIO_API', 'https://api.axept.io/v1');\n$r = Http::withToken($t)->asForm()->post(AXEPTIO_API . '/auth/local/signin', ['username' => $u, 'password' => $p]);\n");
    const r = requestAt(facts, 3);
    assert.deepEqual([r.client, text(r.url), r.body?.encoding, text(r.headers?.authorization)], ['laravel_http', 'https://api.axept.io/v1/auth/local/signin', 'form', 'Bearer ${$t}']);
  });

  it('CRLF keeps lines', () => {
    const { facts, text: src } = analyzeFixture('php', 'src/Axeptio/legacy_login.php');
    assert.deepEqual(requestsOf(analyzeSource('a.php', src.replace(/\n/g, '\r\n'))).map((r) => r.span), requestsOf(facts).map((r) => r.span));
  });
});

describe('php analyzer: negatives', () => {
  it('comments (//, #, /* */), error_log text, nowdoc and translations are not requests', () => {
    for (const file of ['legacy/commented.php', 'lang/en.php']) assert.deepEqual(requestsOf(analyzeFixture('php', file).facts), [], file);
  });
  it('a Laravel route is a RouteFact; the feature test of that route is not an outgoing request', () => {
    const routes = analyzeFixture('php', 'routes/api.php').facts;
    assert.deepEqual(routesOf(routes).map((r) => [r.path, r.method, r.framework]), [['/auth/local/signin', 'POST', 'laravel']]);
    assert.deepEqual(requestsOf(routes), []);
    assert.deepEqual(requestsOf(analyzeFixture('php', 'tests/Feature/SigninTest.php').facts), []);
  });
  it('Slim routes and Symfony attributes are routes, not Guzzle calls', () => {
    const facts = analyzeSource('r.php', "<?php\n$app->post('/auth/local/signin', function ($req, $res) { return $res; });\n#[Route('/auth/local/signin', methods: ['POST'])]\nfunction signin() {}\n");
    assert.deepEqual(routesOf(facts).map((r) => [r.framework, r.method]).sort(), [['slim', 'POST'], ['symfony', 'POST']]);
    assert.deepEqual(requestsOf(facts), []);
  });
});
