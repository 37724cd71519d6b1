/** Public API of axeptio-migrate: scan a tree, format the report, and the shared types. */
export { scan, ScanInputError, type ScanResult } from './scan/index.js';
export type { ScanOptions, ScanReport, ScanError, SuppressedFinding } from './scan/types.js';
export { FORMATTERS, FORMAT_NAMES, formatterFor, type Reporter, type ReporterOptions } from './report/index.js';
export { jsonDocument } from './report/json.js';
export { loadConfig, validateConfig, ConfigError, CONFIG_FILE_NAME, type AxeptioMigrateConfig, type LoadedConfig } from './config/index.js';
export { discoverFiles, readTextFile, decodeText, fileKindOf, type FileKind, type DiscoveredFile } from './discover/index.js';
export { parseSuppressions, type ParsedSuppression } from './findings/suppressions.js';
export { fingerprintOf, normalizeSnippet } from './findings/fingerprint.js';
export { readBaseline, baselineFor, BaselineError, type BaselineFile } from './findings/baseline.js';
export { codeFrameOf, type CodeFrame } from './findings/excerpt.js';
export { redact } from './findings/redact.js';
export { RULES, RULE_IDS, LEGACY_DEADLINE, type RuleMeta } from './rules/catalog.js';
export type { Finding, RawFinding, Severity, Confidence, RuleId, FindingFix } from './findings/types.js';
export type { Fact, FileFacts, ProjectInfo, Span, SuppressionDirective } from './facts/types.js';
