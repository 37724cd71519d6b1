/** The prefilter: each trigger makes a candidate; common library code does not; import specifiers for phase 2. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FileKind } from '../../src/discover/file-kind.ts';
import { isCandidateText, makesHttpCalls, matchingTriggers, prefilter, prefilterUtf8, TRIGGERS } from '../../src/prefilter/index.ts';
import { utf8Access } from '../../src/prefilter/utf8-view.ts';
import { referenceImportSpecifiers } from './reference.ts';

const FIXTURES = fileURLToPath(new URL('../../fixtures/', import.meta.url));

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
  it('returned for JS/TS files, whether or not they make HTTP calls (phase 2 asks that of the few importers)', () => {
    const text = `import { SIGNIN } from './paths';\nimport api from "../http/api.js";\nexport { x } from './x';\nexport * from '../y';\nconst c = require('./c');\nconst d = await import('./d');\nimport './side-effect';\nimport axios from 'axios';\nimport lodash from 'lodash';\naxios.post(SIGNIN, body);`;
    const result = prefilter(text, 'typescript');
    assert.equal(result.candidate, false);
    assert.deepEqual(result.importSpecifiers, ['./paths', '../http/api.js', './x', '../y', './c', './d', './side-effect']);
  });

  it('not returned for other languages, nor for candidates, nor without a relative import', () => {
    assert.deepEqual(prefilter(`import { a } from './a';\nconsole.log(a);`, 'javascript').importSpecifiers, ['./a']);
    assert.equal(prefilter(`import { a } from 'a';\nfetch(a);`, 'javascript').importSpecifiers, undefined);
    assert.equal(prefilter(`from .a import fetch`, 'python').importSpecifiers, undefined);
    assert.equal(prefilter(`import { a } from './a';\nfetch('/auth/local/signin')`, 'javascript').importSpecifiers, undefined);
  });

  it('vue and svelte too; `.` and `..`', () => {
    assert.deepEqual(prefilter(`import { P } from '../p';\nthis.api.post(P)`, 'vue').importSpecifiers, ['../p']);
    assert.deepEqual(prefilter(`<script>import { P } from './p.js';</script>`, 'svelte').importSpecifiers, ['./p.js']);
    assert.deepEqual(prefilter(`import x from '.'; import y from '..';\nfetch(u)`, 'javascript').importSpecifiers, ['.', '..']);
  });

  it('makesHttpCalls: client names and .post( / .get( calls, whole words only', () => {
    for (const text of ['fetch(u)', 'axios.post(u)', 'this.http.get(u)', 'new XMLHttpRequest()', 'got(u)', '$.ajax({})', 'inject(HttpClient)', 'ky.post(u)']) {
      assert.equal(makesHttpCalls(text), true, text);
    }
    for (const text of ['prefetch(u)', 'gotten', 'sky', 'console.log(a)', 'map.get (k)', 'const requests = []']) assert.equal(makesHttpCalls(text), false, text);
  });
});

// ---------------------------------------------------------------------------------------------
// The fast paths (screen then windows, Latin-1 views of UTF-8) against the plain definitions they
// replace.

const SCRIPT = new Set<FileKind>(['javascript', 'typescript', 'vue', 'svelte']);

/** The prefilter as it was written before the fast paths: the reference every shortcut must agree with. */
function referencePrefilter(text: string, kind: FileKind): { candidate: boolean; importSpecifiers?: string[] } {
  if (isCandidateText(text)) return { candidate: true };
  if (!SCRIPT.has(kind)) return { candidate: false };
  const importSpecifiers = referenceImportSpecifiers(text);
  return importSpecifiers.length ? { candidate: false, importSpecifiers } : { candidate: false };
}

/** Deterministic pseudo-random numbers (a test must fail the same way twice). */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0;
    return s / 2 ** 32;
  };
}

/** Texts made of trigger fragments, near misses, case variants and non-ASCII look-alikes, glued at random. */
function adversarialTexts(count: number, seed: number): string[] {
  const pieces = [
    'axept', 'AXEPT', 'aXePt', 'axeptio-migrate-ignore legacy-signin -- why', 'signin', 'SignIn', "'signin'", '/signin?', 'local/signin',
    'grant_type', 'GrantType', 'granttype', 'grant-type', 'api-token', 'API-TOKEN', 'client_secret', 'clientSecret', 'client-secret',
    'client secret', 'refresh_token', 'RefreshToken', 'refresh-token', 'eyJ', 'eyj', 'EYJ', 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0', 'passw',
    'password', 'PASSWORD', 'password: ', "password = 'hunter22'", 'passwd=s3cr3t', '"/login"', "'/oauth/token'", '/auth/login?',
    'fetch', 'fetch(', 'prefetch', 'fetched', 'axios', 'axios.post', 'got', 'gotten', 'ky', 'sky', 'superagent', 'request', 'requests',
    'undici', 'XMLHttpRequest', 'xmlhttprequest', 'ajax', 'HttpClient', 'HttpClient-secret', 'HttpClientSecret', 'HttpService', '.post(',
    '.get(', '.get (', 'import x from "./a";', "require('../b')", "import('./c')", "from './d'", 'export * from "../e";', "'./not-import'",
    ' ', '  ', '\n', '\r\n', '\t', '_', '-', '.', '/', "'", '"', '`', '(', ')', '=', ':', 'x', 'ab', '12', 'é', 'ß', 'ſ', '\u212a',
    'ſignin', 'ſecret', 'a\u212aept', '\u00a0', '\u2028', '\ufeff', '😀', '\ud83d', 'İ', 'ı', 'ǅ', 'ﬀ',
  ];
  const next = random(seed);
  const texts: string[] = [];
  for (let i = 0; i < count; i++) {
    const n = 1 + Math.floor(next() * 40);
    let t = '';
    for (let k = 0; k < n; k++) t += pieces[Math.floor(next() * pieces.length)]!;
    texts.push(t);
  }
  return texts;
}

const KINDS: FileKind[] = ['javascript', 'typescript', 'vue', 'python', 'json', 'markdown', 'env', 'yaml'];

describe('fast paths agree with the plain definitions', () => {
  it('prefilter gives the reference result on adversarial texts', () => {
    for (const [i, text] of adversarialTexts(4000, 11).entries()) {
      const kind = KINDS[i % KINDS.length]!;
      const result = prefilter(text, kind);
      assert.deepEqual(result, referencePrefilter(text, kind), `${kind}: ${JSON.stringify(text)}`);
      // A suppression comment makes a candidate (its keyword contains `axept`): non-candidates need no parsing.
      if (text.includes('axeptio-migrate-ignore')) assert.equal(result.candidate, true, JSON.stringify(text));
    }
  });

  it('import specifiers agree with the reference on dense quote, dot and slash soup', () => {
    const pieces = ["'", '"', '.', '..', '/', './', '../', 'a', 'b/c', '\n', ' ', 'from ', 'import ', 'require(', 'import(', ')', ';', "'.'", '"..', "'./x'", '"../y"', '`./z`'];
    const next = random(5);
    for (let i = 0; i < 20000; i++) {
      let text = '';
      const n = 1 + Math.floor(next() * 30);
      for (let k = 0; k < n; k++) text += pieces[Math.floor(next() * pieces.length)]!;
      const expected = referenceImportSpecifiers(text);
      assert.deepEqual(prefilter(text, 'javascript'), expected.length ? { candidate: false, importSpecifiers: expected } : { candidate: false }, JSON.stringify(text));
    }
  });

  it('prefilter gives the reference result on every fixture file and on real library files', () => {
    const require = createRequire(import.meta.url);
    const files = readdirSync(FIXTURES, { recursive: true, withFileTypes: true })
      .filter((d) => d.isFile())
      .map((d) => path.join(d.parentPath ?? d.path, d.name));
    for (const mod of ['yargs/build/lib/yargs-factory.js', 'fast-glob/out/index.js', 'ignore/index.js', 'diff/lib/index.js', 'axios/dist/axios.js']) {
      try {
        files.push(require.resolve(mod));
      } catch {
        // not installed
      }
    }
    assert.ok(files.length > 50);
    for (const file of files) {
      const text = readFileSync(file, 'latin1');
      for (const kind of ['javascript', 'json'] as FileKind[]) {
        assert.deepEqual(prefilter(text, kind), referencePrefilter(text, kind), `${kind}: ${file}`);
      }
    }
  });
});

describe('the prefilter on the Latin-1 view of UTF-8 bytes', () => {
  /** Texts with non-ASCII characters of every UTF-8 length (astral ones are two UTF-16 units) around triggers. */
  function unicodeTexts(count: number, seed: number): string[] {
    const next = random(seed);
    const wide = ['é', 'ß', '\u00a0', 'ſ', '\u212a', '✓', '\u2028', '\u3000', '\ufeff', '😀', '𝒜', '中文', 'İ'];
    const texts = adversarialTexts(count, seed);
    return texts.map((t) => {
      let out = next() < 0.3 ? '\ufeff' : '';
      for (const ch of t) {
        out += ch;
        if (next() < 0.25) out += wide[Math.floor(next() * wide.length)]!.repeat(1 + Math.floor(next() * 90));
      }
      return out.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '?'); // UTF-8 has no lone surrogates
    });
  }

  it('gives the result of the decoded text, windows cut at any character (surrogate halves included)', () => {
    for (const [i, text] of unicodeTexts(4000, 31).entries()) {
      const bytes = Buffer.from(text, 'utf8');
      const decoded = new TextDecoder().decode(bytes); // drops a leading BOM, as the scanner's decoder does
      const view = bytes.toString('latin1');
      const kind = KINDS[i % KINDS.length]!;
      assert.deepEqual(prefilterUtf8(bytes, view, kind), prefilter(decoded, kind), `${kind}: ${JSON.stringify(text)}`);
    }
  });

  it('reads exactly the slices of the decoded text around every ASCII character', () => {
    for (const text of unicodeTexts(300, 41)) {
      const bytes = Buffer.from(text, 'utf8');
      const decoded = new TextDecoder().decode(bytes);
      const view = bytes.toString('latin1');
      const access = utf8Access(bytes, view);
      const textStart = decoded.length === text.length ? 0 : 3;
      // Map each ASCII byte of the view to its index in the decoded text.
      let c = 0;
      for (let b = textStart; b < bytes.length; ) {
        const lead = bytes[b]!;
        const length = lead < 0x80 ? 1 : lead < 0xe0 ? 2 : lead < 0xf0 ? 3 : 4;
        if (length === 1) {
          for (const [before, after] of [[80, 200], [12, 0], [1, 1], [0, 3]] as const) {
            assert.equal(access.around(b, before, after), decoded.slice(Math.max(0, c - before), c + after), `${JSON.stringify(text)} @${b}`);
          }
        }
        b += length;
        c += length === 4 ? 2 : 1;
      }
    }
  });

  it('relative import specifiers with non-ASCII names and non-ASCII space before the keyword', () => {
    const text = "import a from './ä';\nimport\u00a0b from './b';\n\u3000require('../ç/d')\nfetch(a);\n";
    const bytes = Buffer.from(text, 'utf8');
    assert.deepEqual(prefilterUtf8(bytes, bytes.toString('latin1'), 'javascript'), prefilter(text, 'javascript'));
    assert.deepEqual(prefilter(text, 'javascript').importSpecifiers, ['./ä', './b', '../ç/d']);
  });
});
