import { test } from 'node:test';
import assert from 'node:assert/strict';
import { json } from '../../src/report/json.js';
import { scan } from '../../src/scan/index.js';
import { legacySigninSource, removeTree, tempTree } from '../discover/temp-tree.js';

test('the JSON report is the contract document: key order, types, 2-space indent, trailing newline', async (t) => {
  const root = tempTree({ 'src/a.ts': legacySigninSource() });
  t.after(() => removeTree(root));
  const report = await scan({ paths: [root], workers: 0 });
  const text = json(report, { color: false, root });
  assert.ok(text.endsWith('}\n'));
  assert.ok(text.startsWith('{\n  "schemaVersion": 1,\n  "tool": {\n    "name": "axeptio-migrate",'));
  const doc = JSON.parse(text);
  assert.deepEqual(Object.keys(doc), ['schemaVersion', 'tool', 'root', 'stats', 'findings', 'summary', 'deadline']);
  assert.deepEqual(Object.keys(doc.stats), ['filesScanned', 'filesParsed', 'durationMs', 'errors', 'filesAnalyzed']);
  assert.deepEqual(Object.keys(doc.summary).slice(0, 3), ['byRule', 'bySeverity', 'filesWithFindings']);
  const finding = doc.findings.find((f: { ruleId: string }) => f.ruleId === 'legacy-signin');
  assert.deepEqual(Object.keys(finding), ['ruleId', 'severity', 'confidence', 'file', 'line', 'column', 'endLine', 'endColumn', 'message', 'snippet', 'evidence', 'fix', 'fingerprint']);
  assert.deepEqual(finding.fix, { available: true, transform: 'signin-to-client-credentials' });
  assert.deepEqual(doc.deadline, report.deadline);
  assert.equal(doc.tool.version, JSON.parse((await import('node:fs')).readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).version);
});

test('secrets in messages, evidence and snippets are redacted in the JSON', async (t) => {
  const root = tempTree({
    'login.js': [
      "const axios = require('axios');",
      'async function login() {',
      "  const r = await axios.post('https://api.axept.io/v1/auth/local/signin', { username: 'ops@acme.test', password: 'Tr0ub4dor&3xyz' });",
      '  return r.data.token;',
      '}',
      '',
    ].join('\n'),
  });
  t.after(() => removeTree(root));
  const text = json(await scan({ paths: [root], workers: 0 }), { color: false, root });
  assert.ok(JSON.parse(text).findings.length > 0);
  assert.ok(!text.includes('Tr0ub4dor'), text);
});
