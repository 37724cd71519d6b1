/**
 * CLI entry: yargs wires every command of COMMANDS; this file owns only the process contract.
 * Usage errors (unknown option, bad value, missing command) exit 2 with the message and a hint;
 * input errors a command reports (missing path, bad config, unreadable baseline) exit 2 with
 * their message; anything else is an internal error, exit 2, with the stack under --debug.
 */
import yargs from 'yargs';
import { COMMANDS } from './commands/index.js';
import type { CliIO } from './types.js';
import { toolVersion } from '../scan/tool-info.js';

/** Errors whose message is meant for the user as is (bad input rather than a bug). */
const USER_ERRORS = new Set(['ScanInputError', 'ConfigError', 'BaselineError', 'UsageError']);

class UsageError extends Error {
  override name = 'UsageError';
}

/** Run the CLI with `argv` (without node and script); resolves to the exit code. */
export async function main(argv: string[], io: Partial<CliIO> = {}): Promise<number> {
  const cli: CliIO = {
    stdout: io.stdout ?? process.stdout,
    stderr: io.stderr ?? process.stderr,
    cwd: io.cwd ?? process.cwd(),
    env: io.env ?? process.env,
  };
  const debug = argv.includes('--debug');

  const parser = yargs(argv)
    .scriptName('axeptio-migrate')
    .usage('$0 <command> [options]\n\nFind and fix legacy Axeptio authentication (POST /auth/local/signin, retired 2026-07-06).')
    .option('debug', { type: 'boolean', describe: 'Print stack traces of internal errors', global: true })
    .strict()
    .help()
    .alias('help', 'h')
    .version(toolVersion())
    .demandCommand(1, 'Give a command, e.g. `axeptio-migrate scan .`')
    .recommendCommands()
    .wrap(Math.min(100, (cli.stdout as { columns?: number }).columns ?? 100))
    .exitProcess(false)
    .fail((message, err) => {
      // Commands run after parsing (below): what reaches here is usage.
      throw new UsageError(message ?? err?.message ?? 'invalid usage');
    });
  // Commands are registered without a handler and run once parsing is over: yargs renders and
  // caches a command's help text whenever it runs a handler (for its own failure path, which the
  // `fail` hook above replaces), tens of milliseconds spent before every scan for nothing.
  for (const command of COMMANDS) parser.command(command.command, command.describe, command.builder);

  let output = '';
  let args: Record<string, unknown> | undefined;
  try {
    await new Promise<void>((resolve, reject) => {
      parser.parseAsync(argv, {}, (err, parsed, text) => {
        output = text ?? '';
        args = parsed as Record<string, unknown>;
        if (err) reject(err);
        else resolve();
      }).catch(reject);
    });
  } catch (err) {
    if (err instanceof UsageError || (err as Error)?.name === 'YError') {
      cli.stderr.write(`axeptio-migrate: ${(err as Error).message}\nRun \`axeptio-migrate --help\` for usage.\n`);
      return 2;
    }
    return reportError(err, cli, debug);
  }
  // Help or version text: yargs printed instead of running a command.
  if (output) {
    cli.stdout.write(output.endsWith('\n') ? output : `${output}\n`);
    return 0;
  }
  const name = String((args?._ as unknown[] | undefined)?.[0] ?? '');
  const command = COMMANDS.find((c) => c.command.split(' ')[0] === name);
  try {
    // yargs is strict and demands a command: one it parsed is always one of COMMANDS.
    if (!command || !args) throw new Error(`no handler for command ${JSON.stringify(name)}`);
    return await command.run(args, cli);
  } catch (err) {
    return reportError(err, cli, debug);
  }
}

function reportError(err: unknown, io: CliIO, debug: boolean): number {
  const e = err instanceof Error ? err : new Error(String(err));
  if (USER_ERRORS.has(e.name)) {
    io.stderr.write(`axeptio-migrate: ${e.message}\n`);
    if (debug && e.stack) io.stderr.write(`${e.stack}\n`);
    return 2;
  }
  io.stderr.write(`axeptio-migrate: internal error: ${e.message}\n`);
  io.stderr.write(debug && e.stack ? `${e.stack}\n` : 'Run again with --debug for the stack trace.\n');
  return 2;
}
