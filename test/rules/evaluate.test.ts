/** evaluate: every rule over linked facts, sorted by file/line/column/rule, deduplicated, filterable. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { EnvReadFact } from '../../src/facts/types.js';
import { evaluate } from '../../src/rules/index.js';
import { at, binding, call, credentialsBody, file, importOf, project, request, str, wrapper } from './fact-builders.js';

test('findings are sorted by file, line, column, then rule id', () => {
  const files = [
    file('src/b.ts', [request(9, str('https://api.axept.io/auth/local/signin'), { context: { perRequest: true } }), request(2, str('https://x.frontegg.com/identity/resources/auth/v1/api-token'))]),
    file('src/a.ts', [{ kind: 'env-read', span: at(5, 3), name: 'AXEPTIO_PASSWORD' }, { kind: 'env-read', span: at(5, 1), name: 'AXEPTIO_USERNAME' }]),
  ];
  const got = evaluate(files, project()).map((f) => `${f.file}:${f.span.line}:${f.span.column} ${f.ruleId}`);
  assert.deepEqual(got, [
    'src/a.ts:5:1 legacy-credentials',
    'src/a.ts:5:3 legacy-credentials',
    'src/b.ts:2:1 frontegg-v1-token',
    'src/b.ts:9:1 legacy-signin',
    'src/b.ts:9:1 token-no-refresh',
  ]);
});

test('two variables read at one span are two findings; one call seen twice is one', () => {
  const span = at(2, 9);
  const reads: EnvReadFact[] = [
    { kind: 'env-read', span, name: 'AXEPTIO_USERNAME' },
    { kind: 'env-read', span, name: 'AXEPTIO_PASSWORD' },
  ];
  const files = [
    file('scripts/a.sh', reads),
    file('src/lib.ts', [wrapper(1, 'post', { base: str('https://api.axept.io/v1') })]),
    // The analyzer saw the call both as a request (relative URL, low) and as a wrapper call (high).
    file('src/c.ts', [importOf(1, 'post', './lib'), request(4, str('/auth/local/signin'), { body: credentialsBody() }), call(4, 'post', [str('/auth/local/signin')])]),
  ];
  const got = evaluate(files, project());
  assert.equal(got.filter((f) => f.ruleId === 'legacy-credentials').length, 2);
  const signins = got.filter((f) => f.ruleId === 'legacy-signin');
  assert.equal(signins.length, 1);
  assert.equal(signins[0]!.confidence, 'high');
});

test('rule ids restrict the evaluation', () => {
  const files = [file('src/a.ts', [request(3, str('https://api.axept.io/auth/local/signin'), { context: { perRequest: true } }), binding(1, 'X', { value: str('y') })])];
  assert.deepEqual(evaluate(files, project(), ['token-no-refresh']).map((f) => f.ruleId), ['token-no-refresh']);
  assert.deepEqual(evaluate([], project()), []);
});
