/**
 * The tree-sitter runtime: web-tree-sitter (WebAssembly, no native build) and the grammars the
 * official grammar packages ship as `.wasm`. Loading is asynchronous and costs tens of
 * milliseconds per grammar, while analyzers are synchronous; so a worker loads a grammar once,
 * before the first file of that language (Analyzer.prepare), and parses synchronously after.
 * A grammar that fails to load is remembered with its reason; the analyzer then reads the
 * language lexically and says so in stats.errors.
 */
import { createRequire } from 'node:module';
import { Language, Parser, type Tree } from 'web-tree-sitter';
import type { LineIndex } from '../line-index.js';
import { setAnalyzerV8Flags } from '../v8-flags.js';

export type GrammarId = 'python' | 'php' | 'ruby' | 'go' | 'java' | 'kotlin' | 'c_sharp' | 'bash';

/** Package-relative path of each grammar's wasm (the packages' own prebuilt files). */
const WASM: Record<GrammarId, string> = {
  python: 'tree-sitter-python/tree-sitter-python.wasm',
  php: 'tree-sitter-php/tree-sitter-php.wasm',
  ruby: 'tree-sitter-ruby/tree-sitter-ruby.wasm',
  go: 'tree-sitter-go/tree-sitter-go.wasm',
  java: 'tree-sitter-java/tree-sitter-java.wasm',
  kotlin: '@tree-sitter-grammars/tree-sitter-kotlin/tree-sitter-kotlin.wasm',
  c_sharp: 'tree-sitter-c-sharp/tree-sitter-c_sharp.wasm',
  bash: 'tree-sitter-bash/tree-sitter-bash.wasm',
};

const require = createRequire(import.meta.url);
let runtime: Promise<void> | undefined;
const loading = new Map<GrammarId, Promise<void>>();
const parsers = new Map<GrammarId, Parser>();
const failures = new Map<GrammarId, string>();

/** Load a grammar once per thread; never rejects (a failure is kept for grammarFailure()). */
export function loadGrammar(id: GrammarId): Promise<void> {
  let pending = loading.get(id);
  if (!pending) {
    pending = (async () => {
      try {
        setAnalyzerV8Flags();
        runtime ??= Parser.init();
        await runtime;
        const language = await Language.load(require.resolve(WASM[id]));
        const parser = new Parser();
        parser.setLanguage(language);
        parsers.set(id, parser);
      } catch (err) {
        failures.set(id, (err instanceof Error ? err.message : String(err)).split('\n')[0]!);
      }
    })();
    loading.set(id, pending);
  }
  return pending;
}

/** Why a grammar is unavailable (after loadGrammar settled), or why it was never loaded. */
function grammarFailure(id: GrammarId): string {
  return failures.get(id) ?? 'grammar not loaded';
}

/** A clean parse's reading, or why the caller reads the text its own way (`errorAt`: a syntax error's offset). */
export type Parsed<T> = { ok: true; value: T } | { ok: false; errorAt?: number };

/**
 * Parse `text` with a loaded grammar and `read` the tree, when it has no syntax error and
 * `misread` (a grammar's known silent misparses) finds nothing. The tree's WebAssembly memory is
 * freed afterwards, whatever `read` does.
 */
export function parseClean<T>(id: GrammarId, text: string, read: (tree: Tree) => T, misread?: (tree: Tree) => number | undefined): Parsed<T> {
  const tree = parsers.get(id)?.parse(text);
  if (!tree) return { ok: false };
  try {
    const errorAt = firstSyntaxError(tree) ?? misread?.(tree);
    return errorAt === undefined ? { ok: true, value: read(tree) } : { ok: false, errorAt };
  } finally {
    tree.delete();
  }
}

/** The stats.errors note of a fallback: where the syntax error is (`errorAt`, an offset into `lines`' text), else why the grammar is missing. */
export function fallbackNote(id: GrammarId, lines: LineIndex, errorAt: number | undefined): string {
  if (errorAt === undefined) return `tree-sitter grammar ${id} unavailable (${grammarFailure(id)}); read lexically`;
  const at = lines.span(errorAt, errorAt);
  return `syntax error at ${at.line}:${at.column} (tree-sitter ${id}); read lexically`;
}

/**
 * Offset of the first syntax error, if the tree has one: the innermost ERROR or MISSING node on the
 * path of first erroneous children (recovery may wrap a whole file in an ERROR whose real cause is
 * a small ERROR deep inside it).
 */
export function firstSyntaxError(tree: Tree): number | undefined {
  let node = tree.rootNode;
  if (!node.hasError) return undefined;
  for (;;) {
    const next = node.children.find((c) => c && (c.hasError || c.isMissing));
    if (!next) return node.startIndex;
    node = next;
  }
}
