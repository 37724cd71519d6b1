import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { BaselineError, readBaseline } from '../../src/findings/baseline.js';
import { jsonDocument } from '../../src/report/json.js';
import { scan } from '../../src/scan/index.js';
import { legacySigninSource, removeTree, tempTree, writeTree } from '../discover/temp-tree.js';

test('--write-baseline then --baseline suppresses accepted findings and reports only new ones', async (t) => {
  const root = tempTree({ 'old.ts': legacySigninSource() });
  t.after(() => removeTree(root));
  const baselineFile = `${root}/.axm/baseline.json`;
  const first = await scan({ paths: [root], workers: 0, writeBaselinePath: baselineFile });
  assert.ok(first.findings.length > 0);
  const written = JSON.parse(fs.readFileSync(baselineFile, 'utf8'));
  assert.equal(written.entries.length, first.findings.length);
  assert.deepEqual(Object.keys(written.entries[0]), ['fingerprint', 'ruleId', 'file', 'line']);

  writeTree(root, { 'old.ts': legacySigninSource(3), 'new.ts': legacySigninSource() });
  const second = await scan({ paths: [root], workers: 0, baselinePath: baselineFile });
  assert.deepEqual([...new Set(second.findings.map((f) => f.file))], ['new.ts']);
  const byBaseline = second.summary.suppressed!.items.filter((i) => i.by === 'baseline');
  assert.equal(byBaseline.length, first.findings.length);
  assert.ok(byBaseline.every((i) => i.file === 'old.ts' && i.reason === 'present in the baseline'));
});

test('a previous JSON report works as a baseline, fingerprints recomputed when missing', async (t) => {
  const root = tempTree({ 'a.ts': legacySigninSource() });
  t.after(() => removeTree(root));
  const report = await scan({ paths: [root], workers: 0 });
  const doc = jsonDocument(report);
  fs.writeFileSync(`${root}/with.json`, JSON.stringify(doc));
  fs.writeFileSync(`${root}/without.json`, JSON.stringify({ ...doc, findings: doc.findings.map(({ fingerprint: _drop, ...f }) => f) }));
  const expected = new Set(report.findings.map((f) => f.fingerprint));
  assert.deepEqual(readBaseline(`${root}/with.json`), expected);
  assert.deepEqual(readBaseline(`${root}/without.json`), expected);
  const rescan = await scan({ paths: [root], workers: 0, baselinePath: `${root}/with.json` });
  assert.deepEqual(rescan.findings, []);
});

test('an unreadable or foreign baseline is an input error', async (t) => {
  const root = tempTree({ 'x.json': '{"hello": 1}', 'broken.json': '{' });
  t.after(() => removeTree(root));
  assert.throws(() => readBaseline(`${root}/x.json`), BaselineError);
  assert.throws(() => readBaseline(`${root}/broken.json`), /cannot read baseline/);
  assert.throws(() => readBaseline(`${root}/missing.json`), /ENOENT/);
});
