/** Test helper: run the built CLI (`node bin/axeptio-migrate.js`) as a real child process. */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import { PassThrough, Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const BIN = fileURLToPath(new URL('../../bin/axeptio-migrate.js', import.meta.url));
export const SAMPLE_APP = fileURLToPath(new URL('../../fixtures/sample-legacy-app', import.meta.url));

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Spawn the built binary; fails loudly when dist/ is missing (run `npm run build`, as `npm test` does). */
export function runCli(args: string[], options: { cwd?: string; env?: Record<string, string | undefined> } = {}): Promise<CliRun> {
  if (!fs.existsSync(new URL('../../dist/src/cli/main.js', import.meta.url))) throw new Error('dist/ is missing: run `npm run build` first');
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries({ ...process.env, NO_COLOR: undefined, FORCE_COLOR: undefined, ...options.env })) if (v !== undefined) env[k] = v;
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { cwd: options.cwd ?? REPO_ROOT, env, maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : -1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

/**
 * Run the built CLI's `main()` in this process with captured streams: the same code as the binary
 * without a Node start-up per case. Used for the many option cases; process-level behaviour
 * (exit status, real env, real streams) is covered by `runCli`.
 */
export async function runMain(args: string[], options: { cwd?: string; env?: Record<string, string | undefined>; isTTY?: boolean } = {}): Promise<CliRun> {
  const built = new URL('../../dist/src/cli/main.js', import.meta.url);
  if (!fs.existsSync(built)) throw new Error('dist/ is missing: run `npm run build` first');
  const { main } = (await import(built.href)) as { main: (argv: string[], io: object) => Promise<number> };
  const sink = (isTTY: boolean) => {
    const chunks: string[] = [];
    const stream = new Writable({
      write(chunk, _enc, done) {
        chunks.push(String(chunk));
        done();
      },
    }) as Writable & { isTTY?: boolean };
    stream.isTTY = isTTY;
    return { stream, text: () => chunks.join('') };
  };
  const out = sink(options.isTTY ?? false);
  const err = sink(false);
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(options.env ?? {})) if (v !== undefined) env[k] = v;
  const code = await main(args, { stdout: out.stream, stderr: err.stream, cwd: options.cwd ?? REPO_ROOT, env });
  return { code, stdout: out.text(), stderr: err.text() };
}

/** A CliIO whose stdout/stderr are captured, for calling a command's `run` in-process. */
export function captureIO(cwd: string): { io: import('../../src/cli/types.ts').CliIO; out: () => string; err: () => string } {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d) => (out += d));
  stderr.on('data', (d) => (err += d));
  return { io: { stdout, stderr, cwd, env: {} }, out: () => out, err: () => err };
}
