/**
 * The transforms of `transforms/`, run in-process with jscodeshift's API: each file gets the
 * parser its extension calls for, a report() that collects manual steps, and no CLI workers.
 */
import jscodeshift from 'jscodeshift';
import type { Transform } from 'jscodeshift';
import signinToClientCredentials from '../../transforms/signin-to-client-credentials.ts';
import staticTokenToHelper from '../../transforms/static-token-to-helper.ts';
import fronteggV1ToV2 from '../../transforms/frontegg-v1-to-v2.ts';
import envCredentials from '../../transforms/env-credentials.ts';
import { TRANSFORM_NAMES, type ManualStep, type TransformName } from './types.js';

const BY_NAME: Readonly<Record<TransformName, Transform>> = {
  'signin-to-client-credentials': signinToClientCredentials,
  'frontegg-v1-to-v2': fronteggV1ToV2,
  'static-token-to-helper': staticTokenToHelper,
  'env-credentials': envCredentials,
};

/** The transforms in run order (TRANSFORM_NAMES). */
export const TRANSFORMS: ReadonlyArray<[TransformName, Transform]> = TRANSFORM_NAMES.map((name) => [name, BY_NAME[name]]);

export { TRANSFORM_NAMES };

/** The jscodeshift parser for a file: `ts` for TypeScript (angle-bracket casts), `tsx` for the rest. */
export function parserFor(filePath: string): 'ts' | 'tsx' {
  return /\.(ts|mts|cts)$/i.test(filePath) ? 'ts' : 'tsx';
}

export interface TransformRun {
  output: string;
  steps: ManualStep[];
}

/** Run the named transforms, in catalog order, over one file's text. Throws what a transform throws. */
export function runTransforms(names: readonly TransformName[], filePath: string, source: string, options: Record<string, unknown>): TransformRun {
  const j = jscodeshift.withParser(parserFor(filePath));
  const steps: ManualStep[] = [];
  let text = source;
  for (const [name, transform] of TRANSFORMS) {
    if (!names.includes(name)) continue;
    const api = {
      jscodeshift: j,
      j,
      stats: () => {},
      report: (message: string) => steps.push({ transform: name, file: filePath, reason: message }),
    };
    const result = transform({ path: filePath, source: text }, api, { ...options, onManualStep: (step: ManualStep) => steps.push(step) });
    if (typeof result === 'string') text = result;
  }
  return { output: text, steps };
}

/** Whether `text` parses with the parser used for `filePath` (never write a file that does not). */
export function parseError(filePath: string, text: string): string | null {
  try {
    jscodeshift.withParser(parserFor(filePath))(text);
    return null;
  } catch (error) {
    return error instanceof Error ? error.message.split('\n')[0]! : String(error);
  }
}
