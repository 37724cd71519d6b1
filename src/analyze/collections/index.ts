/** The collections analyzer: `.http`/`.rest` request files and HAR recordings (JSON/YAML collections are sniffed by the config analyzer). */
import type { Fact } from '../../facts/types.js';
import { analyzeStructured } from '../config/index.js';
import { axeptioFileEvidence } from '../config/file-evidence.js';
import type { Analyzer, AnalyzerInput, AnalyzerOutput } from '../types.js';
import { httpFileFacts } from './http-file.js';

function analyzeCollections(input: AnalyzerInput): AnalyzerOutput {
  if (input.kind === 'har') return analyzeStructured({ ...input, kind: 'json' });
  const facts: Fact[] = httpFileFacts(input.path, input.text);
  const evidence = axeptioFileEvidence(input.path, input.text);
  if (evidence) facts.push(evidence);
  return { facts, parsed: true, errors: [] };
}

export const collectionsAnalyzer: Analyzer = { id: 'collections', kinds: ['http', 'har'], analyze: analyzeCollections };
