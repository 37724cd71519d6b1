/**
 * Parallelism: files go to worker threads in batches (one message per batch, not per file). The
 * worker module is the sibling `worker.js` in dist/; under tsx (tests) a small .mjs entry
 * registers tsx in the worker first, so the same code runs built and in tests.
 *
 * With two or more workers the work is split in two stages (see `TwoStages`): reading and
 * prefiltering, cheap per file but for every file, and analysis, for a few files per thousand but
 * in the one thread that loads the analyzers and the TypeScript compiler behind them. That thread
 * starts with the scan, before the walk. A single worker (`--workers 1`) does both stages itself,
 * and only for a phase of 500 files or more; smaller ones run in-process.
 */
import os from 'node:os';
import { Tinypool } from 'tinypool';
import type { AnalyzerOutput } from '../analyze/types.js';
import {
  prefilterBatch,
  processBatch,
  withAnalysis,
  type AnalyzeTask,
  type BatchTask,
  type FileOutcome,
  type FileTask,
  type Prefiltered,
} from './process-file.js';

/** Below this many files a phase runs in-process, unless the analyzer worker was started ahead (`warmUp`). */
const IN_PROCESS_MAX_FILES = 500;

/** Default worker count: the cores this process may use. */
export function defaultWorkerCount(): number {
  return Math.max(1, os.availableParallelism());
}

export interface RunOptions {
  workers: number;
  maxFileSize: number;
}

/**
 * Runs the file tasks of one scan, phase after phase, on threads that live until `close()`.
 *
 * With two or more workers the analyzer worker can be started before the files are known
 * (`warmUp`): it boots and loads the analyzers (the TypeScript compiler above all) on a core that
 * would otherwise idle while the main thread loads the CLI and walks the tree, which takes about as
 * long. Every phase then uses it, however few its files: the main thread prefilters them and only
 * candidates travel, so a small scan no longer loads the analyzers on the main thread after its walk.
 * Extra prefilter workers start only for a phase large enough to share.
 */
export class FileRunner {
  private twoStages?: TwoStages;
  private readonly closing: Promise<void>[] = [];

  constructor(private readonly options: RunOptions) {}

  /** Start the analyzer worker (two or more workers) ahead of the first phase. */
  warmUp(): void {
    if (this.options.workers >= 2) this.twoStages ??= TwoStages.start();
  }

  /** Process the tasks, preserving their order. */
  async run(tasks: readonly FileTask[]): Promise<FileOutcome[]> {
    if (tasks.length === 0) return [];
    const threads = this.threadCount(tasks.length);
    if (threads === 0) return processBatch({ files: [...tasks], maxFileSize: this.options.maxFileSize });
    if (threads === 1) return this.runSingle(tasks);
    const stages = (this.twoStages ??= TwoStages.start());
    const shared = tasks.length >= IN_PROCESS_MAX_FILES || forcedPool();
    return stages.run(tasks, this.options.maxFileSize, shared ? threads - 2 : 0);
  }

  /** Shut every thread down; resolves once they are gone. */
  async close(): Promise<void> {
    const stages = this.twoStages;
    this.twoStages = undefined;
    if (stages) this.closing.push(stages.close());
    await Promise.all(this.closing.splice(0));
  }

  /** Threads for `count` tasks: 0 for in-process, 1 for a single worker, else the main thread and workers. */
  private threadCount(count: number): number {
    const { workers } = this.options;
    if (workers < 1) return 0;
    if (this.twoStages) return Math.max(2, Math.min(workers, Math.ceil(count / 16)));
    if (count < IN_PROCESS_MAX_FILES && !forcedPool()) return 0;
    return Math.min(workers, Math.ceil(count / 16));
  }

  /** `--workers 1`: one worker for the phase, shut down after it. */
  private async runSingle(tasks: readonly FileTask[]): Promise<FileOutcome[]> {
    const pool = newPool(1);
    try {
      return await runSingleWorker(pool, tasks, this.options.maxFileSize);
    } finally {
      const destroyed = pool.destroy();
      destroyed.catch(() => undefined); // awaited in close()
      this.closing.push(destroyed);
    }
  }
}

/**
 * A tinypool of `threads` threads running worker.ts. Synchronous, tinypool imported up front: the
 * threads must start now, not after the synchronous walk lets an import finish.
 */
function newPool(threads: number): Tinypool {
  const self = import.meta.url;
  const filename = new URL(self.endsWith('.ts') ? './worker-under-tsx.mjs' : './worker.js', self).href;
  return new Tinypool({ filename, minThreads: threads, maxThreads: threads, idleTimeout: 1000, concurrentTasksPerWorker: 2 });
}

/** Files per batch: enough that messaging does not dominate, few enough that threads share the work evenly. */
const BATCH_SIZE = 128;

/**
 * The batches of one phase, taken in order by the threads, and the wake-up of lanes waiting for
 * news (a candidate to analyze, a prefiltering lane finished).
 */
class BatchQueue {
  readonly batches: FileTask[][] = [];
  private next = 0;
  private wakeUps: Array<() => void> = [];

  constructor(tasks: readonly FileTask[]) {
    for (let i = 0; i < tasks.length; i += BATCH_SIZE) this.batches.push(tasks.slice(i, i + BATCH_SIZE));
  }

  /** The next batch's index, or undefined when all are taken. */
  take(): number | undefined {
    return this.next < this.batches.length ? this.next++ : undefined;
  }

  /** The phase failed: no thread takes another batch. */
  abandon(): void {
    this.next = this.batches.length;
    this.wake();
  }

  /** Resolves at the next `wake`. */
  changed(): Promise<void> {
    return new Promise((resolve) => this.wakeUps.push(resolve));
  }

  wake(): void {
    const wakeUps = this.wakeUps;
    this.wakeUps = [];
    for (const resolve of wakeUps) resolve();
  }
}

/** `--workers 1`: one worker reads, prefilters and analyzes every batch (two in flight). */
async function runSingleWorker(pool: Tinypool, tasks: readonly FileTask[], maxFileSize: number): Promise<FileOutcome[]> {
  const queue = new BatchQueue(tasks);
  const results: FileOutcome[][] = [];
  const lane = async (): Promise<void> => {
    for (let b = queue.take(); b !== undefined; b = queue.take()) {
      results[b] = (await pool.run({ files: queue.batches[b]!, maxFileSize } satisfies BatchTask)) as FileOutcome[];
    }
  };
  await allOrAbandon(queue, [lane(), lane()]);
  return results.flat();
}

/**
 * The main thread and `workers - 2` prefilter workers read and prefilter batches taken from one
 * queue, and hand each batch's candidates to the analyzer worker, which analyzes them as they come;
 * whenever it has none waiting, the analyzer worker takes a batch from the queue too and does the
 * whole work on it (its own candidates included). So every thread keeps busy, and only the
 * analyzer worker loads the analyzers.
 */
class TwoStages {
  private prefilterPool: Tinypool | undefined;
  /** The analyzer worker has loaded the analyzers (or failed to: the first analysis then fails with the reason). */
  private prepared = false;
  private readonly preparing: Promise<void>;

  private constructor(private readonly analyzerPool: Tinypool) {
    this.preparing = analyzerPool.run(undefined, { name: 'prepareAnalysis' }).then(
      () => void (this.prepared = true),
      () => void (this.prepared = true),
    );
  }

  /** Start the analyzer worker and have it load the analyzers at once. */
  static start(): TwoStages {
    return new TwoStages(newPool(1));
  }

  /** Run one phase with `prefilterWorkers` extra prefiltering threads (started the first time they are asked for). */
  async run(tasks: readonly FileTask[], maxFileSize: number, prefilterWorkers: number): Promise<FileOutcome[]> {
    if (prefilterWorkers > 0 && !this.prefilterPool) this.prefilterPool = newPool(prefilterWorkers);
    const queue = new BatchQueue(tasks);
    const results: FileOutcome[][] = [];
    // Candidates waiting for the analyzer worker.
    const waiting: Array<{ file: FileTask; prefiltered: Prefiltered }> = [];
    let prefiltering = 0;
    const done = (b: number, prefiltered: Prefiltered[]): void => {
      results[b] = prefiltered.map((p) => p.outcome);
      prefiltered.forEach((p, i) => p.candidate && waiting.push({ file: queue.batches[b]![i]!, prefiltered: p }));
      queue.wake();
    };
    const prefilterLane = async (run: (files: FileTask[]) => Promise<Prefiltered[]>): Promise<void> => {
      prefiltering++;
      try {
        for (let b = queue.take(); b !== undefined; b = queue.take()) done(b, await run(queue.batches[b]!));
      } finally {
        prefiltering--;
        queue.wake();
      }
    };
    const pool = this.prefilterPool;
    const workerLane = (): Promise<void> =>
      prefilterLane((files) => pool!.run({ files, maxFileSize } satisfies BatchTask, { name: 'prefilterBatch' }) as Promise<Prefiltered[]>);
    // Analysis and whole batches alternate, so the analyzer worker's share of the queue shrinks by
    // itself as analysis keeps it busy, and all threads run out of work at about the same time.
    // While it still loads the analyzers it takes no batch (candidates queue up behind the loading
    // in the worker), and a phase with nothing to analyze does not wait for it at all.
    if (!this.prepared) void this.preparing.then(() => queue.wake());
    const analyzerLane = async (): Promise<void> => {
      for (;;) {
        let worked = false;
        if (waiting.length > 0) {
          const picked = waiting.splice(0);
          const task: AnalyzeTask = { files: picked.map((w) => w.file), candidates: picked.map((w) => w.prefiltered.candidate!) };
          const outputs = (await this.analyzerPool.run(task, { name: 'analyzeBatch' })) as AnalyzerOutput[];
          picked.forEach((w, k) => withAnalysis(w.file, w.prefiltered.outcome, w.prefiltered.candidate!, outputs[k]!));
          worked = true;
        }
        const b = this.prepared ? queue.take() : undefined;
        if (b !== undefined) {
          results[b] = (await this.analyzerPool.run({ files: queue.batches[b]!, maxFileSize } satisfies BatchTask)) as FileOutcome[];
          worked = true;
        }
        if (worked) continue;
        // Nothing to do: done once every batch is taken and no prefiltering lane is left, else wait for news.
        if (prefiltering === 0) return;
        await queue.changed();
      }
    };
    // The main thread yields before each batch so the workers' results are handled in between.
    const mainLane = prefilterLane(async (files) => (await yieldToEvents(), prefilterBatch({ files, maxFileSize })));
    const lanes = [mainLane, analyzerLane()];
    for (let i = 0; i < (pool?.options.maxThreads ?? 0) * 2; i++) lanes.push(workerLane());
    await allOrAbandon(queue, lanes);
    return results.flat();
  }

  async close(): Promise<void> {
    await Promise.all([this.prefilterPool?.destroy(), this.analyzerPool.destroy()]);
  }
}

/** Wait for every lane; when one fails, the others take no further batch and the failure is thrown. */
async function allOrAbandon(queue: BatchQueue, lanes: Promise<void>[]): Promise<void> {
  for (const lane of lanes) lane.catch(() => queue.abandon());
  await Promise.all(lanes);
}

function yieldToEvents(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** Tests and benchmarks set AXEPTIO_MIGRATE_FORCE_POOL=1 to exercise workers on small trees. */
function forcedPool(): boolean {
  return process.env.AXEPTIO_MIGRATE_FORCE_POOL === '1';
}
