// The generated TypeScript flavour compiles in a user's project, even under the strictest settings.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import ts from 'typescript';
import { renderHelper } from '../../src/helper/index.js';

function tempProject(): string {
  return mkdtempSync(path.join(os.tmpdir(), 'axeptio-gen-ts-'));
}

test('the generated TypeScript compiles under the strictest settings with only @types/node (no DOM lib)', () => {
  const dir = tempProject();
  const file = path.join(dir, 'axeptio-token.ts');
  writeFileSync(file, renderHelper('ts'));
  const repoTypes = path.resolve(import.meta.dirname, '../../node_modules/@types');
  const program = ts.createProgram([file], {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    lib: ['lib.es2022.d.ts'],
    types: ['node'],
    typeRoots: [repoTypes],
    noUnusedLocals: true,
    noImplicitReturns: true,
    // What @tsconfig/strictest and Node's type stripping add: the helper must compile there too.
    noPropertyAccessFromIndexSignature: true,
    exactOptionalPropertyTypes: true,
    noUncheckedIndexedAccess: true,
    noImplicitOverride: true,
    isolatedModules: true,
    erasableSyntaxOnly: true,
  });
  const diagnostics = ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
  assert.deepEqual(diagnostics, []);
});
