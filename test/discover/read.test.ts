import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import iconv from 'iconv-lite';
import { decodeText } from '../../src/discover/decode.js';
import { DEFAULT_MAX_FILE_SIZE, readFileBytes, readFileBytesTransient, readTextFile } from '../../src/discover/read.js';
import { removeTree, tempTree } from './temp-tree.js';

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

test('binary files (NUL byte in the first 8 KiB) are skipped with a reason', async (t) => {
  const root = tempTree({ 'logo.ts': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]) });
  t.after(() => removeTree(root));
  assert.deepEqual(readTextFile(`${root}/logo.ts`), { ok: false, reason: 'skipped: binary file (NUL byte in the first 8 KiB)' });
});

test('files over the size limit are skipped with the limit in the reason', async (t) => {
  const root = tempTree({ 'big.js': 'x'.repeat(DEFAULT_MAX_FILE_SIZE + 1), 'small.js': 'x'.repeat(200) });
  t.after(() => removeTree(root));
  assert.deepEqual(readTextFile(`${root}/big.js`), { ok: false, reason: 'skipped: larger than 2 MiB' });
  assert.deepEqual(readTextFile(`${root}/small.js`, 100), { ok: false, reason: 'skipped: larger than 100 bytes' });
  assert.equal((readTextFile(`${root}/small.js`, 200)).ok, true);
});

test('unreadable paths give the errno in the reason', async (t) => {
  const root = tempTree({ 'dir.ts/inner.txt': '', 'locked.ts': 'secret' });
  t.after(() => removeTree(root));
  assert.deepEqual(readTextFile(`${root}/dir.ts`), { ok: false, reason: 'unreadable: EISDIR (is a directory)' });
  fs.symlinkSync(`${root}/missing.ts`, `${root}/dangling.ts`);
  assert.deepEqual(readTextFile(`${root}/dangling.ts`), { ok: false, reason: 'unreadable: ENOENT (no such file)' });
  execFileSync('mkfifo', [`${root}/pipe.ts`]);
  assert.deepEqual(readTextFile(`${root}/pipe.ts`), { ok: false, reason: 'skipped: not a regular file' });
  if (isRoot) return; // root reads mode-000 files; the cases above fail for real either way
  fs.chmodSync(`${root}/locked.ts`, 0o000);
  assert.deepEqual(readTextFile(`${root}/locked.ts`), { ok: false, reason: 'unreadable: EACCES (permission denied)' });
});

test('reads into the reused buffer give every file its own bytes, whatever the sizes before it, and the same refusals', async (t) => {
  // Sizes around the buffer's first size (64 KiB) and its growth, empty files, and one over the
  // size that is kept between files (4 MiB) with a raised limit.
  const sizes = [0, 10, 65_535, 65_536, 65_537, 3, 200_000, 1, 5 * 1024 * 1024, 7, 0, 131_073];
  const files: Record<string, Uint8Array> = {};
  sizes.forEach((size, i) => {
    const bytes = new Uint8Array(size);
    for (let k = 0; k < size; k++) bytes[k] = (k * 31 + i * 7) & 0xff;
    files[`f${i}.bin`] = bytes;
  });
  const root = tempTree({ ...files, 'dir.ts/inner.txt': '' });
  t.after(() => removeTree(root));
  execFileSync('mkfifo', [`${root}/pipe.ts`]);
  for (const pass of [0, 1]) {
    for (const name of [...Object.keys(files), 'dir.ts', 'pipe.ts', 'missing.ts']) {
      const limit = pass === 0 ? 8 * 1024 * 1024 : 100_000;
      const fresh = readFileBytes(`${root}/${name}`, limit);
      // Files a walk listed are read without a stat; a FIFO (never listed) then reads as empty instead of hanging.
      for (const listed of name === 'pipe.ts' ? [false] : [false, true]) {
        const reused = readFileBytesTransient(`${root}/${name}`, limit, listed);
        assert.equal(reused.ok, fresh.ok, `${name} (listed: ${listed})`);
        if (reused.ok && fresh.ok) assert.ok(Buffer.compare(reused.bytes, fresh.bytes) === 0, `${name}: ${reused.bytes.length} bytes (listed: ${listed})`);
        else assert.deepEqual(reused, fresh, `${name} (listed: ${listed})`);
      }
    }
  }
});

test('a FIFO swapped in for a listed file reads as empty instead of blocking', async (t) => {
  const root = tempTree({ 'x.ts': '' });
  t.after(() => removeTree(root));
  execFileSync('mkfifo', [`${root}/pipe.ts`]);
  const read = readFileBytesTransient(`${root}/pipe.ts`, DEFAULT_MAX_FILE_SIZE, true);
  assert.ok(read.ok);
  assert.equal(read.bytes.length, 0);
});

test('a file that grew after its size was read is read to its end, as readFileSync would', async (t) => {
  const root = tempTree({ 'grow.txt': 'x'.repeat(70_000) });
  t.after(() => removeTree(root));
  // The size check sees the first size; appending between stat and read is the race this covers.
  const realStat = fs.statSync;
  let appended = false;
  const patched = ((p: fs.PathLike, o?: fs.StatSyncOptions) => {
    const st = realStat(p, o);
    if (!appended && String(p).endsWith('grow.txt')) {
      appended = true;
      fs.appendFileSync(p, 'y'.repeat(200_000));
    }
    return st;
  }) as typeof fs.statSync;
  fs.statSync = patched;
  try {
    const read = readFileBytesTransient(`${root}/grow.txt`, DEFAULT_MAX_FILE_SIZE);
    assert.ok(read.ok);
    assert.equal(read.bytes.length, 270_000);
    assert.equal(read.bytes.toString('latin1', 269_990), 'y'.repeat(10));
  } finally {
    fs.statSync = realStat;
  }
});

test('UTF-16 LE and BE with a BOM decode to the same text; a UTF-8 BOM is dropped', () => {
  const text = "const url = 'https://api.axept.io/v1/auth/local/signin'; // é ✓\r\n";
  const le = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf16le')]);
  const be = Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(text, 'utf16be')]);
  assert.deepEqual(decodeText(le), { ok: true, text, encoding: 'utf-16le' });
  assert.deepEqual(decodeText(be), { ok: true, text, encoding: 'utf-16be' });
  assert.deepEqual(decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)])), { ok: true, text, encoding: 'utf-8' });
});

test('invalid UTF-8 falls back to Latin-1 with a note, keeping every byte as one character', async (t) => {
  const bytes = Buffer.from("$motDePasse = 'caf\xe9';\n", 'latin1');
  const root = tempTree({ 'legacy.php': bytes });
  t.after(() => removeTree(root));
  assert.deepEqual(readTextFile(`${root}/legacy.php`), { ok: true, text: "$motDePasse = 'café';\n", note: 'decoded as Latin-1 (not valid UTF-8)' });
});

test('CRLF and lone CR line endings are preserved', () => {
  const text = 'a\r\nb\rc\n';
  const decoded = decodeText(Buffer.from(text));
  assert.equal(decoded.ok && decoded.text, text);
});

test('UTF-8 validity: isUtf8 (used to skip decoding) agrees with the fatal TextDecoder on crafted and random bytes', async () => {
  const { isUtf8 } = await import('node:buffer');
  const strict = new TextDecoder('utf-8', { fatal: true });
  const valid = (b: Uint8Array): boolean => {
    try {
      strict.decode(b);
      return true;
    } catch {
      return false;
    }
  };
  const crafted = [
    [], [0x41], [0xef, 0xbb, 0xbf, 0x41], [0xc3, 0xa9], [0xc3], [0xa9], [0xc0, 0xaf], [0xc1, 0xbf], [0xe0, 0x80, 0xaf], [0xe0, 0xa0, 0x80],
    [0xed, 0x9f, 0xbf], [0xed, 0xa0, 0x80], [0xed, 0xbf, 0xbf], [0xee, 0x80, 0x80], [0xef, 0xbf, 0xbe], [0xef, 0xbf, 0xbf], [0xf0, 0x8f, 0xbf, 0xbf],
    [0xf0, 0x90, 0x80, 0x80], [0xf4, 0x8f, 0xbf, 0xbf], [0xf4, 0x90, 0x80, 0x80], [0xf5, 0x80, 0x80, 0x80], [0xf8, 0x88, 0x80, 0x80, 0x80],
    [0xfe], [0xff], [0xe2, 0x82], [0xe2, 0x82, 0xac], [0xf0, 0x9f, 0x98], [0xf0, 0x9f, 0x98, 0x80], [0x80, 0x80], [0xc2, 0x41], [0xe9, 0x41, 0x41],
  ];
  for (const bytes of crafted) assert.equal(isUtf8(new Uint8Array(bytes)), valid(new Uint8Array(bytes)), JSON.stringify(bytes));
  let seed = 12345;
  const next = (): number => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 24;
  const alphabet = [0x41, 0x0a, 0x80, 0xbf, 0xc2, 0xc3, 0xdf, 0xe0, 0xe2, 0xed, 0xef, 0xf0, 0xf4, 0xf5, 0xff, 0x9f, 0xa0, 0x90, 0x8f];
  for (let i = 0; i < 20000; i++) {
    const bytes = new Uint8Array(1 + (next() % 12)).map(() => (next() % 3 === 0 ? next() : alphabet[next() % alphabet.length]!));
    assert.equal(isUtf8(bytes), valid(bytes), JSON.stringify([...bytes]));
  }
});

test('sniffText: ASCII is decoded at once, valid UTF-8 beyond ASCII gives a Latin-1 view, the rest decodes as decodeText does', async () => {
  const { sniffText } = await import('../../src/discover/decode.js');
  const ascii = Buffer.from("const url = '/auth/local/signin';\r\n\txy\n");
  assert.deepEqual(sniffText(ascii), { ok: true, text: ascii.toString('utf8'), encoding: 'utf-8' });
  for (const text of ['café ✓ 😀\n', '\ufeffconst a = 1;\n', 'ß'.repeat(10)]) {
    const bytes = Buffer.from(text, 'utf8');
    assert.deepEqual(sniffText(bytes), { ok: true, view: bytes.toString('latin1') });
    assert.deepEqual(decodeText(bytes), { ok: true, text: text.replace(/^\ufeff/, ''), encoding: 'utf-8' });
  }
  const latin1 = Buffer.from("$motDePasse = 'caf\xe9';\n", 'latin1');
  assert.deepEqual(sniffText(latin1), decodeText(latin1));
  assert.deepEqual(sniffText(latin1), { ok: true, text: "$motDePasse = 'café';\n", encoding: 'latin1', note: 'decoded as Latin-1 (not valid UTF-8)' });
  const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode('signin ✓', 'utf16le')]);
  assert.deepEqual(sniffText(utf16), { ok: true, text: 'signin ✓', encoding: 'utf-16le' });
  const binary = new Uint8Array([0x41, 0x00, 0xc3, 0xa9]);
  assert.deepEqual(sniffText(binary), decodeText(binary));
  assert.deepEqual(sniffText(binary), { ok: false, reason: 'skipped: binary file (NUL byte in the first 8 KiB)' });
  // A NUL after the first 8 KiB is text, in the ASCII fast path as in the decoder.
  const late = Buffer.concat([Buffer.alloc(9000, 0x61), Buffer.from([0x00, 0x62])]);
  assert.deepEqual(sniffText(late), { ok: true, text: `${'a'.repeat(9000)}\0b`, encoding: 'utf-8' });
});

test('every fixture decodes the same through the fast paths as through the strict decoder', async () => {
  const { readdirSync, readFileSync } = await import('node:fs');
  const path = await import('node:path');
  const { sniffText } = await import('../../src/discover/decode.js');
  const strict = new TextDecoder('utf-8', { fatal: true });
  const root = new URL('../../fixtures/', import.meta.url).pathname;
  const files = readdirSync(root, { recursive: true, withFileTypes: true }).filter((d) => d.isFile());
  assert.ok(files.length > 50);
  for (const d of files) {
    const bytes = readFileSync(path.join(d.parentPath ?? d.path, d.name));
    const decoded = decodeText(bytes);
    const sniffed = sniffText(bytes);
    if ('view' in sniffed) assert.equal(sniffed.view, bytes.toString('latin1'), d.name);
    else assert.deepEqual(sniffed, decoded, d.name);
    // The reference: what decodeText did before the fast paths (TextDecoder first).
    if (decoded.ok && decoded.encoding === 'utf-8') assert.equal(decoded.text, strict.decode(bytes), d.name);
    if (decoded.ok && decoded.encoding === 'latin1') assert.throws(() => strict.decode(bytes), TypeError, d.name);
  }
});
