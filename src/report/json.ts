/**
 * The contract's `scan --format json` document: keys in the contract's order, contract keys
 * first and optional extras after, 2-space indent, trailing newline. Built field by field so
 * nothing attached to the in-memory report (code frames, suppressed findings) leaks into it.
 */
import type { Finding } from '../findings/types.js';
import type { ScanReport } from '../scan/types.js';
import type { Reporter } from './types.js';

/** The JSON document as a plain object (also used by other formats that embed it). */
export function jsonDocument(report: ScanReport): ScanReport {
  const { stats, summary } = report;
  return {
    schemaVersion: report.schemaVersion,
    tool: { name: report.tool.name, version: report.tool.version },
    root: report.root,
    stats: {
      filesScanned: stats.filesScanned,
      filesParsed: stats.filesParsed,
      durationMs: stats.durationMs,
      errors: stats.errors.map((e) => ({ file: e.file, reason: e.reason })),
      ...(stats.filesAnalyzed !== undefined ? { filesAnalyzed: stats.filesAnalyzed } : {}),
    },
    findings: report.findings.map(findingDocument),
    summary: {
      byRule: { ...summary.byRule },
      bySeverity: { ...summary.bySeverity },
      filesWithFindings: summary.filesWithFindings,
      ...(summary.suppressed ? { suppressed: summary.suppressed } : {}),
      ...(summary.unusedSuppressions ? { unusedSuppressions: summary.unusedSuppressions } : {}),
      ...(summary.belowMinConfidence !== undefined ? { belowMinConfidence: summary.belowMinConfidence } : {}),
    },
    deadline: { date: report.deadline.date, daysRemaining: report.deadline.daysRemaining },
  };
}

function findingDocument(f: Finding): Finding {
  return {
    ruleId: f.ruleId,
    severity: f.severity,
    confidence: f.confidence,
    file: f.file,
    line: f.line,
    column: f.column,
    endLine: f.endLine,
    endColumn: f.endColumn,
    message: f.message,
    snippet: f.snippet,
    evidence: [...f.evidence],
    fix: { ...f.fix },
    ...(f.fingerprint ? { fingerprint: f.fingerprint } : {}),
  };
}

/** Render the report as the contract's JSON. */
export const json: Reporter = (report) => `${JSON.stringify(jsonDocument(report), null, 2)}\n`;
