import assert from 'node:assert/strict';
import fs from 'node:fs';
import { describe, it } from 'node:test';
import { analyzeFile } from '../../../src/analyze/index.js';
import { LANGUAGE_FIXTURES, analyzeFixture, analyzeSource, assertNoLeak, envNames, fieldsOf, linesWith, requestAt, requestsOf, routesOf, secretsOf, text } from '../lexical/analyze-source.js';

const CLIENT = 'src/Axeptio/AxeptioTokenClient.cs';

describe('c# analyzer: positives (a CRLF file)', () => {
  it('HttpClient with BaseAddress: PostAsJsonAsync($"…"), FormUrlEncodedContent (password grant), SendAsync(HttpRequestMessage)', () => {
    const { facts, text: src } = analyzeFixture('csharp', CLIENT);
    assert.ok(src.includes('\r\n'), 'the fixture keeps CRLF line ends');
    const jsonLine = linesWith(src, 'var res = await _http.PostAsJsonAsync(')[0]!;
    const json = requestAt(facts, jsonLine);
    assert.deepEqual([json.client, json.method, text(json.url), json.body?.encoding], ['csharp_httpclient', 'POST', 'https://api.axept.io/v1/auth/local/signin', 'json']);
    assert.deepEqual(fieldsOf(json), { username: '${user}', password: '${AXEPTIO_PASSWORD}' });
    assert.equal(json.span.column, src.split('\n')[jsonLine - 1]!.indexOf('_http.PostAsJsonAsync') + 1);
    const form = requestAt(facts, linesWith(src, 'await _http.PostAsync(@"')[0]!);
    assert.deepEqual([text(form.base), text(form.url), form.body?.encoding, fieldsOf(form).grant_type], ['https://api.axept.io/v1', 'auth/local/signin', 'form', 'password']);
    const send = requestAt(facts, linesWith(src, 'new HttpRequestMessage(')[0]!);
    assert.deepEqual([send.method, send.body?.encoding], ['POST', 'json']);
    assert.equal(requestsOf(facts).length, 3, 'the commented call and #region line are not requests');
    assert.deepEqual(secretsOf(facts).map((s) => s.secretKind), ['password']);
    assertNoLeak(facts, 'S3cretPw!x');
  });
  it('DefaultRequestHeaders.Authorization with AuthenticationHeaderValue("Bearer", …) is the static bearer of the instance', () => {
    const facts = analyzeSource('P.cs', 'var http = new HttpClient();\nhttp.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Environment.GetEnvironmentVariable("AXEPTIO_TOKEN"));\nvar r = await http.GetAsync("https://api.axept.io/v1/projects");\n');
    assert.equal(text(requestAt(facts, 3).headers?.authorization), 'Bearer ${AXEPTIO_TOKEN}');
  });
});

describe('c# analyzer: form bodies built from pairs', () => {
  it('FormUrlEncodedContent over KeyValuePair constructors gives the password-grant fields', () => {
    const src = [
      'class AxeptioAuth {',
      '  public async Task<string> Login(string user, string pw) {',
      '    var content = new FormUrlEncodedContent(new[] {',
      '      new KeyValuePair<string, string>("grant_type", "password"),',
      '      new KeyValuePair<string, string>("username", user),',
      '      new KeyValuePair<string, string>("password", pw),',
      '    });',
      '    var res = await Http.PostAsync("https://auth.example.com/realms/apiax/protocol/openid-connect/token", content);',
      '    return await res.Content.ReadAsStringAsync();',
      '  }',
      '}',
      '',
    ].join('\n');
    const r = requestAt(analyzeSource('AxeptioAuth.cs', src), 8);
    assert.equal(r.body?.encoding, 'form');
    assert.deepEqual(fieldsOf(r), { grant_type: 'password', username: '${user}', password: '${pw}' });
  });
});

describe('c# analyzer: negatives', () => {
  it('comments, verbatim and interpolated strings are not requests; attribute and minimal-API routes; a WebApplicationFactory test is neither', () => {
    assert.deepEqual(requestsOf(analyzeFixture('csharp', 'src/Legacy/Commented.cs').facts), []);
    assert.deepEqual(routesOf(analyzeFixture('csharp', 'src/Web/AuthController.cs').facts).map((r) => [r.path, r.method]), [['/auth/local/signin', 'POST']]);
    assert.deepEqual(routesOf(analyzeFixture('csharp', 'src/Web/Program.cs').facts).map((r) => r.framework), ['aspnet-minimal']);
    assert.deepEqual(requestsOf(analyzeFixture('csharp', 'tests/Web.Tests/AuthControllerTests.cs').facts), []);
  });
});

describe('c# analyzer: the tree-sitter reader', () => {
  it('reads every C# fixture through the syntax tree (no lexical fallback)', () => {
    const files = fs.readdirSync(`${LANGUAGE_FIXTURES}csharp`, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.cs'));
    assert.ok(files.length >= 5);
    for (const rel of files) {
      const out = analyzeFile({ path: rel, text: fs.readFileSync(`${LANGUAGE_FIXTURES}csharp/${rel}`, 'utf8'), kind: 'csharp' });
      assert.deepEqual([rel, out.parsed, out.errors], [rel, true, []]);
    }
  });

  it('every attribute of a list is read: `[AllowAnonymous, HttpPost("…")]` is a route (the lexical reader took only the first)', () => {
    const facts = analyzeSource(
      'LoginController.cs',
      [
        'public class LoginController : ControllerBase',
        '{',
        '    [AllowAnonymous, HttpPost("auth/local/signin")]',
        '    public IActionResult SignIn([FromBody] Credentials c) => Ok(_tokens.Issue(c));',
        '}',
        '',
      ].join('\n'),
    );
    assert.deepEqual(routesOf(facts).map((r) => [r.path, r.method, r.span.line]), [['/auth/local/signin', 'POST', 3]]);
  });

  it('an async lambda block is code: a request inside a minimal-API handler is found (the lexical reader skipped the whole lambda)', () => {
    const src = [
      'app.MapPost("/login", async (LoginRequest req, HttpClient http) =>',
      '{',
      '    var res = await http.PostAsJsonAsync("https://api.axept.io/v1/auth/local/signin", new { username = req.User, password = req.Password });',
      '    return Results.Ok(await res.Content.ReadAsStringAsync());',
      '});',
      '',
    ].join('\n');
    const facts = analyzeSource('Program.cs', src);
    const req = requestAt(facts, 3);
    assert.deepEqual([req.method, text(req.url), req.body?.encoding], ['POST', 'https://api.axept.io/v1/auth/local/signin', 'json']);
    assert.deepEqual(fieldsOf(req), { username: '${req.User}', password: '${req.Password}' });
    assert.deepEqual(routesOf(facts).map((r) => r.path), ['/login']);
  });

  it('a generic method with a `where` constraint is a function and its `using var` request message is bound', () => {
    const src = [
      'public class Api',
      '{',
      '    private static readonly string ApiUrl = Environment.GetEnvironmentVariable("AXEPTIO_API_URL");',
      '    private readonly HttpClient _client = new HttpClient();',
      '    public async Task<T> Fetch<T>(string path) where T : class',
      '    {',
      '        using var req = new HttpRequestMessage(HttpMethod.Get, $"{ApiUrl}/auth/local/signin");',
      '        var res = await _client.SendAsync(req);',
      '        return await res.Content.ReadFromJsonAsync<T>();',
      '    }',
      '}',
      '',
    ].join('\n');
    const req = requestAt(analyzeSource('Api.cs', src), 7);
    assert.deepEqual([req.method, text(req.url), req.context.enclosingFunction], ['GET', '${AXEPTIO_API_URL}/auth/local/signin', 'Fetch']);
  });

  it('a `$$"""…"""` raw string is read by C# rules: single braces are JSON text, `{{x}}` the interpolations', () => {
    const src = [
      'var http = new HttpClient();',
      'var user = "alice";',
      'var json = $$"""',
      '    {"username": "{{user}}", "password": "{{Environment.GetEnvironmentVariable("AXEPTIO_PASSWORD")}}"}',
      '    """;',
      'await http.PostAsync("https://api.axept.io/v1/auth/local/signin", new StringContent(json, Encoding.UTF8, "application/json"));',
      '',
    ].join('\n');
    const facts = analyzeSource('Raw.cs', src);
    const req = requestAt(facts, 6);
    assert.deepEqual([req.body?.encoding, fieldsOf(req)], ['json', { username: 'alice', password: '${AXEPTIO_PASSWORD}' }]);
    assert.deepEqual(envNames(facts), ['AXEPTIO_PASSWORD']);
  });

  it('a file with a syntax error is read lexically, says so, and keeps its findings', () => {
    const src = [
      'var http = new HttpClient();',
      'var res = await http.PostAsync("https://api.axept.io/v1/auth/local/signin", content);',
      'if (ready) { var x = ; }',
      '',
    ].join('\n');
    const out = analyzeFile({ path: 'Broken.cs', text: src, kind: 'csharp' });
    assert.equal(out.parsed, false);
    assert.deepEqual(out.errors, ['syntax error at 3:20 (tree-sitter c_sharp); read lexically']);
    const req = requestAt(out.facts, 2);
    assert.deepEqual([req.method, text(req.url)], ['POST', 'https://api.axept.io/v1/auth/local/signin']);
  });
});
