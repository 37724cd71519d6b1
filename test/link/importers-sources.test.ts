/** importersToAnalyze over real analyzer facts: phase 2 of a scan finds importers of a legacy constant. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { importersToAnalyze } from '../../src/link/index.js';
import { analyzeSources } from '../rules/analyze-sources.js';

test('importers of an analyzed constants module are analyzed next; others are not', () => {
  const analyzed = analyzeSources({
    'src/constants.ts': `
      export const SIGNIN_PATH = '/auth/local/signin';
    `,
    'src/theme.ts': `
      export const primary = '#f00';
      export const signinButtonLabel = 'Sign in';
    `,
  });
  const importIndex = new Map<string, string[]>([
    ['src/login.ts', ['./constants.js', './theme']],
    ['src/button.ts', ['./theme']],
    ['src/other.ts', ['./missing']],
  ]);
  assert.deepEqual(importersToAnalyze(analyzed, importIndex), ['src/login.ts']);
});
