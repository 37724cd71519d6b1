/** One Analyzer from a language description: tokenize, read statements, let the language recognize calls and routes. */
import type { FileKind } from '../../discover/file-kind.js';
import type { Analyzer, AnalyzerInput, AnalyzerOutput } from '../types.js';
import type { Expr, Syntax } from './expression.js';
import { FactCollector } from './facts.js';
import { Folder } from './fold.js';
import { readProgram, type Program } from './program.js';
import type { Dialect } from './tokenizer.js';

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
  envRead(e: Expr): string | undefined;
  /** Emit requests and routes for this language's clients and frameworks. */
  recognize(ctx: RecognizeContext): void;
}

/** An Analyzer for a lexically read language; `parsed` stays false because no full parser ran. */
export function lexicalAnalyzer(lang: LexicalLanguage): Analyzer {
  return {
    id: lang.id,
    kinds: lang.kinds,
    analyze(input: AnalyzerInput): AnalyzerOutput {
      const program = readProgram(input.text, { dialect: lang.dialect, syntax: lang.syntax, blocks: lang.blocks, start: lang.codeStart?.(input.text) });
      const folder = new Folder(program, { envRead: lang.envRead });
      const facts = new FactCollector(program, input.path, folder);
      lang.recognize({ program, folder, facts, path: input.path });
      facts.envReads();
      facts.secrets();
      return { facts: facts.finish(), parsed: false, errors: [] };
    },
  };
}
