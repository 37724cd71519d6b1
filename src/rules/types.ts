/** A rule: catalog metadata beside a detector over the linked project (ESLint style). */
import type { RawFinding } from '../findings/types.js';
import type { LinkedProject } from '../link/types.js';
import type { RuleMeta } from './catalog.js';

/** One rule of the catalog with its detector. */
export interface Rule {
  meta: RuleMeta;
  /** Findings of this rule in the linked project (unsorted; `evaluate` sorts and deduplicates). */
  detect(project: LinkedProject): RawFinding[];
}
