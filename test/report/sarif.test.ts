/** SARIF reporter: schema-valid (OASIS 2.1.0 errata 01, draft-04) and faithful to the findings. */
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { RULE_IDS } from '../../src/rules/catalog.js';
import { relativeUri, rootUri, sarifReporter } from '../../src/report/sarif.js';
import { cleanReport, FINDINGS, sampleReport } from './sample-report.js';

const require = createRequire(import.meta.url);
// ajv-draft-04 is CommonJS with a default export; the schema is draft-04 (`id`, not `$id`).
const AjvDraft04 = require('ajv-draft-04') as typeof import('ajv-draft-04').default;
const addFormats = require('ajv-formats') as typeof import('ajv-formats').default;

const schema = JSON.parse(fs.readFileSync(path.join(import.meta.dirname, 'schemas/sarif-schema-2.1.0.json'), 'utf8'));
const ajv = new AjvDraft04({ allErrors: true });
addFormats(ajv);
const validate = ajv.compile(schema);

const ROOT = '/tmp/repo with space';
const render = (report = sampleReport()) => JSON.parse(sarifReporter(report, { color: false, root: ROOT }));

function assertValid(log: unknown): void {
  const ok = validate(log);
  assert.ok(ok, JSON.stringify(validate.errors, null, 2));
}

describe('sarif reporter', () => {
  it('validates against the SARIF 2.1.0 schema, with findings, errors and suppressions', () => {
    assertValid(render());
  });

  it('validates on a clean run too', () => {
    const log = render(cleanReport());
    assertValid(log);
    assert.deepEqual(log.runs[0].results, []);
    assert.equal(log.runs[0].invocations[0].executionSuccessful, true);
  });

  it('the validator really rejects what the schema forbids (guards the test itself)', () => {
    const log = render();
    log.runs[0].results[0].locations[0].physicalLocation.region.startLine = 0;
    assert.equal(validate(log), false);
    const badLevel = render();
    badLevel.runs[0].results[0].level = 'info';
    assert.equal(validate(badLevel), false);
  });

  it('describes every catalog rule, and results point at them by id and index', () => {
    const run = render().runs[0];
    assert.equal(run.tool.driver.name, 'axeptio-migrate');
    assert.equal(run.tool.driver.version, '0.1.0');
    assert.match(run.tool.driver.informationUri, /^https:\/\//);
    assert.deepEqual(run.tool.driver.rules.map((r: { id: string }) => r.id), RULE_IDS);
    const signin = run.tool.driver.rules[RULE_IDS.indexOf('legacy-signin')];
    assert.equal(signin.name, 'LegacySignin');
    assert.equal(signin.defaultConfiguration.level, 'error');
    assert.ok(signin.properties.tags.includes('migration'));
    assert.match(signin.help.text, /axeptio-migrate fix/);
    assert.equal(run.tool.driver.rules[RULE_IDS.indexOf('legacy-signin-reference')].defaultConfiguration.level, 'note');
    for (const r of run.results) assert.equal(run.tool.driver.rules[r.ruleIndex].id, r.ruleId);
  });

  it('maps severity to level, keeps confidence and fingerprints, and clamps regions', () => {
    const results = render().runs[0].results;
    assert.deepEqual(results.slice(0, FINDINGS.length).map((r: { level: string }) => r.level), ['error', 'error', 'warning', 'note', 'warning']);
    assert.deepEqual(results.slice(0, FINDINGS.length).map((r: { properties: { confidence: string } }) => r.properties.confidence), ['high', 'high', 'medium', 'low', 'high']);
    assert.deepEqual(results[0].partialFingerprints, { 'axeptioMigrateFingerprint/v1': 'f1a2b3c4d5e6f708' });
    assert.equal(results[2].partialFingerprints, undefined);
    assert.deepEqual(results[0].locations[0].physicalLocation.region, {
      startLine: 12, startColumn: 5, endLine: 15, endColumn: 7, snippet: { text: FINDINGS[0]!.snippet },
    });
    const inverted = results[3].locations[0].physicalLocation.region;
    assert.deepEqual([inverted.startColumn, inverted.endColumn], [10, 10]);
    assert.equal(inverted.snippet, undefined, 'an empty snippet is left out');
  });

  it('writes relative, percent-encoded URIs against SRCROOT, the root as a file URI with a trailing slash', () => {
    const run = render().runs[0];
    assert.equal(run.originalUriBaseIds.SRCROOT.uri, 'file:///tmp/repo%20with%20space/');
    const loc = run.results[2].locations[0].physicalLocation.artifactLocation;
    assert.deepEqual(loc, { uri: 'scripts/dir%20with%20space/%23export%2C%20%22quoted%22.sh', uriBaseId: 'SRCROOT' });
    assert.equal(relativeUri('docs/intégration.md'), 'docs/int%C3%A9gration.md');
    assert.equal(relativeUri('a:b/c'), 'a%3Ab/c', 'a colon in the first segment must not read as a scheme');
    assert.equal(rootUri('/'), 'file:///');
  });

  it('reports unreadable files as tool notifications and suppressed findings as suppressed results', () => {
    const run = render().runs[0];
    const notes = run.invocations[0].toolExecutionNotifications;
    assert.equal(notes.length, 2);
    assert.match(notes[0].message.text, /src\/broken\.ts: parse error/);
    const suppressed = run.results.filter((r: { suppressions?: unknown }) => r.suppressions);
    assert.equal(suppressed.length, 1);
    assert.deepEqual(suppressed[0].suppressions, [{ kind: 'inSource', justification: 'e2e stub server' }]);
  });

  it('puts the fix in the message text and keeps redaction marks', () => {
    const text = sarifReporter(sampleReport(), { color: false, root: ROOT });
    const results = JSON.parse(text).runs[0].results;
    assert.match(results[0].message.text, /transform signin-to-client-credentials/);
    assert.match(results[1].message.text, /Fix by hand: Revoke the secret/);
    assert.ok(text.includes('«redacted»'));
    assert.ok(!/"fixes"/.test(text), 'no SARIF fixes without artifactChanges');
  });
});
