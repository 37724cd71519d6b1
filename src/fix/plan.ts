/**
 * Which fixer runs on which file, decided from the scan's findings alone: a JS/TS file gets the
 * transforms its fixable findings name; an env template gets the template fixer; a Postman or
 * .http collection with a legacy sign-in gets the collection fixer. Nothing else is opened.
 */
import path from 'node:path';
import type { Finding } from '../findings/types.js';
import { isEnvTemplate } from './env-template.js';
import { TRANSFORM_NAMES, type TransformName } from './types.js';

export type FixerKind = 'code' | 'env-template' | 'collection';

export interface FilePlan {
  /** POSIX path relative to the scan root. */
  file: string;
  abs: string;
  kind: FixerKind;
  /** Code: transforms to run, in catalog order. Others: the transform the finding names (for --transforms filtering and reports). */
  transforms: TransformName[];
  findings: Finding[];
}

const CODE_FILE = /\.(m|c)?(j|t)sx?$/i;
const COLLECTION_FILE = /\.(json|http|rest)$/i;

/** Is `name` one of the transforms of `transforms/`? */
export function isTransformName(name: string): name is TransformName {
  return (TRANSFORM_NAMES as readonly string[]).includes(name);
}

/**
 * Plan the fixes for `findings` (paths relative to `root`). `selected` limits the transforms; when
 * the user names `env-credentials` explicitly, code that reads the legacy variables is included
 * too (the scanner only offers guidance there, so it is opt-in).
 */
export function planFixes(root: string, findings: readonly Finding[], selected?: readonly TransformName[]): FilePlan[] {
  const allowed = (t: TransformName) => !selected || selected.includes(t);
  const byFile = new Map<string, FilePlan>();
  const add = (finding: Finding, kind: FixerKind, transform: TransformName) => {
    let plan = byFile.get(finding.file);
    if (!plan) {
      plan = { file: finding.file, abs: path.resolve(root, finding.file), kind, transforms: [], findings: [] };
      byFile.set(finding.file, plan);
    }
    if (!plan.transforms.includes(transform)) plan.transforms.push(transform);
    plan.findings.push(finding);
  };
  for (const finding of findings) {
    const named = finding.fix.transform;
    if (CODE_FILE.test(finding.file)) {
      if (finding.fix.available && named && isTransformName(named) && allowed(named)) add(finding, 'code', named);
      else if (finding.ruleId === 'legacy-credentials' && selected?.includes('env-credentials')) add(finding, 'code', 'env-credentials');
    } else if (isEnvTemplate(finding.file)) {
      if (finding.fix.available && named === 'env-credentials' && allowed('env-credentials')) add(finding, 'env-template', 'env-credentials');
    } else if (COLLECTION_FILE.test(finding.file) && finding.ruleId === 'legacy-signin' && allowed('signin-to-client-credentials')) {
      add(finding, 'collection', 'signin-to-client-credentials');
    }
  }
  const plans = [...byFile.values()].sort((a, b) => a.file.localeCompare(b.file));
  for (const plan of plans) plan.transforms.sort((a, b) => TRANSFORM_NAMES.indexOf(a) - TRANSFORM_NAMES.indexOf(b));
  return plans;
}
