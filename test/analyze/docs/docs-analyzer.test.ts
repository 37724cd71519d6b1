/** Documentation: lines that tell readers to use the old flow, and lines that explain the migration (never flagged). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describe, factsOfFixture, factsOfText } from '../config/describe-facts.js';

const EXPECTED: Record<string, string[]> = {
  'docs/README.md': [
    'doc tells readers to sign in with a username and password to get a token @7:1',
    'doc curl example calls POST /auth/local/signin @10:1',
    'doc tells readers to configure AXEPTIO_PASSWORD @15:1',
  ],
  // A migration guide names the old endpoint to explain what replaces it: nothing to update there.
  'docs/MIGRATION.md': [],
  // A changelog records history; it tells nobody what to do now.
  'docs/CHANGELOG.md': [],
  'docs/guide.adoc': ['doc curl example calls POST /auth/local/signin @7:1', 'doc tells readers to sign in with a username and password to get a token @10:1'],
  'docs/guide.rst': ['doc curl example calls POST /auth/local/signin @6:5', 'doc tells readers to configure AXEPTIO_TOKEN @8:1'],
};

for (const [file, expected] of Object.entries(EXPECTED)) {
  test(`doc facts: ${file}`, () => assert.deepEqual(describe(factsOfFixture(file)), expected));
}

test('retirement words on the line, in the paragraph or in the block intro silence the mention', () => {
  const text = [
    '# Axeptio',
    '',
    'The /auth/local/signin endpoint no longer issues tokens.',
    '',
    'We used to call the old sign-in,',
    'POST /auth/local/signin with a password.',
    '',
    'Old:',
    '```',
    'POST /auth/local/signin',
    '```',
    '',
    'Call POST /auth/local/signin to get a token.',
  ].join('\n');
  assert.deepEqual(describe(factsOfText('notes.md', text)), ['doc tells readers to call /auth/local/signin @13:1']);
});

test('a section titled as legacy is skipped until the next heading', () => {
  const text = ['## Legacy authentication', '', 'POST /auth/local/signin', '', '## Usage', '', '    curl https://api.axept.io/v1/auth/local/signin'].join('\n');
  assert.deepEqual(describe(factsOfText('docs/auth.md', text)), ['doc curl example calls POST /auth/local/signin @7:5']);
});

test('password sign-in prose needs an Axeptio context; unrelated docs are not flagged', () => {
  assert.deepEqual(describe(factsOfText('docs/other.md', 'Log in with your email and password to get a token from the CMS.\n')), []);
  assert.deepEqual(describe(factsOfText('docs/axeptio.md', 'Log in with your email and password to get a token.\n')), [
    'doc tells readers to sign in with a username and password to get a token @1:1',
  ]);
});

test('CRLF and tildes fences keep exact lines', () => {
  const text = ['Axeptio', '', '~~~sh', 'curl -X POST https://api.axept.io/v1/auth/local/signin', '~~~', ''].join('\r\n');
  assert.deepEqual(describe(factsOfText('README.md', text)), ['doc curl example calls POST /auth/local/signin @4:1']);
});
