/** Worker-thread entry for tinypool: one batch of files per task, plain data back. */
import { processBatch, type BatchTask, type FileOutcome } from './process-file.js';

/** Tinypool calls the default export with each task. */
export default function runBatch(task: BatchTask): Promise<FileOutcome[]> {
  return processBatch(task);
}
