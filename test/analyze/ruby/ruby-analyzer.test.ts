import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeFile } from '../../../src/analyze/index.js';
import { analyzeFixture, assertFixturesParsedByGrammar, analyzeSource, assertNoLeak, fieldsOf, linesWith, requestAt, requestsOf, routesOf, secretsOf, text } from '../lexical/analyze-source.js';

describe('ruby analyzer: positives', () => {
  it('Net::HTTP::Post.new + set_form_data with a #{} URL, memoized without expiry', () => {
    const { facts, text: src } = analyzeFixture('ruby', 'lib/axeptio/client.rb');
    const r = requestAt(facts, linesWith(src, 'Net::HTTP::Post.new')[0]!);
    assert.deepEqual([r.client, r.method, text(r.url)], ['net_http', 'POST', '${AXEPTIO_API_URL}/auth/local/signin']);
    assert.deepEqual(fieldsOf(r), { username: '${AXEPTIO_USERNAME}', password: '${AXEPTIO_PASSWORD}' });
    assert.equal(r.body?.encoding, 'form');
    assert.equal(r.tokenCachedWithoutExpiry, true);
    assert.equal(r.responseTokenField, 'token');
    assert.equal(requestsOf(facts).length, 1, 'http.request(req) is the same request');
  });

  it('Faraday connection, HTTParty command call without parentheses, Net::HTTP.post_form password grant', () => {
    const { facts, text: src } = analyzeFixture('ruby', 'lib/axeptio/variants.rb');
    const faraday = requestAt(facts, linesWith(src, "conn.post('/auth/local/signin'")[0]!);
    assert.deepEqual([faraday.client, text(faraday.base), text(faraday.url), faraday.body?.encoding], ['faraday', 'https://api.axept.io/v1', '/auth/local/signin', 'json']);
    const party = requestAt(facts, linesWith(src, 'HTTParty.post "')[0]!);
    assert.deepEqual([party.client, text(party.url)], ['httparty', 'https://api.axept.io/v1/auth/local/signin']);
    assert.deepEqual(fieldsOf(party), { username: '${AXEPTIO_USERNAME}', password: '${AXEPTIO_PASSWORD}' });
    const grant = requestAt(facts, linesWith(src, 'post_form')[0]!);
    assert.equal(fieldsOf(grant).grant_type, 'password');
    assert.equal(requestsOf(facts).length, 3, '=begin/=end, # comments, log text and heredoc bodies are not requests');
    assert.deepEqual(secretsOf(facts).map((s) => s.secretKind), ['password']);
    assertNoLeak(facts, 'Hunter2-Secret');
  });

  it('classes that include HTTParty use base_uri for receiver-less verbs', () => {
    const facts = analyzeSource('api.rb', "class AxeptioApi\n  include HTTParty\n  base_uri 'https://api.axept.io/v1'\n  def login(u, p)\n    self.class.post('/auth/local/signin', body: { username: u, password: p })\n  end\nend\n");
    const r = requestAt(facts, 5);
    assert.deepEqual([r.client, text(r.base), text(r.url)], ['httparty', 'https://api.axept.io/v1', '/auth/local/signin']);
    assert.deepEqual(routesOf(facts), []);
  });

  it('CRLF keeps lines', () => {
    const { facts, text: src } = analyzeFixture('ruby', 'lib/axeptio/variants.rb');
    assert.deepEqual(requestsOf(analyzeSource('v.rb', src.replace(/\n/g, '\r\n'))).map((r) => r.span), requestsOf(facts).map((r) => r.span));
  });
});

describe('ruby analyzer: negatives', () => {
  it('Rails and Sinatra routes are RouteFacts; the request spec of the route is neither', () => {
    assert.deepEqual(routesOf(analyzeFixture('ruby', 'config/routes.rb').facts).map((r) => [r.path, r.method, r.framework]), [['/auth/local/signin', 'POST', 'rails']]);
    assert.deepEqual(routesOf(analyzeFixture('ruby', 'app/server.rb').facts).map((r) => r.framework), ['sinatra']);
    const spec = analyzeFixture('ruby', 'spec/requests/signin_spec.rb').facts;
    assert.deepEqual([requestsOf(spec), routesOf(spec)], [[], []]);
    assert.deepEqual(requestsOf(analyzeFixture('ruby', 'config/locales/en.rb').facts), []);
  });
  it("Rails' `post 'path' => 'c#a'` form", () => {
    assert.deepEqual(routesOf(analyzeSource('config/routes.rb', "Rails.application.routes.draw do\n  post 'auth/local/signin' => 'sessions#create'\nend\n")).map((r) => r.path), ['/auth/local/signin']);
  });
});

describe('ruby analyzer: read through tree-sitter-ruby', () => {
  it('every Ruby fixture is parsed by the grammar (not the lexical fallback)', () => {
    assert.ok(assertFixturesParsedByGrammar('ruby', 'ruby') >= 6);
  });

  it('a heredoc whose body and terminator sit at column 0 does not end the method (indentation guesses did)', () => {
    const facts = analyzeSource(
      'lib/session.rb',
      [
        'class AxeptioClient',
        '  def sign_in',
        '    payload = <<JSON',
        '{"username": "#{ENV[\'AXEPTIO_USERNAME\']}", "password": "#{ENV[\'AXEPTIO_PASSWORD\']}"}',
        'JSON',
        "    @token ||= HTTParty.post('https://api.axept.io/v1/auth/local/signin', body: payload)['token']",
        '  end',
        'end',
        '',
      ].join('\n'),
    );
    const r = requestAt(facts, 6);
    assert.deepEqual(fieldsOf(r), { username: '${AXEPTIO_USERNAME}', password: '${AXEPTIO_PASSWORD}' });
    assert.equal(r.context.enclosingFunction, 'sign_in');
    assert.ok(r.evidence.some((e) => e.text === 'in class AxeptioClient'), JSON.stringify(r.evidence));
    assert.equal(r.tokenCachedWithoutExpiry, true, 'the `@token ||=` memo is inside the method');
  });

  it('text after __END__ is data, not code: no request and no secret', () => {
    const facts = analyzeSource(
      'bin/notes.rb',
      "puts DATA.read\n__END__\nHTTParty.post('https://api.axept.io/v1/auth/local/signin', body: { username: 'demo', password: 'Hunter2-Secret' })\n",
    );
    assert.deepEqual([requestsOf(facts), secretsOf(facts)], [[], []]);
    assert.deepEqual(facts, [], 'nothing after __END__ is read, not even file-level evidence');
  });

  it("a `'%s/…' % base` URL is formatted with the base (the operator is part of the argument)", () => {
    const facts = analyzeSource(
      'lib/format.rb',
      "AXEPTIO_API = 'https://api.axept.io/v1'\nHTTParty.post('%s/auth/local/signin' % AXEPTIO_API, body: { username: ENV['AXEPTIO_USERNAME'], password: ENV['AXEPTIO_PASSWORD'] })\n",
    );
    assert.equal(text(requestAt(facts, 2).url), 'https://api.axept.io/v1/auth/local/signin');
  });

  it("a hash that is a method's return value and a keyword parameter's default keep their literal secrets", () => {
    const facts = analyzeSource(
      'lib/creds.rb',
      ['class Creds', '  def creds', "    { username: 'demo', password: 'Hunter2-Secret' }", '  end', '', "  def initialize(api_token: 'tok_abcdefgh12345')", '  end', 'end', ''].join('\n'),
    );
    assert.deepEqual(secretsOf(facts).map((s) => [s.span.line, s.secretKind, s.boundTo]), [[3, 'password', 'password'], [6, 'access-token', 'api_token']]);
    assertNoLeak(facts, 'Hunter2-Secret', 'tok_abcdefgh12345');
  });

  it('a file with a syntax error is read lexically, keeps its findings and says where the error is', () => {
    const src = "AXEPTIO_API = 'https://api.axept.io/v1'\ndef sign_in(u, p)\n  retries = )\n  HTTParty.post(\"#{AXEPTIO_API}/auth/local/signin\", body: { username: u, password: p })\nend\n";
    const out = analyzeFile({ path: 'broken.rb', text: src, kind: 'ruby' });
    assert.equal(out.parsed, false);
    assert.deepEqual(out.errors, ['syntax error at 3:13 (tree-sitter ruby); read lexically']);
    const r = requestAt(out.facts, 4);
    assert.deepEqual([r.client, text(r.url)], ['httparty', 'https://api.axept.io/v1/auth/local/signin']);
    assert.deepEqual(Object.keys(r.body?.fields ?? {}), ['username', 'password']);
  });
});
