/** Shapes of the token-helper generator. */

/** The helper's flavours: TypeScript source, ES module, CommonJS, or Python. */
export type HelperFlavour = 'ts' | 'esm' | 'cjs' | 'python';

export interface WriteHelperOptions {
  /** Overwrite a helper the user edited, or a file that is not ours. */
  force?: boolean;
  /** Override the flavour chosen from the file's extension. */
  flavour?: HelperFlavour;
}

export interface WriteHelperResult {
  status: 'written' | 'unchanged' | 'refused';
  /** Why the file was refused (or, with force, what was overwritten). */
  reason?: string;
  flavour: HelperFlavour;
}
