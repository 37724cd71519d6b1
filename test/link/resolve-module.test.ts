/** resolveModule: relative specifiers to scanned files, the way Node and TypeScript pick them. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { resolveModule } from '../../src/link/index.js';

const known = new Set([
  'src/http.ts',
  'src/constants.js',
  'src/lib/index.ts',
  'src/config/index.mjs',
  'src/ui/Button.tsx',
  'src/legacy.cjs',
  'packages/web/src/api/client.ts',
  'root.ts',
]);

const cases: Array<[from: string, specifier: string, expected: string | undefined]> = [
  ['src/login.ts', './http', 'src/http.ts'],
  ['src/login.ts', './http.js', 'src/http.ts'],
  ['src/login.ts', './constants', 'src/constants.js'],
  ['src/login.ts', './constants.js', 'src/constants.js'],
  ['src/login.ts', './lib', 'src/lib/index.ts'],
  ['src/login.ts', './lib/index.js', 'src/lib/index.ts'],
  ['src/login.ts', './config', 'src/config/index.mjs'],
  ['src/login.ts', './ui/Button.jsx', 'src/ui/Button.tsx'],
  ['src/login.ts', './legacy', 'src/legacy.cjs'],
  ['src/a/b/c.ts', '../../http', 'src/http.ts'],
  ['src/login.ts', '../root', 'root.ts'],
  ['src/login.ts', '../../escape', undefined],
  ['src/login.ts', './missing', undefined],
  ['src/login.ts', 'axios', undefined],
  ['packages/web/src/pages/x.ts', '@/api/client', 'packages/web/src/api/client.ts'],
  ['src/pages/x.ts', '~/http', 'src/http.ts'],
  ['src/lib/a.ts', '.', 'src/lib/index.ts'],
];

for (const [from, specifier, expected] of cases) {
  test(`resolveModule ${from} + ${specifier} → ${expected ?? 'nothing'}`, () => {
    assert.equal(resolveModule(from, specifier, known), expected);
  });
}
