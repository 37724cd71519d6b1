/**
 * SARIF 2.1.0 (OASIS, errata 01) for code-scanning dashboards (GitHub, GitLab, Azure DevOps).
 * Locations are relative to the SRCROOT base id so a report is portable between checkouts; the
 * absolute root travels once, in originalUriBaseIds. Fixes are described in text only: a SARIF
 * `fix` needs exact artifactChanges, which only `axeptio-migrate fix` computes.
 */
import { pathToFileURL } from 'node:url';
import type { Finding, RuleId, Severity } from '../findings/types.js';
import { RULE_IDS, RULES, type RuleMeta } from '../rules/catalog.js';
import type { ScanReport } from '../scan/types.js';
import type { Reporter } from './types.js';

const SARIF_SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
const INFORMATION_URI = 'https://www.npmjs.com/package/axeptio-migrate';
/** The fingerprint's key in partialFingerprints: versioned so a future scheme does not collide. */
const FINGERPRINT_KEY = 'axeptioMigrateFingerprint/v1';

type SarifLevel = 'error' | 'warning' | 'note';

const LEVEL: Record<Severity, SarifLevel> = { error: 'error', warning: 'warning', info: 'note' };

/** Tags by rule, so dashboards can filter security findings from migration chores. */
const TAGS: Record<RuleId, string[]> = {
  'legacy-signin': ['axeptio', 'migration', 'authentication'],
  'password-grant': ['axeptio', 'migration', 'authentication', 'security'],
  'static-token': ['axeptio', 'migration', 'authentication'],
  'legacy-credentials': ['axeptio', 'migration', 'security', 'configuration'],
  'hardcoded-secret': ['security', 'secrets'],
  'frontegg-v1-token': ['axeptio', 'migration', 'authentication'],
  'token-no-refresh': ['axeptio', 'reliability', 'authentication'],
  'legacy-signin-reference': ['axeptio', 'documentation'],
};

/** `legacy-signin` → `LegacySignin`: SARIF's reportingDescriptor.name is an identifier-like label. */
function ruleName(id: string): string {
  return id.replace(/(^|-)([a-z0-9])/g, (_m, _dash: string, ch: string) => ch.toUpperCase());
}

function fixabilityText(meta: RuleMeta): string {
  switch (meta.fixable) {
    case 'yes':
      return `Automatic fix: \`axeptio-migrate fix\` (transform ${meta.transform}).`;
    case 'templates':
      return `Automatic fix for templates such as .env.example (transform ${meta.transform}); elsewhere by hand.`;
    case 'guidance':
      return 'Fixed by hand, following the guidance in each result.';
    default:
      return 'No automatic fix.';
  }
}

function ruleDescriptor(meta: RuleMeta) {
  const fixability = fixabilityText(meta);
  return {
    id: meta.id,
    name: ruleName(meta.id),
    shortDescription: { text: meta.title },
    fullDescription: { text: `${meta.title}. ${meta.help}` },
    help: { text: `${meta.help}\n${fixability}`, markdown: `${meta.help}\n\n${fixability}` },
    defaultConfiguration: { level: LEVEL[meta.defaultSeverity] },
    properties: { tags: TAGS[meta.id], fixable: meta.fixable, ...(meta.transform ? { transform: meta.transform } : {}) },
  };
}

/** The sentence telling how this finding gets fixed, appended to the result message. */
function fixSentence(f: Finding): string {
  if (f.fix.available && f.fix.transform) return `Fix: run \`axeptio-migrate fix\` (transform ${f.fix.transform}).${f.fix.guidance ? ` ${f.fix.guidance}` : ''}`;
  return `Fix by hand: ${f.fix.guidance ?? RULES[f.ruleId]?.help ?? 'see the rule help.'}`;
}

/** A root-relative POSIX path as a URI reference: each segment percent-encoded (spaces, #, %, ?, :, non-ASCII). */
export function relativeUri(file: string): string {
  return file.split('/').map(encodeURIComponent).join('/');
}

/** The scan root as a file URI with the trailing slash SARIF requires of a base. */
export function rootUri(root: string): string {
  const href = pathToFileURL(root).href;
  return href.endsWith('/') ? href : `${href}/`;
}

/** A region the schema accepts: 1-based, end not before start (scanners may hand us 0 or inverted spans). */
function region(f: Finding) {
  const startLine = Math.max(1, Math.trunc(f.line) || 1);
  const startColumn = Math.max(1, Math.trunc(f.column) || 1);
  const endLine = Math.max(startLine, Math.trunc(f.endLine) || startLine);
  let endColumn = Math.max(1, Math.trunc(f.endColumn) || 1);
  if (endLine === startLine && endColumn < startColumn) endColumn = startColumn;
  return { startLine, startColumn, endLine, endColumn, ...(f.snippet ? { snippet: { text: f.snippet } } : {}) };
}

function location(file: string, reg?: ReturnType<typeof region> | { startLine: number }) {
  return { physicalLocation: { artifactLocation: { uri: relativeUri(file), uriBaseId: 'SRCROOT' }, ...(reg ? { region: reg } : {}) } };
}

function result(f: Finding) {
  const evidence = f.evidence.length ? ` Evidence: ${f.evidence.join('; ')}.` : '';
  return {
    ruleId: f.ruleId,
    ruleIndex: RULE_IDS.indexOf(f.ruleId),
    level: LEVEL[f.severity],
    message: { text: `${f.message}${evidence} ${fixSentence(f)}` },
    locations: [location(f.file, region(f))],
    ...(f.fingerprint ? { partialFingerprints: { [FINGERPRINT_KEY]: f.fingerprint } } : {}),
    properties: {
      confidence: f.confidence,
      evidence: f.evidence,
      fixAvailable: f.fix.available,
      ...(f.fix.transform ? { transform: f.fix.transform } : {}),
    },
  };
}

/** Suppressed findings stay visible to dashboards as suppressed results, with the reason. */
function suppressedResult(item: NonNullable<ScanReport['summary']['suppressed']>['items'][number]) {
  const meta = RULES[item.ruleId];
  return {
    ruleId: item.ruleId,
    ruleIndex: RULE_IDS.indexOf(item.ruleId),
    level: LEVEL[meta?.defaultSeverity ?? 'warning'],
    message: { text: `${meta?.title ?? item.ruleId} (suppressed by ${item.by}: ${item.reason})` },
    locations: [location(item.file, { startLine: Math.max(1, Math.trunc(item.line) || 1) })],
    suppressions: [{ kind: item.by === 'inline' ? 'inSource' : 'external', justification: item.reason }],
  };
}

/** The SARIF log as a plain object (exported for tests and for tools that post-process it). */
export function sarifLog(report: ScanReport, root: string) {
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: report.tool.name,
            version: report.tool.version,
            semanticVersion: report.tool.version,
            informationUri: INFORMATION_URI,
            rules: RULE_IDS.map((id) => ruleDescriptor(RULES[id])),
          },
        },
        originalUriBaseIds: { SRCROOT: { uri: rootUri(root) } },
        // Finding columns count UTF-16 code units (see facts/types.ts Span).
        columnKind: 'utf16CodeUnits',
        invocations: [
          {
            executionSuccessful: true,
            toolExecutionNotifications: report.stats.errors.map((e) => ({
              level: 'warning',
              message: { text: `${e.file}: ${e.reason}` },
              locations: [location(e.file)],
            })),
            properties: { filesScanned: report.stats.filesScanned, filesParsed: report.stats.filesParsed, durationMs: report.stats.durationMs },
          },
        ],
        results: [...report.findings.map(result), ...(report.summary.suppressed?.items ?? []).map(suppressedResult)],
        properties: { deadline: report.deadline },
      },
    ],
  };
}

/** Render the report as a SARIF 2.1.0 log. */
export const sarifReporter: Reporter = (report, options) => `${JSON.stringify(sarifLog(report, options.root || report.root), null, 2)}\n`;
