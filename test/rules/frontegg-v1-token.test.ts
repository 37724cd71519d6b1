/** frontegg-v1-token over hand-built facts. */
import { env, file, request, str, text } from './fact-builders.js';
import { ruleTester } from './rule-tester.js';

ruleTester('frontegg-v1-token', {
  valid: [
    { name: 'the v2 exchange', files: [file('src/a.ts', [request(3, [env('FRONTEGG_URL'), text('/identity/resources/auth/v2/api-token')])])] },
    { name: 'the v2 refresh', files: [file('src/a.ts', [request(3, [env('FRONTEGG_URL'), text('/identity/resources/auth/v2/api-token/token/refresh')])])] },
    { name: 'a user token route of Frontegg', files: [file('src/a.ts', [request(3, str('https://x.frontegg.com/identity/resources/auth/v1/user'))])] },
  ],
  invalid: [
    {
      name: 'v1 exchange on a Frontegg host: medium, fixable in TS',
      files: [file('src/token.ts', [request(3, str('https://app-x1.frontegg.com/identity/resources/auth/v1/api-token'))])],
      findings: [{ line: 3, severity: 'warning', confidence: 'medium', transform: 'frontegg-v1-to-v2', fixAvailable: true, message: ['v2 route'] }],
    },
    {
      name: 'v1 exchange with AXEPTIO_FRONTEGG_URL: high',
      files: [file('src/token.ts', [request(3, [env('AXEPTIO_FRONTEGG_URL'), text('/identity/resources/auth/v1/api-token')])])],
      findings: [{ confidence: 'high', evidence: ['env AXEPTIO_FRONTEGG_URL'] }],
    },
    {
      name: 'v1 exchange in Python: guidance',
      files: [file('tools/token.py', [request(3, [env('FRONTEGG_URL'), text('/identity/resources/auth/v1/api-token')], { client: 'requests' })])],
      findings: [{ fixAvailable: false }],
    },
  ],
});
