/**
 * Analyzer registry: which analyzer reads which file kind. Each language folder exports one
 * `Analyzer`; add it to ANALYZERS and nothing else changes (the pipeline dispatches by kind).
 */
import type { FileKind } from '../discover/file-kind.js';
import type { Analyzer, AnalyzerInput, AnalyzerOutput } from './types.js';
import { collectionsAnalyzer } from './collections/index.js';
import { configAnalyzer } from './config/index.js';
import { docsAnalyzer } from './docs/index.js';
import { javascriptAnalyzer } from './javascript/index.js';
import { pythonAnalyzer } from './python/index.js';
import { shellAnalyzer } from './shell/index.js';
import { phpAnalyzer } from './php/index.js';
import { rubyAnalyzer } from './ruby/index.js';
import { goAnalyzer } from './go/index.js';
import { javaAnalyzer, kotlinAnalyzer } from './jvm/index.js';
import { csharpAnalyzer } from './dotnet/index.js';

const ANALYZERS: Analyzer[] = [
  javascriptAnalyzer,
  pythonAnalyzer,
  shellAnalyzer,
  phpAnalyzer,
  rubyAnalyzer,
  goAnalyzer,
  javaAnalyzer,
  kotlinAnalyzer,
  csharpAnalyzer,
  collectionsAnalyzer,
  configAnalyzer,
  docsAnalyzer,
  // Each analyzer folder registers here, e.g. javascriptAnalyzer from './javascript/index.js'.
];

const byKind = new Map<FileKind, Analyzer>();
for (const analyzer of ANALYZERS) for (const kind of analyzer.kinds) byKind.set(kind, analyzer);

/** The analyzer for a kind, if any reads it. */
export function analyzerFor(kind: FileKind): Analyzer | undefined {
  return byKind.get(kind);
}

const prepared = new Map<Analyzer, Promise<void>>();

/** Run the one-time setup of the analyzer for a kind (once per thread); resolves when analyzeFile may run. */
export function prepareAnalyzer(kind: FileKind): Promise<void> {
  const analyzer = byKind.get(kind);
  if (!analyzer?.prepare) return Promise.resolve();
  let pending = prepared.get(analyzer);
  if (!pending) {
    pending = analyzer.prepare();
    prepared.set(analyzer, pending);
  }
  return pending;
}

/** Prepare every analyzer (tests, and callers that analyze many kinds). */
export async function prepareAllAnalyzers(): Promise<void> {
  await Promise.all(ANALYZERS.map((a) => a.kinds[0] && prepareAnalyzer(a.kinds[0])));
}

/** Analyze one decoded file; a throwing analyzer becomes an error entry, never a crash. */
export function analyzeFile(input: AnalyzerInput): AnalyzerOutput {
  const analyzer = byKind.get(input.kind);
  if (!analyzer) return { facts: [], parsed: false, errors: [] };
  try {
    return analyzer.analyze(input);
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    return { facts: [], parsed: false, errors: [`analyzer ${analyzer.id} failed: ${reason.split('\n')[0]}`] };
  }
}
