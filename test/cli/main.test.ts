import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { removeTree, tempTree } from '../discover/temp-tree.js';

const { main } = (await import(new URL('../../dist/src/cli/main.js', import.meta.url).href)) as typeof import('../../src/cli/main.js');

function capture(): { stream: Writable; text: () => string } {
  const chunks: string[] = [];
  return { stream: new Writable({ write: (c, _e, done) => (chunks.push(String(c)), done()) }), text: () => chunks.join('') };
}

test('an unexpected failure is an internal error: exit 2, message, stack only with --debug', async (t) => {
  const root = tempTree({ 'a.md': '# hi\n' });
  t.after(() => removeTree(root));
  const broken = new Writable({ write: (_c, _e, done) => done(new Error('disk full')) });
  broken.write = () => {
    throw new Error('disk full');
  };
  for (const debug of [false, true]) {
    const err = capture();
    const code = await main(['scan', root, ...(debug ? ['--debug'] : [])], { stdout: broken, stderr: err.stream, cwd: root, env: {} });
    assert.equal(code, 2);
    assert.match(err.text(), /^axeptio-migrate: internal error: disk full\n/);
    if (debug) assert.match(err.text(), /\n\s+at /);
    else assert.doesNotMatch(err.text(), /\n\s+at /);
  }
});

test('every registered command is reachable from the top-level help', async () => {
  const out = capture();
  const code = await main(['--help'], { stdout: out.stream, stderr: capture().stream, env: {} });
  assert.equal(code, 0);
  const { COMMANDS } = (await import(new URL('../../dist/src/cli/commands/index.js', import.meta.url).href)) as typeof import('../../src/cli/commands/index.js');
  for (const command of COMMANDS) assert.ok(out.text().includes(`axeptio-migrate ${command.command.split(' ')[0]}`), command.command);
});
