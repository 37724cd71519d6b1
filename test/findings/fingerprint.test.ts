import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fingerprintAll, normalizeSnippet } from '../../src/findings/fingerprint.js';
import { scan } from '../../src/scan/index.js';
import { legacySigninSource, removeTree, tempTree, writeTree } from '../discover/temp-tree.js';

test('fingerprints survive line shifts and re-indentation but change with the rule, file or code', async (t) => {
  const root = tempTree({ 'a.ts': legacySigninSource(), 'b.ts': legacySigninSource() });
  t.after(() => removeTree(root));
  const prints = async () => {
    const r = await scan({ paths: [root], workers: 0 });
    return r.findings.filter((f) => f.ruleId === 'legacy-signin').map((f) => [f.file, f.line, f.fingerprint!] as const);
  };
  const before = await prints();
  assert.equal(before.length, 2);
  assert.match(before[0]![2], /^[0-9a-f]{32}$/);
  assert.notEqual(before[0]![2], before[1]![2], 'same code in another file is another finding');

  writeTree(root, { 'a.ts': legacySigninSource(7).replace(/\n {2}/g, '\n\t') });
  const after = await prints();
  assert.equal(after[0]![1], before[0]![1] + 7);
  assert.equal(after[0]![2], before[0]![2]);

  writeTree(root, { 'a.ts': legacySigninSource().replace('api.axept.io/v1', 'api.axept.io/v2') });
  assert.notEqual((await prints())[0]![2], before[0]![2]);
});

test('identical snippets in one file get distinct fingerprints by occurrence, in source order', () => {
  const f = (line: number) => ({ ruleId: 'static-token', file: 'x.js', snippet: 'fetch(u, h)', line, column: 1 });
  const [a, b] = fingerprintAll([f(20), f(10)]);
  const [c, d] = fingerprintAll([f(3), f(40)]);
  assert.notEqual(a, b);
  assert.equal(b, c, 'first occurrence keeps its fingerprint wherever it moves');
  assert.equal(a, d);
});

test('normalizeSnippet ignores indentation, blank lines and CRLF', () => {
  assert.equal(normalizeSnippet('  a(\r\n\r\n\t  b,   c)\n'), 'a(\nb, c)');
});
