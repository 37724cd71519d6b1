/** importersToAnalyze: phase 2 picks the not-yet-analyzed importers of relevant modules, and only those. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { importersToAnalyze } from '../../src/link/index.js';
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
