/** static-token over hand-built facts: env and literal bearers on requests, instances and defaults. */
import { binding, call, env, file, importOf, param, ref, request, str, text, wrapper } from './fact-builders.js';
import { ruleTester } from './rule-tester.js';

const bearer = (...rest: Parameters<typeof text>[0][]) => [text('Bearer '), ...rest.map(text)];

ruleTester('static-token', {
  valid: [
    {
      name: 'a token from a sign-in response (unresolved local)',
      files: [file('src/a.ts', [request(5, str('https://api.axept.io/v1/projects'), { method: 'GET', headers: { authorization: [text('Bearer '), ref('token')] } })])],
    },
    {
      name: 'a static token for another API',
      files: [file('src/a.ts', [request(5, str('https://api.github.com/repos'), { headers: { authorization: [text('Bearer '), env('GITHUB_TOKEN')] } })])],
    },
    {
      name: 'an AXEPTIO_TOKEN sent to a clearly different host',
      files: [file('src/a.ts', [request(5, str('https://hooks.slack.com/x'), { headers: { authorization: [text('Bearer '), env('AXEPTIO_TOKEN')] } })])],
    },
    {
      name: 'a generic token to an unknown host',
      files: [file('src/a.ts', [request(5, [env('API_URL'), text('/projects')], { headers: { authorization: [text('Bearer '), env('API_TOKEN')] } })])],
    },
  ],
  invalid: [
    {
      name: 'env bearer to api.axept.io on a request',
      files: [file('src/export.ts', [request(5, str('https://api.axept.io/v1/projects'), { method: 'GET', headers: { Authorization: [text('Bearer '), env('AXEPTIO_TOKEN')] } })])],
      findings: [{ line: 5, severity: 'warning', confidence: 'high', evidence: ['bearer token from env AXEPTIO_TOKEN', 'host api.axept.io'], transform: 'static-token-to-helper' }],
    },
    {
      name: 'a generic env token to an AXEPTIO_* base',
      files: [file('src/export.ts', [request(5, [env('AXEPTIO_API_URL'), text('/projects')], { headers: { authorization: [text('Bearer '), env('API_TOKEN')] } })])],
      findings: [{ confidence: 'high', evidence: ['env AXEPTIO_API_URL'] }],
    },
    {
      name: 'a literal token: reported, never shown',
      files: [file('src/export.ts', [request(5, str('https://api.axept.io/v1/projects'), { headers: { authorization: bearer('abcDEF123456789xyzSECRET') } })])],
      findings: [{ confidence: 'high', message: ['a literal token'] }],
      neverShown: ['abcDEF123456789xyzSECRET'],
    },
    {
      name: 'a token constant in another file',
      files: [
        file('src/config.ts', [binding(1, 'AXEPTIO_KEY', { value: [env('AXEPTIO_API_TOKEN')] })]),
        file('src/export.ts', [importOf(1, 'AXEPTIO_KEY', './config'), request(5, str('https://api.axept.io/v1/x'), { headers: { authorization: [text('Bearer '), ref('AXEPTIO_KEY')] } })]),
      ],
      findings: [{ file: 'src/export.ts', evidence: ['bearer token from env AXEPTIO_API_TOKEN'] }],
    },
    {
      name: 'on an axios instance: reported once, at the instance',
      files: [
        file('src/http.ts', [binding(3, 'axeptio', { client: { library: 'axios', base: str('https://api.axept.io/v1'), headers: { authorization: [text('Bearer '), env('AXEPTIO_TOKEN')] } } })]),
        file('src/a.ts', [importOf(1, 'axeptio', './http'), request(4, str('/projects'), { client: 'axios', method: 'GET', instance: { name: 'axeptio', from: './http' } })]),
      ],
      findings: [{ file: 'src/http.ts', line: 3, message: ['client axeptio'] }],
    },
    {
      name: 'in a wrapper: reported once where set, not at every call',
      files: [
        file('src/axeptio-get.ts', [
          wrapper(2, 'axeptioGet', { span: { line: 2, column: 1, endLine: 6, endColumn: 2 }, method: 'GET', client: 'fetch' }),
          request(4, [text('https://api.axept.io/v1'), param(0, 'path')], { method: 'GET', headers: { authorization: [text('Bearer '), env('AXEPTIO_TOKEN')] } }),
        ]),
        file('src/a.ts', [importOf(1, 'axeptioGet', './axeptio-get'), call(5, 'axeptioGet', [str('/projects')]), call(6, 'axeptioGet', [str('/consents')])]),
      ],
      findings: [{ file: 'src/axeptio-get.ts', line: 4 }],
    },
    {
      name: 'on axios defaults',
      files: [file('src/setup.js', [binding(2, 'axios.defaults', { exported: false, client: { library: 'axios', base: [env('AXEPTIO_API_URL')], headers: { authorization: [text('Bearer '), env('TOKEN')] } } })])],
      findings: [{ line: 2, confidence: 'high' }],
    },
    {
      name: 'browser code: no automatic fix',
      files: [file('src/App.tsx', [request(5, str('https://api.axept.io/v1/projects'), { headers: { authorization: [text('Bearer '), env('VITE_AXEPTIO_TOKEN')] }, context: { browser: true } })])],
      findings: [{ fixAvailable: false, guidance: 'never ship a client secret' }],
    },
  ],
});
