/**
 * Worker-thread entry for tinypool: one batch of files per task, plain data back. The default
 * export does the whole per-file work (a single worker); with more workers, prefilter threads run
 * `prefilterBatch` and the analyzer thread `prepareAnalysis` once, then `analyzeBatch` (see pool.ts).
 */
import { processBatch, type BatchTask, type FileOutcome } from './process-file.js';

export { analyzeBatch, prefilterBatch, prepareAnalysis } from './process-file.js';

/** Tinypool calls the default export with each task. */
export default function runBatch(task: BatchTask): Promise<FileOutcome[]> {
  return processBatch(task);
}
