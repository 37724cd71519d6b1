/**
 * Parallelism: files go to worker threads in batches (one message per batch, not per file).
 * Small scans stay in-process because starting workers and loading the analyzers in each costs
 * more than it saves. The worker module is the sibling `worker.js` in dist/; under tsx (tests)
 * a small .mjs entry registers tsx in the worker first, so the same code runs built and in tests.
 *
 * With two or more workers the work is split in two stages (see `TwoStages`): reading and
 * prefiltering, cheap per file but for every file, and analysis, for a few files per thousand but
 * in the one thread that loads the analyzers and the TypeScript compiler behind them (about a
 * second of CPU for each thread that loads them). A single worker does both stages itself.
 */
import os from 'node:os';
import type { Tinypool } from 'tinypool';
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

/** Below this many files a scan runs in-process even when workers are allowed. */
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
 * Runs the file tasks of one scan, phase after phase. Each phase decides on its own between
 * in-process and threads, with the same rule; threads are shut down as soon as their phase is done,
 * in the background, so the caller goes on with the results while they wind down (a thread that
 * just ran the analyzers leaves compilation jobs behind, which the process waits for before it can
 * exit). `close()` resolves once every thread is gone.
 */
export class FileRunner {
  private readonly closing: Promise<void>[] = [];

  constructor(private readonly options: RunOptions) {}

  /** Process the tasks, preserving their order. */
  async run(tasks: readonly FileTask[]): Promise<FileOutcome[]> {
    if (tasks.length === 0) return [];
    const workers = this.threadCount(tasks.length);
    if (workers === 0) return processBatch({ files: [...tasks], maxFileSize: this.options.maxFileSize });
    const session = await this.open(workers);
    session.add(tasks);
    return this.finished(session);
  }

  async close(): Promise<void> {
    await Promise.all(this.closing.splice(0));
  }

  /** Threads for `count` tasks, 0 for in-process. */
  private threadCount(count: number): number {
    const workers = Math.min(this.options.workers, Math.ceil(count / 16));
    if (workers < 1 || (this.options.workers > 0 && count < IN_PROCESS_MAX_FILES && !forcedPool())) return 0;
    return workers;
  }

  private async open(workers: number): Promise<Session> {
    const threads = await startThreads(workers);
    let released = false;
    return threads.open(this.options.maxFileSize, () => {
      if (released) return;
      released = true;
      const closed = threads.close();
      closed.catch(() => undefined); // awaited in close()
      this.closing.push(closed);
    });
  }

  private async finished(session: Session): Promise<FileOutcome[]> {
    try {
      return await session.finish();
    } finally {
      session.release();
    }
  }
}

interface Threads {
  /** Start taking batches; `release` shuts the threads down once the session is over. */
  open(maxFileSize: number, release: () => void): Session;
  close(): Promise<void>;
}

/** One phase's work on running threads: batches are added, then finished; outcomes in task order. */
interface Session {
  add(tasks: readonly FileTask[]): void;
  finish(): Promise<FileOutcome[]>;
  release(): void;
}

async function startThreads(workers: number): Promise<Threads> {
  const { Tinypool } = await import('tinypool');
  const self = import.meta.url;
  const filename = new URL(self.endsWith('.ts') ? './worker-under-tsx.mjs' : './worker.js', self).href;
  const pool = (threads: number): Tinypool => new Tinypool({ filename, minThreads: threads, maxThreads: threads, idleTimeout: 1000, concurrentTasksPerWorker: 2 });
  return workers === 1 ? new SingleWorker(pool(1)) : new TwoStages(workers > 2 ? pool(workers - 2) : undefined, pool(1));
}

/** Files per batch: enough that messaging does not dominate, few enough that threads share the work evenly. */
const BATCH_SIZE = 128;

/**
 * The batches of a session, in order, growing until closed. Threads take them one at a time;
 * `take` waits while the queue is empty but not closed.
 */
class BatchQueue {
  readonly batches: FileTask[][] = [];
  private pending: FileTask[] = [];
  private next = 0;
  private closed = false;
  private wakeUps: Array<() => void> = [];

  add(tasks: readonly FileTask[]): void {
    for (const task of tasks) {
      this.pending.push(task);
      if (this.pending.length === BATCH_SIZE) this.seal();
    }
    this.wake();
  }

  close(): void {
    if (this.pending.length) this.seal();
    this.closed = true;
    this.wake();
  }

  /** The session failed: no thread takes another batch. */
  abandon(): void {
    this.close();
    this.next = this.batches.length;
  }

  get isClosed(): boolean {
    return this.closed;
  }

  /** The next batch's index, or undefined once the queue is closed and empty. */
  async take(): Promise<number | undefined> {
    for (;;) {
      const b = this.takeNow();
      if (b !== undefined || this.closed) return b;
      await this.changed();
    }
  }

  /** A batch if one is ready now, without waiting. */
  takeNow(): number | undefined {
    return this.next < this.batches.length ? this.next++ : undefined;
  }

  /** Resolves at the next `wake` (a batch added, the queue closed, or a lane's news). */
  changed(): Promise<void> {
    return new Promise((resolve) => this.wakeUps.push(resolve));
  }

  wake(): void {
    const wakeUps = this.wakeUps;
    this.wakeUps = [];
    for (const resolve of wakeUps) resolve();
  }

  private seal(): void {
    this.batches.push(this.pending);
    this.pending = [];
  }
}

/** `--workers 1`: one worker reads, prefilters and analyzes every batch. */
class SingleWorker implements Threads {
  constructor(private readonly pool: Tinypool) {}

  open(maxFileSize: number, release: () => void): Session {
    const queue = new BatchQueue();
    const results: FileOutcome[][] = [];
    const lanes = [0, 1].map(async () => {
      for (let b = await queue.take(); b !== undefined; b = await queue.take()) {
        results[b] = (await this.pool.run({ files: queue.batches[b]!, maxFileSize } satisfies BatchTask)) as FileOutcome[];
      }
    });
    return finishable(queue, lanes, () => results.flat(), release);
  }

  close(): Promise<void> {
    return this.pool.destroy();
  }
}

/**
 * `workers` threads in all: the main thread and `workers - 2` prefilter workers read and
 * prefilter batches taken from one queue, and hand each batch's candidates to the analyzer
 * worker, which analyzes them as they come; whenever it has none waiting, the analyzer worker
 * takes a batch from the queue too and does the whole work on it (its own candidates included).
 * So every thread keeps busy, and only the analyzer worker loads the analyzers.
 */
class TwoStages implements Threads {
  constructor(
    private readonly prefilterPool: Tinypool | undefined,
    private readonly analyzerPool: Tinypool,
  ) {}

  open(maxFileSize: number, release: () => void): Session {
    const queue = new BatchQueue();
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
        for (let b = await queue.take(); b !== undefined; b = await queue.take()) done(b, await run(queue.batches[b]!));
      } finally {
        prefiltering--;
        queue.wake();
      }
    };
    const workerLane = (): Promise<void> =>
      prefilterLane((files) => this.prefilterPool!.run({ files, maxFileSize } satisfies BatchTask, { name: 'prefilterBatch' }) as Promise<Prefiltered[]>);
    // Analysis and whole batches alternate, so the analyzer worker's share of the queue shrinks
    // by itself as analysis keeps it busy, and all threads run out of work at about the same time.
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
        const b = queue.takeNow();
        if (b !== undefined) {
          results[b] = (await this.analyzerPool.run({ files: queue.batches[b]!, maxFileSize } satisfies BatchTask)) as FileOutcome[];
          worked = true;
        }
        if (worked) continue;
        // Nothing to do: done once no batch and no prefiltering thread is left, else wait for news.
        if (queue.isClosed && prefiltering === 0) return;
        await queue.changed();
      }
    };
    const lanes: Promise<void>[] = [analyzerLane()];
    for (let i = 0; i < (this.prefilterPool?.options.maxThreads ?? 0) * 2; i++) lanes.push(workerLane());
    return finishable(queue, lanes, () => results.flat(), release, () =>
      // The main thread yields before each batch so the workers' results are handled in between.
      prefilterLane(async (files) => (await yieldToEvents(), prefilterBatch({ files, maxFileSize }))),
    );
  }

  async close(): Promise<void> {
    await Promise.all([this.prefilterPool?.destroy(), this.analyzerPool.destroy()]);
  }
}

/** A session over `lanes` taking from `queue`; `mainLane`, if any, starts when the session is finished. */
function finishable(queue: BatchQueue, lanes: Promise<void>[], outcomes: () => FileOutcome[], release: () => void, mainLane?: () => Promise<void>): Session {
  for (const lane of lanes) lane.catch(() => undefined); // awaited in finish()
  return {
    add: (tasks) => queue.add(tasks),
    async finish() {
      queue.close();
      try {
        await Promise.all(mainLane ? [...lanes, mainLane()] : lanes);
      } catch (err) {
        queue.abandon();
        throw err;
      }
      return outcomes();
    },
    release,
  };
}

function yieldToEvents(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** Tests and benchmarks set AXEPTIO_MIGRATE_FORCE_POOL=1 to exercise workers on small trees. */
function forcedPool(): boolean {
  return process.env.AXEPTIO_MIGRATE_FORCE_POOL === '1';
}
