/**
 * Markdown compliance summary, for a pull-request comment, a wiki page or an audit file: the
 * deadline status, counts by rule/severity/confidence, a findings table linking file:line, which
 * findings fix themselves, and the manual steps left. Every piece of scanned-repository text is
 * escaped, so a message or path cannot break the table or inject links, HTML or math.
 */
import type { Confidence, Finding, RuleId, Severity } from '../findings/types.js';
import { RULE_IDS, RULES } from '../rules/catalog.js';
import type { ScanReport } from '../scan/types.js';
import type { Reporter } from './types.js';

const SEVERITIES: Severity[] = ['error', 'warning', 'info'];
const CONFIDENCES: Confidence[] = ['high', 'medium', 'low'];
const MAX_ERRORS_LISTED = 50;

/**
 * Escape text for inline Markdown (GFM) in a table cell or list item: backslash-escape every
 * character that starts markup (emphasis, code, links, HTML, tables, strikethrough, math,
 * entities), and fold line breaks, which would end the table row.
 */
export function mdText(text: string): string {
  return text
    .replace(/\r\n|\r|\n/g, ' ')
    .replace(/[\\`*_[\]<>#+!|~&$]/g, (c) => `\\${c}`)
    // A leading '-' or '1.' would open a list where the text starts a list item.
    .replace(/^(-|\d+(?=[.)]))/, (m) => (m === '-' ? '\\-' : `${m}\\`));
}

/** A code span that holds any text: the fence is longer than the longest backtick run inside. */
export function mdCode(text: string): string {
  const flat = text.replace(/\r\n|\r|\n/g, ' ').replace(/\|/g, '\\|');
  const longest = Math.max(0, ...(flat.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') || /^ .* $/.test(flat) ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}

/** A fenced code block for multi-line snippets (never inside a table). */
function mdFence(text: string, info = ''): string {
  const longest = Math.max(2, ...(text.match(/`{3,}/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}${info}\n${text.replace(/\r\n?/g, '\n')}\n${fence}`;
}

/** A relative link target for a repository file: each segment percent-encoded, GitHub's #L anchor. */
export function fileLink(file: string, line: number): string {
  return `${file.split('/').map(encodeURIComponent).join('/')}#L${line}`;
}

function deadlineLine(report: ScanReport): string {
  const { date, daysRemaining } = report.deadline;
  if (daysRemaining < 0) return `🔴 **Deadline passed**: the legacy sign-in was retired on ${date} (${-daysRemaining} days ago); every call found below fails today.`;
  if (daysRemaining === 0) return `🔴 **Deadline today**: the legacy sign-in is retired on ${date}.`;
  return `🟠 **${daysRemaining} days left**: the legacy sign-in is retired on ${date}.`;
}

function statusLine(report: ScanReport): string {
  const n = report.findings.length;
  if (n === 0) return '✅ **No legacy Axeptio authentication found.**';
  const sev = report.summary.bySeverity;
  return `❌ **${n} finding${n === 1 ? '' : 's'}** (${sev.error ?? 0} error, ${sev.warning ?? 0} warning, ${sev.info ?? 0} info) in ${report.summary.filesWithFindings} file${report.summary.filesWithFindings === 1 ? '' : 's'}.`;
}

function count<K extends string>(findings: Finding[], key: (f: Finding) => K, value: K): number {
  return findings.filter((f) => key(f) === value).length;
}

function byRuleTable(findings: Finding[]): string[] {
  const rows = RULE_IDS.filter((id) => findings.some((f) => f.ruleId === id)).map((id) => {
    const mine = findings.filter((f) => f.ruleId === id);
    const fixable = mine.filter((f) => f.fix.available).length;
    return `| \`${id}\` | ${mdText(RULES[id].title)} | ${RULES[id].defaultSeverity} | ${mine.length} | ${fixable} of ${mine.length} |`;
  });
  if (!rows.length) return [];
  return ['## By rule', '', '| Rule | What | Default severity | Findings | Auto-fixable |', '|---|---|---|---:|---:|', ...rows, ''];
}

function severityConfidenceTable(findings: Finding[]): string[] {
  if (!findings.length) return [];
  const rows = SEVERITIES.map(
    (s) => `| ${s} | ${CONFIDENCES.map((c) => findings.filter((f) => f.severity === s && f.confidence === c).length).join(' | ')} | ${count(findings, (f) => f.severity, s)} |`,
  );
  const totals = `| **total** | ${CONFIDENCES.map((c) => count(findings, (f) => f.confidence, c)).join(' | ')} | ${findings.length} |`;
  return ['## By severity and confidence', '', '| Severity | high | medium | low | Total |', '|---|---:|---:|---:|---:|', ...rows, totals, ''];
}

function fixCell(f: Finding): string {
  if (f.fix.available && f.fix.transform) return `✅ auto (${mdCode(f.fix.transform)})`;
  if (f.fix.available) return '✅ auto';
  return '✋ manual';
}

function findingsTable(findings: Finding[]): string[] {
  if (!findings.length) return [];
  const rows = findings.map(
    (f, i) =>
      `| ${i + 1} | ${f.severity} | \`${f.ruleId}\` | ${f.confidence} | [${mdText(`${f.file}:${f.line}`)}](${fileLink(f.file, f.line)}) | ${mdText(f.message)} | ${fixCell(f)} |`,
  );
  return ['## Findings', '', '| # | Severity | Rule | Confidence | Location | Message | Fix |', '|---:|---|---|---|---|---|---|', ...rows, ''];
}

function details(findings: Finding[]): string[] {
  const shown = findings.filter((f) => f.snippet || f.evidence.length);
  if (!shown.length) return [];
  const out = ['<details><summary>Snippets and evidence</summary>', ''];
  findings.forEach((f, i) => {
    if (!f.snippet && !f.evidence.length) return;
    out.push(`**${i + 1}. ${mdText(`${f.file}:${f.line}:${f.column}`)}** — \`${f.ruleId}\``, '');
    if (f.evidence.length) out.push(...f.evidence.map((e) => `- ${mdText(e)}`), '');
    if (f.snippet) out.push(mdFence(f.snippet), '');
  });
  out.push('</details>', '');
  return out;
}

/** The steps no transform does: per rule present, its help once, plus each distinct finding guidance. */
function manualSteps(findings: Finding[]): string[] {
  if (!findings.length) return [];
  const rules = RULE_IDS.filter((id) => findings.some((f) => f.ruleId === id));
  const guidance = [...new Set(findings.map((f) => f.fix.guidance).filter((g): g is string => Boolean(g)))];
  const anyAuto = findings.some((f) => f.fix.available);
  return [
    '## What to do',
    '',
    '1. In Axeptio administration → Settings → API Access, create a Client ID and secret; store them as `AXEPTIO_CLIENT_ID` and `AXEPTIO_CLIENT_SECRET` in your secret store (the secret is shown once).',
    ...(anyAuto ? ['2. Run `axeptio-migrate fix --dry-run`, review the diff, then `axeptio-migrate fix` for the findings marked ✅ auto.'] : []),
    `${anyAuto ? 3 : 2}. Handle the rest by hand:`,
    ...rules.map((id: RuleId) => `   - \`${id}\`: ${mdText(RULES[id].help)}`),
    ...guidance.map((g) => `   - ${mdText(g)}`),
    '',
  ];
}

function errorsSection(report: ScanReport): string[] {
  const errors = report.stats.errors;
  if (!errors.length) return [];
  const rows = errors.slice(0, MAX_ERRORS_LISTED).map((e) => `| ${mdText(e.file)} | ${mdText(e.reason)} |`);
  const more = errors.length > MAX_ERRORS_LISTED ? [`… and ${errors.length - MAX_ERRORS_LISTED} more (see \`--format json\`).`, ''] : [];
  return ['## Files not fully scanned', '', '| File | Reason |', '|---|---|', ...rows, '', ...more];
}

function suppressedSection(report: ScanReport): string[] {
  const s = report.summary;
  const out: string[] = [];
  if (s.suppressed?.count) {
    out.push('## Suppressed', '', '| Rule | Location | By | Reason |', '|---|---|---|---|');
    out.push(...s.suppressed.items.map((i) => `| \`${i.ruleId}\` | [${mdText(`${i.file}:${i.line}`)}](${fileLink(i.file, i.line)}) | ${mdText(i.by)} | ${mdText(i.reason)} |`), '');
  }
  if (s.unusedSuppressions?.length) {
    out.push(`Suppression comments that silence nothing: ${s.unusedSuppressions.map((u) => mdText(`${u.file}:${u.line}`)).join(', ')}.`, '');
  }
  return out;
}

/** Render the report as a Markdown compliance summary. */
export const markdownReporter: Reporter = (report) => {
  const { stats, summary } = report;
  const files = `${stats.filesScanned} file${stats.filesScanned === 1 ? '' : 's'}`;
  const scanned = `Scanned ${files} (${stats.filesParsed} parsed) in ${(stats.durationMs / 1000).toFixed(1)} s with ${report.tool.name} ${report.tool.version}.`;
  const hidden = summary.belowMinConfidence ? ` ${summary.belowMinConfidence} lower-confidence findings are hidden (\`--min-confidence low\` shows them).` : '';
  return [
    '# Axeptio legacy authentication audit',
    '',
    deadlineLine(report),
    '',
    statusLine(report),
    '',
    `${scanned}${hidden}`,
    '',
    ...byRuleTable(report.findings),
    ...severityConfidenceTable(report.findings),
    ...findingsTable(report.findings),
    ...details(report.findings),
    ...manualSteps(report.findings),
    ...errorsSection(report),
    ...suppressedSection(report),
  ].join('\n');
};
