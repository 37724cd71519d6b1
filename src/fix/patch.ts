/** The unified diff of a fix: one section per changed file, the new helper as a created file. */
import { createTwoFilesPatch, FILE_HEADERS_ONLY } from 'diff';

export interface PatchEntry {
  /** POSIX path relative to the root. */
  file: string;
  /** undefined for a new file. */
  before?: string;
  after: string;
}

/** A patch `git apply` (and `patch -p1`) accept. */
export function unifiedPatch(entries: readonly PatchEntry[]): string {
  return entries
    .map((e) => createTwoFilesPatch(e.before === undefined ? '/dev/null' : `a/${e.file}`, `b/${e.file}`, e.before ?? '', e.after, undefined, undefined, { headerOptions: FILE_HEADERS_ONLY }))
    .join('');
}
