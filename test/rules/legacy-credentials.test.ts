/** legacy-credentials over hand-built facts: env reads in code and keys in configuration. */
import type { ConfigEntryFact, EnvReadFact } from '../../src/facts/types.js';
import { at, file } from './fact-builders.js';
import { ruleTester } from './rule-tester.js';

const read = (line: number, name: string): EnvReadFact => ({ kind: 'env-read', span: at(line), name });
const entry = (line: number, key: string, more: Partial<ConfigEntryFact> = {}): ConfigEntryFact => ({
  kind: 'config-entry',
  span: at(line),
  key,
  valueKind: 'literal',
  template: false,
  format: 'dotenv',
  ...more,
});

ruleTester('legacy-credentials', {
  valid: [
    { name: 'the new client credentials', files: [file('src/a.ts', [read(1, 'AXEPTIO_CLIENT_ID'), read(2, 'AXEPTIO_CLIENT_SECRET')]), file('.env.example', [entry(1, 'AXEPTIO_CLIENT_SECRET', { template: true, valueKind: 'empty' })])] },
    { name: "another service's password", files: [file('src/a.ts', [read(1, 'DB_PASSWORD')]), file('.env', [entry(1, 'SMTP_USER')])] },
    { name: 'Axeptio non-credential settings', files: [file('src/a.ts', [read(1, 'AXEPTIO_PROJECT_ID'), read(2, 'AXEPTIO_API_URL')])] },
  ],
  invalid: [
    {
      name: 'env reads of every credential spelling',
      files: [file('src/a.ts', ['AXEPTIO_USERNAME', 'AXEPTIO_PASSWORD', 'AXEPTIO_EMAIL', 'AXEPTIO_LOGIN', 'AXEPTIO_USER', 'AXEPTIO_PASS', 'AXEPTIO_PWD'].map((n, i) => read(i + 1, n)))],
      findings: [1, 2, 3, 4, 5, 6, 7].map((line) => ({ line, severity: 'warning' as const, confidence: 'high' as const, fixAvailable: false })),
    },
    {
      name: 'a template: fixable with env-credentials',
      files: [file('.env.example', [entry(3, 'AXEPTIO_PASSWORD', { template: true, valueKind: 'placeholder' })])],
      findings: [{ line: 3, fixAvailable: true, transform: 'env-credentials' }],
    },
    {
      name: 'compose and k8s keys: guidance, value never shown',
      files: [
        file('docker-compose.yml', [entry(7, 'services.api.environment.AXEPTIO_USERNAME', { format: 'compose' })]),
        file('k8s/deploy.yaml', [entry(20, 'axeptio.password', { format: 'kubernetes', valueKind: 'reference' })]),
      ],
      findings: [
        { file: 'docker-compose.yml', fixAvailable: false, message: ['value (not shown)'], guidance: 'AXEPTIO_CLIENT_SECRET' },
        { file: 'k8s/deploy.yaml', message: ['stored secret'] },
      ],
    },
  ],
});
