/** token-no-refresh over hand-built facts: per-request sign-in, tokens kept without expiry, static tokens in loops. */
import { binding, call, credentialsBody, env, file, importOf, param, request, str, text, wrapper } from './fact-builders.js';
import { ruleTester } from './rule-tester.js';

const signin = 'https://api.axept.io/v1/auth/local/signin';

ruleTester('token-no-refresh', {
  valid: [
    { name: 'a sign-in once, no caching facts', files: [file('src/a.ts', [request(3, str(signin), { body: credentialsBody() })])] },
    { name: 'a static token used once', files: [file('src/a.ts', [request(3, str('https://api.axept.io/v1/projects'), { headers: { authorization: [text('Bearer '), env('AXEPTIO_TOKEN')] } })])] },
    { name: 'a per-request call to an ordinary endpoint', files: [file('src/a.ts', [request(3, str('https://api.axept.io/v1/projects'), { context: { perRequest: true } })])] },
    {
      name: "a per-request sign-in in a test of the app's own route",
      files: [file('test/a.test.ts', [request(3, str('/auth/local/signin'), { context: { perRequest: true, inTest: true } })])],
    },
  ],
  invalid: [
    {
      name: 'a header getter that signs in per request',
      files: [file('src/axeptio.ts', [request(8, str(signin), { body: credentialsBody(), context: { perRequest: true, enclosingFunction: 'getAuthHeaders' } })])],
      findings: [{ line: 8, severity: 'warning', confidence: 'high', message: ['every outgoing API request', 'getAuthHeaders() is called per request'], fixAvailable: false, guidance: 'cache it with its expiry' }],
    },
    {
      name: 'a token cached with no expiry',
      files: [file('src/axeptio.ts', [request(8, str(signin), { body: credentialsBody(), tokenCachedWithoutExpiry: true })])],
      findings: [{ message: ['no expiry tracking'] }],
    },
    {
      name: 'a v1 api-token exchanged per request',
      files: [file('src/auth.ts', [request(8, str('https://axeptio.frontegg.com/identity/resources/auth/v1/api-token'), { context: { perRequest: true } })])],
      findings: [{ message: ['v1 token exchange'] }],
    },
    {
      name: 'a static token in a paginating export script',
      files: [file('scripts/export.mjs', [request(12, [env('AXEPTIO_API_URL'), text('/projects?page=')], { method: 'GET', headers: { authorization: [text('Bearer '), env('AXEPTIO_TOKEN')] }, context: { inLoop: true } })])],
      findings: [{ line: 12, confidence: 'high', message: ['reused across a loop'] }],
    },
    {
      name: 'a static token set in a wrapper whose callers loop',
      files: [
        file('src/axeptio-get.ts', [
          wrapper(2, 'axeptioGet', { span: { line: 2, column: 1, endLine: 6, endColumn: 2 }, method: 'GET', client: 'fetch' }),
          request(4, [text('https://api.axept.io/v1'), param(0, 'path')], { method: 'GET', headers: { authorization: [text('Bearer '), env('AXEPTIO_TOKEN')] } }),
        ]),
        file('scripts/export.ts', [importOf(1, 'axeptioGet', '../src/axeptio-get'), call(5, 'axeptioGet', [str('/consents?page=')], { context: { inLoop: true } })]),
      ],
      findings: [{ file: 'src/axeptio-get.ts', line: 4, message: ['loop'] }],
    },
    {
      name: 'a static token on an instance used in a loop elsewhere',
      files: [
        file('src/http.ts', [binding(3, 'api', { client: { library: 'axios', base: str('https://api.axept.io/v1'), headers: { authorization: [text('Bearer '), env('AXEPTIO_TOKEN')] } } })]),
        file('scripts/export.ts', [importOf(1, 'api', '../src/http'), request(6, str('/consents'), { client: 'axios', instance: { name: 'api', from: '../src/http' }, context: { inLoop: true } })]),
      ],
      findings: [{ file: 'src/http.ts', line: 3 }],
    },
  ],
});
