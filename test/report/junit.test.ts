/** JUnit reporter: well-formed XML (read back by Python's expat-based ElementTree), one suite per rule. */
import { spawnSync } from 'node:child_process';
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { RULE_IDS } from '../../src/rules/catalog.js';
import { junitReporter, xmlEscape } from '../../src/report/junit.js';
import { cleanReport, FINDINGS, sampleReport } from './sample-report.js';

const options = { color: false, root: '/tmp/repo' };

interface XmlNode { tag: string; attrib: Record<string, string>; text: string; children: XmlNode[] }

/** Parse with a real XML parser (expat, via Python) into a plain tree; throws on malformed XML. */
function parseXml(xml: string): XmlNode {
  const script = [
    'import sys, json, xml.etree.ElementTree as ET',
    'def walk(e): return {"tag": e.tag, "attrib": dict(e.attrib), "text": e.text or "", "children": [walk(c) for c in e]}',
    'print(json.dumps(walk(ET.fromstring(sys.stdin.buffer.read()))))',
  ].join('\n');
  const res = spawnSync('python3', ['-c', script], { input: Buffer.from(xml, 'utf8'), encoding: 'utf8', env: { ...process.env, PYTHONIOENCODING: 'utf-8' } });
  if (res.status !== 0) throw new Error(`XML parse failed: ${res.stderr}`);
  return JSON.parse(res.stdout) as XmlNode;
}

describe('junit reporter', () => {
  const tree = parseXml(junitReporter(sampleReport(), options));
  const ruleSuites = tree.children.filter((s) => /: [a-z0-9-]+ — /.test(s.attrib.name!));

  it('is well-formed XML whose totals add up', () => {
    assert.equal(tree.tag, 'testsuites');
    assert.equal(tree.attrib.failures, String(FINDINGS.length));
    const cases = tree.children.flatMap((s) => s.children);
    assert.equal(tree.attrib.tests, String(cases.length));
    assert.equal(tree.attrib.time, '4.567');
    for (const s of tree.children) assert.equal(s.attrib.tests, String(s.children.length), s.attrib.name);
  });

  it('has one suite per catalog rule, a failing testcase per finding with type = severity', () => {
    assert.deepEqual(ruleSuites.map((s) => s.attrib.name!.replace(/^axeptio-migrate: ([a-z0-9-]+) — .*$/, '$1')), RULE_IDS);
    const failures = ruleSuites.flatMap((s) => s.children).filter((c) => c.children.some((x) => x.tag === 'failure'));
    assert.equal(failures.length, FINDINGS.length);
    const signin = failures.find((c) => c.attrib.classname === 'src/axeptio/client.ts')!;
    assert.equal(signin.attrib.name, 'src/axeptio/client.ts:12:5');
    const failure = signin.children[0]!;
    assert.equal(failure.attrib.type, 'error');
    assert.equal(failure.attrib.message, FINDINGS[0]!.message);
    assert.match(failure.text, /snippet:\nconst res = await fetch\(`\$\{AXEPTIO_API\}\/auth\/local\/signin`/);
    assert.match(failure.text, /fix: automatic: axeptio-migrate fix \(transform signin-to-client-credentials\)/);
    assert.deepEqual(failures.map((c) => c.children[0]!.attrib.type).sort(), ['error', 'error', 'info', 'warning', 'warning']);
  });

  it('keeps markup, quotes and line breaks intact and makes forbidden control characters visible', () => {
    const cases = ruleSuites.flatMap((s) => s.children);
    const secret = cases.find((c) => c.attrib.classname === 'config/axeptio.js')!.children[0]!;
    assert.equal(secret.attrib.message, FINDINGS[1]!.message);
    assert.match(secret.text, /<script>alert\(1\)<\/script> & `tick`/);
    const doc = cases.find((c) => c.attrib.classname === 'docs/intégration.md')!.children[0]!;
    assert.equal(doc.attrib.message, 'Docs say: use `POST /auth/local/signin` ]]> with \\u0001control\\u0007 chars, +tab\tand -minus');
    const path = cases.find((c) => c.attrib.classname === 'scripts/dir with space/#export, "quoted".sh');
    assert.ok(path, 'a path with quotes and commas survives as an attribute');
  });

  it('lists unreadable files as skipped cases, not failures', () => {
    const errors = tree.children.find((s) => s.attrib.name === 'axeptio-migrate: files not fully scanned')!;
    assert.equal(errors.attrib.skipped, '2');
    assert.equal(errors.children[1]!.children[0]!.attrib.message, 'decoded as Latin-1 <fallback> & "guessed"');
  });

  it('shows a clean run as passing testcases, one per rule', () => {
    const clean = parseXml(junitReporter(cleanReport(), options));
    assert.equal(clean.attrib.failures, '0');
    assert.equal(clean.attrib.tests, String(RULE_IDS.length));
    for (const s of clean.children) {
      assert.equal(s.children.length, 1);
      assert.equal(s.children[0]!.children.length, 0, 'a passing testcase has no failure child');
    }
  });

  it('escapes for content and attributes, and only there', () => {
    assert.equal(xmlEscape('a<b>&"\''), 'a&lt;b&gt;&amp;"\'');
    assert.equal(xmlEscape('a"\'\n\t\r', true), 'a&quot;&apos;&#10;&#9;&#13;');
    assert.equal(xmlEscape('\u0000\u001F\uFFFE\uD800x'), '\\u0000\\u001f\\ufffe\\ud800x');
    assert.equal(xmlEscape('😀 ok'), '😀 ok', 'a surrogate pair is a real character');
  });
});
