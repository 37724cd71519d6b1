/** `axeptio-migrate scan [paths..]`: scan, print or write the report, exit 0/1 by --fail-on (2 on bad input). */
import fs from 'node:fs';
import path from 'node:path';
import type { Argv } from 'yargs';
import { loadConfig } from '../../config/load.js';
import type { FailOn } from '../../config/types.js';
import { SEVERITY_RANK, type Confidence } from '../../findings/types.js';
import { FORMAT_NAMES, formatterFor } from '../../report/index.js';
import { resolveTargets, scan, ScanInputError } from '../../scan/index.js';
import type { ScanReport } from '../../scan/types.js';
import type { CliCommand, CliIO } from '../types.js';

export const scanCommand: CliCommand = {
  command: 'scan [paths..]',
  describe: 'Find legacy Axeptio authentication and related token flows',
  builder: (yargs: Argv) =>
    yargs
      .positional('paths', { type: 'string', array: true, describe: 'Folders or files to scan (default: the current folder)' })
      .option('format', { alias: 'f', type: 'string', choices: [...FORMAT_NAMES], default: 'pretty', describe: 'Report format' })
      .option('output', { alias: 'o', type: 'string', describe: 'Write the report to FILE instead of stdout' })
      .option('min-confidence', { type: 'string', choices: ['high', 'medium', 'low'], describe: 'Lowest confidence shown [default: medium]' })
      .option('fail-on', { type: 'string', choices: ['error', 'warning', 'info', 'none'], describe: 'Exit 1 when a finding is at or above this severity [default: error]' })
      .option('include', { type: 'string', array: true, describe: 'Only scan files matching these globs (.gitignore syntax, relative to the root)' })
      .option('exclude', { type: 'string', array: true, describe: 'Never scan files matching these globs' })
      .option('baseline', { type: 'string', describe: 'Previous JSON report or baseline file: its findings are suppressed' })
      .option('write-baseline', { type: 'string', describe: 'Write the current findings to FILE as a baseline' })
      .option('deadline', { type: 'string', describe: 'Cut-off date YYYY-MM-DD for the countdown [default: 2026-07-06]' })
      .option('config', { type: 'string', describe: 'Config file [default: axeptio-migrate.config.json or package.json "axeptio-migrate"]' })
      .option('max-file-size', { type: 'string', describe: 'Skip larger files: bytes or with a unit (512KiB, 4MiB) [default: 2MiB]' })
      .option('workers', { type: 'number', describe: 'Worker threads (0 = in-process) [default: available cores]' })
      .option('color', { type: 'boolean', describe: 'Colour the pretty output (--no-color to disable)' })
      .example('$0 scan .', 'scan the current repository')
      .example('$0 scan . --format json --output report.json --fail-on warning', 'CI gate'),
  run: runScanCommand,
};

/** Run the scan command and map the outcome to the contract's exit code. */
export async function runScanCommand(args: Record<string, unknown>, io: CliIO): Promise<number> {
  const format = String(args.format ?? 'pretty');
  const reporter = formatterFor(format);
  if (!reporter) {
    io.stderr.write(`axeptio-migrate: --format ${format} is not available in this build (available: ${FORMAT_NAMES.filter((n) => formatterFor(n)).join(', ')})\n`);
    return 2;
  }
  const paths = strings(args.paths);
  const { root } = resolveTargets(io.cwd, paths);
  const loaded = loadConfig(root, optionalString(args.config));
  const minConfidence = optionalString(args.minConfidence) as Confidence | undefined;
  const maxFileSize = args.maxFileSize === undefined ? undefined : parseSize(String(args.maxFileSize));
  const report = await scan({
    paths,
    cwd: io.cwd,
    config: loaded,
    ...(args.include ? { include: strings(args.include) } : {}),
    ...(args.exclude ? { exclude: strings(args.exclude) } : {}),
    ...(minConfidence ? { minConfidence } : {}),
    ...(optionalString(args.baseline) ? { baselinePath: optionalString(args.baseline)! } : {}),
    ...(optionalString(args.writeBaseline) ? { writeBaselinePath: optionalString(args.writeBaseline)! } : {}),
    ...(optionalString(args.deadline) ? { deadline: optionalString(args.deadline)! } : {}),
    ...(maxFileSize !== undefined ? { maxFileSize } : {}),
    ...(typeof args.workers === 'number' ? { workers: workerCount(args.workers) } : {}),
  });

  const output = optionalString(args.output);
  const color = output === undefined && wantsColor(args.color as boolean | undefined, io);
  const text = reporter(report, { color, root: report.root });
  if (output) {
    const target = path.resolve(io.cwd, output);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, text);
    io.stderr.write(`axeptio-migrate: ${report.findings.length} finding(s); ${format} report written to ${path.relative(io.cwd, target) || target}\n`);
  } else {
    io.stdout.write(text);
  }
  const failOn = (optionalString(args.failOn) ?? loaded.config.failOn ?? 'error') as FailOn;
  return exitCodeFor(report, failOn);
}

/** 1 when a reported finding is at or above `failOn`, else 0. */
export function exitCodeFor(report: Pick<ScanReport, 'findings'>, failOn: FailOn): number {
  if (failOn === 'none') return 0;
  const threshold = SEVERITY_RANK[failOn];
  return report.findings.some((f) => SEVERITY_RANK[f.severity] >= threshold) ? 1 : 0;
}

/** Colour only for a terminal, unless NO_COLOR or --no-color; FORCE_COLOR forces it on. */
function wantsColor(flag: boolean | undefined, io: CliIO): boolean {
  if (flag !== undefined) return flag;
  if (io.env.NO_COLOR) return false;
  if (io.env.FORCE_COLOR && io.env.FORCE_COLOR !== '0') return true;
  return io.stdout.isTTY === true;
}

/** Bytes from `2097152`, `512KiB`, `4MiB`, `4mb`, `1.5M`. */
export function parseSize(text: string): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(b|k|kb|kib|m|mb|mib|g|gb|gib)?\s*$/i.exec(text);
  if (!m) throw new ScanInputError(`invalid --max-file-size "${text}": expected bytes or a size like 512KiB, 4MiB`);
  const unit = (m[2] ?? 'b').toLowerCase()[0]!;
  const factor = unit === 'k' ? 1024 : unit === 'm' ? 1024 ** 2 : unit === 'g' ? 1024 ** 3 : 1;
  const bytes = Math.floor(Number(m[1]) * factor);
  if (bytes <= 0) throw new ScanInputError(`invalid --max-file-size "${text}": must be positive`);
  return bytes;
}

function workerCount(n: number): number {
  if (!Number.isInteger(n) || n < 0) throw new ScanInputError(`invalid --workers ${n}: expected 0 or a positive integer`);
  return n;
}

function strings(value: unknown): string[] {
  if (value === undefined) return [];
  return (Array.isArray(value) ? value : [value]).map(String);
}

function optionalString(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}
