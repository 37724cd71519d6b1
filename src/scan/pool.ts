/**
 * Parallelism: files go to worker threads in batches (one message per batch, not per file).
 * Small scans stay in-process because starting workers and loading the analyzers in each costs
 * more than it saves. The worker module is the sibling `worker.js` in dist/; under tsx (tests)
 * a small .mjs entry registers tsx in the worker first, so the same code runs built and in tests.
 */
import os from 'node:os';
import { Tinypool } from 'tinypool';
import { processBatch, type FileOutcome, type FileTask } from './process-file.js';

/** Below this many files a scan runs in-process even when workers are allowed. */
export const IN_PROCESS_MAX_FILES = 500;

/** Default worker count: the cores this process may use. */
export function defaultWorkerCount(): number {
  return Math.max(1, os.availableParallelism());
}

/** Process every file task, in worker threads or in-process, preserving task order. */
export async function runFileTasks(tasks: readonly FileTask[], options: { workers: number; maxFileSize: number }): Promise<FileOutcome[]> {
  if (tasks.length === 0) return [];
  const workers = Math.min(options.workers, Math.ceil(tasks.length / 16));
  if (workers < 1 || (options.workers > 0 && tasks.length < IN_PROCESS_MAX_FILES && !forcedPool())) {
    return processBatch({ files: [...tasks], maxFileSize: options.maxFileSize });
  }
  const batchSize = Math.min(200, Math.max(8, Math.ceil(tasks.length / (workers * 4))));
  const batches: FileTask[][] = [];
  for (let i = 0; i < tasks.length; i += batchSize) batches.push(tasks.slice(i, i + batchSize));
  const self = import.meta.url;
  const pool = new Tinypool({
    filename: new URL(self.endsWith('.ts') ? './worker-under-tsx.mjs' : './worker.js', self).href,
    minThreads: workers,
    maxThreads: workers,
    idleTimeout: 1000,
  });
  try {
    const results = await Promise.all(batches.map((files) => pool.run({ files, maxFileSize: options.maxFileSize }) as Promise<FileOutcome[]>));
    return results.flat();
  } finally {
    await pool.destroy();
  }
}

/** Tests and benchmarks set AXEPTIO_MIGRATE_FORCE_POOL=1 to exercise workers on small trees. */
function forcedPool(): boolean {
  return process.env.AXEPTIO_MIGRATE_FORCE_POOL === '1';
}
