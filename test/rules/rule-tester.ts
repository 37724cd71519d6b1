/**
 * RuleTester in the ESLint style: per rule, `valid` cases (no finding of that rule) and `invalid`
 * cases (exactly the expected findings), each a small project of files run through `evaluate`.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { FileFacts, ProjectInfo } from '../../src/facts/types.js';
import type { Confidence, RawFinding, RuleId, Severity } from '../../src/findings/types.js';
import { evaluate } from '../../src/rules/index.js';
import { project as defaultProject } from './fact-builders.js';

export interface ExpectedFinding {
  file?: string;
  line?: number;
  confidence?: Confidence;
  severity?: Severity;
  /** Each substring must occur in the message. */
  message?: string[];
  /** Each substring must occur in some evidence text. */
  evidence?: string[];
  fixAvailable?: boolean;
  transform?: string;
  guidance?: string;
}

export interface ValidCase {
  name: string;
  files: FileFacts[];
  project?: ProjectInfo;
}

export interface InvalidCase extends ValidCase {
  findings: ExpectedFinding[];
  /** Strings that must appear in no message, evidence or guidance (planted secrets). */
  neverShown?: string[];
}

/** Register one node:test per case for `ruleId`. */
export function ruleTester(ruleId: RuleId, cases: { valid: ValidCase[]; invalid: InvalidCase[] }): void {
  for (const c of cases.valid) {
    test(`${ruleId} valid: ${c.name}`, () => {
      const found = run(ruleId, c);
      assert.deepEqual(found.map(describe), [], `expected no ${ruleId} finding`);
    });
  }
  for (const c of cases.invalid) {
    test(`${ruleId} invalid: ${c.name}`, () => {
      const found = run(ruleId, c);
      assert.equal(found.length, c.findings.length, `findings: ${JSON.stringify(found.map(describe), null, 1)}`);
      c.findings.forEach((want, i) => assertFinding(found[i]!, want));
      for (const secret of c.neverShown ?? []) {
        const all = evaluate(c.files, c.project ?? defaultProject());
        assert.ok(!JSON.stringify(all).includes(secret), `secret ${secret} leaked into findings`);
      }
    });
  }
}

function run(ruleId: RuleId, c: ValidCase): RawFinding[] {
  return evaluate(c.files, c.project ?? defaultProject()).filter((f) => f.ruleId === ruleId);
}

function describe(f: RawFinding): string {
  return `${f.file}:${f.span.line} ${f.ruleId} ${f.confidence} ${f.message} [${f.evidence.join(' | ')}]`;
}

/** Assert one finding against its expectation. */
export function assertFinding(f: RawFinding, want: ExpectedFinding): void {
  const ctx = describe(f);
  if (want.file !== undefined) assert.equal(f.file, want.file, ctx);
  if (want.line !== undefined) assert.equal(f.span.line, want.line, ctx);
  if (want.confidence !== undefined) assert.equal(f.confidence, want.confidence, ctx);
  if (want.severity !== undefined) assert.equal(f.severity, want.severity, ctx);
  for (const s of want.message ?? []) assert.ok(f.message.includes(s), `message lacks "${s}": ${ctx}`);
  for (const s of want.evidence ?? []) assert.ok(f.evidence.some((e) => e.includes(s)), `evidence lacks "${s}": ${ctx}`);
  if (want.fixAvailable !== undefined) assert.equal(f.fix.available, want.fixAvailable, ctx);
  if (want.transform !== undefined) assert.equal(f.fix.transform, want.transform, ctx);
  if (want.guidance !== undefined) assert.ok(f.fix.guidance?.includes(want.guidance), `guidance lacks "${want.guidance}": ${ctx}`);
}
