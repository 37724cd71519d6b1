/**
 * Guarded reads: a file is opened only when it is a regular file under the size limit, and every
 * refusal carries a reason for `stats.errors` (never a silent skip, never a crash).
 */
import fs from 'node:fs';
import { decodeText } from './decode.js';

export const DEFAULT_MAX_FILE_SIZE = 2 * 1024 * 1024;

export type ReadResult = { ok: true; text: string; note?: string } | { ok: false; reason: string };

export type BytesResult = { ok: true; bytes: Buffer } | { ok: false; reason: string };

/**
 * Read and decode one file, refusing non-regular, oversized, unreadable and binary files with a reason.
 * Synchronous on purpose: the scanner reads tens of thousands of small files one after another, and a
 * stat + read syscall each beats the promise API's open/fstat/read/close round trips through the
 * thread pool (a third of the bench's wall time before the change: 20.7 s → 5.6 s with the minified guard).
 */
export function readTextFile(abs: string, maxFileSize: number = DEFAULT_MAX_FILE_SIZE): ReadResult {
  const read = readFileBytes(abs, maxFileSize);
  if (!read.ok) return read;
  try {
    const decoded = decodeText(read.bytes);
    if (!decoded.ok) return decoded;
    return decoded.note ? { ok: true, text: decoded.text, note: decoded.note } : { ok: true, text: decoded.text };
  } catch (err) {
    return { ok: false, reason: unreadable(err) };
  }
}

/** The guarded read of `readTextFile` without the decoding: the same refusals with the same reasons (binary files aside). */
export function readFileBytes(abs: string, maxFileSize: number = DEFAULT_MAX_FILE_SIZE): BytesResult {
  return guardedRead(abs, maxFileSize, () => fs.readFileSync(abs));
}

/**
 * `readFileBytes` into a buffer this thread reuses: the bytes are valid only until the next call,
 * so the caller keeps strings made from them, never the bytes. The prefilter reads every file of a
 * scan once and keeps almost nothing; a fresh buffer per file was a fifth of the reading time.
 */
export function readFileBytesTransient(abs: string, maxFileSize: number = DEFAULT_MAX_FILE_SIZE): BytesResult {
  return guardedRead(abs, maxFileSize, (size) => readIntoScratch(abs, size));
}

function guardedRead(abs: string, maxFileSize: number, read: (size: number) => Buffer): BytesResult {
  try {
    // stat before open: opening a FIFO or device for reading could block forever.
    const stat = fs.statSync(abs);
    if (stat.isDirectory()) return { ok: false, reason: 'unreadable: EISDIR (is a directory)' };
    if (!stat.isFile()) return { ok: false, reason: 'skipped: not a regular file' };
    if (stat.size > maxFileSize) return { ok: false, reason: `skipped: larger than ${formatSize(maxFileSize)}` };
    return { ok: true, bytes: read(stat.size) };
  } catch (err) {
    return { ok: false, reason: unreadable(err) };
  }
}

/** Larger scratch buffers are not kept between files (a raised --max-file-size must not pin memory). */
const SCRATCH_KEEP_BYTES = 4 * 1024 * 1024;
let scratch = Buffer.allocUnsafeSlow(64 * 1024);

/** The whole file (to its end, even if it grew since `size` was seen) in the scratch buffer. */
function readIntoScratch(abs: string, size: number): Buffer {
  // One byte more than the size, so that a file read to its end shows it in one call.
  let buffer = scratch.length > size ? scratch : Buffer.allocUnsafeSlow(size + 1);
  if (buffer !== scratch && buffer.length <= SCRATCH_KEEP_BYTES) scratch = buffer;
  const fd = fs.openSync(abs, 'r');
  try {
    let filled = 0;
    for (;;) {
      if (filled === buffer.length) {
        const grown = Buffer.allocUnsafeSlow(buffer.length * 2);
        buffer.copy(grown, 0, 0, filled);
        buffer = grown;
      }
      const n = fs.readSync(fd, buffer, filled, buffer.length - filled, null);
      if (n === 0) return buffer.subarray(0, filled);
      filled += n;
    }
  } finally {
    fs.closeSync(fd);
  }
}

/** The reason for a read (or decode) that threw. */
export function unreadable(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code ?? 'EIO';
  return `unreadable: ${code}${describeErrno(code)}`;
}

/** Human size for messages: `2 MiB`, `512 KiB`, `100 bytes`. */
export function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0) return `${bytes / (1024 * 1024)} MiB`;
  if (bytes >= 1024 && bytes % 1024 === 0) return `${bytes / 1024} KiB`;
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
  return `${bytes} bytes`;
}

function describeErrno(code: string): string {
  const text: Record<string, string> = {
    EACCES: 'permission denied',
    EPERM: 'operation not permitted',
    ENOENT: 'no such file',
    EISDIR: 'is a directory',
    ELOOP: 'too many symbolic links',
    EMFILE: 'too many open files',
  };
  return text[code] ? ` (${text[code]})` : '';
}
