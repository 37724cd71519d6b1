import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeFixture, analyzeSource, assertNoLeak, fieldsOf, linesWith, requestAt, requestsOf, routesOf, secretsOf, text } from '../lexical/analyze-source.js';

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

describe('c# analyzer: negatives', () => {
  it('comments, verbatim and interpolated strings are not requests; attribute and minimal-API routes; a WebApplicationFactory test is neither', () => {
    assert.deepEqual(requestsOf(analyzeFixture('csharp', 'src/Legacy/Commented.cs').facts), []);
    assert.deepEqual(routesOf(analyzeFixture('csharp', 'src/Web/AuthController.cs').facts).map((r) => [r.path, r.method]), [['/auth/local/signin', 'POST']]);
    assert.deepEqual(routesOf(analyzeFixture('csharp', 'src/Web/Program.cs').facts).map((r) => r.framework), ['aspnet-minimal']);
    assert.deepEqual(requestsOf(analyzeFixture('csharp', 'tests/Web.Tests/AuthControllerTests.cs').facts), []);
  });
});
