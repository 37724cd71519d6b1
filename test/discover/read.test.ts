import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import iconv from 'iconv-lite';
import { decodeText } from '../../src/discover/decode.js';
import { DEFAULT_MAX_FILE_SIZE, readTextFile } from '../../src/discover/read.js';
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
