/**
 * Bytes to text the way an editor would: a UTF-8 BOM is dropped, UTF-16 LE/BE need their BOM,
 * a NUL byte early on means binary, and bytes that are not valid UTF-8 are read as Latin-1 (legacy
 * PHP and Java sources) with a note, so a file is never skipped for its encoding alone.
 * Line endings are kept as they are: analyzers count lines and columns on this exact text.
 */
import { isAscii, isUtf8 } from 'node:buffer';
import { createRequire } from 'node:module';

export type Decoded =
  | { ok: true; text: string; encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'latin1'; note?: string }
  | { ok: false; reason: string };

/**
 * What the scanner needs before deciding whether a file's text matters: either the decoded text,
 * or, for valid UTF-8 with non-ASCII bytes, a Latin-1 view of the bytes (one character per byte)
 * that `decodeText` turns into the real text when asked. ASCII characters sit in the view exactly
 * where they sit in the bytes, and no non-ASCII byte reads as an ASCII character, so an ASCII
 * literal or an ASCII-only pattern occurs in the view exactly when it occurs in the text.
 */
export type Sniffed = Decoded | { ok: true; view: string };

const BINARY_SNIFF_BYTES = 8 * 1024;
const BINARY_REASON = 'skipped: binary file (NUL byte in the first 8 KiB)';
const LATIN1_NOTE = 'decoded as Latin-1 (not valid UTF-8)';
const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** Decode a file's bytes, or say why it is not text. */
export function decodeText(bytes: Uint8Array): Decoded {
  const sniffed = sniff(bytes);
  return sniffed === UTF8 ? decodeUtf8(bytes) : sniffed;
}

/**
 * `decodeText` without the UTF-8 decoding of non-ASCII text, which is left to the caller
 * (`decodeText(bytes)`) when the view shows the text is needed. Pure ASCII is decoded here:
 * its Latin-1 reading is the very string a UTF-8 decoder returns (and it holds no BOM).
 */
export function sniffText(bytes: Uint8Array): Sniffed {
  const sniffed = sniff(bytes);
  return sniffed === UTF8 ? { ok: true, view: latin1Text(bytes) } : sniffed;
}

/** Valid UTF-8 with non-ASCII bytes: decoded by the caller. */
const UTF8 = Symbol('utf-8');

function sniff(bytes: Uint8Array): Decoded | typeof UTF8 {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { ok: true, text: utf16(bytes.subarray(2), 'utf16le'), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { ok: true, text: utf16(bytes.subarray(2), 'utf16be'), encoding: 'utf-16be' };
  if (bytes.subarray(0, BINARY_SNIFF_BYTES).includes(0)) return { ok: false, reason: BINARY_REASON };
  if (isAscii(bytes)) return { ok: true, text: latin1Text(bytes), encoding: 'utf-8' };
  // isUtf8 (simdutf) accepts exactly what the fatal TextDecoder accepts, without building a string.
  return isUtf8(bytes) ? UTF8 : latin1(bytes);
}

function decodeUtf8(bytes: Uint8Array): Decoded {
  try {
    // TextDecoder drops a leading UTF-8 BOM itself (ignoreBOM: false).
    return { ok: true, text: strictUtf8.decode(bytes), encoding: 'utf-8' };
  } catch {
    return latin1(bytes); // never reached after isUtf8, kept so the two checks can never disagree silently
  }
}

function latin1(bytes: Uint8Array): Decoded {
  return { ok: true, text: latin1Text(bytes), encoding: 'latin1', note: LATIN1_NOTE };
}

function latin1Text(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
}

type Iconv = { decode(bytes: Buffer, encoding: string): string };
let iconv: Iconv | undefined;

/** UTF-16 through iconv-lite, loaded on the first UTF-16 file only (most scans have none). */
function utf16(bytes: Uint8Array, encoding: 'utf16le' | 'utf16be'): string {
  iconv ??= createRequire(import.meta.url)('iconv-lite') as Iconv;
  return iconv.decode(Buffer.from(bytes), encoding);
}
