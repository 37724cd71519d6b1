/** Collection fixers: input/output pairs byte for byte, valid JSON after the edit, idempotent, unrelated files untouched. */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { parseTree, type ParseError } from 'jsonc-parser';
import { fixCollectionText } from '../../../src/fix/collections/index.js';
import { analyzeFile } from '../../../src/analyze/index.js';
import { fileKindOf } from '../../../src/discover/file-kind.js';

const DIR = fileURLToPath(new URL('./fixtures/', import.meta.url));
const ROOT_FIXTURES = fileURLToPath(new URL('../../../fixtures/', import.meta.url));

const inputs = readdirSync(DIR).filter((f) => f.includes('.input.'));

test('fixture pairs exist', () => assert.ok(inputs.length >= 6));

for (const input of inputs) {
  const output = input.replace('.input.', '.output.');
  test(`fix ${input} → ${output}`, () => {
    const before = readFileSync(DIR + input, 'utf8');
    const expected = readFileSync(DIR + output, 'utf8');
    const first = fixCollectionText(input, before);
    assert.ok(first, 'recognised as a collection');
    assert.equal(first.changed, true);
    assert.equal(first.text, expected);
    assert.ok(first.manual.some((m) => m.includes('axeptioClientId')), 'tells what to set by hand');
    // Line endings kept: no LF-only line in a CRLF file.
    if (before.includes('\r\n')) assert.ok(!/[^\r]\n/.test(first.text));
    if (input.endsWith('.json')) {
      const errors: ParseError[] = [];
      parseTree(first.text, errors);
      assert.deepEqual(errors, []);
    }
    const second = fixCollectionText(input, first.text)!;
    assert.equal(second.changed, false, 'idempotent');
    assert.equal(second.text, first.text);
    // The fixed file no longer calls the retired endpoint, and now calls the v2 exchange.
    const kind = fileKindOf(input)!;
    const facts = analyzeFile({ path: input, text: first.text, kind }).facts;
    const urls = facts.flatMap((f) => (f.kind === 'request' ? [f.url.map((p) => (p.kind === 'text' ? p.text : `{{${'name' in p ? p.name : '?'}}}`)).join('')] : []));
    if (!input.includes('environment')) {
      assert.ok(urls.some((u) => /^\{\{(?:axeptioFronteggUrl|AXEPTIO_FRONTEGG_URL)\}\}\/identity\/resources\/auth\/v2\/api-token$/.test(u)), urls.join(' '));
      assert.ok(!urls.some((u) => u.includes('/auth/local/signin')));
    }
    assert.ok(!/planted/.test(first.text), 'the old literal credentials are gone');
  });
}

test('the sign-in script keeps the variable name later requests use', () => {
  const out = readFileSync(DIR + 'postman-crlf-4space.output.json', 'utf8');
  assert.match(out, /pm\.environment\.set\(\\"axeptio_jwt\\", body\.access_token\)/);
  assert.match(out, /"Bearer \{\{axeptio_jwt\}\}"/);
});

test('a collection or .http file without the legacy sign-in is left byte-identical', () => {
  const strapi = readFileSync(ROOT_FIXTURES + 'collections/strapi-blog.postman_collection.json', 'utf8');
  assert.deepEqual(fixCollectionText('strapi.postman_collection.json', strapi), { text: strapi, changed: false, manual: [] });
  const http = 'GET https://example.com/health\n';
  assert.deepEqual(fixCollectionText('health.http', http), { text: http, changed: false, manual: [] });
});

test('files that are no collection are not handled', () => {
  assert.equal(fixCollectionText('package.json', '{"name": "x", "version": "1.0.0"}'), undefined);
  assert.equal(fixCollectionText('notes.md', 'POST /auth/local/signin'), undefined);
});

test('a byte-order mark stays in front of the fixed JSON', () => {
  const before = '\uFEFF' + readFileSync(DIR + 'postman-collection.input.json', 'utf8');
  const out = fixCollectionText('c.postman_collection.json', before)!;
  assert.equal(out.text, '\uFEFF' + readFileSync(DIR + 'postman-collection.output.json', 'utf8'));
});

test('an environment for another service keeps its username/password', () => {
  const env = JSON.stringify({ name: 'CMS', values: [{ key: 'username', value: 'editor' }, { key: 'password', value: '' }], _postman_variable_scope: 'environment' }, null, 2);
  assert.deepEqual(fixCollectionText('cms.postman_environment.json', env), { text: env, changed: false, manual: [] });
});

test('a sign-in sent from a pre-request script is left as is, with instructions', () => {
  const text = readFileSync(ROOT_FIXTURES + 'collections/auto-login.postman_collection.json', 'utf8');
  const out = fixCollectionText('auto-login.postman_collection.json', text)!;
  assert.equal(out.changed, false);
  assert.equal(out.text, text);
  assert.match(out.manual.join('\n'), /pm\.sendRequest/);
});

test('a response handler the fixer cannot rewrite is reported for a manual change', () => {
  const text = ['POST https://api.axept.io/v1/auth/local/signin', 'Content-Type: application/json', '', '{"username": "{{u}}", "password": "{{p}}"}', '', '> {%', '  client.global.set("t", response.body.data.jwt);', '%}', ''].join('\n');
  const out = fixCollectionText('x.http', text)!;
  assert.equal(out.changed, true);
  assert.match(out.manual.join('\n'), /response handler/);
  assert.match(out.text, /response\.body\.data\.jwt/);
});
