/** Go: net/http requests (package functions, clients, NewRequest + Header.Set), url.Values forms; net/http, gin, echo, chi, gorilla routes; os.Getenv. Read through tree-sitter-go (tree.ts), the lexical reader as fallback. */
import type { Expr, Syntax } from '../lexical/expression.js';
import { dottedName, literalText } from '../lexical/expression.js';
import { lexicalAnalyzer, type LexicalLanguage } from '../lexical/analyzer.js';
import { GO } from '../lexical/dialects.js';
import { recognizeGoRequests } from './clients.js';
import { recognizeGoRoutes } from './routes.js';
import { goTree } from './tree.js';

const KEYWORDS = new Set([
  'func', 'if', 'else', 'for', 'range', 'go', 'defer', 'select', 'switch', 'case', 'default', 'var', 'const', 'type', 'struct', 'interface',
  'package', 'import', 'chan', 'break', 'continue', 'fallthrough', 'goto', 'return',
]);

export const GO_SYNTAX: Syntax = {
  member: ['.'],
  concat: ['+'],
  fallback: [],
  namedEquals: false,
  composites: true,
  keywords: KEYWORDS,
  prefixes: new Set(['return', 'go', 'defer']),
};

/** `os.Getenv("X")`, `os.LookupEnv("X")`. */
export function goEnvRead(e: Expr): string | undefined {
  if (e.k === 'call' && /^os\.(?:Getenv|LookupEnv)$/.test(dottedName(e.callee) ?? '')) return literalText(e.args[0]?.value);
  return undefined;
}

export const go: LexicalLanguage = {
  id: 'go',
  kinds: ['go'],
  dialect: GO,
  syntax: GO_SYNTAX,
  blocks: 'braces',
  envRead: goEnvRead,
  tree: goTree,
  recognize(ctx) {
    recognizeGoRoutes(ctx);
    recognizeGoRequests(ctx);
  },
};

export const goAnalyzer = lexicalAnalyzer(go);
