import assert from 'node:assert/strict';
import fs from 'node:fs';
import { describe, it } from 'node:test';
import { LANGUAGE_FIXTURES, analyzeFixture, analyzeSource, assertNoLeak, fieldsOf, linesWith, requestAt, requestsOf, routesOf, secretsOf, text } from '../lexical/analyze-source.js';
import { analyzeFile } from '../../../src/analyze/index.js';

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

describe('php analyzer: tree-sitter reading', () => {
  it('every PHP fixture is read through the syntax tree', () => {
    const files = fs.readdirSync(`${LANGUAGE_FIXTURES}php`, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.php'));
    assert.ok(files.length >= 6);
    for (const rel of files) {
      const out = analyzeFile({ path: rel, text: fs.readFileSync(`${LANGUAGE_FIXTURES}php/${rel}`, 'utf8'), kind: 'php' });
      assert.deepEqual([out.parsed, out.errors], [true, []], rel);
    }
  });

  it('fully qualified and grouped attributes are Symfony routes', () => {
    // The lexical reader only took an expression right after `#[` as an attribute: `\Symfony\…\Route` and the second attribute of a group were missed.
    const src = [
      '<?php',
      "#[\\Symfony\\Component\\Routing\\Attribute\\Route('/auth/local/signin', methods: ['POST'])]",
      'function signin() {}',
      "#[IsGranted('PUBLIC_ACCESS'), Route(path: '/auth/local/token', methods: ['POST'])]",
      'function token() {}',
      '',
    ].join('\n');
    assert.deepEqual(routesOf(analyzeSource('r.php', src)).map((r) => [r.span.line, r.framework, r.method, r.path]), [
      [2, 'symfony', 'POST', '/auth/local/signin'],
      [4, 'symfony', 'POST', '/auth/local/token'],
    ]);
  });

  it('an indented heredoc URL loses its indentation and final newline', () => {
    const src = [
      '<?php',
      'function login() {',
      '    $endpoint = <<<URL',
      '        https://api.axept.io/v1/auth/local/signin',
      '        URL;',
      '    $http = new \\GuzzleHttp\\Client();',
      "    return $http->post($endpoint, ['form_params' => ['username' => getenv('AXEPTIO_USERNAME')]]);",
      '}',
      '',
    ].join('\n');
    const r = requestAt(analyzeSource('h.php', src), 7);
    assert.deepEqual([r.client, r.method, text(r.url), r.context.enclosingFunction], ['guzzle', 'POST', 'https://api.axept.io/v1/auth/local/signin', 'login']);
  });

  it('a cast URL and a path appended with .= fold into the request URL', () => {
    // Lexically `(string) $url` read as the name `string`, and `.=` was not an assignment.
    const src = [
      '<?php',
      "define('AXEPTIO_API', 'https://api.axept.io/v1');",
      '$url = AXEPTIO_API;',
      "$url .= '/auth/local/signin';",
      '$client = new GuzzleHttp\\Client();',
      "$client->post((string) $url, ['json' => ['username' => $user]]);",
      '',
    ].join('\n');
    const r = requestAt(analyzeSource('c.php', src), 6);
    assert.deepEqual([r.client, text(r.url), r.body?.encoding], ['guzzle', 'https://api.axept.io/v1/auth/local/signin', 'json']);
  });

  it('a call assigned to a nameless target or an unread operator is still a request; a superglobal write is not an env read', () => {
    const src = [
      '<?php',
      "$client = new GuzzleHttp\\Client(['base_uri' => 'https://api.axept.io/v1']);",
      "$responses[] = $client->post('/auth/local/signin', ['json' => ['username' => $u]]);",
      "$n += count($client->get('/projects'));",
      "$_SERVER['AXEPTIO_TOKEN'] = 'x';",
      "if ($_ENV['AXEPTIO_URL'] == 'y') {}",
      '',
    ].join('\n');
    const facts = analyzeSource('n.php', src);
    assert.deepEqual(requestsOf(facts).map((r) => [r.span.line, r.method]), [[3, 'POST'], [4, 'GET']]);
    assert.deepEqual(facts.filter((f) => f.kind === 'env-read').map((f) => f.span.line), [6]);
  });

  it('a file with a syntax error is read lexically and keeps its findings', () => {
    const src = [
      '<?php',
      "$client = new \\GuzzleHttp\\Client(['base_uri' => 'https://api.axept.io/v1']);",
      "$client->post('/auth/local/signin', ['json' => ['username' => getenv('AXEPTIO_USERNAME')]]);",
      'function broken( {',
      '',
    ].join('\n');
    const out = analyzeFile({ path: 'broken.php', text: src, kind: 'php' });
    assert.equal(out.parsed, false);
    assert.deepEqual(out.errors, ['syntax error at 4:1 (tree-sitter php); read lexically']);
    const r = requestAt(out.facts, 3);
    assert.deepEqual([r.client, r.method, text(r.url), text(r.base)], ['guzzle', 'POST', '/auth/local/signin', 'https://api.axept.io/v1']);
  });
});
