import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Finding } from '../../src/findings/types.ts';
import { planFixes } from '../../src/fix/plan.ts';

function finding(file: string, ruleId: Finding['ruleId'], fix: Finding['fix']): Finding {
  return { ruleId, severity: 'error', confidence: 'high', file, line: 1, column: 1, endLine: 1, endColumn: 2, message: 'm', snippet: '', evidence: [], fix };
}

const SIGNIN = { available: true, transform: 'signin-to-client-credentials' };

test('plans only files whose findings name an available transform, transforms in catalog order', () => {
  const plans = planFixes('/repo', [
    finding('src/a.ts', 'static-token', { available: true, transform: 'static-token-to-helper' }),
    finding('src/a.ts', 'legacy-signin', SIGNIN),
    finding('src/a.ts', 'token-no-refresh', { available: false, guidance: 'g' }),
    finding('src/ui.tsx', 'legacy-signin', { available: false, guidance: 'browser' }),
    finding('README.md', 'legacy-signin-reference', { available: false }),
  ]);
  assert.deepEqual(plans.map((p) => [p.file, p.kind, p.transforms]), [['src/a.ts', 'code', ['signin-to-client-credentials', 'static-token-to-helper']]]);
  assert.equal(plans[0]!.abs, '/repo/src/a.ts');
});

test('env templates and collections get their own fixers; real .env files never', () => {
  const plans = planFixes('/repo', [
    finding('.env.example', 'legacy-credentials', { available: true, transform: 'env-credentials' }),
    finding('.env', 'legacy-credentials', { available: true, transform: 'env-credentials' }),
    finding('api.http', 'legacy-signin', { available: false, guidance: 'by hand' }),
    finding('postman/axeptio.postman_collection.json', 'legacy-signin', { available: false }),
  ]);
  assert.deepEqual(plans.map((p) => [p.file, p.kind]), [
    ['.env.example', 'env-template'],
    ['api.http', 'collection'],
    ['postman/axeptio.postman_collection.json', 'collection'],
  ]);
});

test('--transforms filters, and naming env-credentials opts code env reads in', () => {
  const findings = [
    finding('a.js', 'legacy-signin', SIGNIN),
    finding('b.js', 'legacy-credentials', { available: false, guidance: 'g' }),
  ];
  assert.deepEqual(planFixes('/r', findings, ['static-token-to-helper']), []);
  assert.deepEqual(planFixes('/r', findings, ['env-credentials']).map((p) => [p.file, p.transforms]), [['b.js', ['env-credentials']]]);
  assert.deepEqual(planFixes('/r', findings).map((p) => p.file), ['a.js']);
});
