import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeFixture, analyzeSource, assertNoLeak, fieldsOf, linesWith, requestAt, requestsOf, routesOf, secretsOf, text } from '../lexical/analyze-source.js';

const JAVA_CLIENT = 'src/main/java/com/acme/axeptio/AxeptioAuth.java';

describe('java analyzer: positives', () => {
  it('HttpRequest builder with a text-block body, OkHttp FormBody, RestTemplate, WebClient, static bearer via HttpHeaders', () => {
    const { facts, text: src } = analyzeFixture('java', JAVA_CLIENT);
    const jdk = requestAt(facts, linesWith(src, 'HttpRequest request = HttpRequest.newBuilder()')[0]!);
    assert.deepEqual([jdk.client, jdk.method, text(jdk.url), jdk.body?.encoding], ['java_httpclient', 'POST', 'https://api.axept.io/v1/auth/local/signin', 'json']);
    assert.deepEqual(fieldsOf(jdk), { username: '${user}', password: '${password}' });
    const ok = requestAt(facts, linesWith(src, 'new Request.Builder()')[0]!);
    assert.deepEqual([ok.client, ok.body?.encoding], ['okhttp', 'form']);
    assert.deepEqual(fieldsOf(ok), { username: '${AXEPTIO_USERNAME}', password: '${AXEPTIO_PASSWORD}' });
    const rest = requestAt(facts, linesWith(src, 'return restTemplate.postForObject(BASE_URL')[0]!);
    assert.deepEqual([rest.client, rest.method, rest.body?.encoding], ['resttemplate', 'POST', 'json']);
    const web = requestAt(facts, linesWith(src, 'webClient.post()')[0]!);
    assert.deepEqual([web.client, text(web.url), web.context.enclosingFunction], ['webclient', '/auth/local/signin', 'reactive']);
    const bearer = requestAt(facts, linesWith(src, 'restTemplate.exchange(')[0]!);
    assert.deepEqual([bearer.method, text(bearer.headers?.authorization)], ['GET', 'Bearer ${AXEPTIO_TOKEN}']);
    assert.deepEqual(secretsOf(facts).map((s) => s.secretKind), ['password']);
    assertNoLeak(facts, 'Secr3tPassw0rd');
  });
  it('CRLF keeps lines', () => {
    const { facts, text: src } = analyzeFixture('java', JAVA_CLIENT);
    assert.deepEqual(requestsOf(analyzeSource('A.java', src.replace(/\n/g, '\r\n'))).map((r) => r.span), requestsOf(facts).map((r) => r.span));
  });
});

describe('kotlin analyzer', () => {
  it('OkHttp builder across lines with a $TEMPLATE URL; RestTemplate with mapOf(… to …) and ${System.getenv(…)}', () => {
    const { facts, text: src } = analyzeFixture('kotlin', 'src/main/kotlin/com/acme/axeptio/AxeptioClient.kt');
    const ok = requestAt(facts, linesWith(src, 'val request = Request.Builder()')[0]!);
    assert.deepEqual([ok.client, ok.method, text(ok.url), ok.body?.encoding], ['okhttp', 'POST', 'https://api.axept.io/v1/auth/local/signin', 'form']);
    const rest = requestAt(facts, linesWith(src, 'restTemplate.postForObject')[0]!);
    assert.equal(text(rest.url), '${AXEPTIO_API_URL}/auth/local/signin');
    assert.deepEqual(Object.keys(rest.body!.fields), ['username', 'password']);
    assert.equal(requestsOf(facts).length, 2, 'the commented builder is not a request');
    assertNoLeak(facts, 'K0tlin-Secret!');
    assert.deepEqual(secretsOf(facts).map((s) => s.secretKind), ['password']);
  });
});

describe('jvm analyzer: negatives', () => {
  it('comments and text blocks are not requests; Spring and Ktor routes are RouteFacts; MockMvc tests are neither', () => {
    assert.deepEqual(requestsOf(analyzeFixture('java', 'src/main/java/com/acme/legacy/Commented.java').facts), []);
    const controller = analyzeFixture('java', 'src/main/java/com/acme/web/SigninController.java').facts;
    assert.deepEqual(routesOf(controller).map((r) => [r.path, r.method, r.framework]), [['/auth/local/signin', 'POST', 'spring']]);
    assert.deepEqual(requestsOf(controller), []);
    const test = analyzeFixture('java', 'src/test/java/com/acme/web/SigninControllerTest.java').facts;
    assert.deepEqual([requestsOf(test), routesOf(test)], [[], []]);
    assert.deepEqual(routesOf(analyzeFixture('kotlin', 'src/main/kotlin/com/acme/server/Routes.kt').facts).map((r) => r.framework), ['ktor']);
  });
  it('@RequestMapping with method = RequestMethod.POST', () => {
    const facts = analyzeSource('C.java', 'class C {\n  @RequestMapping(value = "/auth/local/signin", method = RequestMethod.POST)\n  public String s() { return ""; }\n}\n');
    assert.deepEqual(routesOf(facts).map((r) => [r.path, r.method]), [['/auth/local/signin', 'POST']]);
  });
});
