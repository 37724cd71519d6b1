import { test } from 'node:test';
import assert from 'node:assert/strict';
import { GitignoreTree } from '../../src/discover/gitignore.js';

/** mulberry32: a small seeded generator, so a failing tree can be rebuilt from its seed. */
function generator(seed: number): (n: number) => number {
  let state = seed;
  return (n) => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) % n;
  };
}

// Few names, so that rules and paths meet; rules of both kinds: name patterns (judged by name) and
// patterns with slashes, globstars and ranges (judged by path).
const NAMES = ['a', 'b', 'ab', 'a.ts', 'b.ts', '.a', 'a b', '!a', '#a', 'é', '..a'];
const NAME_RULES = ['a', 'b', 'ab', '*.ts', 'a*', '?', '.a', '*', 'a b', '\\!a', '\\#a', 'é', 'b/', 'a/', '*/', '..a'];
const PATH_RULES = ['/a', 'a/b', '**/b', 'b/**', 'a/*.ts', '[ab]', '[!a]*', '/b/', 'a/**/b'];

interface Folder {
  files: string[];
  folders: Map<string, Folder>;
  gitignore?: string;
}

function randomTree(rnd: (n: number) => number, depth: number, pathRules: boolean): Folder {
  const rule = () => {
    const body = pathRules && rnd(3) === 0 ? PATH_RULES[rnd(PATH_RULES.length)]! : NAME_RULES[rnd(NAME_RULES.length)]!;
    return rnd(4) === 0 ? `!${body}` : body;
  };
  const folder: Folder = { files: [], folders: new Map() };
  for (let i = rnd(4); i > 0; i--) folder.files.push(NAMES[rnd(NAMES.length)]!);
  if (depth > 0) for (let i = rnd(4); i > 0; i--) folder.folders.set(NAMES[rnd(NAMES.length)]!, randomTree(rnd, depth - 1, pathRules));
  if (rnd(2) === 0) folder.gitignore = Array.from({ length: 1 + rnd(3) }, rule).join(rnd(2) ? '\n' : '\r\n');
  return folder;
}

const join = (dir: string, name: string) => (dir === '' ? name : `${dir}/${name}`);

/** Every folder of the tree with its path, parents first. */
function* foldersOf(folder: Folder, dir = ''): Generator<[string, Folder]> {
  yield [dir, folder];
  for (const [name, child] of folder.folders) yield* foldersOf(child, join(dir, name));
}

const isUnder = (dir: string, floor: string) => floor === '' || dir === floor || dir.startsWith(`${floor}/`);

/** The files kept when every .gitignore is known first and each file is asked about by its path. */
function keptByPath(top: Folder, floor: string): string[] {
  const tree = new GitignoreTree(floor);
  for (const [dir, folder] of foldersOf(top)) if (folder.gitignore !== undefined) tree.add(dir, folder.gitignore);
  const kept: string[] = [];
  for (const [dir, folder] of foldersOf(top)) {
    if (!isUnder(dir, floor)) continue;
    for (const name of new Set(folder.files)) if (!tree.ignores(join(dir, name))) kept.push(join(dir, name));
  }
  return kept.sort();
}

/** The files kept as the walk keeps them: listing by listing from the floor, ignored folders never entered. */
function keptByWalk(top: Folder, floor: string): string[] {
  const tree = new GitignoreTree(floor);
  // The .gitignore files from the top down to the floor come first, as the walk reads them.
  if (top.gitignore !== undefined) tree.add('', top.gitignore);
  const segments = floor === '' ? [] : floor.split('/');
  let floorFolder = top;
  segments.forEach((segment, i) => {
    floorFolder = floorFolder.folders.get(segment)!;
    if (floorFolder.gitignore !== undefined) tree.add(segments.slice(0, i + 1).join('/'), floorFolder.gitignore);
  });
  const kept: string[] = [];
  const queue: Array<[string, Folder]> = [[floor, floorFolder]];
  for (const [dir, folder] of queue) {
    if (dir !== floor && folder.gitignore !== undefined) tree.add(dir, folder.gitignore);
    const verdicts = tree.entriesIn(dir);
    for (const name of new Set(folder.files)) if (!verdicts.ignoresFile(name)) kept.push(join(dir, name));
    for (const [name, child] of folder.folders) if (!verdicts.ignoresFolder(name)) queue.push([join(dir, name), child]);
  }
  return kept.sort();
}

function randomFloor(rnd: (n: number) => number, top: Folder): string {
  const folders = [...foldersOf(top)].map(([dir]) => dir);
  return rnd(3) === 0 ? folders[rnd(folders.length)]! : '';
}

for (const pathRules of [false, true]) {
  test(`judging a walk listing by listing keeps the files that judging each path keeps (${pathRules ? 'name and path' : 'name'} rules)`, () => {
    let keptFiles = 0;
    let droppedFiles = 0;
    for (let seed = 1; seed <= 400; seed++) {
      const rnd = generator(seed);
      const top = randomTree(rnd, 3, pathRules);
      const floor = randomFloor(rnd, top);
      const expected = keptByPath(top, floor);
      assert.deepEqual(keptByWalk(top, floor), expected, `seed ${seed}, floor '${floor}'`);
      keptFiles += expected.length;
      const all = new Set([...foldersOf(top)].filter(([dir]) => isUnder(dir, floor)).flatMap(([dir, folder]) => folder.files.map((name) => join(dir, name))));
      droppedFiles += all.size - expected.length;
    }
    // The trees are worth comparing: rules drop some files and keep others.
    assert.ok(keptFiles > 1000 && droppedFiles > 1000, `kept ${keptFiles}, dropped ${droppedFiles}`);
  });
}

test('a folder ignored by one level and re-included by a deeper one: its files keep the verdicts `ignores` gives, whatever route asks', () => {
  for (const walked of [false, true]) {
    const tree = new GitignoreTree();
    tree.add('', 'b/\n*.log\n');
    tree.add('a', '!b/\n!keep.log\n!keep.ts\n');
    if (walked) {
      assert.equal(tree.entriesIn('').ignoresFolder('a'), false);
      assert.equal(tree.entriesIn('a').ignoresFolder('b'), false);
    }
    const inB = tree.entriesIn('a/b');
    // `ignore` reads the shallow level's `b/` as excluding what is under a/b; only a rule of the
    // deeper level for the file itself takes it back.
    assert.deepEqual([inB.ignoresFile('x.ts'), inB.ignoresFile('keep.ts')], [true, false]);
    assert.deepEqual([tree.ignores('a/b/x.ts'), tree.ignores('a/b/keep.ts')], [true, false]);
    assert.deepEqual([tree.entriesIn('a').ignoresFile('keep.log'), tree.entriesIn('a').ignoresFile('other.log')], [false, true]);
  }
});

test('rules added after a question change the next answers', () => {
  const tree = new GitignoreTree();
  tree.add('', '*.log\n');
  assert.equal(tree.entriesIn('a').ignoresFolder('b'), false);
  assert.equal(tree.ignores('a/b/x.ts'), false);
  tree.add('a', 'b/\n');
  assert.equal(tree.ignores('a/b/x.ts'), true);
  assert.equal(tree.entriesIn('a').ignoresFolder('b'), true);
  assert.equal(tree.entriesIn('a/b').ignoresFile('x.ts'), true);
});
