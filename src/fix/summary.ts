/** The human summary of a fix run and its exit code (CONTRACT.md: 0 done, 1 something left or failed). */
import type { Finding } from '../findings/types.js';
import type { FixResult, HelperOutcome, ManualStep, TransformName } from './types.js';

const MAX_LISTED = 50;

export const ENV_VARS = [
  ['AXEPTIO_CLIENT_ID', 'Client ID from Axeptio administration, Settings → API Access'],
  ['AXEPTIO_CLIENT_SECRET', 'its secret (a secret store or CI secret; never commit it)'],
  ['AXEPTIO_FRONTEGG_URL', 'base URL of the token service (fallback: FRONTEGG_URL)'],
  ['AXEPTIO_API_URL', 'base URL of the Axeptio API (default https://api.axept.io/v1)'],
] as const;

/** Findings `fix` could have fixed (its transform was selected) that are still there. */
export function fixableLeft(result: FixResult, selected?: readonly TransformName[]): Finding[] {
  return result.remaining.filter((f) => f.fix.available && !!f.fix.transform && (!selected || selected.includes(f.fix.transform as TransformName)));
}

/** 1 when a transform failed, a file could not be written, fixable findings remain, or (dry run) changes are pending. */
export function fixExitCode(result: FixResult, selected?: readonly TransformName[]): number {
  if (result.files.some((f) => f.status === 'failed' || f.status === 'skipped')) return 1;
  if (result.dryRun && result.files.some((f) => f.status === 'changed')) return 1;
  return fixableLeft(result, selected).length > 0 ? 1 : 0;
}

/** The summary printed after a run. */
export function formatFixSummary(result: FixResult, selected?: readonly TransformName[]): string {
  const out: string[] = [];
  const changed = result.files.filter((f) => f.status === 'changed');
  const verb = result.dryRun ? 'would change' : 'changed';
  out.push(`axeptio-migrate fix: ${changed.length} file${changed.length === 1 ? '' : 's'} ${verb}${result.dryRun ? '' : `, ${result.fixed.length} finding${result.fixed.length === 1 ? '' : 's'} fixed`}, ${result.remaining.length} left.`);
  if (result.gitNote) out.push(`Note: ${result.gitNote}.`);
  if (changed.length) {
    out.push('', result.dryRun ? 'Would change:' : 'Changed:');
    for (const f of changed) out.push(`  ${f.file} (${f.transforms.join(', ')})`);
  }
  const problems = result.files.filter((f) => f.status === 'failed' || f.status === 'skipped');
  if (problems.length) {
    out.push('', 'Not changed:');
    for (const f of problems) out.push(`  ${f.file}: ${f.status}: ${f.reason ?? 'no reason given'}`);
  }
  if (result.helpers.length === 0) out.push('', 'Helper: not needed (no code was rewritten).');
  for (const helper of result.helpers) out.push('', `Helper: ${describeHelper(helper)}`);
  if (result.remaining.length) {
    out.push('', result.dryRun ? 'Left for you (outside the files this diff changes):' : 'Left for you (manual steps):');
    for (const finding of result.remaining.slice(0, MAX_LISTED)) out.push(`  ${finding.file}:${finding.line} ${finding.ruleId}: ${reasonFor(finding, result.manualSteps)}`);
    if (result.remaining.length > MAX_LISTED) out.push(`  ... and ${result.remaining.length - MAX_LISTED} more: run \`axeptio-migrate scan\` for the full list.`);
  }
  const orphanSteps = result.manualSteps.filter((s) => !result.remaining.some((f) => f.file === s.file && stepMatches(f, s)));
  if (orphanSteps.length) {
    out.push('', 'Also check:');
    for (const s of orphanSteps.slice(0, MAX_LISTED)) out.push(`  ${s.file}${s.line ? `:${s.line}` : ''}: ${s.reason}`);
  }
  if (result.helpers.length > 0) {
    out.push('', 'Set these environment variables where the code runs:');
    for (const [name, meaning] of ENV_VARS) out.push(`  ${name.padEnd(22)} ${meaning}`);
  }
  const left = fixableLeft(result, selected).length;
  if (left) out.push('', `${left} fixable finding${left === 1 ? '' : 's'} ${result.dryRun ? 'not covered by this diff' : 'remain'}: see the reasons above.`);
  return `${out.join('\n')}\n`;
}

function describeHelper(helper: HelperOutcome): string {
  switch (helper.status) {
    case 'planned':
      return `${helper.file} (in the diff${helper.reason ? `; ${helper.reason}` : ''}).`;
    case 'written':
      return `wrote ${helper.file}${helper.reason ? ` (${helper.reason})` : ''}.`;
    case 'unchanged':
      return `${helper.file} is up to date.`;
    case 'refused':
      return `kept ${helper.file}: ${helper.reason ?? 'it exists'}.`;
  }
}

function stepMatches(finding: Finding, step: ManualStep): boolean {
  return step.line === undefined || (step.line >= finding.line && step.line <= Math.max(finding.endLine, finding.line));
}

/** Why a finding is left: the transform's own manual step for that spot, else the finding's guidance. */
function reasonFor(finding: Finding, steps: readonly ManualStep[]): string {
  const step = steps.find((s) => s.file === finding.file && stepMatches(finding, s));
  if (step) return step.reason;
  if (finding.fix.guidance) return finding.fix.guidance;
  return finding.fix.available ? 'the transform did not recognise this shape; change it by hand (see the message of `scan`)' : finding.message;
}
