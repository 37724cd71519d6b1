/**
 * Human output: findings grouped by file, each with a code frame (offending lines marked with `>`
 * and a caret), the evidence that convinced us, and how to fix it; then suppressions that matched
 * nothing, unreadable files, and one summary line with the deadline. Colour is decided by the
 * caller (TTY, NO_COLOR, --no-color, --output) and passed in.
 */
import pc from 'picocolors';
import { codeFrameOf } from '../findings/excerpt.js';
import type { Finding, Severity } from '../findings/types.js';
import { RULES } from '../rules/catalog.js';
import type { ScanReport } from '../scan/types.js';
import type { Reporter } from './types.js';

type Colors = ReturnType<typeof pc.createColors>;
const MAX_ERRORS_LISTED = 10;

/** Render the report for a terminal. */
export const pretty: Reporter = (report, options) => {
  const c = pc.createColors(options.color);
  const out: string[] = [];
  const byFile = new Map<string, Finding[]>();
  for (const f of report.findings) byFile.set(f.file, [...(byFile.get(f.file) ?? []), f]);
  for (const [file, findings] of byFile) {
    out.push(c.underline(c.bold(file)));
    for (const f of findings) out.push(...renderFinding(f, c), '');
  }
  out.push(...renderUnusedSuppressions(report, c), ...renderErrors(report, c), ...renderSummary(report, c));
  return `${out.join('\n')}\n`;
};

function severityLabel(severity: Severity, c: Colors): string {
  if (severity === 'error') return c.red(c.bold('error'));
  if (severity === 'warning') return c.yellow(c.bold('warning'));
  return c.blue('info');
}

function renderFinding(f: Finding, c: Colors): string[] {
  const lines = [`  ${c.dim(`${f.line}:${f.column}`)}  ${severityLabel(f.severity, c)}  ${c.cyan(f.ruleId)}  ${c.dim(`(${f.confidence} confidence)`)}`, `    ${f.message}`];
  lines.push(...renderFrame(f, c));
  if (f.evidence.length) {
    lines.push(`    ${c.bold('why:')} ${f.evidence[0]}`);
    for (const e of f.evidence.slice(1)) lines.push(`         ${e}`);
  }
  lines.push(`    ${c.bold('fix:')} ${fixHint(f)}`);
  return lines;
}

function renderFrame(f: Finding, c: Colors): string[] {
  const frame = codeFrameOf(f);
  if (!frame) return f.snippet ? f.snippet.split('\n').map((l, i) => `    ${c.dim(`${String(f.line + i).padStart(5)} |`)} ${l}`) : [];
  const width = String(frame.lines[frame.lines.length - 1]!.line).length;
  const out: string[] = [];
  let caretDone = false;
  for (const l of frame.lines) {
    const gutter = `${l.marked ? c.red('>') : ' '} ${String(l.line).padStart(width)} |`;
    out.push(`    ${l.marked ? gutter : c.dim(gutter)} ${l.marked ? l.text : c.dim(l.text)}`.trimEnd());
    if (l.marked && !caretDone) {
      caretDone = true;
      out.push(`    ${c.dim(`  ${' '.repeat(width)} |`)} ${' '.repeat(Math.max(0, frame.caretColumn - 1))}${c.red('^')}`);
    }
  }
  return out;
}

function fixHint(f: Finding): string {
  if (f.fix.available && f.fix.transform) {
    return `automatic: \`axeptio-migrate fix\` (transform ${f.fix.transform})${f.fix.guidance ? `; ${f.fix.guidance}` : ''}`;
  }
  return f.fix.guidance ?? RULES[f.ruleId]?.help ?? 'see the rule documentation';
}

function renderUnusedSuppressions(report: ScanReport, c: Colors): string[] {
  const unused = report.summary.unusedSuppressions ?? [];
  if (!unused.length) return [];
  return [
    c.bold(`Suppression comments that silence nothing (${unused.length}):`),
    ...unused.map((u) => `  ${u.file}:${u.line}  ${u.ruleIds.join(', ') || '(no rule id)'}  ${c.yellow(u.problem ?? 'matched no finding')}`),
    '',
  ];
}

function renderErrors(report: ScanReport, c: Colors): string[] {
  const errors = report.stats.errors;
  if (!errors.length) return [];
  const shown = errors.slice(0, MAX_ERRORS_LISTED).map((e) => `  ${e.file}: ${e.reason}`);
  const more = errors.length > MAX_ERRORS_LISTED ? [`  … and ${errors.length - MAX_ERRORS_LISTED} more (see --format json, stats.errors)`] : [];
  return [c.bold(`Files not fully scanned or with notes (${errors.length}):`), ...shown.map((l) => c.dim(l)), ...more, ''];
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function renderSummary(report: ScanReport, c: Colors): string[] {
  const s = report.summary;
  const total = report.findings.length;
  const parts: string[] = [];
  const sev = s.bySeverity;
  const head =
    total === 0
      ? c.green(`✔ No legacy Axeptio authentication found`)
      : c.bold(`✖ ${plural(total, 'finding')} (${plural(sev.error ?? 0, 'error')}, ${plural(sev.warning ?? 0, 'warning')}, ${sev.info ?? 0} info) in ${plural(s.filesWithFindings, 'file')}`);
  parts.push(`${plural(report.stats.filesScanned, 'file')} scanned`);
  if (s.suppressed?.count) parts.push(`${s.suppressed.count} suppressed`);
  if (s.belowMinConfidence) parts.push(`${s.belowMinConfidence} hidden below --min-confidence`);
  const { daysRemaining, date } = report.deadline;
  const deadline =
    daysRemaining < 0
      ? c.red(`${plural(-daysRemaining, 'day')} past the ${date} cut-off`)
      : daysRemaining === 0
        ? c.red(`the ${date} cut-off is today`)
        : c.yellow(`${plural(daysRemaining, 'day')} left before the ${date} cut-off`);
  return [`${head} · ${parts.join(' · ')}`, `Deadline: ${deadline}`];
}
