/** importersToAnalyze: phase 2 picks the not-yet-analyzed importers of relevant modules, and only those. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { importersToAnalyze, resolveModule } from '../../src/link/index.js';
import { at, binding, env, file, ref, str, text, wrapper } from '../rules/fact-builders.js';

const analyzed = [
  file('src/constants.ts', [binding(1, 'SIGNIN_PATH', { value: str('/auth/local/signin') })]),
  file('src/paths.ts', [binding(1, 'AUTH', { value: str('/auth') }), binding(2, 'SIGNIN', { value: [ref('AUTH'), text('/local/signin')] })]),
  file('src/http.ts', [binding(3, 'api', { client: { library: 'axios', base: [env('API_URL')] } })]),
  file('src/request.ts', [wrapper(2, 'post')]),
  file('src/brand.ts', [binding(1, 'axeptioProjectId', { value: str('abc') })]),
  file('src/config.ts', [binding(1, 'config', { members: { 'api.base': str('https://api.axept.io/v1') } })]),
  file('src/barrel.ts', [{ kind: 'import', span: at(1), from: './constants', imported: '*', local: '*' }]),
  file('src/unrelated.ts', [binding(1, 'COLORS', { value: str('red') }), binding(2, 'SECRET_PATH', { exported: false, value: str('/auth/local/signin') })]),
  file('src/cycle-a.ts', [{ kind: 'import', span: at(1), from: './cycle-b', imported: '*', local: '*' }]),
  file('src/cycle-b.ts', [{ kind: 'import', span: at(1), from: './cycle-a', imported: '*', local: '*' }]),
];

test('importersToAnalyze picks importers of relevant modules only', () => {
  const index = new Map<string, string[]>([
    ['src/a.ts', ['./constants']],
    ['src/b.ts', ['./paths.js']],
    ['src/c.ts', ['./http']],
    ['src/d.ts', ['./request']],
    ['src/e.ts', ['./brand']],
    ['src/f.ts', ['./config']],
    ['src/g.ts', ['./barrel']],
    ['src/h.ts', ['./unrelated']],
    ['src/i.ts', ['./nowhere', './unrelated']],
    ['src/j.ts', ['./cycle-a']],
    ['lib/k.ts', ['../src/constants.js']],
    ['src/constants.ts', ['./http']],
  ]);
  assert.deepEqual(importersToAnalyze(analyzed, index), ['lib/k.ts', 'src/a.ts', 'src/b.ts', 'src/c.ts', 'src/d.ts', 'src/e.ts', 'src/f.ts', 'src/g.ts']);
});

test('importersToAnalyze with nothing analyzed picks nothing', () => {
  assert.deepEqual(importersToAnalyze([], new Map([['src/a.ts', ['./constants']]])), []);
});

test('a specifier is resolved whenever it may name a relevant module: index folders, emitted names, dots and slashes', () => {
  const relevant = ['src/api/index.ts', 'src/cfg.js.ts', 'index.ts', 'src/deep/x.config.ts', 'src/deep/y.mts'];
  const files = [...relevant.map((f) => file(f, [binding(1, 'SIGNIN', { value: str('/auth/local/signin') })])), file('src/other.ts', [binding(1, 'N', { value: str('n') })])];
  const specifiers = ['./api', './api/', './api/index', './api/index.js', '.', '..', '../..', './', './cfg.js', './cfg', './deep/x.config', './deep/x.config.js', './deep/y.mjs', './deep/y', './other', './other.js', './apix', '../src/api'];
  const index = new Map<string, string[]>();
  specifiers.forEach((spec, i) => index.set(`src/importer-${i}.ts`, [spec]));
  specifiers.forEach((spec, i) => index.set(`src/deep/importer-${i}.ts`, [spec]));
  specifiers.forEach((spec, i) => index.set(`lib/a/b/importer-${i}.ts`, [spec]));
  // The reference resolves every specifier, with no shortcut.
  const known = new Set(files.map((f) => f.file));
  const expected = [...index]
    .filter(([from, specs]) => specs.some((spec) => relevant.includes(resolveModule(from, spec, known) ?? '')))
    .map(([from]) => from)
    .sort();
  // index folder, index by name (with and without the emitted extension), `..` and `../..` to the
  // root index, an emitted name of a `.js.ts` file, dotted names, `.mjs` for `.mts`, a path back in.
  const shapes = [0, 2, 3, 5, 8, 10, 11, 12, 13, 17].map((i) => `src/importer-${i}.ts`);
  assert.deepEqual(expected, ['src/deep/importer-6.ts', ...shapes].sort());
  assert.deepEqual(importersToAnalyze(files, index), expected);
});
