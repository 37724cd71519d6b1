/** legacy-signin-reference over hand-built facts. */
import type { DocReferenceFact } from '../../src/facts/types.js';
import { at, file, strong } from './fact-builders.js';
import { ruleTester } from './rule-tester.js';

const doc = (line: number, summary: string, evidence = [strong('mentions api.axept.io')]): DocReferenceFact => ({ kind: 'doc-reference', span: at(line), summary, evidence });

ruleTester('legacy-signin-reference', {
  valid: [{ name: 'docs without references', files: [file('README.md', [])] }],
  invalid: [
    {
      name: 'a README that tells readers to sign in',
      files: [file('README.md', [doc(14, 'POST /auth/local/signin with your Axeptio email and password')]), file('docs/api.rst', [doc(3, 'Get a token from /auth/local/signin', [])])],
      findings: [
        { file: 'README.md', line: 14, severity: 'info', confidence: 'high', fixAvailable: false, message: ['/auth/local/signin'] },
        { file: 'docs/api.rst', confidence: 'medium' },
      ],
    },
    {
      name: 'a summary with a password is redacted',
      files: [file('README.md', [doc(2, 'curl -u me@x.com:PlantedPw0rd https://api.axept.io/v1/auth/local/signin')])],
      findings: [{ line: 2 }],
      neverShown: ['PlantedPw0rd'],
    },
  ],
});
