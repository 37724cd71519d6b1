/** Test helper: a throw-away folder tree under the OS temp dir, written from a path → content map. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Create a temp folder holding `files` (POSIX relative paths; string content is written as UTF-8). */
export function tempTree(files: Record<string, string | Uint8Array>, prefix = 'axm-'): string {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), prefix)));
  writeTree(root, files);
  return root;
}

/** Write (or overwrite) files inside an existing folder. */
export function writeTree(root: string, files: Record<string, string | Uint8Array>): void {
  for (const [rel, content] of Object.entries(files)) {
    const abs = path.join(root, ...rel.split('/'));
    fs.mkdirSync(path.dirname(abs), { recursive: true });
    fs.writeFileSync(abs, content);
  }
}

/** Remove a temp tree (best effort: tests must not fail on cleanup). */
export function removeTree(root: string): void {
  fs.rmSync(root, { recursive: true, force: true });
}

/** A JS/TS file with one unmistakable legacy Axeptio sign-in call (legacy-signin, high confidence) on line `callLine`. */
export function legacySigninSource(padLines = 0): string {
  return [
    ...Array.from({ length: padLines }, (_, i) => `// padding line ${i + 1}`),
    "import axios from 'axios';",
    '',
    'export async function login() {',
    "  const res = await axios.post('https://api.axept.io/v1/auth/local/signin', {",
    '    username: process.env.AXEPTIO_USERNAME,',
    '    password: process.env.AXEPTIO_PASSWORD,',
    '  });',
    '  return res.data.token;',
    '}',
    '',
  ].join('\n');
}
