/**
 * JUnit XML for CI test dashboards (GitLab, Jenkins, Azure DevOps, CircleCI).
 *
 * One testsuite per catalog rule, not per file: dashboards list suites first, and "legacy-signin:
 * 3 failed" says what is wrong across the repository, while the file is still in each testcase's
 * classname (the column dashboards group and link by) and name (`file:line:column`). A rule with no
 * finding gets one passing testcase, so every check shows as run, and a clean scan shows as a
 * green run rather than an empty report. Each finding is a failing testcase with type=severity.
 */
import type { Finding } from '../findings/types.js';
import { RULE_IDS, RULES } from '../rules/catalog.js';
import type { ScanReport } from '../scan/types.js';
import type { Reporter } from './types.js';

/**
 * Text safe in XML 1.0 content and attributes: markup escaped, characters XML 1.0 forbids
 * (C0 controls but tab/LF/CR, lone surrogates, U+FFFE/U+FFFF) shown as `\uXXXX` so parsers
 * accept the file and the reader still sees something was there.
 */
export function xmlEscape(text: string, inAttribute = false): string {
  let out = text
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
  // Attribute-value normalisation would turn tab/CR/LF into spaces; character references survive it.
  if (inAttribute) out = out.replace(/"/g, '&quot;').replace(/'/g, '&apos;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;');
  return out;
}

const attr = (name: string, value: string | number) => `${name}="${xmlEscape(String(value), true)}"`;

function fixText(f: Finding): string {
  if (f.fix.available && f.fix.transform) return `automatic: axeptio-migrate fix (transform ${f.fix.transform})${f.fix.guidance ? `; ${f.fix.guidance}` : ''}`;
  return f.fix.guidance ?? RULES[f.ruleId]?.help ?? 'see the rule documentation';
}

function failingCase(f: Finding): string {
  const details = [
    `${f.file}:${f.line}:${f.column} (to ${f.endLine}:${f.endColumn})`,
    `rule: ${f.ruleId}, severity: ${f.severity}, confidence: ${f.confidence}`,
    f.message,
    ...(f.evidence.length ? ['evidence:', ...f.evidence.map((e) => `  - ${e}`)] : []),
    ...(f.snippet ? ['snippet:', f.snippet] : []),
    `fix: ${fixText(f)}`,
  ].join('\n');
  return [
    `    <testcase ${attr('name', `${f.file}:${f.line}:${f.column}`)} ${attr('classname', f.file)} ${attr('file', f.file)} ${attr('line', f.line)} time="0">`,
    `      <failure ${attr('type', f.severity)} ${attr('message', f.message)}>${xmlEscape(details)}</failure>`,
    `    </testcase>`,
  ].join('\n');
}

function suite(name: string, cases: string[], failures: number, skipped = 0): string {
  return [
    `  <testsuite ${attr('name', name)} ${attr('tests', cases.length)} ${attr('failures', failures)} errors="0" ${attr('skipped', skipped)} time="0">`,
    ...cases,
    `  </testsuite>`,
  ].join('\n');
}

function ruleSuite(ruleId: (typeof RULE_IDS)[number], findings: Finding[]): string {
  const mine = findings.filter((f) => f.ruleId === ruleId);
  const cases = mine.length
    ? mine.map(failingCase)
    : [`    <testcase ${attr('name', `no ${ruleId} findings`)} ${attr('classname', `axeptio-migrate.${ruleId}`)} time="0"/>`];
  return suite(`axeptio-migrate: ${ruleId} — ${RULES[ruleId].title}`, cases, mine.length);
}

/** Files read or parsed with trouble: skipped cases, visible without failing the build. */
function errorSuite(report: ScanReport): string[] {
  if (!report.stats.errors.length) return [];
  const cases = report.stats.errors.map(
    (e) => `    <testcase ${attr('name', e.file)} ${attr('classname', e.file)} time="0"><skipped ${attr('message', e.reason)}/></testcase>`,
  );
  return [suite('axeptio-migrate: files not fully scanned', cases, 0, cases.length)];
}

/** Render the report as JUnit XML. */
export const junitReporter: Reporter = (report) => {
  const suites = [...RULE_IDS.map((id) => ruleSuite(id, report.findings)), ...errorSuite(report)];
  const tests = RULE_IDS.reduce((n, id) => n + Math.max(1, report.findings.filter((f) => f.ruleId === id).length), 0) + report.stats.errors.length;
  const seconds = (report.stats.durationMs / 1000).toFixed(3);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites ${attr('name', 'axeptio-migrate scan')} ${attr('tests', tests)} ${attr('failures', report.findings.length)} errors="0" ${attr('skipped', report.stats.errors.length)} ${attr('time', seconds)}>`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n');
};
