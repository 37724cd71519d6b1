/** C#: HttpClient (instances, BaseAddress, DefaultRequestHeaders, HttpRequestMessage), RestSharp; ASP.NET attribute and minimal-API routes; Environment reads. */
import { lexicalAnalyzer, type LexicalLanguage } from '../lexical/analyzer.js';
import { CSHARP } from '../lexical/dialects.js';
import { dottedName, literalText, type Expr, type Syntax } from '../lexical/expression.js';
import { recognizeDotnetRequests } from './clients.js';
import { recognizeDotnetRoutes } from './routes.js';
import { csharpTree } from './tree.js';

const KEYWORDS = new Set([
  'if', 'else', 'for', 'foreach', 'while', 'do', 'switch', 'case', 'default', 'return', 'class', 'struct', 'interface', 'enum', 'namespace',
  'using', 'public', 'private', 'protected', 'internal', 'static', 'readonly', 'const', 'async', 'var', 'void', 'try', 'catch', 'finally',
  'throw', 'override', 'virtual', 'abstract', 'sealed', 'partial', 'get', 'set', 'init', 'in', 'out', 'ref', 'is', 'as', 'lock', 'yield',
  'record', 'break', 'continue', 'goto', 'await', 'event', 'delegate', 'operator', 'implicit', 'explicit', 'params', 'fixed', 'unsafe',
]);

export const CSHARP_SYNTAX: Syntax = {
  member: ['.', '?.'],
  concat: ['+'],
  fallback: ['??'],
  namedEquals: true,
  keywords: KEYWORDS,
  prefixes: new Set(['return', 'await', 'throw']),
};

/** `Environment.GetEnvironmentVariable("X")`. */
export function csharpEnvRead(e: Expr): string | undefined {
  if (e.k === 'call' && /(?:^|\.)Environment\.GetEnvironmentVariable$/.test(dottedName(e.callee) ?? '')) return literalText(e.args[0]?.value);
  return undefined;
}

export const csharp: LexicalLanguage = {
  id: 'dotnet',
  kinds: ['csharp'],
  dialect: CSHARP,
  syntax: CSHARP_SYNTAX,
  blocks: 'braces',
  envRead: csharpEnvRead,
  tree: csharpTree,
  recognize(ctx) {
    recognizeDotnetRoutes(ctx);
    recognizeDotnetRequests(ctx);
  },
};

export const csharpAnalyzer = lexicalAnalyzer(csharp);
