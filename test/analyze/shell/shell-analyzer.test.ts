import assert from 'node:assert/strict';
import fs from 'node:fs';
import { describe, it } from 'node:test';
import { analyzeFile } from '../../../src/analyze/index.js';
import { fileKindOf } from '../../../src/discover/file-kind.js';
import { analyzeFixture, analyzeSource, assertNoLeak, fieldsOf, LANGUAGE_FIXTURES, linesWith, requestAt, requestsOf, secretsOf, text } from '../lexical/analyze-source.js';

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

describe('shell analyzer: tree-sitter-bash', () => {
  const SIGNIN = 'https://api.axept.io/v1/auth/local/signin';
  const analyze = (path: string, source: string) => analyzeFile({ path, text: source, kind: fileKindOf(path)! });

  it('every shell fixture is parsed by the tree (Dockerfile RUN bodies too); Makefiles stay on the word reader', () => {
    for (const rel of ['scripts/axeptio-sync.sh', 'scripts/login-variants.sh', 'ci/local-smoke.sh', 'Dockerfile']) {
      const out = analyze(rel, fs.readFileSync(`${LANGUAGE_FIXTURES}shell/${rel}`, 'utf8'));
      assert.deepEqual([out.parsed, out.errors], [true, []], rel);
    }
    assert.equal(analyze('Makefile', fs.readFileSync(`${LANGUAGE_FIXTURES}shell/Makefile`, 'utf8')).parsed, false);
  });

  // tree-sitter-bash glues `A=1 B=2 # note⏎cmd` into one command; tree.ts splits it at the newline.
  it('leading assignments the grammar runs into the next line are a command of their own', () => {
    const facts = analyzeSource('t.sh', `A=1 API=${SIGNIN} # the legacy endpoint\ncurl -s -X POST "$API" -d username=me -d "password=$PW"\n`);
    assert.equal(text(requestAt(facts, 2).url), SIGNIN);
  });

  // The word reader (words.ts) misread each case below; each test fails with the tree disabled.
  it('`<<` in arithmetic is a shift, not a heredoc swallowing the rest of the file', () => {
    const facts = analyzeSource('t.sh', `(( mask = 1 << BITS ))\ncurl -s -X POST ${SIGNIN} -d username=me -d "password=$PW"\n`);
    assert.deepEqual(fieldsOf(requestAt(facts, 2)), { username: 'me', password: '${PW}' });
  });

  it('a here-string is stdin, not a heredoc marker: its text is the body and the next line is still a command', () => {
    const facts = analyzeSource('t.sh', `curl -s -X POST ${SIGNIN} -d @- <<< "username=me&password=$PW"\ncurl -s -H "Authorization: Bearer $AXEPTIO_TOKEN" https://api.axept.io/v1/projects\n`);
    assert.deepEqual(fieldsOf(requestAt(facts, 1)), { username: 'me', password: '$PW' });
    assert.equal(text(requestAt(facts, 2).headers?.authorization), 'Bearer ${AXEPTIO_TOKEN}');
  });

  it('commands after `then` / `do` on one line, and inside `<(…)`, are commands', () => {
    const facts = analyzeSource('t.sh', [
      `if [ -z "$TOKEN" ]; then curl -s -X POST ${SIGNIN} -d username=me -d "password=$PW"; fi`,
      `for i in 1 2; do wget --post-data "username=me&password=$PW" ${SIGNIN}; done`,
      `diff <(http POST ${SIGNIN} username=me password="$PW") expected.json`,
      '',
    ].join('\n'));
    assert.deepEqual(requestsOf(facts).map((r) => [r.span.line, r.client, r.method, text(r.url)]), [
      [1, 'curl', 'POST', SIGNIN],
      [2, 'wget', 'POST', SIGNIN],
      [3, 'httpie', 'POST', SIGNIN],
    ]);
  });

  it("`$'…'` strings with escaped quotes end where the shell ends them", () => {
    const facts = analyzeSource('t.sh', `echo $'it\\'s the legacy login'\ncurl -s -X POST ${SIGNIN} -d username=me -d "password=$PW"\necho 'done'\n`);
    assert.equal(text(requestAt(facts, 2).url), SIGNIN);
  });

  it('a nested default `${A:-${B}}` closes at its own brace', () => {
    const facts = analyzeSource('t.sh', 'API="${AXEPTIO_API_URL:-${API_BASE}}"\ncurl -s -X POST "$API/auth/local/signin" -d username=me -d "password=$PW"\n');
    assert.equal(text(requestAt(facts, 2).url), '${AXEPTIO_API_URL}/auth/local/signin');
  });

  // The fallback: the word reader, with the reason in errors.
  it('a syntax error falls back to the word reader, says where, and still finds the request', () => {
    const out = analyze('login.sh', `#!/bin/sh\nif [ -n "$PW" ]; then\n  curl -s -X POST ${SIGNIN} -d username=me -d "password=$PW"\n`);
    assert.equal(out.parsed, false);
    assert.deepEqual(out.errors, ['syntax error at 4:1 (tree-sitter bash); read lexically']);
    assert.deepEqual(fieldsOf(requestAt(out.facts, 3)), { username: 'me', password: '${PW}' });
  });

  it('a tree the grammar got wrong without an ERROR node (`<<EOF;` delimiter) is read by the word reader too', () => {
    const out = analyze('login.sh', `cat <<EOF; echo sent\nbody\nEOF\ncurl -s -X POST ${SIGNIN} -d username=me -d "password=$PW"\n`);
    assert.deepEqual([out.parsed, out.errors], [false, ['syntax error at 1:10 (tree-sitter bash); read lexically']]);
    assert.equal(text(requestAt(out.facts, 4).url), SIGNIN);
  });

  it('Dockerfile RUN bodies: offsets stay absolute; a body with a syntax error is read lexically', () => {
    const ok = analyzeSource('Dockerfile', `FROM alpine\nRUN apk add curl && \\\n    curl -s -X POST ${SIGNIN} -d username=me -d "password=$PW" | jq -r .token > /t\n`);
    const r = requestAt(ok, 3);
    assert.deepEqual([r.span.column, r.responseTokenField], [5, 'token']);
    const broken = analyze('Dockerfile', `FROM alpine\nARG API=https://api.axept.io/v1\nRUN echo ok\nRUN (cd /tmp && \\\n      curl -s -X POST "$API/auth/local/signin" -d username=me -d "password=$PW"\n`);
    assert.deepEqual([broken.parsed, broken.errors], [false, ['syntax error at 5:80 (tree-sitter bash); read lexically']]);
    assert.equal(text(requestAt(broken.facts, 5).url), SIGNIN);
  });
});
