/** Folding through the link step: members, aliases, cycles and depth bounds never hang or throw. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { link } from '../../src/link/index.js';
import { binding, env, file, importOf, project, ref, request, str, text } from '../rules/fact-builders.js';

function targetOf(files: Parameters<typeof link>[0]): string {
  const linked = link(files, project());
  assert.equal(linked.requests.length, 1);
  return linked.requests[0]!.target.text;
}

test('a binding cycle folds to a placeholder', () => {
  const files = [file('src/a.ts', [binding(1, 'A', { value: [ref('B')] }), binding(2, 'B', { value: [ref('A')] }), request(3, [ref('A'), text('/auth/local/signin')])])];
  assert.match(targetOf(files), /^\$\{[AB]\}\/auth\/local\/signin$/);
});

test('an import cycle between files folds to a placeholder', () => {
  const files = [
    file('src/a.ts', [importOf(1, 'X', './b'), binding(2, 'X2', { value: [ref('X')] }), request(3, [ref('X2')])]),
    file('src/b.ts', [importOf(1, 'X2', './a'), binding(2, 'X', { value: [ref('X2')] })]),
  ];
  assert.match(targetOf(files), /^\$\{X2?\}$/);
});

test('a long alias chain stops at the depth bound', () => {
  const facts = Array.from({ length: 40 }, (_, i) => binding(i + 1, `V${i}`, { value: i === 39 ? str('https://api.axept.io') : [ref(`V${i + 1}`)] }));
  const files = [file('src/a.ts', [...facts, request(50, [ref('V0')])])];
  assert.ok(targetOf(files).startsWith('${'));
});

test('member paths through nested refs and aliases', () => {
  const files = [
    file('src/settings.ts', [binding(1, 'settings', { members: { 'axeptio.url': [env('AXEPTIO_API_URL')], 'axeptio.paths': [ref('PATHS')] } }), binding(2, 'PATHS', { exported: false, members: { signin: str('/auth/local/signin') } })]),
    file('src/config.ts', [importOf(1, 'settings', './settings'), binding(2, 'default', { exportedAs: 'default', value: [ref('settings')] })]),
    file('src/a.ts', [importOf(1, 'cfg', './config', 'default'), request(3, [ref('cfg', ['axeptio', 'url']), ref('cfg', ['axeptio', 'paths', 'signin'])])]),
  ];
  assert.equal(targetOf(files), '${AXEPTIO_API_URL}/auth/local/signin');
});

test('namespace imports select exports', () => {
  const files = [
    file('src/c.ts', [binding(1, 'SIGNIN', { value: str('/auth/local/signin') })]),
    file('src/a.ts', [importOf(1, 'C', './c', '*'), request(3, [env('BASE'), ref('C', ['SIGNIN'])])]),
  ];
  assert.equal(targetOf(files), '${BASE}/auth/local/signin');
});

test('unresolved parts stay visible as placeholders', () => {
  const files = [file('src/a.ts', [request(3, [ref('service', ['name']), text('/local/signin'), { kind: 'unknown', text: 'getSuffix()' }])])];
  assert.equal(targetOf(files), '${service.name}/local/signin${getSuffix()}');
});

test('instance base and wrapper bases join axios-style', () => {
  const files = [
    file('src/http.ts', [binding(1, 'api', { client: { library: 'axios', base: str('https://api.axept.io/v1/') } })]),
    file('src/a.ts', [importOf(1, 'api', './http'), request(3, str('/auth/local/signin'), { instance: { name: 'api', from: './http' } }), request(4, str('https://other.example/x'), { instance: { name: 'api' } })]),
  ];
  const linked = link(files, project());
  assert.deepEqual(linked.requests.map((r) => r.target.text), ['https://api.axept.io/v1/auth/local/signin', 'https://other.example/x']);
  assert.equal(linked.requests[0]!.url.host, 'api.axept.io');
  assert.equal(linked.clients.length, 1);
});

test('a wrapper whose inner request leads back to the wrapper itself links without recursing forever', () => {
  const files = [
    file('lib/api.js', [
      importOf(1, 'self', './api', '*'),
      { kind: 'wrapper', span: { line: 3, column: 1, endLine: 3, endColumn: 80 }, name: 'post', exported: false, urlParam: 0, client: 'unknown' },
      request(3, [{ kind: 'param', index: 0, name: 'path' }], { span: { line: 3, column: 20, endLine: 3, endColumn: 60 }, client: 'unknown', instance: { name: 'self' } }),
    ]),
    file('lib/use.js', [importOf(1, 'api', './api', '*'), request(2, str('/auth/local/signin'), { client: 'unknown', instance: { name: 'api', from: './api' } })]),
  ];
  const linked = link(files, project());
  assert.equal(linked.requests.length, 2);
  assert.ok(linked.requests.some((r) => r.target.text === '/auth/local/signin'));
});
