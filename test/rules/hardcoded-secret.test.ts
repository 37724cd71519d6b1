/** hardcoded-secret over hand-built facts: SecretFacts and literal secret-ish config keys. */
import type { ConfigEntryFact, SecretFact } from '../../src/facts/types.js';
import { at, file, strong } from './fact-builders.js';
import { ruleTester } from './rule-tester.js';

const secret = (line: number, more: Partial<SecretFact> = {}): SecretFact => ({
  kind: 'secret',
  span: { line, column: 20, endLine: line, endColumn: 40 },
  secretKind: 'password',
  boundTo: 'password',
  evidence: [],
  ...more,
});
const entry = (line: number, key: string, more: Partial<ConfigEntryFact> = {}): ConfigEntryFact => ({
  kind: 'config-entry',
  span: at(line),
  key,
  valueKind: 'literal',
  template: false,
  format: 'yaml',
  ...more,
});

ruleTester('hardcoded-secret', {
  valid: [
    { name: 'placeholders, references and templates', files: [file('config/app.yaml', [entry(1, 'db.password', { valueKind: 'placeholder' }), entry(2, 'api.token', { valueKind: 'reference' })]), file('.env.example', [entry(1, 'CLIENT_SECRET', { template: true })])] },
    { name: 'non-secret keys', files: [file('config/app.yaml', [entry(1, 'auth.tokenUrl'), entry(2, 'password_min_length')])] },
  ],
  invalid: [
    {
      name: 'a password literal with Axeptio tie: high, span masked',
      files: [file('src/axeptio.ts', [secret(4, { boundTo: 'AXEPTIO_PASSWORD' })])],
      findings: [{ line: 4, severity: 'error', confidence: 'high', fixAvailable: false, evidence: ['bound to AXEPTIO_PASSWORD'] }],
    },
    {
      name: 'a client secret without tie: medium',
      files: [file('src/client.ts', [secret(4, { secretKind: 'client-secret', boundTo: 'clientSecret' })])],
      findings: [{ confidence: 'medium', message: ['client secret', 'value redacted'] }],
    },
    {
      name: 'a JWT in a test fixture: low',
      files: [file('test/fixtures/token.json', [secret(2, { secretKind: 'jwt', boundTo: 'token' })])],
      findings: [{ confidence: 'low', evidence: ['test or fixture'] }],
    },
    {
      name: 'analyzer evidence ties it to Axeptio',
      files: [file('src/x.ts', [secret(4, { evidence: [strong('used against api.axept.io')] })])],
      findings: [{ confidence: 'high' }],
    },
    {
      name: 'a literal secret-ish config key, not also a SecretFact on the same line',
      files: [file('config/app.yaml', [entry(3, 'smtp.password'), entry(5, 'axeptio.client_secret'), entry(9, 'stripe.apiKey'), secret(9, { secretKind: 'api-key', boundTo: 'apiKey' })])],
      findings: [
        { line: 3, confidence: 'medium' },
        { line: 5, confidence: 'high' },
        { line: 9, message: ['API key'] },
      ],
    },
  ],
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { evaluate } from '../../src/rules/index.js';
import { project } from './fact-builders.js';

test('hardcoded-secret: redactSpans is the secret span', () => {
  const [f] = evaluate([file('src/a.ts', [secret(4)])], project());
  assert.deepEqual(f?.redactSpans, [{ line: 4, column: 20, endLine: 4, endColumn: 40 }]);
});
