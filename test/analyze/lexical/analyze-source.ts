/** Test helper: run the registered analyzer on inline source or on a fixture file, and query the facts. */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { analyzeFile, prepareAllAnalyzers } from '../../../src/analyze/index.js';
import { symbolicText } from '../../../src/analyze/lexical/fold.js';
import { fileKindOf, type FileKind } from '../../../src/discover/file-kind.js';
import type { Fact, RequestFact, RouteFact, SecretFact, SymbolicValue } from '../../../src/facts/types.js';

// Tree-sitter grammars load asynchronously once; every analyzer test runs after that.
await prepareAllAnalyzers();

export const LANGUAGE_FIXTURES = fileURLToPath(new URL('../../../fixtures/languages/', import.meta.url));

/** Facts of `text` analyzed as the file `path` (its kind comes from the path, as in a scan). */
export function analyzeSource(path: string, text: string): Fact[] {
  const kind = fileKindOf(path);
  assert.ok(kind, `no file kind for ${path}`);
  const out = analyzeFile({ path, text, kind });
  assert.deepEqual(out.errors, [], `analyzer errors for ${path}`);
  return out.facts;
}

/**
 * Every fixture of `kind` under fixtures/languages/<folder> is read through its tree-sitter grammar
 * (parsed, no fallback note); returns how many there are, so a caller can check it saw them all.
 */
export function assertFixturesParsedByGrammar(folder: string, kind: FileKind): number {
  const files = fs.readdirSync(`${LANGUAGE_FIXTURES}${folder}`, { recursive: true, encoding: 'utf8' }).filter((f) => fileKindOf(f) === kind);
  for (const file of files) {
    const out = analyzeFile({ path: file, text: fs.readFileSync(`${LANGUAGE_FIXTURES}${folder}/${file}`, 'utf8'), kind });
    assert.equal(out.parsed, true, file);
    assert.deepEqual(out.errors, [], file);
  }
  return files.length;
}

/** Facts of a fixture file under fixtures/languages/ (path relative to that folder's language root). */
export function analyzeFixture(lang: string, rel: string): { facts: Fact[]; text: string } {
  const text = fs.readFileSync(`${LANGUAGE_FIXTURES}${lang}/${rel}`, 'utf8');
  return { facts: analyzeSource(rel, text), text };
}

export const requestsOf = (facts: Fact[]) => facts.filter((f): f is RequestFact => f.kind === 'request');
export const routesOf = (facts: Fact[]) => facts.filter((f): f is RouteFact => f.kind === 'route');
export const secretsOf = (facts: Fact[]) => facts.filter((f): f is SecretFact => f.kind === 'secret');
export const envNames = (facts: Fact[]) => [...new Set(facts.filter((f) => f.kind === 'env-read').map((f) => (f as { name: string }).name))].sort();

/** `${AXEPTIO_API_URL}/auth/local/signin` style text of a value. */
export const text = (v: SymbolicValue | undefined) => symbolicText(v ?? []);

/** The request on a 1-based line (exactly one). */
export function requestAt(facts: Fact[], line: number): RequestFact {
  const found = requestsOf(facts).filter((r) => r.span.line === line);
  assert.equal(found.length, 1, `expected one request on line ${line}, got ${found.length}: ${JSON.stringify(requestsOf(facts).map((r) => r.span.line))}`);
  return found[0]!;
}

/** Body field names mapped to their value text. */
export function fieldsOf(r: RequestFact): Record<string, string> {
  return Object.fromEntries(Object.entries(r.body?.fields ?? {}).map(([k, v]) => [k, text(v)]));
}

/** No literal secret value may appear anywhere in the serialized facts. */
export function assertNoLeak(facts: Fact[], ...secrets: string[]): void {
  const json = JSON.stringify(facts);
  for (const s of secrets) assert.ok(!json.includes(s), `secret value ${s} leaked into facts`);
}

/** Lines of the text that contain `needle` (1-based), to tie expectations to the fixture text itself. */
export function linesWith(source: string, needle: string): number[] {
  return source.split('\n').flatMap((l, i) => (l.includes(needle) ? [i + 1] : []));
}
