/**
 * `fix`: scan, plan from the findings, fix each planned file in memory (checked: parses,
 * idempotent, layout kept), then either show the diff (dry run / patch) or write the helper and
 * the files atomically, and rescan what was touched to report what is fixed and what is left.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Finding } from '../findings/types.js';
import { flavourForPath, renderHelper, writeHelper } from '../helper/index.js';
import { scan } from '../scan/index.js';
import { fixFile, relativePosix, type FileFix } from './apply.js';
import { gitState } from './git-guard.js';
import { defaultHelperPath, typescriptImportExtension } from './helper-location.js';
import { unifiedPatch, type PatchEntry } from './patch.js';
import { planFixes } from './plan.js';
import { FixRefusedError, type FileOutcome, type FixOptions, type FixResult, type HelperOutcome } from './types.js';
import { writeIfUnchanged } from './write.js';

export { FixRefusedError } from './types.js';
export type { FixOptions, FixResult, TransformName } from './types.js';
export { formatFixSummary, fixExitCode } from './summary.js';

/** Run the fix pipeline; throws FixRefusedError when it must not start (dirty tree without force). */
export async function runFix(options: FixOptions): Promise<FixResult> {
  const preview = !!options.dryRun || !!options.patchPath;
  const report = await scan({
    paths: options.paths,
    cwd: options.cwd,
    ...(options.include ? { include: options.include } : {}),
    ...(options.exclude ? { exclude: options.exclude } : {}),
    ...(options.workers !== undefined ? { workers: options.workers } : {}),
  });
  const root = report.root;
  const plans = planFixes(root, report.findings, options.transforms);

  let gitNote: string | undefined;
  if (!preview && plans.length > 0) {
    const git = await gitState(root);
    if (git.kind === 'dirty' && !options.force) {
      throw new FixRefusedError(`the git work tree has uncommitted changes (${git.changed.slice(0, 5).join(', ')}${git.changed.length > 5 ? ', ...' : ''}); commit or stash them first so the fix can be reviewed and undone, or rerun with --force`);
    }
    if (git.kind === 'dirty') gitNote = 'ran on a work tree with uncommitted changes (--force): review the diff carefully';
    if (git.kind === 'not-a-repo') gitNote = `${root} is ${git.reason === 'git is not installed' ? 'not checked (git is not installed)' : 'not in a git repository'}: keep a copy to undo the changes`;
  }

  const codePlans = plans.filter((p) => p.kind === 'code');
  const helperFor = helperAssignment(options, codePlans.map((p) => p.abs));
  const fixes = plans.map((plan) => fixFile(plan, { root, helperPath: helperFor(plan.abs), importExtension: typescriptImportExtension }));

  // Only helpers that rewritten code actually imports are written.
  const neededHelpers = new Set(
    fixes.filter((f) => f.status === 'changed' && f.plan.kind === 'code' && /\b(getAxeptioAccessToken|axeptioFetch)\b/.test(f.after ?? '')).map((f) => helperFor(f.plan.abs)),
  );
  const helpers: HelperOutcome[] = [];
  const patchEntries: PatchEntry[] = [];
  for (const helperAbs of [...neededHelpers].sort()) {
    const file = relativePosix(root, helperAbs);
    if (preview) {
      const exists = existsSync(helperAbs);
      helpers.push({ file, status: 'planned', ...(exists ? { reason: 'already exists; kept unless it is an unedited older version' } : {}) });
      if (!exists) patchEntries.push({ file, after: renderHelper(flavourForPath(helperAbs)) });
    } else {
      const written = writeHelper(helperAbs, { force: !!options.force });
      helpers.push({ file, status: written.status, ...(written.reason ? { reason: written.reason } : {}) });
    }
  }
  for (const f of fixes) if (f.status === 'changed') patchEntries.push({ file: f.plan.file, before: f.before!, after: f.after! });

  if (!preview) {
    for (const f of fixes) {
      if (f.status !== 'changed') continue;
      const refused = writeIfUnchanged(f.plan.abs, f.original!, f.output!);
      if (refused) Object.assign(f, { status: 'skipped', reason: refused });
    }
  }

  let remaining: Finding[];
  let fixed: Finding[] = [];
  if (preview || plans.length === 0) {
    // Without writing there is nothing to rescan: findings in files the diff changes are not listed as left.
    const changing = new Set(fixes.filter((f) => f.status === 'changed').map((f) => f.plan.file));
    remaining = report.findings.filter((f) => !changing.has(f.file));
  } else {
    const existing = plans.map((p) => p.abs).filter((abs) => existsSync(abs));
    const rescan = existing.length ? await scan({ paths: existing, root, cwd: options.cwd, workers: 0 }) : undefined;
    const after = rescan?.findings ?? [];
    const plannedFiles = new Set(plans.map((p) => p.file));
    fixed = findingsGone(report.findings.filter((f) => plannedFiles.has(f.file)), after);
    remaining = [...report.findings.filter((f) => !plannedFiles.has(f.file)), ...after];
  }
  return {
    root,
    dryRun: preview,
    ...(gitNote ? { gitNote } : {}),
    files: fixes.map(outcomeOf),
    helpers,
    manualSteps: fixes.flatMap((f) => f.steps),
    fixed,
    remaining,
    patch: unifiedPatch(patchEntries),
  };
}

/** Findings of `before` with no counterpart (same rule and file) left in `after`; line numbers move, so counts decide. */
function findingsGone(before: readonly Finding[], after: readonly Finding[]): Finding[] {
  const left = new Map<string, number>();
  for (const f of after) left.set(`${f.ruleId}\0${f.file}`, (left.get(`${f.ruleId}\0${f.file}`) ?? 0) + 1);
  const gone: Finding[] = [];
  for (const f of before) {
    const key = `${f.ruleId}\0${f.file}`;
    const n = left.get(key) ?? 0;
    if (n > 0) left.set(key, n - 1);
    else gone.push(f);
  }
  return gone;
}

function outcomeOf(f: FileFix): FileOutcome {
  return {
    file: f.plan.file,
    status: f.status,
    transforms: f.plan.transforms,
    ...(f.reason ? { reason: f.reason } : {}),
    ...(f.before !== undefined ? { before: f.before } : {}),
    ...(f.after !== undefined ? { after: f.after } : {}),
  };
}

/**
 * Which helper each code file imports: `--helper-path` for all, else one per runtime next to the
 * code (TypeScript files share a `.ts` helper; JavaScript files a JS one: plain Node cannot
 * import TypeScript, and a JS helper would lose the types).
 */
function helperAssignment(options: FixOptions, codeFiles: readonly string[]): (abs: string) => string {
  if (options.helperPath) {
    const fixed = path.resolve(options.cwd, options.helperPath);
    return () => fixed;
  }
  const isTs = (f: string) => /\.(ts|tsx|mts|cts)$/i.test(f);
  const groups = [codeFiles.filter(isTs), codeFiles.filter((f) => !isTs(f))];
  const byGroup = groups.map((files) => (files.length ? defaultHelperPath(files.map((abs) => ({ abs, text: safeRead(abs) }))) : ''));
  return (abs) => byGroup[isTs(abs) ? 0 : 1]!;
}

function safeRead(abs: string): string {
  try {
    return readFileSync(abs, 'utf8');
  } catch {
    return '';
  }
}
