// `axeptio-migrate helper`: flavour selection, refusal of edited helpers, idempotent reruns.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import { helperCommand } from '../../src/cli/commands/helper.js';
import { captureIO } from '../cli/run-cli.ts';
import { renderHelper } from '../../src/helper/index.js';

async function run(args: Record<string, unknown>, cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const { io, out, err } = captureIO(cwd);
  const code = await helperCommand.run(args, io);
  return { code, stdout: out(), stderr: err() };
}

function project(type?: 'module'): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'axeptio-helper-cmd-'));
  writeFileSync(path.join(dir, 'package.json'), JSON.stringify(type ? { name: 'p', type } : { name: 'p' }));
  mkdirSync(path.join(dir, 'src'));
  return dir;
}

describe('helper command', () => {
  const cases: Array<[string, 'module' | undefined, string, RegExp]> = [
    ['src/axeptio-token.ts', undefined, 'ts', /TypeScript/],
    ['src/axeptio-token.mjs', undefined, 'esm', /ES module/],
    ['src/axeptio-token.cjs', 'module', 'cjs', /CommonJS/],
    ['src/axeptio-token.js', 'module', 'esm', /ES module/],
    ['src/axeptio-token.js', undefined, 'cjs', /CommonJS/],
    ['scripts/axeptio_token.py', undefined, 'python', /Python/],
  ];
  for (const [out, type, flavour, label] of cases) {
    test(`--out ${out}${type ? ' in a "type":"module" package' : ''} writes the ${flavour} flavour`, async () => {
      const cwd = project(type);
      const res = await run({ out }, cwd);
      assert.equal(res.code, 0, res.stderr);
      assert.equal(readFileSync(path.join(cwd, out), 'utf8'), renderHelper(flavour as 'ts'));
      assert.match(res.stdout, new RegExp(`Wrote: ${out.replace(/\./g, '\\.')}`));
      assert.match(res.stdout, label);
      assert.match(res.stdout, /AXEPTIO_CLIENT_SECRET/);
    });
  }

  test('a rerun is idempotent: "Up to date", file untouched', async () => {
    const cwd = project();
    await run({ out: 'src/axeptio-token.ts' }, cwd);
    const res = await run({ out: 'src/axeptio-token.ts' }, cwd);
    assert.equal(res.code, 0);
    assert.match(res.stdout, /^Up to date: src\/axeptio-token\.ts/);
  });

  test('refuses to overwrite an edited helper (exit 2) unless --force', async () => {
    const cwd = project('module');
    const file = path.join(cwd, 'src/axeptio-token.js');
    await run({ out: 'src/axeptio-token.js' }, cwd);
    writeFileSync(file, readFileSync(file, 'utf8') + '\nexport const extra = 1;\n');
    const refused = await run({ out: 'src/axeptio-token.js' }, cwd);
    assert.equal(refused.code, 2);
    assert.match(refused.stderr, /edited since.*--force/);
    assert.match(readFileSync(file, 'utf8'), /export const extra = 1;/);
    const forced = await run({ out: 'src/axeptio-token.js', force: true }, cwd);
    assert.equal(forced.code, 0);
    assert.equal(readFileSync(file, 'utf8'), renderHelper('esm'));
  });

  test('--flavour overrides the extension; --stdout prints without writing', async () => {
    const cwd = project();
    assert.equal((await run({ out: 'lib/token.js', flavour: 'esm' }, cwd)).code, 0);
    assert.equal(readFileSync(path.join(cwd, 'lib/token.js'), 'utf8'), renderHelper('esm'));
    const printed = await run({ stdout: true, flavour: 'python' }, cwd);
    assert.equal(printed.stdout, renderHelper('python'));
  });

  test('usage errors exit 2 with a message', async () => {
    const cwd = project();
    assert.match((await run({}, cwd)).stderr, /--out FILE is required/);
    assert.equal((await run({ out: 'x.rb' }, cwd)).code, 2);
    assert.equal((await run({ out: 'x.ts', flavour: 'go' }, cwd)).code, 2);
    assert.equal((await run({ stdout: true }, cwd)).code, 2);
  });
});
