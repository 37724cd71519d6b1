/**
 * One Analyzer from a language description. The file is parsed with the language's tree-sitter
 * grammar when one is loaded; a tree with syntax errors, or a grammar that could not load, falls
 * back to the tolerant lexical reader (and says so in stats.errors). Either way the language's
 * recognizers query the same Program and emit the same facts.
 */
import type { FileKind } from '../../discover/file-kind.js';
import type { Analyzer, AnalyzerInput, AnalyzerOutput } from '../types.js';
import { programFromTree, type TreeReader } from '../tree-sitter/program-from-tree.js';
import { fallbackNote, loadGrammar, parseClean } from '../tree-sitter/runtime.js';
import type { Expr, Syntax } from './expression.js';
import { FactCollector } from './facts.js';
import { Folder } from './fold.js';
import { readProgram, type Program } from './program.js';
import { tokenizeRange, type Dialect } from './tokenizer.js';

export interface RecognizeContext {
  program: Program;
  folder: Folder;
  facts: FactCollector;
  path: string;
}

export interface LexicalLanguage {
  id: string;
  kinds: readonly FileKind[];
  dialect: Dialect;
  syntax: Syntax;
  blocks: 'indent' | 'braces';
  /** Where code starts (PHP: after the first `<?php`). */
  codeStart?(text: string): number;
  /** Where code ends (Ruby: `__END__` starts a data section). */
  codeEnd?(text: string): number;
  envRead(e: Expr): string | undefined;
  /** Emit requests and routes for this language's clients and frameworks. */
  recognize(ctx: RecognizeContext): void;
  /** The tree-sitter reading of the language (the lexical reader stays as the fallback). */
  tree?: TreeReader;
}

/** An Analyzer for a language with a tree-sitter reader and a lexical fallback. */
export function lexicalAnalyzer(lang: LexicalLanguage): Analyzer {
  const grammar = lang.tree?.grammar;
  return {
    id: lang.id,
    kinds: lang.kinds,
    prepare: grammar ? () => loadGrammar(grammar) : undefined,
    analyze(input: AnalyzerInput): AnalyzerOutput {
      const { program, parsed, errors } = readFile(lang, input.text);
      const folder = new Folder(program, { envRead: lang.envRead });
      const facts = new FactCollector(program, input.path, folder);
      lang.recognize({ program, folder, facts, path: input.path });
      facts.envReads();
      facts.secrets();
      return { facts: facts.finish(), parsed, errors };
    },
  };
}

/** The Program of a file: from the syntax tree when it parses cleanly, else from the lexical reader. */
export function readFile(lang: LexicalLanguage, text: string): { program: Program; parsed: boolean; errors: string[] } {
  const start = lang.codeStart?.(text) ?? 0;
  const end = lang.codeEnd?.(text) ?? text.length;
  const reader = lang.tree;
  const tokens = tokenizeRange(text, lang.dialect, start, end);
  if (!reader) return { program: readProgram(text, tokens, { syntax: lang.syntax, blocks: lang.blocks }), parsed: false, errors: [] };
  const parsed = parseClean(reader.grammar, text, (tree) => programFromTree(tree, text, tokens, reader));
  if (parsed.ok) return { program: parsed.value, parsed: true, errors: [] };
  const program = readProgram(text, tokens, { syntax: lang.syntax, blocks: lang.blocks });
  return { program, parsed: false, errors: [fallbackNote(reader.grammar, program.lines, parsed.errorAt)] };
}
