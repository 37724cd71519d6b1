/**
 * Reading the decoded text of valid UTF-8 bytes through their Latin-1 view (one character per
 * byte, see `Sniffed` in discover/decode.ts) without decoding all of it: the prefilter's patterns
 * are ASCII-only, so they find the same matches in the view, and only the few slices it reads
 * around them are needed as text. Each slice here is exactly the slice of the decoded text
 * (JavaScript string indices count UTF-16 units: a character beyond U+FFFF is two of them, and a
 * slice may cut one in half, as `String#slice` does).
 */

/** How the prefilter reads text around a match: by index into what it scans (text or view). */
export interface TextAccess {
  /** `text.slice(max(0, i - before), i + after)` of the text, for the match at `i` of the scanned string. */
  around(i: number, before: number, after: number): string;
  /** `text.slice(from, to)` where `from` and `to` are indices of the scanned string at ASCII characters (or its end). */
  between(from: number, to: number): string;
}

/** Access to a text scanned as it is. */
export function plainAccess(text: string): TextAccess {
  return {
    around: (i, before, after) => text.slice(Math.max(0, i - before), i + after),
    between: (from, to) => text.slice(from, to),
  };
}

const NON_ASCII = /[^\x00-\x7f]/;

/**
 * Access to the decoded text of valid UTF-8 `bytes` scanned through their Latin-1 `view`; indices
 * handed in are those of ASCII characters of the view (pattern matches).
 */
export function utf8Access(bytes: Uint8Array, view: string): TextAccess {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The decoded text has no BOM (the decoder drops it): it starts after one.
  const textStart = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const decode = (from: number, to: number): string => buffer.toString('utf8', from, to);
  return {
    around(i, before, after) {
      // All ASCII around the match: those bytes are those characters, the text window is the view
      // window (at the start of the bytes, no BOM can be among them, so the text starts there too).
      const window = view.slice(Math.max(0, i - before), i + after);
      if (!NON_ASCII.test(window)) return window;
      const start = unitsBefore(bytes, i, before, textStart);
      const end = unitsAfter(bytes, i, after);
      const text = decode(start.at, end.at);
      return text.slice(start.cut ? 1 : 0, end.cut ? text.length - 1 : text.length);
    },
    between(from, to) {
      const slice = view.slice(from, to);
      return NON_ASCII.test(slice) ? decode(from, to) : slice;
    },
  };
}

/**
 * Where `units` UTF-16 units before byte `at` start (or the text start): the byte of that
 * character, and whether the slice begins in the middle of it (the low half of a surrogate pair).
 */
function unitsBefore(bytes: Uint8Array, at: number, units: number, textStart: number): { at: number; cut: boolean } {
  let i = at;
  let counted = 0;
  while (counted < units && i > textStart) {
    let lead = i - 1;
    while (lead > textStart && (bytes[lead]! & 0xc0) === 0x80) lead--;
    counted += bytes[lead]! >= 0xf0 ? 2 : 1;
    i = lead;
  }
  return { at: i, cut: counted > units };
}

/**
 * Where `units` UTF-16 units from byte `at` end (or the bytes end): the byte after that character,
 * and whether the slice ends in the middle of it (the high half of a surrogate pair).
 */
function unitsAfter(bytes: Uint8Array, at: number, units: number): { at: number; cut: boolean } {
  let i = at;
  let counted = 0;
  while (counted < units && i < bytes.length) {
    const lead = bytes[i]!;
    const length = lead < 0x80 ? 1 : lead < 0xe0 ? 2 : lead < 0xf0 ? 3 : 4;
    counted += length === 4 ? 2 : 1;
    i += length;
  }
  return { at: Math.min(i, bytes.length), cut: counted > units };
}
