/** The configuration file's shape (`axeptio-migrate.config.json` or package.json "axeptio-migrate"). */
import type { Confidence, RuleId, Severity } from '../findings/types.js';

export type RuleSetting = 'off' | Severity;
export type FailOn = Severity | 'none';

export interface AxeptioMigrateConfig {
  /** Extra ignore globs (.gitignore syntax, relative to the scan root). */
  ignore?: string[];
  /** Per-rule severity override, or 'off' to disable the rule. */
  rules?: Partial<Record<RuleId, RuleSetting>>;
  /** Bytes; larger files are skipped with a reason. */
  maxFileSize?: number;
  minConfidence?: Confidence;
  failOn?: FailOn;
}

/** A loaded, validated config plus where it came from (for messages). */
export interface LoadedConfig {
  config: AxeptioMigrateConfig;
  /** Path of the file it came from (relative to the root when inside it), or undefined for defaults. */
  source?: string;
}
