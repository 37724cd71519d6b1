/** Python: requests, httpx, aiohttp and urllib calls; Flask/FastAPI/Django routes; os.environ reads. */
import { lexicalAnalyzer, type LexicalLanguage } from '../lexical/analyzer.js';
import { PYTHON } from '../lexical/dialects.js';
import { dottedName, literalText, type Expr, type Syntax } from '../lexical/expression.js';
import { recognizePythonRequests } from './clients.js';
import { recognizePythonRoutes } from './routes.js';
import { pythonTree } from './tree.js';

const KEYWORDS = new Set([
  'if', 'elif', 'else', 'while', 'for', 'in', 'is', 'and', 'or', 'not', 'def', 'class', 'lambda', 'with', 'as', 'import', 'from',
  'pass', 'raise', 'try', 'except', 'finally', 'global', 'nonlocal', 'del', 'assert', 'break', 'continue', 'async', 'await', 'return', 'yield', 'match', 'case',
]);

export const PYTHON_SYNTAX: Syntax = {
  member: ['.'],
  concat: ['+', '%'],
  fallback: ['or'],
  namedEquals: true,
  adjacentStrings: true,
  keywords: KEYWORDS,
  prefixes: new Set(['await', 'return', 'yield', 'not', 'async']),
};

/** `os.environ["X"]`, `os.environ.get("X")`, `os.getenv("X")`, `environ["X"]`, decouple's `config("X")`. */
export function pythonEnvRead(e: Expr): string | undefined {
  if (e.k === 'index' && /^(?:os\.)?environ$/.test(dottedName(e.obj) ?? '')) return literalText(e.index);
  if (e.k !== 'call') return undefined;
  const callee = dottedName(e.callee) ?? '';
  const first = literalText(e.args[0]?.value);
  if (first === undefined) return undefined;
  if (/^(?:os\.getenv|getenv|os\.environ\.get|environ\.get|os\.environ\.setdefault|env|env\.str|env\.url)$/.test(callee)) return first;
  if (callee === 'config' && /^[A-Z][A-Z0-9_]+$/.test(first)) return first;
  return undefined;
}

export const python: LexicalLanguage = {
  id: 'python',
  kinds: ['python'],
  dialect: PYTHON,
  syntax: PYTHON_SYNTAX,
  blocks: 'indent',
  envRead: pythonEnvRead,
  tree: pythonTree,
  recognize(ctx) {
    recognizePythonRoutes(ctx);
    recognizePythonRequests(ctx);
  },
};

export const pythonAnalyzer = lexicalAnalyzer(python);
