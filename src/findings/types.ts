/** The Finding: the single currency between rules, reporters and fixers (shape fixed by CONTRACT.md). */
import type { Span } from '../facts/types.js';

export type Severity = 'error' | 'warning' | 'info';
export type Confidence = 'high' | 'medium' | 'low';

export const SEVERITY_RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };
export const CONFIDENCE_RANK: Record<Confidence, number> = { low: 0, medium: 1, high: 2 };

export type RuleId =
  | 'legacy-signin'
  | 'password-grant'
  | 'static-token'
  | 'legacy-credentials'
  | 'hardcoded-secret'
  | 'frontegg-v1-token'
  | 'token-no-refresh'
  | 'legacy-signin-reference';

export interface FindingFix {
  available: boolean;
  /** Name of the transform in transforms/ that fixes it, when available. */
  transform?: string;
  /** What to do by hand when no automatic fix applies, or why the fix is withheld. */
  guidance?: string;
}

/** What a rule produces: a finding before snippets, suppressions and config are applied. */
export interface RawFinding {
  ruleId: RuleId;
  severity: Severity;
  confidence: Confidence;
  /** POSIX path relative to the scan root. */
  file: string;
  span: Span;
  /** Human sentence; redacted. */
  message: string;
  /** Evidence texts (redacted), strongest first. */
  evidence: string[];
  fix: FindingFix;
  /** Spans in `file` whose text must be masked in any excerpt (hard-coded secret values). */
  redactSpans?: Span[];
}

/** A finding as reported (CONTRACT.md `findings[]`), plus optional fields that reporters may use. */
export interface Finding {
  ruleId: RuleId;
  severity: Severity;
  confidence: Confidence;
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  message: string;
  /** Redacted source excerpt of the offending construct. */
  snippet: string;
  evidence: string[];
  fix: FindingFix;
  /** Stable id across runs and line shifts (rule + file + normalized snippet), used by baselines and SARIF. */
  fingerprint?: string;
}
