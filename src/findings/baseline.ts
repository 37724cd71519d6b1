/**
 * Baselines: accept today's findings and report only new ones. A baseline is either a previous
 * `scan --format json` report or the smaller file `--write-baseline` writes; both are matched by
 * fingerprint (recomputed from rule, file and snippet when a report lacks them).
 */
import fs from 'node:fs';
import { fingerprintAll } from './fingerprint.js';
import type { Finding } from './types.js';

export class BaselineError extends Error {
  override name = 'BaselineError';
}

export interface BaselineFile {
  tool: 'axeptio-migrate';
  baselineVersion: 1;
  createdAt: string;
  entries: Array<{ fingerprint: string; ruleId: string; file: string; line: number }>;
}

/** Fingerprints accepted by a baseline file or a previous JSON report. */
export function readBaseline(file: string): Set<string> {
  let doc: unknown;
  try {
    doc = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new BaselineError(`cannot read baseline ${file}: ${code ?? (err as Error).message}`);
  }
  const obj = (doc ?? {}) as Record<string, unknown>;
  if (Array.isArray(obj.entries)) {
    return new Set((obj.entries as Array<{ fingerprint?: unknown }>).map((e) => e.fingerprint).filter((f): f is string => typeof f === 'string'));
  }
  if (Array.isArray(obj.findings)) {
    const findings = obj.findings as Array<Partial<Finding>>;
    const complete = findings.filter((f) => typeof f.ruleId === 'string' && typeof f.file === 'string');
    const computed = fingerprintAll(complete.map((f) => ({ ruleId: f.ruleId!, file: f.file!, snippet: f.snippet ?? '', line: f.line ?? 0, column: f.column ?? 0 })));
    return new Set(complete.map((f, i) => (typeof f.fingerprint === 'string' ? f.fingerprint : computed[i]!)));
  }
  throw new BaselineError(`baseline ${file} is neither a scan --format json report nor a baseline file`);
}

/** The baseline document for a set of findings (what `--write-baseline` writes). */
export function baselineFor(findings: readonly Finding[], now: Date = new Date()): BaselineFile {
  return {
    tool: 'axeptio-migrate',
    baselineVersion: 1,
    createdAt: now.toISOString(),
    entries: findings
      .filter((f) => f.fingerprint)
      .map((f) => ({ fingerprint: f.fingerprint!, ruleId: f.ruleId, file: f.file, line: f.line })),
  };
}
