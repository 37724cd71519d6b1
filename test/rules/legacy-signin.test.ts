/** legacy-signin over hand-built facts: every client, every way of building the URL, and the traps. */
import type { RouteFact } from '../../src/facts/types.js';
import { at, binding, call, credentialsBody, env, file, importOf, project, ref, request, str, strong, text, wrapper } from './fact-builders.js';
import { ruleTester } from './rule-tester.js';

const route: RouteFact = { kind: 'route', span: at(12), method: 'POST', path: '/auth/local/signin', framework: 'nest' };

ruleTester('legacy-signin', {
  valid: [
    { name: "Strapi's /api/auth/local", files: [file('src/strapi.ts', [request(3, str('https://cms.example.com/api/auth/local'), { body: credentialsBody() })])] },
    { name: 'Strapi register route', files: [file('src/strapi.ts', [request(3, str('/api/auth/local/register'))])] },
    { name: 'a route definition alone', files: [file('src/auth.controller.ts', [route])] },
    { name: 'a similar but different path', files: [file('src/a.ts', [request(3, str('https://api.axept.io/v1/auth/local/signinx'))])] },
    { name: 'the v2 api-token exchange', files: [file('src/a.ts', [request(3, str('https://x.frontegg.com/identity/resources/auth/v2/api-token'))])] },
    {
      name: "a test of the app's own route (supertest, relative URL)",
      files: [
        file('src/auth.controller.ts', [route]),
        file('test/auth.e2e-spec.ts', [request(5, str('/auth/local/signin'), { client: 'supertest', context: { inTest: true } })]),
      ],
    },
    {
      name: 'a test against localhost',
      files: [file('test/login.test.ts', [request(5, str('http://localhost:3000/auth/local/signin'), { context: { inTest: true } })])],
    },
  ],
  invalid: [
    {
      name: 'fetch to api.axept.io',
      files: [file('src/axeptio.ts', [request(4, str('https://api.axept.io/v1/auth/local/signin'), { body: credentialsBody() })])],
      findings: [{ line: 4, confidence: 'high', severity: 'error', evidence: ['host api.axept.io', 'username + password'], fixAvailable: true, transform: 'signin-to-client-credentials' }],
    },
    {
      name: 'env base AXEPTIO_API_URL',
      files: [file('scripts/export.js', [request(7, [env('AXEPTIO_API_URL'), text('/auth/local/signin')])])],
      findings: [{ confidence: 'high', evidence: ['env AXEPTIO_API_URL'], message: ['${AXEPTIO_API_URL}/auth/local/signin'] }],
    },
    {
      name: 'unknown host, credentials body: medium',
      files: [file('src/client.ts', [request(2, [env('API_URL'), text('/v1/auth/local/signin')], { body: credentialsBody(), responseTokenField: 'token' })])],
      findings: [{ confidence: 'medium', evidence: ['username + password', '.token read from the response'] }],
    },
    {
      name: 'NestJS app calling its own route with no Axeptio evidence: low',
      files: [
        file('src/auth/auth.controller.ts', [route]),
        file('src/front/login.ts', [request(9, str('/auth/local/signin'), { body: credentialsBody(), responseTokenField: 'token' })]),
      ],
      findings: [{ file: 'src/front/login.ts', confidence: 'low', evidence: ['defines the route POST /auth/local/signin (nest) in src/auth/auth.controller.ts:12'] }],
    },
    {
      name: 'the same project calling api.axept.io: high',
      files: [
        file('src/auth/auth.controller.ts', [route]),
        file('src/sync.ts', [request(9, str('https://api.axept.io/v1/auth/local/signin'), { body: credentialsBody() })]),
      ],
      findings: [{ confidence: 'high' }],
    },
    {
      name: 'a project with its own login and an unknown host: low',
      files: [
        file('src/auth/strategy.ts', [{ kind: 'file-evidence', evidence: [], definesOwnLogin: true }]),
        file('src/call.ts', [request(3, [env('BACKEND'), text('/auth/local/signin')])]),
      ],
      findings: [{ confidence: 'low', evidence: ['defines its own login in src/auth/strategy.ts'] }],
    },
    {
      name: 'a non-Axeptio host: low',
      files: [file('src/a.ts', [request(3, str('https://auth.mycompany.com/auth/local/signin'))])],
      findings: [{ confidence: 'low', evidence: ["host auth.mycompany.com in the URL is not Axeptio's"] }],
    },
    {
      name: '${service.name}/local/signin with the service unresolved',
      files: [file('src/a.ts', [request(3, [ref('service', ['name']), text('/local/signin')])])],
      findings: [{ confidence: 'medium', message: ['${service.name}/local/signin'] }],
    },
    {
      name: '${service.name}/local/signin resolved through a config object',
      files: [
        file('src/a.ts', [importOf(1, 'service', './services'), request(3, [ref('service', ['name']), text('/local/signin')])]),
        file('src/services.ts', [binding(1, 'service', { members: { name: str('https://api.axept.io/v1/auth') } })]),
      ],
      findings: [{ confidence: 'high', evidence: ['host api.axept.io from service.name in src/services.ts:1'] }],
    },
    {
      name: "[base,'auth','local','signin'].join('/') folded by the analyzer",
      files: [file('src/a.ts', [binding(1, 'base', { exported: false, value: str('https://api.axept.io/v1') }), request(3, [ref('base'), text('/auth/local/signin')])])],
      findings: [{ confidence: 'high' }],
    },
    {
      name: 'constant path in one file, axios instance in another, call in a third',
      files: [
        file('src/constants.ts', [binding(2, 'SIGNIN_PATH', { value: str('/auth/local/signin') })]),
        file('src/http.ts', [binding(3, 'api', { client: { library: 'axios', base: str('https://api.axept.io/v1') } })]),
        file('src/login.ts', [
          importOf(1, 'SIGNIN_PATH', './constants.js'),
          importOf(2, 'api', './http'),
          request(5, [ref('SIGNIN_PATH', undefined, './constants.js')], { client: 'axios', instance: { name: 'api', from: './http' }, body: credentialsBody() }),
        ]),
      ],
      findings: [
        {
          file: 'src/login.ts',
          line: 5,
          confidence: 'high',
          evidence: ['host api.axept.io via axios.create baseURL in src/http.ts:3', 'path /auth/local/signin from SIGNIN_PATH in src/constants.ts:2'],
        },
      ],
    },
    {
      name: 'wrapper in another file, called with the legacy path',
      files: [
        file('src/lib/request.ts', [wrapper(4, 'apiPost', { base: [env('AXEPTIO_API')], method: 'POST' })]),
        file('src/login.ts', [importOf(1, 'apiPost', '../src/lib/request'), call(6, 'apiPost', [str('/auth/local/signin')], { bodyFields: { email: [env('E')], password: [env('P')] } })]),
      ],
      findings: [{ file: 'src/login.ts', line: 6, confidence: 'high', message: ['through wrapper apiPost()'], evidence: ['request made by wrapper apiPost in src/lib/request.ts:4'] }],
    },
    {
      name: 're-export through a barrel and a CommonJS module.exports object',
      files: [
        file('lib/config.cjs', [binding(1, 'module.exports', { members: { signinUrl: str('https://api.axept.io/v1/auth/local/signin') } })]),
        file('lib/index.js', [{ kind: 'import', span: at(1), from: './config.cjs', imported: '*', local: '*' }]),
        file('app.js', [importOf(1, 'signinUrl', './lib'), request(3, [ref('signinUrl', undefined, './lib')])]),
      ],
      findings: [{ file: 'app.js', confidence: 'high' }],
    },
    {
      name: 'Axeptio package in the project, no other evidence: high',
      project: project({ axeptioPackages: ['@axeptio/sdk'] }),
      files: [file('src/a.ts', [request(3, [env('API_URL'), text('/auth/local/signin')])])],
      findings: [{ confidence: 'high', evidence: ['project depends on @axeptio/sdk'] }],
    },
    {
      name: 'Axeptio folder but a relative URL: the URL decides (low)',
      files: [file('src/axeptio/login.ts', [request(3, str('/auth/local/signin'))])],
      findings: [{ confidence: 'low' }],
    },
    {
      name: 'browser code: guidance, no rewrite',
      files: [file('src/components/Login.tsx', [request(3, str('https://api.axept.io/auth/local/signin'), { context: { browser: true } })])],
      findings: [{ fixAvailable: false, guidance: 'never ship a client secret' }],
    },
    {
      name: 'a human login form: guidance, no rewrite',
      files: [file('src/login.ts', [request(3, str('https://api.axept.io/auth/local/signin'), { context: { interactive: true } })])],
      findings: [{ fixAvailable: false, guidance: 'A person types these credentials' }],
    },
    {
      name: 'Postman request: guidance unless the analyzer names a transform',
      files: [
        file('postman/axeptio.postman_collection.json', [request(10, [env('baseUrl'), text('/auth/local/signin')], { client: 'postman' })]),
        file('requests/login.http', [request(2, str('https://api.axept.io/v1/auth/local/signin'), { client: 'http-file', fixTransform: 'http-file-signin' })]),
      ],
      findings: [
        { file: 'postman/axeptio.postman_collection.json', fixAvailable: false, guidance: 'identity/resources/auth/v2/api-token', confidence: 'high' },
        { file: 'requests/login.http', fixAvailable: true, transform: 'http-file-signin' },
      ],
    },
    {
      name: 'curl in a shell script',
      files: [file('scripts/token.sh', [request(4, str('https://api.axept.io/v1/auth/local/signin'), { client: 'curl' })])],
      findings: [{ fixAvailable: false, guidance: '$AXEPTIO_CLIENT_ID' }],
    },
    {
      name: 'a planted secret never shows',
      files: [
        file('src/a.ts', [
          request(3, str('https://api.axept.io/v1/auth/local/signin?password=Hunter2Secret99'), {
            evidence: [strong('Bearer abcdefghijklmnopQRST1234 used nearby')],
          }),
        ]),
      ],
      findings: [{ confidence: 'high' }],
      neverShown: ['Hunter2Secret99', 'abcdefghijklmnopQRST1234'],
    },
  ],
});
