/** Shapes of the `fix` pipeline: options in, a per-file account and a summary out. */
import type { Finding } from '../findings/types.js';
import type { ManualStep } from '../../transforms/_manual-step.ts';

export type { ManualStep };

/** Transform names, as findings name them in `fix.transform`. */
export type TransformName = 'signin-to-client-credentials' | 'static-token-to-helper' | 'frontegg-v1-to-v2' | 'env-credentials';

/**
 * Every transform, in run order: the sign-in and v1 rewrites create helper calls the others must not
 * touch twice. Kept here, apart from the transform modules, so the CLI can list and validate names
 * without loading jscodeshift and Babel at startup.
 */
export const TRANSFORM_NAMES: readonly TransformName[] = ['signin-to-client-credentials', 'frontegg-v1-to-v2', 'static-token-to-helper', 'env-credentials'];

export interface FixOptions {
  /** Paths to scan and fix (default: cwd). */
  paths: string[];
  cwd: string;
  /** Print/return the diff only; write nothing. */
  dryRun?: boolean;
  /** Write the unified diff to this file instead of changing sources. */
  patchPath?: string;
  /** Where to write the helper (default: `axeptio-token.<ext>` in the common folder of the rewritten files). */
  helperPath?: string;
  /** Only run these transforms. */
  transforms?: TransformName[];
  /** Run on a dirty git tree; overwrite an edited helper. */
  force?: boolean;
  include?: string[];
  exclude?: string[];
  /** Scan worker threads (0 = in-process). */
  workers?: number;
}

/** What happened to one planned file. */
export interface FileOutcome {
  /** POSIX path relative to the scan root. */
  file: string;
  status: 'changed' | 'unchanged' | 'skipped' | 'failed';
  transforms: TransformName[];
  /** Why it was skipped or failed. */
  reason?: string;
  /** Original and new text (not serialised in summaries). */
  before?: string;
  after?: string;
}

export interface HelperOutcome {
  /** Path relative to the scan root. */
  file: string;
  status: 'written' | 'unchanged' | 'refused' | 'planned';
  reason?: string;
}

export interface FixResult {
  root: string;
  dryRun: boolean;
  /** Note about the git state (non-git folder, forced on a dirty tree). */
  gitNote?: string;
  files: FileOutcome[];
  /** One helper per runtime the rewritten code needs (TypeScript, JavaScript); empty when no code was rewritten. */
  helpers: HelperOutcome[];
  manualSteps: ManualStep[];
  /** Findings (in the planned files) that the rescan no longer reports. */
  fixed: Finding[];
  /** Findings still reported in the planned files after the fix (or all of them in a dry run). */
  remaining: Finding[];
  /** Unified diff of every change, helper included. */
  patch: string;
}

/** The fix cannot start (dirty tree, bad option): exit code 2 for usage, 1 for a refused state. */
export class FixRefusedError extends Error {
  override name = 'FixRefusedError';
}
