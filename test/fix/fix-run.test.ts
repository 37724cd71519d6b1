/**
 * The fix pipeline in-process (real scanner, real transforms, real files in temp folders): what it
 * plans, what it writes, what it refuses, and how it reports what is left.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { runFix, formatFixSummary, fixExitCode } from '../../src/fix/index.ts';
import { runFixCommand } from '../../src/cli/commands/fix.ts';
import { legacySigninSource, removeTree, tempTree } from '../discover/temp-tree.ts';
import { captureIO } from '../cli/run-cli.ts';

const LEGACY_CLIENT = legacySigninSource();

function gitInit(dir: string): void {
  const env = { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.com' };
  execFileSync('git', ['init', '-q'], { cwd: dir, env });
  execFileSync('git', ['add', '-A'], { cwd: dir, env });
  execFileSync('git', ['commit', '-qm', 'init'], { cwd: dir, env });
}

async function withTree(files: Record<string, string | Uint8Array>, body: (dir: string) => Promise<void>): Promise<void> {
  const dir = tempTree(files, 'axm-fix-');
  try {
    await body(dir);
  } finally {
    removeTree(dir);
  }
}

test('a non-git folder is fixed with a note; CRLF and the BOM survive; the TS helper lands next to the code', async () => {
  await withTree(
    { 'package.json': '{"type":"module"}', 'src/client.ts': `\uFEFF${LEGACY_CLIENT.replace(/\n/g, '\r\n')}` },
    async (dir) => {
      const result = await runFix({ paths: [dir], cwd: dir, workers: 0 });
      assert.match(result.gitNote ?? '', /not in a git repository/);
      const bytes = readFileSync(path.join(dir, 'src/client.ts'));
      const text = bytes.toString('utf8');
      assert.ok(text.startsWith('\uFEFF'), 'BOM kept');
      assert.equal(text.replace(/\r\n/g, '').includes('\n'), false, 'only CRLF line endings');
      assert.match(text, /import \{ getAxeptioAccessToken \} from '\.\/axeptio-token';\r\n/);
      assert.match(text, /return getAxeptioAccessToken\(\);\r\n/);
      assert.equal(result.helpers[0]?.status, 'written');
      assert.equal(result.helpers[0]?.file, 'src/axeptio-token.ts');
      assert.ok(existsSync(path.join(dir, 'src/axeptio-token.ts')));
      assert.ok(result.fixed.some((f) => f.ruleId === 'legacy-signin'));
      assert.equal(fixExitCode(result), 0);
    },
  );
});

test('UTF-16 and Latin-1 files are fixed and written back in their own encoding', async () => {
  const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(LEGACY_CLIENT, 'utf16le')]);
  const latin1 = Buffer.from(`// Récupère le jeton Axeptio\n${LEGACY_CLIENT}`, 'latin1');
  await withTree({ 'package.json': '{"type":"module"}', 'wide.js': utf16, 'legacy.js': latin1 }, async (dir) => {
    gitInit(dir);
    const result = await runFix({ paths: [dir], cwd: dir, workers: 0 });
    assert.deepEqual(result.files.map((f) => [f.file, f.status]), [['legacy.js', 'changed'], ['wide.js', 'changed']]);
    const wide = readFileSync(path.join(dir, 'wide.js'));
    assert.deepEqual([...wide.subarray(0, 2)], [0xff, 0xfe]);
    assert.match(wide.subarray(2).toString('utf16le'), /return getAxeptioAccessToken\(\);/);
    const narrow = readFileSync(path.join(dir, 'legacy.js'));
    assert.ok(narrow.includes(Buffer.from('Récupère', 'latin1')), 'Latin-1 bytes kept');
    assert.match(narrow.toString('latin1'), /from '\.\/axeptio-token\.js'/);
  });
});

test('NodeNext TypeScript gets a .js specifier; --helper-path is honoured relative to cwd', async () => {
  await withTree(
    { 'tsconfig.json': '{ "compilerOptions": { "module": "NodeNext" } }', 'src/api/client.ts': LEGACY_CLIENT },
    async (dir) => {
      gitInit(dir);
      const result = await runFix({ paths: ['.'], cwd: dir, workers: 0, helperPath: 'lib/auth/axeptio-token.ts' });
      const text = readFileSync(path.join(dir, 'src/api/client.ts'), 'utf8');
      assert.match(text, /from '\.\.\/\.\.\/lib\/auth\/axeptio-token\.js';/);
      assert.deepEqual(result.helpers.map((h) => h.file), ['lib/auth/axeptio-token.ts']);
      assert.ok(existsSync(path.join(dir, 'lib/auth/axeptio-token.ts')));
    },
  );
});

test('TypeScript and JavaScript files each get a helper they can import', async () => {
  await withTree({ 'src/client.ts': LEGACY_CLIENT, 'scripts/export.mjs': LEGACY_CLIENT }, async (dir) => {
    gitInit(dir);
    const result = await runFix({ paths: [dir], cwd: dir, workers: 0 });
    assert.deepEqual(result.helpers.map((h) => [h.file, h.status]), [['scripts/axeptio-token.mjs', 'written'], ['src/axeptio-token.ts', 'written']]);
    assert.match(readFileSync(path.join(dir, 'scripts/export.mjs'), 'utf8'), /from '\.\/axeptio-token\.mjs'/);
    assert.match(readFileSync(path.join(dir, 'src/client.ts'), 'utf8'), /from '\.\/axeptio-token'/);
  });
});

test('a dirty tree is refused unless --force; dry run and patch ignore it and write nothing', async () => {
  await withTree({ 'client.js': LEGACY_CLIENT, 'notes.md': 'x\n' }, async (dir) => {
    gitInit(dir);
    writeFileSync(path.join(dir, 'notes.md'), 'edited\n');
    await assert.rejects(runFix({ paths: [dir], cwd: dir, workers: 0 }), /uncommitted changes \(notes\.md\)/);
    const preview = await runFix({ paths: [dir], cwd: dir, workers: 0, dryRun: true });
    assert.match(preview.patch, /^\+\+\+ b\/client\.js$/m);
    assert.equal(readFileSync(path.join(dir, 'client.js'), 'utf8'), LEGACY_CLIENT);
    assert.equal(existsSync(path.join(dir, 'axeptio-token.js')), false);
    const forced = await runFix({ paths: [dir], cwd: dir, workers: 0, force: true });
    assert.match(forced.gitNote ?? '', /--force/);
    assert.match(readFileSync(path.join(dir, 'client.js'), 'utf8'), /getAxeptioAccessToken/);
  });
});

test('an edited helper is kept (refused) and still imported', async () => {
  const edited = '// my own helper\nexport async function getAxeptioAccessToken() { return "from-vault"; }\n';
  await withTree({ 'package.json': '{"type":"module"}', 'client.js': LEGACY_CLIENT, 'axeptio-token.js': edited }, async (dir) => {
    gitInit(dir);
    const result = await runFix({ paths: [dir], cwd: dir, workers: 0 });
    assert.equal(result.helpers[0]?.status, 'refused');
    assert.equal(readFileSync(path.join(dir, 'axeptio-token.js'), 'utf8'), edited);
    assert.match(readFileSync(path.join(dir, 'client.js'), 'utf8'), /from '\.\/axeptio-token\.js'/);
    assert.match(formatFixSummary(result), /Helper: kept axeptio-token\.js: .*--force/);
  });
});

test('unsafe shapes are left alone with their reason, and fixable findings left make the exit code 1', async () => {
  const browser = "import { useEffect } from 'react';\nexport function useAxeptio() {\n  useEffect(() => { fetch('https://api.axept.io/v1/auth/local/signin', { method: 'POST', body: JSON.stringify({ username: 'a', password: window.prompt('pw') }) }); }, []);\n}\n";
  const returnsResponse = "import axios from 'axios';\nexport function signIn() {\n  return axios.post('https://api.axept.io/v1/auth/local/signin', { username: process.env.AXEPTIO_USERNAME, password: process.env.AXEPTIO_PASSWORD });\n}\n";
  await withTree({ 'web/useAxeptio.js': browser, 'server/sign-in.js': returnsResponse }, async (dir) => {
    gitInit(dir);
    const result = await runFix({ paths: [dir], cwd: dir, workers: 0 });
    assert.equal(readFileSync(path.join(dir, 'web/useAxeptio.js'), 'utf8'), browser);
    assert.equal(readFileSync(path.join(dir, 'server/sign-in.js'), 'utf8'), returnsResponse);
    const summary = formatFixSummary(result);
    assert.match(summary, /server\/sign-in\.js:3 legacy-signin: the function returns the whole sign-in response/);
    assert.match(summary, /web\/useAxeptio\.js:3 legacy-signin: .*browser/i);
    assert.match(summary, /Helper: not needed/);
    assert.equal(fixExitCode(result), 1);
  });
});

test('--transforms limits the work; the CLI reports usage errors with exit 2', async () => {
  await withTree({ 'client.js': LEGACY_CLIENT, '.env.example': 'AXEPTIO_USERNAME=\nAXEPTIO_PASSWORD=\n' }, async (dir) => {
    gitInit(dir);
    const bad = captureIO(dir);
    assert.equal(await runFixCommand({ transforms: 'signin,nope' }, bad.io), 2);
    assert.match(bad.err(), /unknown transform "signin", "nope"/);

    const only = captureIO(dir);
    const code = await runFixCommand({ transforms: 'env-credentials', paths: [] }, only.io);
    assert.equal(code, 0, only.out() + only.err());
    assert.equal(readFileSync(path.join(dir, '.env.example'), 'utf8'), 'AXEPTIO_CLIENT_ID=\nAXEPTIO_CLIENT_SECRET=\nAXEPTIO_FRONTEGG_URL=\n');
    assert.equal(readFileSync(path.join(dir, 'client.js'), 'utf8'), LEGACY_CLIENT, 'the sign-in transform was not selected');
    assert.match(only.out(), /1 file changed/);
  });
});

test('collections with a legacy sign-in go through the collection fixer', async () => {
  const http = '### sign in\nPOST https://api.axept.io/v1/auth/local/signin\nContent-Type: application/json\n\n{"username": "{{AXEPTIO_USERNAME}}", "password": "{{AXEPTIO_PASSWORD}}"}\n';
  await withTree({ 'requests/axeptio.http': http }, async (dir) => {
    gitInit(dir);
    const result = await runFix({ paths: [dir], cwd: dir, workers: 0 });
    const file = result.files.find((f) => f.file === 'requests/axeptio.http');
    assert.equal(file?.status, 'changed', JSON.stringify(result.files));
    const text = readFileSync(path.join(dir, 'requests/axeptio.http'), 'utf8');
    assert.doesNotMatch(text, /auth\/local\/signin/);
    assert.match(text, /identity\/resources\/auth\/v2\/api-token/);
  });
});
