/** Hand-built facts for rule and link tests: the shapes analyzers emit, written tersely. */
import { fileKindOf } from '../../src/discover/file-kind.js';
import type {
  BindingFact,
  CallFact,
  Evidence,
  Fact,
  FileFacts,
  ImportFact,
  ProjectInfo,
  RequestFact,
  Span,
  SymbolicValue,
  ValuePart,
  WrapperFact,
} from '../../src/facts/types.js';

export const at = (line: number, column = 1): Span => ({ line, column, endLine: line, endColumn: column + 10 });
export const text = (t: string): ValuePart => ({ kind: 'text', text: t });
export const env = (name: string): ValuePart => ({ kind: 'env', name });
export const ref = (name: string, member?: string[], from?: string): ValuePart => ({ kind: 'ref', name, member, from });
export const param = (index: number, name: string): ValuePart => ({ kind: 'param', index, name });
export const str = (t: string): SymbolicValue => [text(t)];
export const strong = (t: string): Evidence => ({ weight: 'strong', text: t });

/** A POST request fact; override any field. */
export function request(line: number, url: SymbolicValue, more: Partial<RequestFact> = {}): RequestFact {
  return { kind: 'request', span: at(line), client: 'fetch', method: 'POST', url, context: {}, evidence: [], ...more };
}

export const credentialsBody = (): RequestFact['body'] => ({
  encoding: 'json',
  fields: { username: [env('API_USER')], password: [env('API_PASS')] },
});

export function binding(line: number, name: string, more: Partial<BindingFact> = {}): BindingFact {
  return { kind: 'binding', span: at(line), name, exported: true, evidence: [], ...more };
}

export function importOf(line: number, local: string, from: string, imported = local): ImportFact {
  return { kind: 'import', span: at(line), from, imported, local };
}

export function wrapper(line: number, name: string, more: Partial<WrapperFact> = {}): WrapperFact {
  return { kind: 'wrapper', span: at(line), name, exported: true, urlParam: 0, client: 'axios', ...more };
}

export function call(line: number, name: string, args: SymbolicValue[], more: Partial<CallFact> = {}): CallFact {
  return { kind: 'call', span: at(line), callee: { name }, args, context: {}, ...more };
}

/** One file's facts; the kind follows the path. */
export function file(path: string, facts: Fact[]): FileFacts {
  const kind = fileKindOf(path);
  if (!kind) throw new Error(`no file kind for ${path}`);
  return { file: path, kind, facts, directives: [], parsed: true, errors: [] };
}

export function project(more: Partial<ProjectInfo> = {}): ProjectInfo {
  return { root: '/repo', axeptioPackages: [], ownPackageNames: [], ...more };
}
