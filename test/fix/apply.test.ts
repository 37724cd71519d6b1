import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { keepLayout } from '../../src/fix/apply.ts';
import { commonFolder, defaultHelperPath } from '../../src/fix/helper-location.ts';
import { unifiedPatch } from '../../src/fix/patch.ts';
import { parseError } from '../../src/fix/transforms.ts';
import { writeIfUnchanged } from '../../src/fix/write.ts';
import { removeTree, tempTree } from '../discover/temp-tree.ts';

test('keepLayout restores CRLF-only files and the final newline, and leaves LF files alone', () => {
  assert.equal(keepLayout('a\r\nb\r\n', 'a\nc\r\nd'), 'a\r\nc\r\nd\r\n');
  assert.equal(keepLayout('a\nb', 'a\nc\n'), 'a\nc');
  assert.equal(keepLayout('a\nb\n', 'x\r\ny\n'), 'x\ny\n');
});

test('parseError catches output that would not parse, per extension', () => {
  assert.equal(parseError('a.ts', 'const x = <string>y;'), null, 'angle-bracket casts parse as .ts');
  assert.match(parseError('a.js', 'const x = ;') ?? '', /Unexpected token/);
});

test('writeIfUnchanged refuses a file edited since it was read, else writes atomically', () => {
  const dir = tempTree({ 'a.js': 'one\n' });
  try {
    const file = path.join(dir, 'a.js');
    const read = readFileSync(file);
    writeFileSync(file, 'edited meanwhile\n');
    assert.match(writeIfUnchanged(file, read, Buffer.from('two\n')) ?? '', /changed on disk/);
    assert.equal(readFileSync(file, 'utf8'), 'edited meanwhile\n');
    assert.equal(writeIfUnchanged(file, readFileSync(file), Buffer.from('two\n')), null);
    assert.equal(readFileSync(file, 'utf8'), 'two\n');
  } finally {
    removeTree(dir);
  }
});

test('the default helper sits in the common folder, in the project flavour', () => {
  assert.equal(commonFolder(['/r/src/a/x.js', '/r/src/b/y.js']), '/r/src');
  const dir = tempTree({ 'package.json': '{"type":"module"}', 'cjs/package.json': '{}' });
  try {
    assert.equal(defaultHelperPath([{ abs: path.join(dir, 'src/a.ts'), text: '' }, { abs: path.join(dir, 'src/b.js'), text: '' }]), path.join(dir, 'src/axeptio-token.ts'));
    assert.equal(defaultHelperPath([{ abs: path.join(dir, 'src/a.js'), text: "import x from 'y';" }]), path.join(dir, 'src/axeptio-token.js'));
    assert.equal(defaultHelperPath([{ abs: path.join(dir, 'src/a.js'), text: "const x = require('y');" }]), path.join(dir, 'src/axeptio-token.cjs'));
    assert.equal(defaultHelperPath([{ abs: path.join(dir, 'cjs/a.js'), text: "import x from 'y';" }]), path.join(dir, 'cjs/axeptio-token.mjs'));
  } finally {
    removeTree(dir);
  }
});

test('the patch creates new files from /dev/null and diffs changed ones', () => {
  const patch = unifiedPatch([{ file: 'h.js', after: 'x\n' }, { file: 'src/a.js', before: 'a\n', after: 'b\n' }]);
  assert.match(patch, /^--- \/dev\/null\n\+\+\+ b\/h\.js\n@@ -0,0 \+1,1 @@\n\+x\n/);
  assert.match(patch, /--- a\/src\/a\.js\n\+\+\+ b\/src\/a\.js\n@@ -1,1 \+1,1 @@\n-a\n\+b\n/);
});
