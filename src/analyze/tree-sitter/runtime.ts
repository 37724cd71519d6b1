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
export function grammarFailure(id: GrammarId): string {
  return failures.get(id) ?? 'grammar not loaded';
}

/**
 * Parse `text` with a loaded grammar and hand the tree to `read`; the tree's WebAssembly memory is
 * freed afterwards, whatever `read` does. Undefined when the grammar is not loaded.
 */
export function withTree<T>(id: GrammarId, text: string, read: (tree: Tree) => T): { value: T } | undefined {
  const parser = parsers.get(id);
  if (!parser) return undefined;
  const tree = parser.parse(text);
  if (!tree) return undefined;
  try {
    return { value: read(tree) };
  } finally {
    tree.delete();
  }
}
