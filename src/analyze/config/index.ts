/**
 * The configuration analyzer: `.env*`, TOML, INI, Terraform, and every JSON/YAML file. JSON/YAML
 * content is sniffed per document: Postman collection or environment, Insomnia export, HAR and
 * OpenAPI go to the collection readers; everything else (compose, Kubernetes, CI, Helm, app
 * config) is read as configuration.
 */
import type { Fact } from '../../facts/types.js';
import { harFacts, isHar } from '../collections/har.js';
import { insomniaFacts, isInsomniaExport } from '../collections/insomnia.js';
import { isOpenApi, openApiReferences } from '../collections/openapi.js';
import { isPostmanCollection, isPostmanEnvironment, postmanCollectionFacts, postmanEnvironmentFacts } from '../collections/postman.js';
import type { Analyzer, AnalyzerInput, AnalyzerOutput } from '../types.js';
import { analyzeDotenv } from './dotenv.js';
import { axeptioFileEvidence } from './file-evidence.js';
import { lineConfigFacts } from './line-config.js';
import { structuredConfigFacts } from './structured-config.js';
import { parseJsonTree, parseYamlTrees, type TreeNode } from './structured-tree.js';
import { LineIndex } from '../line-index.js';

/** Generated dependency locks: huge, and never hold credentials or requests. */
const LOCKFILE = /(?:^|\/)(?:package-lock\.json|npm-shrinkwrap\.json|yarn\.lock|pnpm-lock\.yaml|composer\.lock|Pipfile\.lock|poetry\.lock|Cargo\.lock|Gemfile\.lock)$/;

/** Facts of one JSON/YAML document, by what it turns out to be. */
function structuredDocumentFacts(doc: TreeNode, input: AnalyzerInput, index: LineIndex): Fact[] {
  const ctx = { path: input.path, text: input.text, index, format: input.kind };
  if (isPostmanCollection(doc)) return postmanCollectionFacts(doc, ctx);
  if (isPostmanEnvironment(doc)) return postmanEnvironmentFacts(doc, ctx);
  if (isInsomniaExport(doc)) return insomniaFacts(doc, ctx);
  if (isHar(doc)) return harFacts(doc, ctx);
  if (isOpenApi(doc)) return openApiReferences(doc, ctx);
  return structuredConfigFacts(doc, ctx);
}

/** Facts of a JSON/YAML/HAR file (every document of a YAML stream). */
export function analyzeStructured(input: AnalyzerInput): AnalyzerOutput {
  if (LOCKFILE.test(input.path)) return { facts: [], parsed: false, errors: [] };
  const parsed = input.kind === 'yaml' ? parseYamlTrees(input.text) : parseJsonTree(input.text);
  const index = new LineIndex(input.text);
  const facts = parsed.documents.flatMap((doc) => structuredDocumentFacts(doc, input, index));
  const evidence = axeptioFileEvidence(input.path, input.text);
  if (evidence) facts.push(evidence);
  const errors = parsed.errors.length ? [`${parsed.errors[0]}; read what could be parsed`] : [];
  return { facts, parsed: parsed.documents.length > 0 && parsed.errors.length === 0, errors };
}

function analyzeConfig(input: AnalyzerInput): AnalyzerOutput {
  if (input.kind === 'json' || input.kind === 'yaml') return analyzeStructured(input);
  let facts: Fact[];
  if (input.kind === 'env') facts = analyzeDotenv(input.path, input.text);
  else if (input.kind === 'toml' || input.kind === 'ini' || input.kind === 'terraform') facts = lineConfigFacts(input.path, input.text, input.kind);
  else facts = [];
  const evidence = axeptioFileEvidence(input.path, input.text);
  if (evidence) facts.push(evidence);
  return { facts, parsed: true, errors: [] };
}

export const configAnalyzer: Analyzer = {
  id: 'config',
  kinds: ['env', 'toml', 'ini', 'terraform', 'json', 'yaml'],
  analyze: analyzeConfig,
};
