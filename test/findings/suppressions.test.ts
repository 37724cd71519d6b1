import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseSuppressions, suppressionCovers } from '../../src/findings/suppressions.js';

const one = (text: string) => {
  const all = parseSuppressions(text);
  assert.equal(all.length, 1, `expected one directive in ${JSON.stringify(text)}, got ${JSON.stringify(all)}`);
  return all[0]!;
};

test('every supported comment syntax is recognised, with the rule ids and the reason', () => {
  const cases = [
    '// axeptio-migrate-ignore-next-line legacy-signin -- moved to the helper in PR 42',
    '/* axeptio-migrate-ignore-next-line legacy-signin -- moved to the helper in PR 42 */',
    '# axeptio-migrate-ignore-next-line legacy-signin -- moved to the helper in PR 42',
    '<!-- axeptio-migrate-ignore-next-line legacy-signin -- moved to the helper in PR 42 -->',
    '-- axeptio-migrate-ignore-next-line legacy-signin -- moved to the helper in PR 42',
    '; axeptio-migrate-ignore-next-line legacy-signin -- moved to the helper in PR 42',
    'REM axeptio-migrate-ignore-next-line legacy-signin -- moved to the helper in PR 42',
  ];
  for (const line of cases) {
    const d = one(`${line}\ncall();\n`);
    assert.deepEqual(
      { line: d.line, scope: d.scope, ruleIds: d.ruleIds, reason: d.reason, target: d.targetLine, problem: d.problem },
      { line: 1, scope: 'next-line', ruleIds: ['legacy-signin'], reason: 'moved to the helper in PR 42', target: 2, problem: undefined },
      line,
    );
  }
});

test('several rule ids are accepted, comma or space separated', () => {
  assert.deepEqual(one('# axeptio-migrate-ignore-next-line legacy-signin, static-token password-grant -- demo\n').ruleIds, [
    'legacy-signin',
    'static-token',
    'password-grant',
  ]);
});

test('a trailing `ignore` covers its own line; a standalone one covers the next code line', () => {
  const trailing = one("post('/auth/local/signin'); // axeptio-migrate-ignore legacy-signin -- test double\n");
  assert.equal(trailing.scope, 'line');
  assert.equal(trailing.targetLine, 1);
  const standalone = one('x = 1;\n  # axeptio-migrate-ignore legacy-signin -- test double\n\n  curl -X POST https://api.axept.io/v1/auth/local/signin\n');
  assert.equal(standalone.line, 2);
  assert.equal(standalone.targetLine, 4);
});

test('CRLF files report the right lines', () => {
  const d = one('a\r\nb\r\n// axeptio-migrate-ignore-next-line static-token -- rotated\r\nc\r\n');
  assert.equal(d.line, 3);
  assert.equal(d.targetLine, 4);
});

test('a directive without a reason, without a rule id or with an unknown rule id suppresses nothing and says why', () => {
  const noReason = one('// axeptio-migrate-ignore-next-line legacy-signin\n');
  assert.match(noReason.problem!, /no reason/);
  assert.equal(suppressionCovers(noReason, 'legacy-signin', 2, 2), false);
  assert.match(one('// axeptio-migrate-ignore-next-line -- because\n').problem!, /names no rule id/);
  assert.match(one('// axeptio-migrate-ignore-next-line legacy-sigin -- typo\n').problem!, /unknown rule id "legacy-sigin"/);
});

test('suppressionCovers matches the rule and the start line only (trailing comments anywhere inside the construct)', () => {
  const next = one('// axeptio-migrate-ignore-next-line legacy-signin -- r\n');
  assert.equal(suppressionCovers(next, 'legacy-signin', 2, 5), true);
  assert.equal(suppressionCovers(next, 'static-token', 2, 5), false);
  assert.equal(suppressionCovers(next, 'legacy-signin', 3, 5), false);
  const trailing = one('a\nb\nc, // axeptio-migrate-ignore legacy-signin -- r\n');
  assert.equal(suppressionCovers(trailing, 'legacy-signin', 2, 4), true);
  assert.equal(suppressionCovers(trailing, 'legacy-signin', 4, 6), false);
});

test('similar words and plain mentions are not directives', () => {
  assert.deepEqual(parseSuppressions('// axeptio-migrate-ignored legacy-signin -- no\nconst s = "axeptio-migrate-ignore legacy-signin";\n'), []);
});
