/** The public scan API used by the CLI, `fix`, `pr` and `report`: options in, the contract's JSON report out. */
import type { LoadedConfig } from '../config/types.js';
import type { Confidence, Finding, RuleId, Severity } from '../findings/types.js';

export interface ScanOptions {
  /** Paths to scan (files or folders); the first folder is `root` unless `root` is given. */
  paths: string[];
  root?: string;
  include?: string[];
  exclude?: string[];
  minConfidence?: Confidence;
  /** Path to a config file; default: axeptio-migrate.config.json or package.json "axeptio-migrate" under root. */
  configPath?: string;
  baselinePath?: string;
  /** YYYY-MM-DD, default LEGACY_DEADLINE. */
  deadline?: string;
  /** Max file size in bytes (default 2 MiB). */
  maxFileSize?: number;
  /** Worker threads (default: available cores; 0 = in-process). */
  workers?: number;
  /** Restrict to these rules. */
  rules?: RuleId[];
  /** Folder relative paths are resolved against (default: process.cwd()). */
  cwd?: string;
  /** An already loaded config (the CLI loads it first to read failOn); skips the lookup. */
  config?: LoadedConfig;
  /** Write a baseline of the current findings to this file. */
  writeBaselinePath?: string;
}

export interface ScanError {
  file: string;
  reason: string;
}

export interface SuppressedFinding {
  finding: Finding;
  reason: string;
  /** 'inline' comment, 'baseline' file or 'config' ignore. */
  by: 'inline' | 'baseline' | 'config';
}

/** Exactly the contract's `scan --format json` document (extra keys allowed, none removed). */
export interface ScanReport {
  schemaVersion: 1;
  tool: { name: 'axeptio-migrate'; version: string };
  root: string;
  stats: {
    filesScanned: number;
    filesParsed: number;
    durationMs: number;
    errors: ScanError[];
    /** Files that passed the cheap prefilter and were analyzed. */
    filesAnalyzed?: number;
  };
  findings: Finding[];
  summary: {
    byRule: Partial<Record<RuleId, number>>;
    bySeverity: Partial<Record<Severity, number>>;
    filesWithFindings: number;
    /** Suppressed findings with their reasons: counted, never silently dropped. */
    suppressed?: { count: number; items: Array<{ ruleId: RuleId; file: string; line: number; reason: string; by: string }> };
    /** Suppression comments that matched no finding. */
    unusedSuppressions?: Array<{ file: string; line: number; ruleIds: string[]; reason?: string; problem?: string }>;
    /** Findings hidden by --min-confidence, by confidence. */
    belowMinConfidence?: number;
  };
  deadline: { date: string; daysRemaining: number };
}
