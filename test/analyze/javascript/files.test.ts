/** Whole-file behaviour: .vue/.svelte script extraction with original positions, syntax errors, CRLF. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, factsOf, show } from './helpers.ts';

describe('single-file components', () => {
  it('.vue <script setup lang="ts"> keeps original lines and columns', () => {
    const vue = [
      '<template>',
      '  <form @submit.prevent="login"><input v-model="password" /></form>',
      '</template>',
      '<script setup lang="ts">',
      "import axios from 'axios';",
      "const password = ref('');",
      'async function login() {',
      "    await axios.post('https://api.axept.io/auth/local/signin', { username: 'u', password: password.value });",
      '}',
      '</script>',
      '<style>.a { color: red }</style>',
    ].join('\n');
    const out = analyze(vue, 'src/components/Login.vue');
    assert.deepEqual(out.errors, []);
    const [r] = factsOf(out, 'request');
    assert.deepEqual([r!.span.line, r!.span.column], [8, 11]);
    assert.equal(r!.context.browser, true);
    assert.equal(r!.context.interactive, true);
  });

  it('.vue with two script blocks (script + script setup)', () => {
    const vue = `<script>\nexport const SIGNIN = '/auth/local/signin';\n</script>\n<template><div/></template>\n<script setup>\nfetch(SIGNIN, { method: 'POST' });\n</script>\n`;
    const out = analyze(vue, 'src/A.vue');
    const [r] = factsOf(out, 'request');
    assert.equal(show(r!.url), '/auth/local/signin');
    assert.equal(r!.span.line, 6);
    assert.equal(factsOf(out, 'binding')[0]?.name, 'SIGNIN');
  });

  it('.svelte <script> block; markup braces do not break parsing', () => {
    const svelte = `<script>\n  let email = '';\n  async function go() {\n    await fetch('/auth/local/signin', { method: 'POST', body: JSON.stringify({ email }) });\n  }\n</script>\n\n{#if email}<p>{email}</p>{/if}\n<button on:click={go}>Go</button>`;
    const out = analyze(svelte, 'src/routes/Login.svelte');
    assert.deepEqual(out.errors, []);
    const [r] = factsOf(out, 'request');
    assert.deepEqual([r!.span.line, r!.span.column], [4, 11]);
    assert.equal(r!.context.browser, true);
  });

  it('a generic attribute holding ">" does not cut the script open', () => {
    const vue = `<script setup lang="ts" generic="T extends Record<string, any>">\nconst x: T | null = null;\nfetch('/auth/local/signin', { method: 'POST' });\n</script>`;
    const out = analyze(vue, 'src/G.vue');
    assert.deepEqual(out.errors, []);
    assert.equal(factsOf(out, 'request')[0]?.span.line, 3);
  });

  it('a component without script yields nothing', () => {
    assert.deepEqual(analyze('<template><p>hi</p></template>', 'src/B.vue').facts, []);
  });
});

describe('syntax errors', () => {
  it('reports the error, keeps tolerant facts and adds lexical requests for legacy literals', () => {
    const code = [
      "import axios from 'axios';",
      "const BASE = 'https://api.axept.io';",
      'function broken( {',
      "  return axios.post(BASE + '/auth/local/signin', creds)",
      '}}}',
      "// '/auth/local/signin' in a comment is ignored",
      "const v1 = '/identity/resources/auth/v1/api-token';",
    ].join('\n');
    const out = analyze(code, 'src/broken.ts');
    assert.equal(out.parsed, true);
    assert.equal(out.errors.length, 1);
    assert.match(out.errors[0]!, /^parse error at \d+:\d+: .+; scanned lexically$/);
    const reqs = factsOf(out, 'request');
    const urls = reqs.map((r) => show([...(r.base ?? []), ...r.url]));
    assert.ok(urls.some((u) => u?.includes('/auth/local/signin')), urls.join(', '));
    assert.ok(urls.includes('/identity/resources/auth/v1/api-token'));
    const lexical = reqs.find((r) => show(r.url) === '/identity/resources/auth/v1/api-token')!;
    assert.equal(lexical.client, 'unknown');
    assert.equal(lexical.span.line, 7);
    assert.equal(reqs.filter((r) => r.span.line === 6).length, 0, 'comments are skipped');
    assert.equal(reqs.filter((r) => r.span.line === 4).length, 1, 'no duplicate for the literal the AST already used');
  });

  it('a hopeless file is still not silently clean', () => {
    const out = analyze("<<<<<<< HEAD\nconst u = '/auth/local/signin'\n=======\n>>>>>>> x\n{{{{", 'src/conflict.js');
    assert.ok(out.errors.length >= 1);
    assert.ok(factsOf(out, 'request').some((r) => show(r.url) === '/auth/local/signin'));
  });
});

describe('line endings', () => {
  it('CRLF files report correct lines and columns', () => {
    const code = ["import axios from 'axios';", '', '// comment', "  axios.post('https://api.axept.io/auth/local/signin', {});"].join('\r\n');
    const [r] = factsOf(analyze(code), 'request');
    assert.deepEqual([r!.span.line, r!.span.column, r!.span.endLine], [4, 3, 4]);
  });
});
