/**
 * Bytes to text the way an editor would: a UTF-8 BOM is dropped, UTF-16 LE/BE need their BOM,
 * a NUL byte early on means binary, and bytes that are not valid UTF-8 are read as Latin-1 (legacy
 * PHP and Java sources) with a note, so a file is never skipped for its encoding alone.
 * Line endings are kept as they are: analyzers count lines and columns on this exact text.
 */
import iconv from 'iconv-lite';

export type Decoded =
  | { ok: true; text: string; encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'latin1'; note?: string }
  | { ok: false; reason: string };

const BINARY_SNIFF_BYTES = 8 * 1024;
const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** Decode a file's bytes, or say why it is not text. */
export function decodeText(bytes: Uint8Array): Decoded {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { ok: true, text: iconv.decode(Buffer.from(bytes.subarray(2)), 'utf16le'), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { ok: true, text: iconv.decode(Buffer.from(bytes.subarray(2)), 'utf16be'), encoding: 'utf-16be' };
  if (bytes.subarray(0, BINARY_SNIFF_BYTES).includes(0)) return { ok: false, reason: 'skipped: binary file (NUL byte in the first 8 KiB)' };
  try {
    // TextDecoder drops a leading UTF-8 BOM itself (ignoreBOM: false).
    return { ok: true, text: strictUtf8.decode(bytes), encoding: 'utf-8' };
  } catch {
    return { ok: true, text: Buffer.from(bytes).toString('latin1'), encoding: 'latin1', note: 'decoded as Latin-1 (not valid UTF-8)' };
  }
}
