#!/usr/bin/env node
// Micro-benchmark of the prefilter over every JS/TS file under node_modules (or the given folder),
// files up to 2 MiB as the scanner reads them: total, median and p99 µs per file, candidate rate.
// Run after `npm run build`: node bench/prefilter-micro.mjs [folder]
import fg from 'fast-glob';
import { readFileSync, statSync } from 'node:fs';
import { prefilter } from '../dist/src/prefilter/index.js';

const root = process.argv[2] ?? 'node_modules';
const MAX = 2 * 1024 * 1024;
const files = (await fg(['**/*.{js,mjs,cjs,ts,tsx,jsx}'], { cwd: root, absolute: true, ignore: ['**/*.d.ts'] })).filter((f) => statSync(f).size <= MAX);
const texts = files.map((f) => readFileSync(f, 'utf8'));
let bytes = 0;
for (const t of texts) bytes += t.length;
for (const t of texts) prefilter(t, 'javascript'); // warm-up
const times = [];
let candidates = 0;
const hits = [];
const start = process.hrtime.bigint();
for (let i = 0; i < texts.length; i++) {
  const t0 = process.hrtime.bigint();
  const r = prefilter(texts[i], 'javascript');
  times.push(Number(process.hrtime.bigint() - t0) / 1e3);
  if (r.candidate) {
    candidates++;
    hits.push(files[i]);
  }
}
const ms = Number(process.hrtime.bigint() - start) / 1e6;
times.sort((a, b) => a - b);
const q = (p) => times[Math.min(times.length - 1, Math.floor(p * times.length))].toFixed(1);
console.log(`${texts.length} files (≤2 MiB), ${(bytes / 1e6).toFixed(1)} MB in ${ms.toFixed(0)} ms: median ${q(0.5)} µs, p90 ${q(0.9)} µs, p99 ${q(0.99)} µs, max ${q(1)} µs per file`);
console.log(`candidates: ${candidates} (${((100 * candidates) / texts.length).toFixed(2)} %)`);
if (process.env.SHOW) for (const h of hits.slice(0, Number(process.env.SHOW))) console.log('  ', h);
