/** password-grant over hand-built facts: ROPC to Keycloak, credentials logins of API clients, and what is not one. */
import { credentialsBody, env, file, project, request, str, text } from './fact-builders.js';
import { ruleTester } from './rule-tester.js';

const ropcBody = (password = [env('APIAX_PASSWORD')]) => ({
  encoding: 'form' as const,
  fields: { grant_type: str('password'), client_id: str('apiax'), username: [env('APIAX_USER')], password },
});
const keycloak = 'https://auth.apiax.com/realms/apiax/protocol/openid-connect/token';

ruleTester('password-grant', {
  valid: [
    { name: 'client credentials grant', files: [file('src/a.ts', [request(3, str(keycloak), { body: { encoding: 'form', fields: { grant_type: str('client_credentials') } } })])] },
    { name: 'refresh_token grant', files: [file('src/a.ts', [request(3, str(keycloak), { body: { encoding: 'form', fields: { grant_type: str('refresh_token') } } })])] },
    { name: 'legacy-signin reports the Axeptio sign-in, not password-grant', files: [file('src/a.ts', [request(3, str('https://api.axept.io/v1/auth/local/signin'), { body: credentialsBody() })])] },
    { name: "a login form posting to the app's own backend", files: [file('src/Login.tsx', [request(3, str('/api/login'), { body: credentialsBody(), context: { interactive: true, browser: true } })])] },
    { name: 'a relative login call', files: [file('src/a.ts', [request(3, str('/login'), { body: credentialsBody() })])] },
    { name: 'credentials to a non-login endpoint', files: [file('src/a.ts', [request(3, str('https://api.example.com/users'), { body: credentialsBody() })])] },
    { name: "Strapi's /api/auth/local login", files: [file('src/cms.ts', [request(3, str('https://cms.example.com/api/auth/local'), { body: { encoding: 'json', fields: { identifier: [env('U')], password: [env('P')] } } })])] },
    { name: 'a test against localhost', files: [file('test/a.test.ts', [request(3, str('http://localhost:8080/login'), { body: credentialsBody(), context: { inTest: true } })])] },
  ],
  invalid: [
    {
      name: 'grant_type=password to Keycloak (form)',
      files: [file('src/apiax.ts', [request(5, str(keycloak), { body: ropcBody() })])],
      findings: [{ line: 5, severity: 'warning', confidence: 'medium', fixAvailable: false, evidence: ['grant_type=password', 'OpenID Connect token endpoint'], message: ['OAuth2 password grant'] }],
    },
    {
      name: 'grant_type=password in the query string',
      files: [file('src/a.py', [request(5, str('https://idp.example.com/oauth/token?grant_type=password&username=u&password=p'), { client: 'requests' })])],
      findings: [{ confidence: 'medium', fixAvailable: false }],
    },
    {
      name: 'with Axeptio context: error',
      files: [file('src/axeptio/auth.ts', [request(5, [env('AXEPTIO_AUTH_URL'), text('/oauth/token')], { body: ropcBody([env('AXEPTIO_PASSWORD')]) })])],
      findings: [{ severity: 'error', confidence: 'high', evidence: ['env AXEPTIO_PASSWORD'] }],
    },
    {
      name: 'Axeptio package makes it error too',
      project: project({ axeptioPackages: ['axeptio-client'] }),
      files: [file('src/a.ts', [request(5, str(keycloak), { body: ropcBody() })])],
      findings: [{ severity: 'error', confidence: 'high' }],
    },
    {
      name: "credentials body to a third-party API's token endpoint",
      files: [file('src/partner.ts', [request(5, str('https://api.partner.io/v2/auth/token'), { body: credentialsBody() })])],
      findings: [{ severity: 'warning', confidence: 'medium', message: ['username + password login'] }],
    },
    {
      name: 'a nested credentials body (flattened keys)',
      files: [file('src/partner.ts', [request(5, str('https://api.partner.io/oauth/token'), { body: { encoding: 'json', fields: { 'auth.email': [env('E')], 'auth.password': [env('P')] } } })])],
      findings: [{ confidence: 'medium' }],
    },
    {
      name: 'credentials body to an env-configured login endpoint: low (may be the own backend)',
      files: [file('src/svc.ts', [request(5, [env('BACKEND_URL'), text('/login')], { body: credentialsBody() })])],
      findings: [{ confidence: 'low' }],
    },
    {
      name: 'planted password never shows',
      files: [file('src/apiax.ts', [request(5, str(keycloak), { body: ropcBody(str('S3cr3t-Pl4nted!')) })])],
      findings: [{ confidence: 'medium' }],
      neverShown: ['S3cr3t-Pl4nted!'],
    },
  ],
});
