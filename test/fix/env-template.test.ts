import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fixEnvTemplate, isEnvTemplate } from '../../src/fix/env-template.ts';

test('env templates are recognised; real .env files are not', () => {
  for (const name of ['.env.example', '.env.sample', '.env.template', 'config/.env.production.example', 'example.env']) assert.ok(isEnvTemplate(name), name);
  for (const name of ['.env', '.env.local', '.env.production', 'env.ts']) assert.ok(!isEnvTemplate(name), name);
});

test('replaces the two keys, keeps comments, order and LF endings, adds the Frontegg URL', () => {
  const input = '# Axeptio API access\nAXEPTIO_API_URL=https://api.axept.io/v1\nAXEPTIO_USERNAME=you@example.com\n# never commit the real one\nAXEPTIO_PASSWORD="change-me" # from the vault\nOTHER=1\n';
  const { text, replaced } = fixEnvTemplate(input);
  assert.deepEqual(replaced, ['AXEPTIO_USERNAME', 'AXEPTIO_PASSWORD']);
  assert.equal(text, '# Axeptio API access\nAXEPTIO_API_URL=https://api.axept.io/v1\nAXEPTIO_CLIENT_ID=your-client-id\n# never commit the real one\nAXEPTIO_CLIENT_SECRET="your-client-secret" # from the vault\nAXEPTIO_FRONTEGG_URL=\nOTHER=1\n');
  assert.equal(fixEnvTemplate(text).text, text, 'second run changes nothing');
});

test('keeps CRLF, empty values and a missing final newline', () => {
  const { text } = fixEnvTemplate('AXEPTIO_USERNAME=\r\nAXEPTIO_PASSWORD=\r\nAXEPTIO_FRONTEGG_URL=https://x.frontegg.com');
  assert.equal(text, 'AXEPTIO_CLIENT_ID=\r\nAXEPTIO_CLIENT_SECRET=\r\nAXEPTIO_FRONTEGG_URL=https://x.frontegg.com');
});

test('a template that already has the new keys just loses the legacy lines', () => {
  const { text } = fixEnvTemplate('AXEPTIO_CLIENT_ID=\nAXEPTIO_USERNAME=\nAXEPTIO_CLIENT_SECRET=\nAXEPTIO_PASSWORD=\nFRONTEGG_URL=\n');
  assert.equal(text, 'AXEPTIO_CLIENT_ID=\nAXEPTIO_CLIENT_SECRET=\nFRONTEGG_URL=\n');
});

test('a file without legacy keys is returned as is', () => {
  const input = 'AXEPTIO_CLIENT_ID=\n';
  assert.deepEqual(fixEnvTemplate(input), { text: input, replaced: [] });
});
