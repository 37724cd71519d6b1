#!/usr/bin/env node
/**
 * `npm run bench`: builds (or reuses) the corpus, then in one run times the default scan against
 * ripgrep and ast-grep over the same tree, checks every planted call was found, and prints the
 * medians against the targets. Plain JS so it runs without tsx; the scanner runs from dist/.
 *
 *   node bench/run.mjs [--runs N] [--rebuild] [--min-files N] [--tools scan,rg,ast-grep,node-floor] [--json FILE]
 *
 * `node-floor` (bench/node-floor.mjs) is the cheapest Node pass over the same files (walk, read,
 * one regex, two threads): printed for reference next to the targets, it is what Node alone costs.
 *
 * Exit: 0 all plants found, 1 a plant missed or the planted secret printed, 2 a tool failed to run.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildCorpus } from './corpus.mjs';
import { median, rssMethod, runMeasured } from './measure.mjs';
import { PLANTED_SECRET } from './plants.mjs';
import { missedPlants, nearMisses } from './verify.mjs';

const PROJECT = path.resolve(fileURLToPath(new URL('..', import.meta.url)));
const BENCH_DIR = path.join(PROJECT, '.bench');
const CORPUS = path.join(BENCH_DIR, 'corpus');
const CORPUS_REL = path.relative(PROJECT, CORPUS);
const TARGET_RSS_BYTES = 400 * 1024 * 1024;
const TARGET_RG_RATIO = 4;

/** Parse the few flags the bench takes. */
function parseArgs(argv) {
  const opts = { runs: 3, rebuild: false, minFiles: 20_000, tools: ['scan', 'rg', 'ast-grep', 'node-floor'], json: path.join(BENCH_DIR, 'results.json') };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) usage(`${a} needs a value`);
      return v;
    };
    if (a === '--runs') opts.runs = Number(value());
    else if (a === '--rebuild') opts.rebuild = true;
    else if (a === '--min-files') opts.minFiles = Number(value());
    else if (a === '--tools') opts.tools = value().split(',').map((t) => t.trim());
    else if (a === '--json') opts.json = path.resolve(value());
    else if (a === '--help' || a === '-h') usage();
    else usage(`unknown option ${a}`);
  }
  if (!Number.isInteger(opts.runs) || opts.runs < 1) usage('--runs must be a positive integer');
  if (!Number.isInteger(opts.minFiles) || opts.minFiles < 1) usage('--min-files must be a positive integer');
  return opts;
}

function usage(error) {
  if (error) console.error(`bench: ${error}`);
  console.error('usage: node bench/run.mjs [--runs N] [--rebuild] [--min-files N] [--tools scan,rg,ast-grep,node-floor] [--json FILE]');
  process.exit(error ? 2 : 0);
}

/** Where a tool is, or why it cannot run. */
function locateTools() {
  const which = (name) => process.env.PATH.split(path.delimiter).map((d) => path.join(d, name)).find((p) => fs.existsSync(p));
  return {
    rg: which('rg'),
    astGrep: [path.join(PROJECT, 'node_modules/.bin/ast-grep')].find((p) => fs.existsSync(p)),
    taskset: which('taskset'),
    cli: fs.existsSync(path.join(PROJECT, 'dist/src/cli/main.js')) ? path.join(PROJECT, 'bin/axeptio-migrate.js') : undefined,
  };
}

/** The command of each measured tool, over the same corpus. */
function commands(tools) {
  return {
    scan: { cmd: process.execPath, args: [tools.cli, 'scan', CORPUS_REL, '--format', 'json', '--fail-on', 'none'], okCodes: [0] },
    // Hidden files and no ignore files: the same set of files our scan reads.
    rg: { cmd: tools.rg, args: ['-l', '--no-ignore', '--hidden', '-e', 'local/signin|grant_type|api-token|axept', CORPUS_REL], okCodes: [0, 1] },
    'ast-grep': {
      cmd: tools.astGrep,
      args: ['scan', '-c', 'bench/ast-grep/sgconfig.yml', '--no-ignore', 'hidden', '--no-ignore', 'vcs', '--no-ignore', 'dot', '--json=stream', CORPUS_REL],
      okCodes: [0, 1],
    },
    'node-floor': { cmd: process.execPath, args: [path.join(PROJECT, 'bench/node-floor.mjs'), CORPUS_REL], okCodes: [0] },
  };
}

/**
 * One bench at a time per checkout: a second run would rebuild or read the corpus (and overwrite
 * the outputs) under the first one's feet. Returns an error message when another live run holds it.
 */
function takeLock() {
  const lock = path.join(BENCH_DIR, 'lock');
  fs.mkdirSync(BENCH_DIR, { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lock, String(process.pid), { flag: 'wx' });
      process.on('exit', () => fs.rmSync(lock, { force: true }));
      return undefined;
    } catch (err) {
      if (err.code !== 'EEXIST') throw err;
      const holder = Number(fs.readFileSync(lock, 'utf8'));
      if (holder && isAlive(holder)) return `another bench (pid ${holder}) is running in this checkout; wait for it or remove ${path.relative(process.cwd(), lock)} if it is gone`;
      fs.rmSync(lock, { force: true }); // stale: its process ended without cleaning up
    }
  }
  return 'could not take the bench lock';
}

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return err.code === 'EPERM';
  }
}

const fmtMs = (ms) => (ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`);
const fmtMb = (b) => `${(b / 1024 / 1024).toFixed(0)} MB`;
const countLines = (file) => (fs.existsSync(file) ? fs.readFileSync(file, 'utf8').split('\n').filter(Boolean).length : 0);

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const tools = locateTools();
  const missing = opts.tools.filter((t) => (t === 'scan' || t === 'node-floor' ? !tools.cli : t === 'rg' ? !tools.rg : t === 'ast-grep' ? !tools.astGrep : true));
  if (missing.length) {
    console.error(`bench: cannot run ${missing.join(', ')} (scan needs \`npm run build\`, rg needs ripgrep, ast-grep needs @ast-grep/cli)`);
    return 2;
  }

  const lockError = takeLock();
  if (lockError) {
    console.error(`bench: ${lockError}`);
    return 2;
  }
  const t0 = Date.now();
  const corpus = buildCorpus({
    root: CORPUS,
    manifestPath: path.join(BENCH_DIR, 'manifest.json'),
    source: path.join(PROJECT, 'node_modules'),
    minFiles: opts.minFiles,
    rebuild: opts.rebuild,
    log: (m) => console.error(m),
  });
  console.log(
    `corpus: ${CORPUS_REL}: ${corpus.files} files (${corpus.copies} copies of node_modules + ${corpus.plantedFiles} planted files, ` +
      `${corpus.planted.length} planted findings), ${corpus.reused ? 'reused' : `built in ${((Date.now() - t0) / 1000).toFixed(1)} s`}`,
  );

  // Compare on 2 cores, the target machine, even when this one has more.
  const cores = os.availableParallelism();
  const pin = cores > 2 && tools.taskset ? ['-c', '0,1'] : undefined;
  console.log(`machine: ${cores} cores${pin ? ' (pinned to 2 with taskset)' : ''}, node ${process.version}, peak RSS via ${rssMethod()}, ${opts.runs} runs each, median reported`);
  const loadBefore = os.loadavg()[0];

  const cmds = commands(tools);
  const outFile = (tool) => path.join(BENCH_DIR, `out-${tool}.txt`);
  const runOne = async (tool) => {
    const { cmd, args, okCodes } = cmds[tool];
    const [c, a] = pin ? [tools.taskset, [...pin, cmd, ...args]] : [cmd, args];
    const r = await runMeasured(c, a, { cwd: PROJECT, stdoutFile: outFile(tool), measureRss: tool === 'scan' ? rssMethod() : 'none' });
    if (!okCodes.includes(r.code)) throw new Error(`${tool} exited ${r.code}: ${r.stderr.trim().slice(0, 2000)}`);
    return r;
  };

  // One untimed rg pass so every tool meets the same warm page cache.
  if (tools.rg) await runMeasured(tools.rg, ['-l', '--no-ignore', '--hidden', 'x', CORPUS_REL], { cwd: PROJECT });

  const samples = Object.fromEntries(opts.tools.map((t) => [t, []]));
  let exit = 0;
  let scanReport;
  for (let run = 0; run < opts.runs; run++) {
    // Rotate the order so no tool always runs first (or last) after the others.
    const order = opts.tools.map((_, i) => opts.tools[(i + run) % opts.tools.length]);
    for (const tool of order) {
      let r;
      try {
        r = await runOne(tool);
      } catch (err) {
        console.error(`bench: ${err.message}`);
        return 2;
      }
      samples[tool].push(r);
      if (tool === 'scan' && !scanReport) scanReport = JSON.parse(fs.readFileSync(outFile('scan'), 'utf8'));
    }
  }

  // Other processes on the machine skew every number; say so rather than print them as clean.
  const load = [loadBefore, os.loadavg()[0]];
  console.log(`\nload average (1 min) before/after: ${load.map((l) => l.toFixed(1)).join(' / ')}${Math.max(...load) > cores ? `  WARNING: machine busy (> ${cores}), timings are noisy` : ''}`);
  const results = { corpus: { files: corpus.files, planted: corpus.planted.length }, cores, load, rssMethod: rssMethod(), runs: opts.runs, tools: {} };
  for (const tool of opts.tools) {
    const walls = samples[tool].map((s) => s.wallMs);
    results.tools[tool] = { medianMs: median(walls), minMs: Math.min(...walls), maxMs: Math.max(...walls) };
  }
  console.log('tool        median      min       max');
  for (const [tool, r] of Object.entries(results.tools)) {
    console.log(`${tool.padEnd(10)} ${fmtMs(r.medianMs).padStart(8)} ${fmtMs(r.minMs).padStart(8)} ${fmtMs(r.maxMs).padStart(8)}`);
  }
  if (results.tools.rg) console.log(`rg listed ${countLines(outFile('rg'))} files`);
  if (results.tools['ast-grep']) console.log(`ast-grep reported ${countLines(outFile('ast-grep'))} matches`);

  if (scanReport) {
    const scan = results.tools.scan;
    const rss = samples.scan.map((s) => s.maxRssBytes).filter((b) => b !== undefined);
    scan.peakRssBytes = rss.length ? Math.max(...rss) : undefined;
    scan.filesScanned = scanReport.stats?.filesScanned;
    scan.filesPerSecond = scan.filesScanned / (scan.medianMs / 1000);
    scan.findings = scanReport.findings.length;
    scan.errors = scanReport.stats?.errors?.length ?? 0;
    console.log(
      `\nscan: ${scan.filesScanned} files scanned (${scanReport.stats?.filesAnalyzed ?? '?'} analyzed, ${scan.errors} errors), ${scan.findings} findings, ` +
        `${Math.round(scan.filesPerSecond)} files/s, peak RSS ${scan.peakRssBytes ? fmtMb(scan.peakRssBytes) : 'unknown'} (max of runs)`,
    );
    if (scan.filesScanned < corpus.files) console.log(`  note: the corpus has ${corpus.files} files; the scan counted ${scan.filesScanned}`);

    const targets = [];
    if (results.tools['ast-grep']) {
      const ratio = scan.medianMs / results.tools['ast-grep'].medianMs;
      targets.push([`no slower than ast-grep (scan/ast-grep = ${ratio.toFixed(2)}×)`, ratio <= 1]);
    }
    if (results.tools.rg) {
      const ratio = scan.medianMs / results.tools.rg.medianMs;
      targets.push([`within ${TARGET_RG_RATIO}× of ripgrep (scan/rg = ${ratio.toFixed(2)}×)`, ratio <= TARGET_RG_RATIO]);
    }
    const floor = results.tools['node-floor'];
    if (floor) {
      const vsRg = results.tools.rg ? `, ${(floor.medianMs / results.tools.rg.medianMs).toFixed(2)}× ripgrep` : '';
      console.log(`  reference: the plain Node read-and-regex pass (node-floor) takes ${fmtMs(floor.medianMs)}${vsRg}; the scan is ${(scan.medianMs / floor.medianMs).toFixed(2)}× that`);
    }
    if (scan.peakRssBytes !== undefined) targets.push([`peak RSS under 400 MB (${fmtMb(scan.peakRssBytes)})`, scan.peakRssBytes < TARGET_RSS_BYTES]);
    if (cores !== 2 && !pin) targets.push([`on 2 cores (this machine has ${cores})`, false]);
    console.log('\ntargets:');
    for (const [label, ok] of targets) console.log(`  ${ok ? 'PASS' : 'FAIL'}  ${label}`);
    results.targets = targets.map(([label, ok]) => ({ label, ok }));

    const misses = missedPlants(corpus.planted, scanReport.findings);
    results.missed = misses;
    console.log(`\nplanted: ${corpus.planted.length - misses.length}/${corpus.planted.length} found`);
    for (const m of misses) {
      const near = nearMisses(m, scanReport.findings);
      console.log(`  MISSED ${m.ruleId} ${m.file}:${m.line}${m.lineTo > m.line ? `-${m.lineTo}` : ''} [${m.plant}]${near.length ? `; in that file: ${near.join(', ')}` : '; no finding in that file'}`);
    }
    if (misses.length) exit = 1;
    if (fs.readFileSync(outFile('scan'), 'utf8').includes(PLANTED_SECRET)) {
      console.log('  LEAK: the planted secret appears in the scan output');
      results.secretLeaked = true;
      exit = 1;
    }
  }
  fs.writeFileSync(opts.json, JSON.stringify(results, null, 2));
  console.log(`\nresults: ${path.relative(process.cwd(), opts.json)}`);
  return exit;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(`bench: ${err.stack ?? err}`);
    process.exit(2);
  },
);
