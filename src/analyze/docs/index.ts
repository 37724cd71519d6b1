/** The documentation analyzer: Markdown, reStructuredText and AsciiDoc → DocReferenceFacts. */
import type { Fact } from '../../facts/types.js';
import { axeptioFileEvidence } from '../config/file-evidence.js';
import type { Analyzer, AnalyzerInput, AnalyzerOutput } from '../types.js';
import { documentReferences, type DocFormat } from './documents.js';

export { docLineHit } from './doc-lines.js';

const FORMAT: Partial<Record<AnalyzerInput['kind'], DocFormat>> = { markdown: 'markdown', rst: 'rst', asciidoc: 'asciidoc' };

/** Facts of one documentation file. */
function analyzeDocs(input: AnalyzerInput): AnalyzerOutput {
  const facts: Fact[] = documentReferences(input.path, input.text, FORMAT[input.kind] ?? 'markdown');
  const evidence = axeptioFileEvidence(input.path, input.text);
  if (evidence) facts.push(evidence);
  return { facts, parsed: true, errors: [] };
}

export const docsAnalyzer: Analyzer = { id: 'docs', kinds: ['markdown', 'rst', 'asciidoc'], analyze: analyzeDocs };
