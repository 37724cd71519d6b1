/** Source-snippet cases: real files through the real analyzers (analyzeFile), as the pipeline does. */
import { analyzeFile, prepareAllAnalyzers } from '../../src/analyze/index.js';
import { fileKindOf } from '../../src/discover/file-kind.js';
import type { FileFacts } from '../../src/facts/types.js';

// Tree-sitter grammars load asynchronously, once, as a worker does before its first file.
await prepareAllAnalyzers();

/** Analyze `{ path: source }` into FileFacts, dedenting each source. */
export function analyzeSources(sources: Record<string, string>): FileFacts[] {
  return Object.entries(sources).map(([path, raw]) => {
    const kind = fileKindOf(path);
    if (!kind) throw new Error(`no file kind for ${path}`);
    const text = dedent(raw);
    const out = analyzeFile({ path, text, kind });
    return { file: path, kind, facts: out.facts, directives: [], parsed: out.parsed, errors: out.errors };
  });
}

function dedent(s: string): string {
  const lines = s.replace(/^\n/, '').split('\n');
  const indent = Math.min(...lines.filter((l) => l.trim()).map((l) => l.match(/^ */)![0].length));
  return lines.map((l) => l.slice(indent)).join('\n');
}
