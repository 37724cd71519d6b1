import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeFile } from '../../../src/analyze/index.js';
import { analyzeFixture, assertFixturesParsedByGrammar, analyzeSource, assertNoLeak, fieldsOf, linesWith, requestAt, requestsOf, routesOf, secretsOf, text } from '../lexical/analyze-source.js';

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
  it('@RequestMapping with a list of methods: Java {…} and Kotlin […] take the first', () => {
    const java = analyzeSource('C.java', 'class C {\n  @RequestMapping(value = "/auth/local/signin", method = {RequestMethod.POST})\n  public String s() { return ""; }\n}\n');
    assert.deepEqual(routesOf(java).map((r) => [r.path, r.method]), [['/auth/local/signin', 'POST']]);
    const kotlin = analyzeSource('C.kt', 'class C {\n  @RequestMapping(value = ["/auth/local/signin"], method = [RequestMethod.POST])\n  fun s(): String = ""\n}\n');
    assert.deepEqual(routesOf(kotlin).map((r) => [r.path, r.method]), [['/auth/local/signin', 'POST']]);
  });
});

describe('jvm analyzer: read through tree-sitter-java and tree-sitter-kotlin', () => {
  it('every Java and Kotlin fixture is parsed by the grammar (not the lexical fallback)', () => {
    assert.equal(assertFixturesParsedByGrammar('java', 'java') + assertFixturesParsedByGrammar('kotlin', 'kotlin'), 6);
  });

  it('java: calls inside a lambda argument and an anonymous class body are requests (the lexical reader skipped both)', () => {
    const facts = analyzeSource(
      'Async.java',
      [
        'class Async {',
        '    private static final String BASE_URL = "https://api.axept.io/v1";',
        '    public Future<String> login(ExecutorService executor, Map<String, String> req) {',
        '        return executor.submit(() -> restTemplate.postForObject(BASE_URL + "/auth/local/signin", req, String.class));',
        '    }',
        '    public Callable<String> later(Map<String, String> req) {',
        '        return new Callable<String>() {',
        '            @Override',
        '            public String call() {',
        '                return restTemplate.postForObject(BASE_URL + "/auth/local/signin", req, String.class);',
        '            }',
        '        };',
        '    }',
        '}',
        '',
      ].join('\n'),
    );
    const inLambda = requestAt(facts, 4);
    assert.deepEqual([inLambda.client, text(inLambda.url), inLambda.context.enclosingFunction], ['resttemplate', 'https://api.axept.io/v1/auth/local/signin', 'login']);
    const inAnonymousClass = requestAt(facts, 10);
    assert.deepEqual([text(inAnonymousClass.url), inAnonymousClass.context.enclosingFunction], ['https://api.axept.io/v1/auth/local/signin', 'call']);
  });

  it('java: an explicitly typed generic call `Map.<K, V>of(…)` is a body and a ternary URL keeps its value', () => {
    const facts = analyzeSource(
      'Generic.java',
      [
        'class Generic {',
        '    private static final String BASE_URL = "https://api.axept.io/v1";',
        '    public String login(boolean prod, String u, String p) {',
        '        String url = prod ? BASE_URL + "/auth/local/signin" : "http://localhost:8080/auth/local/signin";',
        '        return restTemplate.postForObject(url, Map.<String, String>of("username", u, "password", p), String.class);',
        '    }',
        '}',
        '',
      ].join('\n'),
    );
    const r = requestAt(facts, 5);
    assert.equal(text(r.url), 'https://api.axept.io/v1/auth/local/signin');
    assert.deepEqual(fieldsOf(r), { username: '${u}', password: '${p}' });
  });

  it('kotlin: `to` binds looser than `+` (mapOf("username" to A + b)) and a primary constructor is no function', () => {
    const facts = analyzeSource(
      'AxeptioSession.kt',
      [
        'const val TENANT = "acme"',
        'class AxeptioSession(private val http: OkHttpClient) {',
        '    private val status = Request.Builder().url("https://api.axept.io/v1/status").build()',
        '    fun signIn(user: String, password: String): String? {',
        '        val payload = mapOf("username" to TENANT + ":" + user, "password" to password)',
        '        return restTemplate.postForObject("https://api.axept.io/v1/auth/local/signin", payload, String::class.java)',
        '    }',
        '}',
        '',
      ].join('\n'),
    );
    assert.deepEqual(fieldsOf(requestAt(facts, 6)), { username: 'acme:${user}', password: '${password}' });
    assert.equal(requestAt(facts, 3).context.enclosingFunction, undefined);
  });

  it('kotlin: an `if` expression binds its value (the URL folds to the Axeptio host)', () => {
    const facts = analyzeSource(
      'Gateway.kt',
      [
        'class Gateway(private val client: HttpClient, private val prod: Boolean) {',
        '    suspend fun signIn(creds: Creds) {',
        '        val base = if (prod) "https://api.axept.io/v1" else "http://localhost:8080"',
        '        client.post("$base/auth/local/signin") { setBody(creds) }',
        '    }',
        '}',
        '',
      ].join('\n'),
    );
    const r = requestAt(facts, 4);
    assert.deepEqual([r.client, r.method, text(r.url)], ['ktor', 'POST', 'https://api.axept.io/v1/auth/local/signin']);
  });

  it('a file with a syntax error is read lexically, keeps its findings and says where the error is', () => {
    const src = [
      'class Broken {',
      '    private static final String BASE_URL = "https://api.axept.io/v1";',
      '    public String login(Map<String, String> req) {',
      '        int retries = ;',
      '        return restTemplate.postForObject(BASE_URL + "/auth/local/signin", req, String.class);',
      '    }',
      '}',
      '',
    ].join('\n');
    const out = analyzeFile({ path: 'Broken.java', text: src, kind: 'java' });
    assert.equal(out.parsed, false);
    assert.deepEqual(out.errors, ['syntax error at 4:21 (tree-sitter java); read lexically']);
    assert.equal(text(requestAt(out.facts, 5).url), 'https://api.axept.io/v1/auth/local/signin');
  });
});

describe('jvm analyzer: comments inside expressions', () => {
  it('a comment inside parentheses does not hide the value: the URL still folds', () => {
    const src = [
      'class AxeptioClient {',
      '  static final String URL = (/* v1 API */ "https://api.axept.io/v1/auth/local/signin");',
      '  String login(RestTemplate restTemplate, Map<String, String> body) {',
      '    return restTemplate.postForObject(URL, body, String.class);',
      '  }',
      '}',
      '',
    ].join('\n');
    assert.equal(text(requestAt(analyzeSource('AxeptioClient.java', src), 4).url), 'https://api.axept.io/v1/auth/local/signin');
  });
});
