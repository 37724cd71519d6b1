/**
 * Java and Kotlin: java.net.http, OkHttp, Spring RestTemplate/WebClient, Apache HttpClient, Ktor client; Spring/JAX-RS/Ktor routes; System.getenv.
 * Files are read through tree-sitter-java / tree-sitter-kotlin (java-tree.ts, kotlin-tree.ts); the lexical reader is the fallback.
 */
import { lexicalAnalyzer, type LexicalLanguage } from '../lexical/analyzer.js';
import { JAVA, KOTLIN } from '../lexical/dialects.js';
import { dottedName, literalText, type Expr, type Syntax } from '../lexical/expression.js';
import { recognizeJvmRequests } from './clients.js';
import { javaTree } from './java-tree.js';
import { kotlinTree } from './kotlin-tree.js';
import { recognizeJvmRoutes } from './routes.js';

const KEYWORDS = new Set([
  'if', 'else', 'for', 'while', 'do', 'switch', 'case', 'default', 'return', 'class', 'interface', 'enum', 'extends', 'implements', 'import',
  'package', 'public', 'private', 'protected', 'static', 'final', 'abstract', 'synchronized', 'throws', 'throw', 'try', 'catch', 'finally',
  'void', 'var', 'val', 'fun', 'object', 'when', 'is', 'in', 'as', 'override', 'suspend', 'internal', 'open', 'data', 'sealed', 'companion',
  'lateinit', 'const', 'record', 'instanceof', 'break', 'continue', 'assert',
]);

const base = {
  member: ['.', '?.', '!!.'],
  fallback: [] as string[],
  namedEquals: true,
  keywords: KEYWORDS,
  prefixes: new Set(['return', 'throw']),
};

export const JAVA_SYNTAX: Syntax = { ...base, concat: ['+'] };
export const KOTLIN_SYNTAX: Syntax = { ...base, concat: ['+', 'to'], fallback: ['?:'] };

/** `System.getenv("X")` (also `System.getenv().get("X")` is left alone). */
export function jvmEnvRead(e: Expr): string | undefined {
  if (e.k === 'call' && /^(?:System\.getenv|System\.getProperty|getenv)$/.test(dottedName(e.callee) ?? '') && dottedName(e.callee) !== 'System.getProperty') return literalText(e.args[0]?.value);
  return undefined;
}

const shared = {
  blocks: 'braces' as const,
  envRead: jvmEnvRead,
  recognize(ctx: Parameters<LexicalLanguage['recognize']>[0]) {
    recognizeJvmRoutes(ctx);
    recognizeJvmRequests(ctx);
  },
};

export const javaAnalyzer = lexicalAnalyzer({ id: 'jvm', kinds: ['java'], dialect: JAVA, syntax: JAVA_SYNTAX, tree: javaTree, ...shared });
export const kotlinAnalyzer = lexicalAnalyzer({ id: 'jvm', kinds: ['kotlin'], dialect: KOTLIN, syntax: KOTLIN_SYNTAX, tree: kotlinTree, ...shared });
