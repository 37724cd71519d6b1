/** ProjectInfo from the package.json manifests met during the scan (read once, in the workers). */
import type { ProjectInfo } from '../facts/types.js';
import type { ManifestInfo } from './process-file.js';

const AXEPTIO_PACKAGE = /(^@axeptio\/|axeptio)/i;

/** Axeptio-related dependencies and the project's own package names. */
export function projectInfo(root: string, manifests: readonly ManifestInfo[]): ProjectInfo {
  const axeptio = new Set<string>();
  const own = new Set<string>();
  for (const m of manifests) {
    if (m.name) own.add(m.name);
    for (const dep of m.dependencies) if (AXEPTIO_PACKAGE.test(dep)) axeptio.add(dep);
  }
  return { root, axeptioPackages: [...axeptio].sort(), ownPackageNames: [...own].sort() };
}
