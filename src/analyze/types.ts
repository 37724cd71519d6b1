/** The analyzer interface: one file's text in, facts out. Runs inside worker threads: pure, synchronous, no I/O (prepare() aside). */
import type { Fact } from '../facts/types.js';
import type { FileKind } from '../discover/file-kind.js';

export interface AnalyzerInput {
  /** POSIX path relative to the scan root (analyzers may use folder/file names as evidence). */
  path: string;
  /** Decoded text (BOM stripped, original line endings kept). */
  text: string;
  kind: FileKind;
}

export interface AnalyzerOutput {
  facts: Fact[];
  /** True when a real parser produced an AST (counts towards stats.filesParsed). */
  parsed: boolean;
  /**
   * Problems worth reporting in stats.errors (e.g. `parse error at 12:5: ';' expected; scanned lexically`).
   * A parse failure is not fatal: the analyzer falls back to a lexical pass and still returns facts.
   */
  errors: string[];
}

export interface Analyzer {
  /** Folder name under src/analyze/ ('javascript', 'python', 'collections', ...). */
  id: string;
  kinds: readonly FileKind[];
  /**
   * One-time asynchronous setup (loading a tree-sitter grammar), awaited before the analyzer's
   * first file in a thread; analyze() itself stays synchronous. Must not reject.
   */
  prepare?(): Promise<void>;
  analyze(input: AnalyzerInput): AnalyzerOutput;
}
