// Worker entry used only when the sources run under tsx (the test suite): Node 20 worker threads
// do not inherit the loader hooks that `--import tsx` installs, so register them here, then load
// the real worker. Built code (dist/) uses worker.js directly and never loads this file.
import { register } from 'tsx/esm/api';

register();
const worker = await import('./worker.ts');
export default worker.default;
export const { prefilterBatch, analyzeBatch, prepareAnalysis } = worker;
