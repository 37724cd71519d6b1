// Test support: writes a helper flavour into a temp dir and loads it the way a user's project would.
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { renderHelper, type HelperFlavour } from '../../src/helper/index.js';
import type * as Template from '../../src/helper/template/axeptio-token.js';

/** The helper's public surface, typed from the template that every JS/TS flavour is generated from. */
export type HelperModule = typeof Template;

export const FILE_NAMES: Record<Exclude<HelperFlavour, 'python'>, string> = {
  ts: 'axeptio-token.ts',
  esm: 'axeptio-token.mjs',
  cjs: 'axeptio-token.cjs',
};

/** Write the generated helper of `flavour` to a fresh temp dir; returns the file path. */
export function writeGenerated(flavour: HelperFlavour, fileName = flavour === 'python' ? 'axeptio_token.py' : FILE_NAMES[flavour]): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), `axeptio-helper-${flavour}-`));
  // A "type": "module" package, as a TypeScript project running the .ts under tsx would have.
  writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ type: 'module' }));
  const file = path.join(dir, fileName);
  writeFileSync(file, renderHelper(flavour));
  return file;
}

/** Import a generated JS/TS flavour (the test process runs under tsx, so .ts loads too). */
export async function loadGenerated(flavour: Exclude<HelperFlavour, 'python'>): Promise<HelperModule> {
  return (await import(pathToFileURL(writeGenerated(flavour)).href)) as HelperModule;
}
