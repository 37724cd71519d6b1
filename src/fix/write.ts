/** Writing a fixed file: only if nobody changed it since we read it, and atomically (temp + rename). */
import { randomBytes } from 'node:crypto';
import { readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Write `bytes` to `file` if its content is still `expected`; returns a reason when it did not write. */
export function writeIfUnchanged(file: string, expected: Buffer, bytes: Buffer): string | null {
  let current: Buffer;
  try {
    current = readFileSync(file);
  } catch (error) {
    return `could not re-read it before writing (${(error as NodeJS.ErrnoException).code ?? 'error'})`;
  }
  if (!current.equals(expected)) return 'it changed on disk while fix was running; rerun fix';
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    writeFileSync(temp, bytes, { mode: statSync(file).mode & 0o777 });
    renameSync(temp, file);
    return null;
  } catch (error) {
    rmSync(temp, { force: true });
    return `could not write it (${(error as NodeJS.ErrnoException).code ?? 'error'})`;
  }
}
