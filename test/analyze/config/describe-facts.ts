/** Test helpers: analyze a fixture file through the registry and describe its facts in one line each. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { analyzeFile } from '../../../src/analyze/index.js';
import { fileKindOf } from '../../../src/discover/file-kind.js';
import type { Fact, SymbolicValue } from '../../../src/facts/types.js';

export const FIXTURES = fileURLToPath(new URL('../../../fixtures/', import.meta.url));

/** Facts of `fixtures/<rel>` as the pipeline would produce them for that path. */
export function factsOfFixture(rel: string): Fact[] {
  const text = readFileSync(FIXTURES + rel, 'utf8');
  return factsOfText(rel, text);
}

/** Facts of a text analyzed under a given path (the path decides the kind). */
export function factsOfText(path: string, text: string): Fact[] {
  const kind = fileKindOf(path);
  if (!kind) throw new Error(`no kind for ${path}`);
  const out = analyzeFile({ path, text, kind });
  if (out.errors.length) throw new Error(`analyzer errors for ${path}: ${out.errors.join('; ')}`);
  return out.facts;
}

function value(v: SymbolicValue): string {
  return v.map((p) => (p.kind === 'text' || p.kind === 'unknown' ? p.text : p.kind === 'env' ? `{{${p.name}}}` : p.kind === 'ref' ? `<${p.name}>` : '?')).join('');
}

/** One line per fact (file evidence left out): `kind what @line:column`. */
export function describe(facts: readonly Fact[]): string[] {
  return facts.flatMap((f) => {
    switch (f.kind) {
      case 'config-entry':
        return [`config ${f.key}=${f.valueKind}${f.template ? ' template' : ''} @${f.span.line}:${f.span.column}`];
      case 'secret':
        return [`secret ${f.secretKind} ${f.boundTo} @${f.span.line}:${f.span.column}-${f.span.endColumn}`];
      case 'request': {
        const fields = f.body ? ` ${f.body.encoding}{${Object.entries(f.body.fields).map(([k, v]) => `${k}=${value(v)}`).join(',')}}` : '';
        const token = f.responseTokenField ? ` ->${f.responseTokenField}` : '';
        return [`request ${f.client} ${f.method ?? '?'} ${value(f.url)}${fields}${token} @${f.span.line}:${f.span.column}`];
      }
      case 'doc-reference':
        return [`doc ${f.summary} @${f.span.line}:${f.span.column}`];
      case 'env-read':
        return [`env ${f.name} @${f.span.line}:${f.span.column}`];
      default:
        return [];
    }
  });
}

/** Values planted in fixtures that must never appear in facts or reports. */
export function plantedSecrets(text: string): string[] {
  return [...new Set([...text.matchAll(/[\w-]*-planted-[\w-]*|eyJhbGciOi[\w.-]+/g)].map((m) => m[0]))];
}
