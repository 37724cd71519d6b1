/** Imports, exported bindings, CommonJS exports and client instances (create/extend/defaults/interceptors). */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, factsOf, requestsOf, show, showFields } from './helpers.ts';

describe('imports', () => {
  it('records default, named, namespace, require and destructured require', () => {
    const out = analyze(`import axios from 'axios';\nimport { a, b as c } from './x';\nimport * as ns from '../y';\nconst r = require('./z');\nconst { d, e: f } = require('./w');\nconst g = require('./v').default;\nexport { h } from './u';\nexport * from './t';`);
    const imports = factsOf(out, 'import').map((i) => `${i.local}=${i.from}#${i.imported}`);
    assert.deepEqual(imports.sort(), ['*=./t#*', 'a=./x#a', 'axios=axios#default', 'c=./x#b', 'd=./w#d', 'f=./w#e', 'g=./v#default', 'h=./u#h', 'ns=../y#*', 'r=./z#*'].sort());
  });
});

describe('bindings', () => {
  it('exported string, template and object constants, flattened', () => {
    const out = analyze(`const HOST = 'https://api.axept.io';\nexport const SIGNIN = \`\${HOST}/auth/local/signin\`;\nexport const config = { api: { baseUrl: HOST, timeout: 5 }, login: () => 1 };\nconst hidden = '/x';`);
    const bindings = factsOf(out, 'binding');
    const signin = bindings.find((b) => b.name === 'SIGNIN')!;
    assert.equal(signin.exported, true);
    assert.equal(show(signin.value), 'https://api.axept.io/auth/local/signin');
    assert.ok(signin.evidence.some((e) => e.weight === 'strong' && e.text.includes('host api.axept.io')));
    const config = bindings.find((b) => b.name === 'config')!;
    assert.deepEqual(showFields(config.members), { 'api.baseUrl': 'https://api.axept.io', 'api.timeout': '5' });
    assert.equal(bindings.some((b) => b.name === 'hidden'), false, 'unexported plain consts stay local');
  });

  it('export { a as b } and export default identifier', () => {
    const out = analyze(`const a = '/auth/local/signin';\nconst base = 'https://h';\nexport { a as SIGNIN };\nexport default base;`);
    const bindings = factsOf(out, 'binding');
    assert.equal(bindings.find((b) => b.name === 'a')?.exportedAs, 'SIGNIN');
    assert.equal(bindings.find((b) => b.name === 'base')?.exportedAs, 'default');
  });

  it('export default object literal', () => {
    const [b] = factsOf(analyze(`export default { baseURL: 'https://api.axept.io' };`), 'binding');
    assert.equal(b!.name, 'default');
    assert.equal(show(b!.members?.baseURL), 'https://api.axept.io');
  });

  it('CommonJS module.exports and exports.X', () => {
    const out = analyze(`const SIGNIN = '/auth/local/signin';\nmodule.exports = { SIGNIN, other: SIGNIN, base: 'https://api.axept.io' };\nexports.PATH = '/auth/local/signin';`, 'lib/paths.js');
    const bindings = factsOf(out, 'binding');
    const signin = bindings.find((b) => b.name === 'SIGNIN')!;
    assert.equal(signin.exported, true);
    assert.equal(bindings.find((b) => b.name === 'base')?.exported, true);
    assert.equal(show(bindings.find((b) => b.name === 'PATH')?.value), '/auth/local/signin');
  });

  it('re-exports become ref bindings', () => {
    const [b] = factsOf(analyze(`export { SIGNIN } from './paths';`), 'binding');
    assert.equal(b!.name, 'SIGNIN');
    assert.equal(show(b!.value), '${ref:SIGNIN@./paths}');
  });
});

describe('client instances', () => {
  it('axios.create with baseURL and headers is a client binding', () => {
    const out = analyze(`import axios from 'axios';\nexport const axeptio = axios.create({ baseURL: process.env.AXEPTIO_API_URL, headers: { Authorization: \`Bearer \${process.env.AXEPTIO_TOKEN}\` } });`);
    const [b] = factsOf(out, 'binding');
    assert.equal(b!.client?.library, 'axios');
    assert.equal(show(b!.client?.base), '${env:AXEPTIO_API_URL}');
    assert.equal(show(b!.client?.headers?.authorization), 'Bearer ${env:AXEPTIO_TOKEN}');
    assert.ok(b!.evidence.some((e) => e.text.startsWith('identifier axeptio')));
  });

  it('non-exported instances are still bindings (link needs their base)', () => {
    const out = analyze(`import got from 'got';\nconst client = got.extend({ prefixUrl: 'https://api.axept.io' });`);
    const [b] = factsOf(out, 'binding');
    assert.equal(b!.name, 'client');
    assert.equal(b!.exported, false);
    assert.equal(b!.client?.library, 'got');
  });

  it('export default axios.create(...)', () => {
    const [b] = factsOf(analyze(`import axios from 'axios';\nexport default axios.create({ baseURL: 'https://api.axept.io' });`), 'binding');
    assert.equal(b!.name, 'default');
    assert.equal(show(b!.client?.base), 'https://api.axept.io');
  });

  it('axios.defaults become the axios.defaults binding, and plain axios calls inherit them', () => {
    const out = analyze(`import axios from 'axios';\naxios.defaults.baseURL = 'https://api.axept.io/v1';\naxios.defaults.headers.common['Authorization'] = 'Bearer ' + process.env.AXEPTIO_TOKEN;\naxios.get('/projects');`);
    const [b] = factsOf(out, 'binding');
    assert.equal(b!.name, 'axios.defaults');
    assert.equal(show(b!.client?.base), 'https://api.axept.io/v1');
    assert.equal(show(b!.client?.headers?.authorization), 'Bearer ${env:AXEPTIO_TOKEN}');
    const [r] = factsOf(out, 'request');
    assert.equal(show(r!.base), 'https://api.axept.io/v1');
    assert.equal(show(r!.headers?.authorization), 'Bearer ${env:AXEPTIO_TOKEN}');
  });

  it('request interceptors record headers on the instance', () => {
    const out = analyze(`import axios from 'axios';\nconst api = axios.create({ baseURL: 'https://api.axept.io' });\napi.interceptors.request.use((cfg) => { cfg.headers.Authorization = 'Bearer ' + process.env.AXEPTIO_TOKEN; return cfg; });\napi.get('/v1/projects');`);
    const [b] = factsOf(out, 'binding');
    assert.equal(show(b!.client?.headers?.authorization), 'Bearer ${env:AXEPTIO_TOKEN}');
    const [r] = factsOf(out, 'request');
    assert.equal(show(r!.headers?.authorization), 'Bearer ${env:AXEPTIO_TOKEN}');
  });

  it('class-held instances (this.client = axios.create) serve this.client calls', () => {
    const reqs = requestsOf(`import axios from 'axios';\nclass AxeptioClient { constructor() { this.client = axios.create({ baseURL: 'https://api.axept.io' }); }\n login() { return this.client.post('/auth/local/signin', {}); } }`);
    assert.equal(reqs.length, 1);
    assert.equal(reqs[0]!.client, 'axios');
    assert.equal(show(reqs[0]!.base), 'https://api.axept.io');
    assert.ok(reqs[0]!.evidence.some((e) => e.text.includes('AxeptioClient')));
  });
});
