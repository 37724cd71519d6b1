/** The prefilter: each trigger makes a candidate; common library code does not; import specifiers for phase 2. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { isCandidateText, matchingTriggers, prefilter, relativeImportSpecifiers, TRIGGERS } from '../../src/prefilter/index.ts';

const POSITIVES: Array<[trigger: string, text: string]> = [
  ['local-signin-path', "axios.post(`${base}/local/signin`, creds)"],
  ['signin-part', "const url = [host, 'auth', 'local', 'signin'].join('/');"],
  ['signin-part', 'const p = "auth/local/" + "signin";'],
  ['axeptio-name', 'const client = new AxeptioClient();'],
  ['axeptio-name', 'AXEPTIO_TOKEN=abc'],
  ['grant-type', "body.append('grant_type', 'password')"],
  ['frontegg-api-token', "fetch(FRONTEGG + '/identity/resources/auth/v1/api-token')"],
  ['client-secret', 'const { clientSecret } = opts;'],
  ['refresh-token', 'refresh_token: rt'],
  ['jwt-literal', "const t = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig';"],
  ['password-literal', "const creds = { password: 'hunter22' };"],
  ['password-literal', 'DB_PASSWORD="s3cret!"'],
  ['credentials-to-token-endpoint', "api.post('/login', { email, password })"],
];

const NEGATIVES: Array<[name: string, text: string]> = [
  ['typical auth library code', `function verifyPassword(password, hash) { return bcrypt.compare(password, hash); }\nexport function getToken(req) { return req.headers.authorization; }\nconst token = jwt.sign(payload, key);`],
  ['password type annotations', 'interface Opts { password: string; token?: string }\nfunction f(password: string) {}'],
  ['the word sign in prose', '// Users sign in with their account; signInWithPopup(auth)'],
  ['form field names', '<input type="password" name="password" />'],
];

describe('prefilter triggers', () => {
  for (const [trigger, text] of POSITIVES) {
    it(`${trigger}: ${text.slice(0, 40)}`, () => {
      assert.equal(prefilter(text, 'javascript').candidate, true);
      assert.ok(matchingTriggers(text).includes(trigger), `matched ${matchingTriggers(text).join(',')}`);
    });
  }
  for (const [name, text] of NEGATIVES) {
    it(`not a candidate: ${name}`, () => {
      assert.equal(isCandidateText(text), false, `matched ${matchingTriggers(text).join(',')}`);
    });
  }

  it('every trigger names its rules and why', () => {
    for (const t of TRIGGERS) {
      assert.ok(t.rules.length > 0 && t.why.length > 10, t.id);
      assert.equal(t.pattern.global, false, `${t.id} must not be global (lastIndex state)`);
    }
  });

  it('the triggers are language-neutral', () => {
    assert.equal(prefilter("requests.post(f'{BASE}/auth/local/signin', json=creds)", 'python').candidate, true);
    assert.equal(prefilter('AXEPTIO_PASSWORD=x', 'env').candidate, true);
  });

  it('real library files from node_modules are not candidates', () => {
    const require = createRequire(import.meta.url);
    for (const mod of ['yargs/build/lib/yargs-factory.js', 'fast-glob/out/index.js', 'ignore/index.js', 'diff/lib/index.js']) {
      let text: string;
      try {
        text = readFileSync(require.resolve(mod), 'utf8');
      } catch {
        continue;
      }
      assert.equal(isCandidateText(text), false, `${mod}: ${matchingTriggers(text).join(',')}`);
    }
  });
});

describe('import specifiers of non-candidates', () => {
  it('returned for JS/TS files that make HTTP calls', () => {
    const text = `import { SIGNIN } from './paths';\nimport api from "../http/api.js";\nexport { x } from './x';\nexport * from '../y';\nconst c = require('./c');\nconst d = await import('./d');\nimport './side-effect';\nimport axios from 'axios';\nimport lodash from 'lodash';\naxios.post(SIGNIN, body);`;
    const result = prefilter(text, 'typescript');
    assert.equal(result.candidate, false);
    assert.deepEqual(result.importSpecifiers, ['./paths', '../http/api.js', './x', '../y', './c', './d', './side-effect']);
  });

  it('not returned without an HTTP trigger, nor for other languages, nor for candidates', () => {
    assert.equal(prefilter(`import { a } from './a';\nconsole.log(a);`, 'javascript').importSpecifiers, undefined);
    assert.equal(prefilter(`from .a import fetch`, 'python').importSpecifiers, undefined);
    assert.equal(prefilter(`import { a } from './a';\nfetch('/auth/local/signin')`, 'javascript').importSpecifiers, undefined);
  });

  it('.post( and .get( calls count as HTTP triggers; vue and svelte too', () => {
    assert.deepEqual(prefilter(`import { P } from '../p';\nthis.api.post(P)`, 'vue').importSpecifiers, ['../p']);
    assert.deepEqual(relativeImportSpecifiers(`import x from '.'; import y from '..';`), ['.', '..']);
  });
});
