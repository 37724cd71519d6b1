/** `axeptio-migrate fix [paths..]`: apply the transforms the findings name, write the helper, report what is left. */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Argv } from 'yargs';
import { TRANSFORM_NAMES, type TransformName } from '../../fix/types.js';
import type { CliCommand, CliIO } from '../types.js';

export const fixCommand: CliCommand = {
  command: 'fix [paths..]',
  describe: 'Rewrite legacy Axeptio authentication onto the client-credentials token helper',
  builder: (yargs: Argv) =>
    yargs
      .positional('paths', { type: 'string', array: true, describe: 'Folders or files to fix (default: the current folder)' })
      .option('dry-run', { type: 'boolean', default: false, describe: 'Print a unified diff of the changes and write nothing' })
      .option('patch', { type: 'string', describe: 'Write the unified diff to FILE instead of changing the sources' })
      .option('helper-path', { type: 'string', describe: 'Where to write the token helper [default: axeptio-token.<ext> in the common folder of the rewritten files]' })
      .option('transforms', { type: 'string', describe: `Comma-separated transforms to run (${TRANSFORM_NAMES.join(', ')}) [default: those the findings name]` })
      .option('force', { type: 'boolean', default: false, describe: 'Run on a git tree with uncommitted changes; overwrite an edited helper' })
      .option('include', { type: 'string', array: true, describe: 'Only consider files matching these globs' })
      .option('exclude', { type: 'string', array: true, describe: 'Never touch files matching these globs' })
      .option('workers', { type: 'number', describe: 'Scan worker threads (0 = in-process)' })
      .example('$0 fix --dry-run', 'show what would change')
      .example('$0 fix src --helper-path src/lib/axeptio-token.ts', 'fix and put the helper in src/lib'),
  run: runFixCommand,
};

/** Run fix; 0 = nothing left to fix, 1 = a failure or fixable findings left (dry run: changes pending), 2 = usage. */
export async function runFixCommand(args: Record<string, unknown>, io: CliIO): Promise<number> {
  // Loaded on use: jscodeshift and Babel take over a second to load, and every other command would
  // pay for it; the planner (and the transforms' helpers it imports) too, as a scan never needs it.
  const [{ FixRefusedError, fixExitCode, formatFixSummary, runFix }, { isTransformName }] = await Promise.all([
    import('../../fix/index.js'),
    import('../../fix/plan.js'),
  ]);
  let transforms: TransformName[] | undefined;
  if (typeof args.transforms === 'string') {
    const names = args.transforms.split(',').map((s) => s.trim()).filter(Boolean);
    const unknown = names.filter((n) => !isTransformName(n));
    if (unknown.length || names.length === 0) {
      io.stderr.write(`axeptio-migrate fix: unknown transform ${unknown.map((n) => `"${n}"`).join(', ') || '(none given)'} (expected ${TRANSFORM_NAMES.join(', ')})\n`);
      return 2;
    }
    transforms = names as TransformName[];
  }
  const patchPath = typeof args.patch === 'string' && args.patch ? path.resolve(io.cwd, args.patch) : undefined;
  if (args.patch !== undefined && !patchPath) {
    io.stderr.write('axeptio-migrate fix: --patch needs a file name\n');
    return 2;
  }
  const dryRun = args.dryRun === true;
  let result;
  try {
    result = await runFix({
      paths: strings(args.paths),
      cwd: io.cwd,
      dryRun,
      ...(patchPath ? { patchPath } : {}),
      ...(typeof args.helperPath === 'string' && args.helperPath ? { helperPath: args.helperPath } : {}),
      ...(transforms ? { transforms } : {}),
      force: args.force === true,
      ...(args.include ? { include: strings(args.include) } : {}),
      ...(args.exclude ? { exclude: strings(args.exclude) } : {}),
      ...(typeof args.workers === 'number' ? { workers: args.workers } : {}),
    });
  } catch (error) {
    if (error instanceof FixRefusedError) {
      io.stderr.write(`axeptio-migrate fix: refused: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
  if (patchPath) {
    writeFileSync(patchPath, result.patch);
    io.stderr.write(`Patch written to ${path.relative(io.cwd, patchPath) || patchPath} (apply with \`git apply\`).\n`);
  } else if (dryRun) {
    io.stdout.write(result.patch);
  }
  // The diff owns stdout in preview modes so it can be piped; the summary then goes to stderr.
  (dryRun || patchPath ? io.stderr : io.stdout).write(formatFixSummary(result, transforms));
  return fixExitCode(result, transforms);
}

function strings(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  return typeof value === 'string' ? [value] : [];
}
