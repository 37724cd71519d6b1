/**
 * How a transform says "this one needs a human": never a comment in the user's code, always
 * through the API. Under the jscodeshift CLI that is `api.report()` (printed by the runner);
 * in-process, `fix` passes `options.onManualStep` and receives the structured step.
 */
import type { API, Options } from 'jscodeshift';

export interface ManualStep {
  /** Transform that could not rewrite the code. */
  transform: string;
  file: string;
  /** 1-based line of the construct left unchanged, when known. */
  line?: number;
  /** Why it was left alone, and what to do instead. */
  reason: string;
}

/** Report a construct the transform left unchanged on purpose. */
export function reportManualStep(api: API, options: Options, step: ManualStep): void {
  const hook = options['onManualStep'];
  if (typeof hook === 'function') {
    hook(step);
    return;
  }
  api.report(`${step.transform}: ${step.file}${step.line ? `:${step.line}` : ''}: manual step: ${step.reason}`);
}
