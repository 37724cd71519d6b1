import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pretty } from '../../src/report/pretty.js';
import { scan } from '../../src/scan/index.js';
import { legacySigninSource, removeTree, tempTree } from '../discover/temp-tree.js';

const ANSI = /\u001b\[\d+m/;

test('pretty output groups by file and shows the frame, caret, evidence, fix hint and summary', async (t) => {
  const root = tempTree({
    'src/login.ts': legacySigninSource(),
    'src/c.ts': '// axeptio-migrate-ignore-next-line static-token -- stale\nexport const x = 1;\n',
  });
  t.after(() => removeTree(root));
  const report = await scan({ paths: [root], workers: 0 });
  const text = pretty(report, { color: false, root });
  assert.doesNotMatch(text, ANSI);
  const lines = text.split('\n');
  assert.equal(lines[0], 'src/login.ts');
  assert.ok(lines.some((l) => /^ {2}4:21 {2}error {2}legacy-signin {2}\(high confidence\)$/.test(l)), text);
  assert.ok(lines.includes("    > 4 |   const res = await axios.post('https://api.axept.io/v1/auth/local/signin', {"), text);
  assert.ok(lines.includes('      3 | export async function login() {'), text);
  const caret = lines[lines.indexOf("    > 4 |   const res = await axios.post('https://api.axept.io/v1/auth/local/signin', {") + 1]!;
  assert.equal(caret, `        |${' '.repeat(21)}^`, 'caret under column 21, gutter aligned');
  assert.ok(lines.some((l) => l.startsWith('    why: ')), text);
  assert.ok(lines.some((l) => l === '    fix: automatic: `axeptio-migrate fix` (transform signin-to-client-credentials)'), text);
  assert.ok(lines.includes('Suppression comments that silence nothing (1):'), text);
  assert.ok(lines.some((l) => l.includes('src/c.ts:1') && l.includes('static-token') && l.includes('matched no finding')), text);
  const summary = lines.find((l) => l.startsWith('✖ '))!;
  assert.match(summary, /^✖ \d+ findings \(1 error, \d+ warnings?, 0 info\) in 1 file · 2 files scanned$/);
  assert.match(text, /Deadline: \d+ days past the 2026-07-06 cut-off|Deadline: \d+ days? left before the 2026-07-06 cut-off/);
});

test('colour is used only when asked for', async (t) => {
  const root = tempTree({ 'a.ts': legacySigninSource() });
  t.after(() => removeTree(root));
  const report = await scan({ paths: [root], workers: 0 });
  assert.match(pretty(report, { color: true, root }), ANSI);
  assert.doesNotMatch(pretty(report, { color: false, root }), ANSI);
});

test('a clean tree says so, with hidden and suppressed counts', async (t) => {
  const root = tempTree({
    'dev.js': "export const dev = () => fetch('http://localhost:3000/auth/local/signin', { method: 'POST', body: JSON.stringify({ username: 'a', password: process.env.P }) });\n",
  });
  t.after(() => removeTree(root));
  const text = pretty(await scan({ paths: [root], workers: 0, deadline: '2999-01-01' }), { color: false, root });
  assert.match(text, /^✔ No legacy Axeptio authentication found · 1 file scanned · 1 hidden below --min-confidence$/m);
  assert.match(text, /^Deadline: \d+ days left before the 2999-01-01 cut-off$/m);
});
