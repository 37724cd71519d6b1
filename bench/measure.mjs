/**
 * Timing and memory of one command run, the way the bench reports them.
 *
 * Wall time: process.hrtime around the child, from spawn to exit (includes Node's start-up, which
 * a user pays too). Peak RSS: GNU time's "%M" (the child's ru_maxrss, in KiB) when /usr/bin/time
 * exists; otherwise, for Node commands only, a preload (rss-probe.mjs) that writes
 * process.resourceUsage().maxRSS at exit. Both are the peak of the scanner's process, worker
 * threads included (threads share the process); a scanner that forked child processes would be
 * under-counted by both, which is why the scan is told to use worker threads (tinypool default).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const GNU_TIME = '/usr/bin/time';
const RSS_PROBE = fileURLToPath(new URL('./rss-probe.mjs', import.meta.url));

/** Median of a non-empty list of numbers. */
export function median(values) {
  if (values.length === 0) throw new Error('median of nothing');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Peak RSS in bytes from a GNU time `-f '%M'` output file (KiB, last non-empty line). */
export function parseGnuTimeMaxRss(text) {
  const lines = text.trim().split('\n').filter(Boolean);
  const kib = Number(lines[lines.length - 1]);
  return Number.isFinite(kib) ? kib * 1024 : undefined;
}

/**
 * Run `cmd args` once; stdout goes to `stdoutFile` (or is discarded), stderr is kept for errors.
 * `measureRss`: 'gnu-time' | 'node-probe' | 'none'. Returns `{ code, wallMs, maxRssBytes?, stderr }`.
 */
export async function runMeasured(cmd, args, { cwd, stdoutFile, measureRss = 'none', env = process.env } = {}) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'axm-bench-'));
  const rssFile = path.join(tmp, 'rss');
  let argv = [cmd, ...args];
  const childEnv = { ...env };
  if (measureRss === 'gnu-time') argv = [GNU_TIME, '-f', '%M', '-o', rssFile, ...argv];
  if (measureRss === 'node-probe') {
    childEnv.AXM_BENCH_RSS_FILE = rssFile;
    childEnv.NODE_OPTIONS = `${env.NODE_OPTIONS ?? ''} --import=${pathToFileURL(RSS_PROBE).href}`.trim();
  }
  const out = stdoutFile ? fs.openSync(stdoutFile, 'w') : 'ignore';
  const start = process.hrtime.bigint();
  const child = spawn(argv[0], argv.slice(1), { cwd, env: childEnv, stdio: ['ignore', out, 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => {
    if (stderr.length < 64_000) stderr += d;
  });
  const code = await new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (c, signal) => resolve(c ?? (signal ? 128 : 1)));
  });
  const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
  if (typeof out === 'number') fs.closeSync(out);
  let maxRssBytes;
  if (measureRss === 'gnu-time' && fs.existsSync(rssFile)) maxRssBytes = parseGnuTimeMaxRss(fs.readFileSync(rssFile, 'utf8'));
  if (measureRss === 'node-probe' && fs.existsSync(rssFile)) maxRssBytes = Number(fs.readFileSync(rssFile, 'utf8')) * 1024;
  fs.rmSync(tmp, { recursive: true, force: true });
  return { code, wallMs, maxRssBytes, stderr };
}

/** The peak-RSS method available here: GNU time when installed, else the Node preload probe. */
export function rssMethod() {
  return fs.existsSync(GNU_TIME) ? 'gnu-time' : 'node-probe';
}
