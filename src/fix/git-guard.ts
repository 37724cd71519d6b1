/**
 * The dirty-tree guard. `fix` rewrites files in place, so the user must be able to review and
 * undo it with git: uncommitted changes to tracked files would mix with ours. Plain `git` through
 * child_process (always present where git repos are; no library needed for two read-only calls).
 * Untracked files do not count: `git checkout` undoes our edits without touching them.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

export type GitState =
  | { kind: 'clean'; top: string }
  | { kind: 'dirty'; top: string; changed: string[] }
  | { kind: 'not-a-repo'; reason: string };

/** The git state of the work tree containing `dir`. */
export async function gitState(dir: string): Promise<GitState> {
  let top: string;
  try {
    top = (await run('git', ['rev-parse', '--show-toplevel'], { cwd: dir })).stdout.trim();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { kind: 'not-a-repo', reason: code === 'ENOENT' ? 'git is not installed' : 'not inside a git work tree' };
  }
  const { stdout } = await run('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: top, maxBuffer: 32 * 1024 * 1024 });
  const changed = stdout.split('\n').filter(Boolean).map((l) => l.slice(3));
  return changed.length ? { kind: 'dirty', top, changed } : { kind: 'clean', top };
}
