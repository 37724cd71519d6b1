/** CSV reporter: RFC 4180 as read back by an independent parser (Python's csv module), formula-safe. */
import { spawnSync } from 'node:child_process';
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CSV_COLUMNS, csvField, csvReporter } from '../../src/report/csv.js';
import { cleanReport, FINDINGS, sampleReport } from './sample-report.js';

const options = { color: false, root: '/tmp/repo' };

/** Parse with Python's csv module (strict mode), so the test does not grade our writer with our own reader. */
function parseWithPython(text: string): string[][] {
  const res = spawnSync('python3', ['-c', 'import csv,sys,json; print(json.dumps(list(csv.reader(sys.stdin, strict=True))))'], {
    input: Buffer.from(text, 'utf8'),
    encoding: 'utf8',
    env: { ...process.env, PYTHONIOENCODING: 'utf-8' },
  });
  assert.equal(res.status, 0, res.stderr);
  return JSON.parse(res.stdout) as string[][];
}

describe('csv reporter', () => {
  const text = csvReporter(sampleReport(), options);

  it('writes a header and one record per finding, every record ending in CRLF', () => {
    assert.ok(text.startsWith(`${CSV_COLUMNS.join(',')}\r\n`));
    assert.ok(text.endsWith('\r\n'));
    // Outside quoted fields there is no bare LF: every line break between records is CRLF.
    const unquoted = text.replace(/"(?:[^"]|"")*"/g, '');
    assert.equal((unquoted.match(/\r\n/g) ?? []).length, FINDINGS.length + 1);
    assert.ok(!/[^\r]\n/.test(unquoted));
  });

  it('round-trips through an independent RFC 4180 parser', () => {
    const rows = parseWithPython(text);
    assert.equal(rows.length, FINDINGS.length + 1);
    assert.deepEqual(rows[0], [...CSV_COLUMNS]);
    const [, first, second, third, fourth] = rows;
    assert.deepEqual(first, [
      'legacy-signin', 'error', 'high', 'src/axeptio/client.ts', '12', '5', '15', '7',
      FINDINGS[0]!.message, 'true', 'signin-to-client-credentials', 'f1a2b3c4d5e6f708',
    ]);
    assert.equal(second![8], FINDINGS[1]!.message, 'quotes and pipes survive');
    assert.equal(third![3], 'scripts/dir with space/#export, "quoted".sh', 'comma and quotes in a path survive');
    assert.equal(third![11], '', 'a missing fingerprint is an empty field');
    assert.equal(fourth![8], FINDINGS[3]!.message, 'tab and control characters are kept verbatim');
  });

  it('neutralises spreadsheet formulas in text fields', () => {
    const rows = parseWithPython(text);
    assert.ok(rows[3]![8]!.startsWith(`'=HYPERLINK(`), rows[3]![8]);
    assert.ok(rows[5]![8]!.startsWith(`'@grant_type`), rows[5]![8]);
    for (const trigger of ['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx']) assert.ok(csvField(trigger).replace(/^"/, '').startsWith(`'`), trigger);
    assert.equal(csvField('plain'), 'plain');
    assert.equal(csvField(12), '12');
    assert.equal(csvField('a\nb'), '"a\nb"');
    assert.equal(csvField('say "hi"'), '"say ""hi"""');
  });

  it('writes only the header for a clean run', () => {
    assert.equal(csvReporter(cleanReport(), options), `${CSV_COLUMNS.join(',')}\r\n`);
  });
});
