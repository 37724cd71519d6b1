/** The per-file first stage (bytes, views, one-pass prefilter) against the text-level definition it replaces. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import { readTextFile } from '../../src/discover/read.js';
import { fileKindOf, type FileKind } from '../../src/discover/file-kind.js';
import { parseSuppressions } from '../../src/findings/suppressions.js';
import { HTTP_CLIENT_TRIGGER, isCandidateText } from '../../src/prefilter/index.js';
import { referenceImportSpecifiers } from '../prefilter/reference.js';
import { manifestInfo, prefilterFile, type FileOutcome, type FileTask, type Prefiltered } from '../../src/scan/process-file.js';
import { removeTree, tempTree } from '../discover/temp-tree.js';

const SCRIPT = new Set<FileKind>(['javascript', 'typescript', 'vue', 'svelte']);

/** The first stage as it was before the fast paths: strict decoding of every file, then text-level checks. */
function reference(file: FileTask, maxFileSize: number): Prefiltered {
  const read = readTextFile(file.abs, maxFileSize);
  if (!read.ok) return { outcome: { rel: file.rel, read: false, errors: [read.reason] } };
  const { text } = read;
  const outcome: FileOutcome = { rel: file.rel, read: true, errors: read.note ? [read.note] : [] };
  if (path.posix.basename(file.rel) === 'package.json') {
    // Manifest reading is not what changed: the reference reads it the one way.
    const manifest = manifestInfo(text);
    if (manifest) outcome.manifest = manifest;
  }
  const suppressions = parseSuppressions(text);
  if (suppressions.length) outcome.suppressions = suppressions;
  // A phase-2 importer is analyzed when it makes HTTP calls; a file of phase 1 when it is a candidate.
  if (file.importer ? HTTP_CLIENT_TRIGGER.test(text) : isCandidateText(text)) return { outcome, candidate: { text, suppressions } };
  if (file.importer) return { outcome };
  if (SCRIPT.has(file.kind)) {
    const importSpecifiers = referenceImportSpecifiers(text);
    if (importSpecifiers.length) outcome.importSpecifiers = importSpecifiers;
  }
  return { outcome };
}

function check(root: string, rels: readonly string[], maxFileSize = 2 * 1024 * 1024): void {
  for (const rel of rels) {
    const kind = fileKindOf(rel) ?? 'javascript';
    for (const importer of [false, true]) {
      const task: FileTask = { abs: path.join(root, rel), rel, kind, importer };
      assert.deepEqual(prefilterFile(task, maxFileSize), reference(task, maxFileSize), `${rel} (importer: ${importer})`);
    }
  }
}

test('every fixture file gets the outcome and candidate text the strict text-level stage gave', () => {
  const root = fileURLToPath(new URL('../../fixtures/', import.meta.url));
  const rels = readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => path.relative(root, path.join(d.parentPath ?? d.path, d.name)).split(path.sep).join('/'));
  assert.ok(rels.length > 50);
  check(root, rels);
});

test('crafted encodings, suppressions, manifests and near misses agree with the strict text-level stage', (t) => {
  const far = 'é'.repeat(150); // non-ASCII padding: a window in bytes is shorter than in characters
  const files: Record<string, string | Uint8Array> = {
    // Valid UTF-8 beyond ASCII: the Latin-1 view decides alone only when nothing can match.
    'plain-utf8.js': `const s = "héllo wörld ✓";\nexport default s;\n`,
    'utf8-signin.js': `// ünïcode\nfetch('https://api.axept.io/v1/auth/local/signin');\n`,
    'utf8-password-far.ts': `const password = 'x';${far} const url = "/login";\n`,
    'utf8-password-near.ts': `const é = { password: 'hunter22' };\n`,
    'utf8-password-nbsp.ts': `const creds = { password:\u00a0'hunter22', city: 'Zürich' };\n`,
    'utf8-password-value.ts': `const creds = { password: 'ééé' };\n`,
    'utf8-http.ts': `import { A } from './ä-module';\nimport b from "../b";\n// Grüße\naxios.post(A, b);\n`,
    'utf8-http-import-after-nbsp.ts': `import\u00a0x from './x';\nfetch(x);\n`,
    'utf8-suppressed.ts': `// axeptio-migrate-ignore-next-line legacy-signin -- migré en mai\naxios.post('https://api.axept.io/v1/auth/local/signin', b);\n`,
    'utf8-bom.ts': `\ufeffaxios.post(\`\${base}/local/signin\`, creds); // é\n`,
    'utf8-bom-only.md': '\ufeff# Titre ✓\n',
    'utf8-astral.js': `const e = "😀😀"; const grant_type = 'password'; // 😀\n`,
    'utf8-eyj.json': `{"t":"é eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig"}`,
    'utf8-kelvin.js': 'const a = "\u212axept ſignin ſecret";\n',
    // Invalid UTF-8: Latin-1 with a note, prefiltered on that text.
    'latin1.php': Buffer.from("<?php $motDePasse = 'caf\xe9'; $c = curl_init('https://api.axept.io/v1/auth/local/signin');\n", 'latin1'),
    'latin1-plain.js': Buffer.from('// r\xe9sum\xe9\nexport const a = 1;\n', 'latin1'),
    // UTF-16 with a BOM: decoded first, as before.
    'utf16.ts': Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode("// axeptio-migrate-ignore legacy-signin -- test\nfetch('/auth/local/signin');\n", 'utf16le')]),
    'utf16be.md': Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode('# nothing here\n', 'utf16be')]),
    // Binary and manifests.
    'logo.js': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x61, 0x78, 0x65, 0x70, 0x74]),
    'pkg/package.json': '{"name":"café","dependencies":{"axios":"1"}}',
    'pkg2/package.json': '\ufeff{"name":"x","devDependencies":{"ky":"1"}}',
    'pkg3/package.json': '{ not json',
    'pkg4/package.json': '{"name":"plain","peerDependencies":{"got":"1"}}',
    // ASCII near misses and the HTTP/screen overlap.
    'overlap.ts': "const x = HttpClient-secret; import a from './a';\n",
    'http-only.js': "import a from './a';\nrequire('../b');\nfetch(a);\n",
    'nothing.js': 'export const n = 1;\n',
    'empty.ts': '',
  };
  const root = tempTree(files);
  t.after(() => removeTree(root));
  check(root, Object.keys(files));
  check(root, ['latin1.php', 'plain-utf8.js'], 10); // over the size limit: refused with the same reason
});
