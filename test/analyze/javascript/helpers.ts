/** Test helpers: run the JS analyzer on a snippet and pick facts by kind. */
import { fileKindOf } from '../../../src/discover/file-kind.ts';
import type { Fact, RequestFact, SymbolicValue } from '../../../src/facts/types.ts';
import { analyzeJavaScript } from '../../../src/analyze/javascript/index.ts';
import type { AnalyzerOutput } from '../../../src/analyze/types.ts';

/** Analyze `code` as if it were the file at `path`. */
export function analyze(code: string, path = 'src/client.ts'): AnalyzerOutput {
  const kind = fileKindOf(path);
  if (!kind) throw new Error(`no kind for ${path}`);
  return analyzeJavaScript({ path, text: code, kind });
}

/** Facts of one kind. */
export function factsOf<K extends Fact['kind']>(out: AnalyzerOutput | Fact[], kind: K): Array<Extract<Fact, { kind: K }>> {
  const facts = Array.isArray(out) ? out : out.facts;
  return facts.filter((f): f is Extract<Fact, { kind: K }> => f.kind === kind);
}

/** The request facts of a snippet. */
export function requestsOf(code: string, path?: string): RequestFact[] {
  return factsOf(analyze(code, path), 'request');
}

/** A value as one readable string: text as is, env as ${env:X}, ref as ${ref:a.b@from}, param as ${param:n}. */
export function show(value: SymbolicValue | undefined): string | undefined {
  if (!value) return undefined;
  return value
    .map((p) => {
      switch (p.kind) {
        case 'text':
          return p.text;
        case 'env':
          return `\${env:${p.name}}`;
        case 'ref':
          return `\${ref:${[p.name, ...(p.member ?? [])].join('.')}${p.from ? `@${p.from}` : ''}}`;
        case 'param':
          return `\${param:${p.index}}`;
        default:
          return '${?}';
      }
    })
    .join('');
}

/** Field name → shown value. */
export function showFields(fields: Record<string, SymbolicValue> | undefined): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(fields ?? {})) out[k] = show(v);
  return out;
}
