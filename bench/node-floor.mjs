#!/usr/bin/env node
/**
 * The floor for any Node scanner on this machine: the cheapest pass that still reads what the scan
 * reads. It walks with plain `readdirSync` (no ignore rules), keeps the file types the scanner
 * reads, and on two threads reads each file of up to 2 MiB into a reused buffer and runs the
 * screen's regex over its Latin-1 string: no decoding, no parsing, no analyzer to load, no report.
 * The bench prints the scan and ripgrep against it, so a target stated against ripgrep can be
 * read against what Node itself costs here (the "plain Node read-and-regex pass").
 *
 *   node bench/node-floor.mjs <folder>      prints "<files> files, <hits> with a screen literal"
 */
import fs from 'node:fs';
import path from 'node:path';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';

const SCREEN = /axept|signin|grant_?type|api-token|client[_-]?secret|refresh[_-]?token|eyJ|passw/i;
const MAX_BYTES = 2 * 1024 * 1024;

/** Read and screen `files`; the number with a screen literal. */
function screen(files) {
  const buffer = Buffer.allocUnsafeSlow(MAX_BYTES + 1);
  let hits = 0;
  for (const file of files) {
    let fd;
    try {
      fd = fs.openSync(file, 'r');
    } catch {
      continue;
    }
    let n = 0;
    try {
      n = fs.readSync(fd, buffer, 0, buffer.length, 0);
    } finally {
      fs.closeSync(fd);
    }
    if (n <= MAX_BYTES && SCREEN.test(buffer.latin1Slice(0, n))) hits++;
  }
  return hits;
}

if (isMainThread) {
  const root = path.resolve(process.argv[2] ?? '.');
  const { fileKindOf } = await import(new URL('../dist/src/discover/file-kind.js', import.meta.url).href);
  const files = [];
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const abs = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(abs);
      else if (entry.isFile() && fileKindOf(entry.name)) files.push(abs);
    }
  };
  walk(root);
  const other = new Worker(new URL(import.meta.url), { workerData: files.filter((_, i) => i % 2 === 1) });
  const mine = screen(files.filter((_, i) => i % 2 === 0));
  other.once('message', (theirs) => {
    console.log(`${files.length} files, ${mine + theirs} with a screen literal`);
    process.exit(0);
  });
  other.once('error', (err) => {
    console.error(err);
    process.exit(2);
  });
} else {
  parentPort.postMessage(screen(workerData));
}
