/**
 * Builds the bench corpus: copies of a real dependency tree (this project's node_modules) laid out
 * like a monorepo, with the folders a scanner skips by default renamed so every file is scanned,
 * plus the planted legacy calls of plants.mjs at seeded-random places. The manifest beside the
 * corpus records the planted findings; a corpus whose manifest matches is reused as is.
 */
import fs from 'node:fs';
import path from 'node:path';
import { allPlants, expectedLines } from './plants.mjs';

/** Bump when the layout or the plants change, so cached corpora are rebuilt. */
export const CORPUS_VERSION = 3;

/**
 * Folder names a scanner (or rg/ast-grep) skips by default, renamed with a trailing underscore:
 * the bench measures scanning files, not skipping them.
 */
const RENAMED_DIRS = new Set([
  'node_modules', 'dist', 'build', 'out', 'coverage', 'vendor', 'bower_components', 'jspm_packages',
  '.git', '.svn', '.hg', '.next', '.nuxt', '.svelte-kit', '.cache', '.turbo', '.yarn', 'target', '__pycache__', '.venv', 'venv', 'tmp',
]);

/** Ignore files are not copied: they would hide files from rg/ast-grep but not from us (or vice versa). */
const SKIPPED_FILES = new Set(['.gitignore', '.ignore', '.rgignore', '.npmignore', '.sgignore', '.axeptio-migrateignore']);

/** Monorepo-like homes of the copies; more are generated if one tree is small. */
const COPY_HOMES = ['apps/web', 'apps/api', 'packages/sdk', 'services/billing', 'tools/cli', 'apps/admin', 'packages/ui', 'services/sync'];

/** The corpus-side name of a folder. */
export function corpusDirName(name) {
  return RENAMED_DIRS.has(name) ? `${name.replace(/^\./, 'dot_')}_` : name;
}

/** Deterministic PRNG (mulberry32) so a corpus is the same for the same seed. */
export function seededRandom(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Count the regular files `copyTree` would copy from `src`. */
export function countCopyableFiles(src) {
  let n = 0;
  for (const entry of fs.readdirSync(src, { withFileTypes: true })) {
    if (entry.isDirectory()) n += countCopyableFiles(path.join(src, entry.name));
    else if (entry.isFile() && !SKIPPED_FILES.has(entry.name)) n++;
  }
  return n;
}

/**
 * Copy `src` into `dest` renaming default-ignored folders; symlinks and ignore files are skipped.
 * Returns the files copied and the (corpus-relative to `dest`) folders created, for planting.
 */
export function copyTree(src, dest, acc = { files: 0, dirs: [] }, rel = '') {
  fs.mkdirSync(dest, { recursive: true });
  acc.dirs.push(rel);
  for (const entry of fs.readdirSync(src, { withFileTypes: true })) {
    const from = path.join(src, entry.name);
    if (entry.isDirectory()) {
      const name = corpusDirName(entry.name);
      copyTree(from, path.join(dest, name), acc, rel ? `${rel}/${name}` : name);
    } else if (entry.isFile() && !SKIPPED_FILES.has(entry.name)) {
      // FICLONE makes a reflink where the filesystem has them, else a plain copy.
      fs.copyFileSync(from, path.join(dest, entry.name), fs.constants.COPYFILE_FICLONE);
      acc.files++;
    }
  }
  return acc;
}

/** Folders worth planting into: not under test-fixture-like folders a user might exclude. */
function plantable(dir) {
  return dir !== '' && !/(^|\/)(tests?|__tests__|__testfixtures__|fixtures?|examples?|docs?)(\/|$)/i.test(dir);
}

/** Pick a medium-size real .js file (so an appended call sits after real code, under the size cap). */
function pickRealJsFile(root, dirs, rand) {
  for (let attempt = 0; attempt < 5000; attempt++) {
    const dir = dirs[Math.floor(rand() * dirs.length)];
    const abs = path.join(root, dir);
    const candidates = fs.readdirSync(abs).filter((f) => f.endsWith('.js'));
    for (const f of candidates) {
      const size = fs.statSync(path.join(abs, f)).size;
      if (size > 20_000 && size < 400_000) return { dir, name: f };
    }
  }
  throw new Error('bench: no medium-size .js file to append a plant to');
}

/**
 * Write every plant into a seeded-random folder of the corpus. Returns the expected findings
 * (`{ plant, file, line, lineTo, ruleId }`, `file` relative to the corpus root) and the files written.
 */
export function plantCalls(root, dirs, seed) {
  const rand = seededRandom(seed);
  const candidates = dirs.filter(plantable);
  const expected = [];
  let filesWritten = 0;
  for (const plant of allPlants()) {
    const written = new Map();
    if (plant.appendToRealFile) {
      const real = pickRealJsFile(root, candidates, rand);
      for (const [name, text] of Object.entries(plant.files)) {
        const rel = `${real.dir}/${name.replace(/\.js$/, '')}-${real.name}`;
        const full = fs.readFileSync(path.join(root, real.dir, real.name), 'utf8') + text;
        fs.writeFileSync(path.join(root, rel), full);
        written.set(name, { rel, text: full });
      }
    } else {
      const dir = candidates[Math.floor(rand() * candidates.length)];
      for (const [name, text] of Object.entries(plant.files)) {
        const rel = `${dir}/${name}`;
        fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
        fs.writeFileSync(path.join(root, rel), text);
        written.set(name, { rel, text });
      }
    }
    filesWritten += written.size;
    for (const exp of plant.expect) {
      const file = written.get(exp.file);
      if (!file) throw new Error(`bench: plant ${plant.name} expects unknown file ${exp.file}`);
      expected.push({ plant: plant.name, file: file.rel, ...expectedLines(file.text, exp), ruleId: exp.ruleId });
    }
  }
  return { expected, filesWritten };
}

/**
 * Build (or reuse) the corpus at `root` from `source`, with at least `minFiles` files.
 * Returns the manifest: `{ version, source, copies, files, planted, seed }`.
 */
export function buildCorpus({ root, manifestPath, source, minFiles = 20_000, seed = 20260706, rebuild = false, log = () => {} }) {
  if (!rebuild && fs.existsSync(manifestPath) && fs.existsSync(root)) {
    const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8'));
    if (manifest.version === CORPUS_VERSION && manifest.minFiles === minFiles && manifest.seed === seed) return { ...manifest, reused: true };
  }
  fs.rmSync(root, { recursive: true, force: true });
  fs.rmSync(manifestPath, { force: true });
  const perCopy = countCopyableFiles(source);
  if (perCopy === 0) throw new Error(`bench: no files to copy under ${source}`);
  // Planted files count too, but a margin of whole copies keeps the floor simple and safe.
  const copies = Math.max(1, Math.ceil(minFiles / perCopy));
  const acc = { files: 0, dirs: [] };
  for (let i = 0; i < copies; i++) {
    const home = COPY_HOMES[i % COPY_HOMES.length] + (i >= COPY_HOMES.length ? `-${i}` : '');
    log(`bench: copying ${source} → ${home}/deps (${i + 1}/${copies})`);
    copyTree(source, path.join(root, home, 'deps'), acc, `${home}/deps`);
  }
  const { expected: planted, filesWritten } = plantCalls(root, acc.dirs, seed);
  const manifest = { version: CORPUS_VERSION, source, minFiles, seed, copies, files: acc.files + filesWritten, planted, plantedFiles: filesWritten };
  fs.mkdirSync(path.dirname(manifestPath), { recursive: true });
  fs.writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));
  return { ...manifest, reused: false };
}
