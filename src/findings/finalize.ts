/**
 * From rule output to reported findings, in a fixed order: rule selection and config overrides,
 * excerpts and fingerprints, inline suppressions, baseline, then the confidence threshold.
 * Nothing is dropped silently: suppressed findings keep their reason, hidden ones are counted,
 * and suppression comments that matched nothing are returned for the report.
 */
import type { AxeptioMigrateConfig } from '../config/types.js';
import type { Span } from '../facts/types.js';
import type { ScanReport, SuppressedFinding } from '../scan/types.js';
import { attachCodeFrame, excerpt } from './excerpt.js';
import { fingerprintAll } from './fingerprint.js';
import { redact } from './redact.js';
import { suppressionCovers, type ParsedSuppression } from './suppressions.js';
import { CONFIDENCE_RANK, type Confidence, type Finding, type RawFinding, type RuleId } from './types.js';

export interface FinalizeInput {
  raw: readonly RawFinding[];
  /** Lines of every file that has a raw finding (files that could not be re-read are absent). */
  linesByFile: ReadonlyMap<string, readonly string[]>;
  /** Spans of hard-coded secret values per file: masked in every finding's excerpt, not only the secret's own. */
  secretSpansByFile?: ReadonlyMap<string, readonly Span[]>;
  suppressionsByFile: ReadonlyMap<string, readonly ParsedSuppression[]>;
  config: AxeptioMigrateConfig;
  /** Where the config came from, for suppression reasons. */
  configSource?: string;
  /** Restrict to these rules (API option). */
  onlyRules?: readonly RuleId[];
  baseline?: ReadonlySet<string>;
  minConfidence: Confidence;
}

export interface FinalizeOutput {
  /** Reported findings, sorted by file, line, column. */
  findings: Finding[];
  /** Findings not silenced inline or by config, before baseline and confidence filtering (what a baseline records). */
  baselineCandidates: Finding[];
  suppressed: SuppressedFinding[];
  belowMinConfidence: number;
  unusedSuppressions: NonNullable<ScanReport['summary']['unusedSuppressions']>;
}

/** Apply config, excerpts, fingerprints, suppressions, baseline and min-confidence to raw findings. */
export function finalizeFindings(input: FinalizeInput): FinalizeOutput {
  const suppressed: SuppressedFinding[] = [];
  const selected: RawFinding[] = [];
  const disabled: RawFinding[] = [];
  for (const raw of input.raw) {
    if (input.onlyRules && !input.onlyRules.includes(raw.ruleId)) continue;
    const setting = input.config.rules?.[raw.ruleId];
    if (setting === 'off') disabled.push(raw);
    else selected.push(setting ? { ...raw, severity: setting } : raw);
  }

  const toFinding = (raw: RawFinding): Finding => {
    const lines = input.linesByFile.get(raw.file);
    const masks = [...(raw.redactSpans ?? []), ...(input.secretSpansByFile?.get(raw.file) ?? [])];
    const built = lines ? excerpt(lines, raw.span, masks) : undefined;
    const finding: Finding = {
      ruleId: raw.ruleId,
      severity: raw.severity,
      confidence: raw.confidence,
      file: raw.file,
      line: raw.span.line,
      column: raw.span.column,
      endLine: raw.span.endLine,
      endColumn: raw.span.endColumn,
      message: redact(raw.message),
      snippet: built?.snippet ?? '',
      evidence: raw.evidence.map(redact),
      fix: { ...raw.fix, ...(raw.fix.guidance ? { guidance: redact(raw.fix.guidance) } : {}) },
    };
    if (built) attachCodeFrame(finding, built.frame);
    return finding;
  };

  const all = [...selected, ...disabled].map(toFinding);
  const prints = fingerprintAll(all);
  all.forEach((f, i) => (f.fingerprint = prints[i]));
  const active = all.slice(0, selected.length);
  for (const f of all.slice(selected.length)) {
    suppressed.push({ finding: f, by: 'config', reason: `rule ${f.ruleId} is "off" in ${input.configSource ?? 'config'}` });
  }

  const used = new Set<ParsedSuppression>();
  const baselineCandidates: Finding[] = [];
  const afterInline: Finding[] = [];
  for (const f of active) {
    const directive = input.suppressionsByFile.get(f.file)?.find((s) => suppressionCovers(s, f.ruleId, f.line, f.endLine));
    if (directive) {
      used.add(directive);
      suppressed.push({ finding: f, by: 'inline', reason: directive.reason! });
      continue;
    }
    baselineCandidates.push(f);
    if (input.baseline?.has(f.fingerprint!)) suppressed.push({ finding: f, by: 'baseline', reason: 'present in the baseline' });
    else afterInline.push(f);
  }

  const threshold = CONFIDENCE_RANK[input.minConfidence];
  const findings = afterInline.filter((f) => CONFIDENCE_RANK[f.confidence] >= threshold);

  const unusedSuppressions: FinalizeOutput['unusedSuppressions'] = [];
  for (const [file, list] of [...input.suppressionsByFile].sort(([a], [b]) => (a < b ? -1 : 1))) {
    for (const s of list) {
      if (used.has(s)) continue;
      unusedSuppressions.push({
        file,
        line: s.line,
        ruleIds: s.ruleIds,
        ...(s.reason ? { reason: s.reason } : {}),
        problem: s.problem ?? 'matched no finding',
      });
    }
  }

  return {
    findings: sortFindings(findings),
    baselineCandidates: sortFindings(baselineCandidates),
    suppressed: suppressed.sort((a, b) => compareFindings(a.finding, b.finding)),
    belowMinConfidence: afterInline.length - findings.length,
    unusedSuppressions,
  };
}

/** Sort by file, then position, then rule id: the order every reporter prints. */
export function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort(compareFindings);
}

function compareFindings(a: Finding, b: Finding): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return a.line - b.line || a.column - b.column || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0);
}
