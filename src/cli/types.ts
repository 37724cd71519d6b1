/** The shape every CLI command module exports, so main.ts wires commands without knowing them. */
import type { Argv } from 'yargs';

/** Streams and environment a command writes to: injectable so tests can run commands in-process. */
export interface CliIO {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  cwd: string;
  env: NodeJS.ProcessEnv;
}

export interface CliCommand {
  /** yargs command string, e.g. 'scan [paths..]'. */
  command: string;
  describe: string;
  /** Declares options; must not have side effects. */
  builder: (yargs: Argv) => Argv;
  /** Runs the command and resolves to the process exit code (CONTRACT.md: 0, 1 or 2). */
  run: (args: Record<string, unknown>, io: CliIO) => Promise<number>;
}
