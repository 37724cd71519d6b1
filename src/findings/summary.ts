/** Report aggregates: counts by rule and severity, and how many files have findings. */
import type { ScanReport } from '../scan/types.js';
import type { Finding } from './types.js';

/** The contract's summary counts of a list of findings. */
export function summarize(findings: readonly Finding[]): Pick<ScanReport['summary'], 'byRule' | 'bySeverity' | 'filesWithFindings'> {
  const byRule: ScanReport['summary']['byRule'] = {};
  const bySeverity: ScanReport['summary']['bySeverity'] = {};
  for (const f of findings) {
    byRule[f.ruleId] = (byRule[f.ruleId] ?? 0) + 1;
    bySeverity[f.severity] = (bySeverity[f.severity] ?? 0) + 1;
  }
  return { byRule, bySeverity, filesWithFindings: new Set(findings.map((f) => f.file)).size };
}
