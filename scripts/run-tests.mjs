#!/usr/bin/env node
// Collects every *.test.ts under test/ and transforms/ and runs them with node's own test runner,
// TypeScript loaded through tsx. Node 20's --test takes no globs, hence the collection here.
import fg from 'fast-glob';
import { spawnSync } from 'node:child_process';
import os from 'node:os';

const filter = process.argv.slice(2);
let files = await fg(['test/**/*.test.ts', 'transforms/**/*.test.ts'], { ignore: ['**/node_modules/**', '**/__testfixtures__/**'] });
if (filter.length) files = files.filter((f) => filter.some((p) => f.includes(p)));
files.sort();
if (files.length === 0) {
  console.error('run-tests: no test files found');
  process.exit(1);
}
const concurrency = Math.max(2, os.availableParallelism());
const res = spawnSync(process.execPath, ['--import', 'tsx', '--test', `--test-concurrency=${concurrency}`, ...files], { stdio: 'inherit' });
process.exit(res.status ?? 1);
