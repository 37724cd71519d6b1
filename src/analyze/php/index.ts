/** PHP: Guzzle/Symfony clients, Laravel Http, cURL handles, file_get_contents + stream contexts, WordPress; Laravel/Slim/Symfony routes. */
import { lexicalAnalyzer, type LexicalLanguage } from '../lexical/analyzer.js';
import { PHP } from '../lexical/dialects.js';
import { dottedName, literalText, type Expr, type Syntax } from '../lexical/expression.js';
import { recognizePhpRequests } from './clients.js';
import { recognizePhpRoutes } from './routes.js';
import { phpTree } from './tree.js';

const KEYWORDS = new Set([
  'function', 'fn', 'if', 'else', 'elseif', 'while', 'for', 'foreach', 'as', 'echo', 'print', 'use', 'namespace', 'class', 'public', 'private',
  'protected', 'static', 'const', 'throw', 'try', 'catch', 'finally', 'switch', 'case', 'break', 'continue', 'extends', 'implements', 'abstract',
  'final', 'interface', 'trait', 'global', 'return', 'yield', 'match', 'default', 'do', 'declare', 'readonly', 'enum', 'instanceof', 'insteadof',
  'and', 'or', 'xor', 'require', 'require_once', 'include', 'include_once', 'clone', 'goto', 'endif', 'endforeach', 'endwhile', 'endfor',
]);

export const PHP_SYNTAX: Syntax = {
  member: ['->', '?->', '::'],
  concat: ['.'],
  fallback: ['??', '?:', '||', 'or'],
  namedEquals: false,
  arrayCall: true,
  keywords: KEYWORDS,
  prefixes: new Set(['return', 'yield', 'echo', 'print', 'throw', 'clone', 'require', 'include', 'require_once', 'include_once']),
};

/** `getenv('X')`, `$_ENV['X']`, `$_SERVER['X']`, Laravel `env('X')`. */
export function phpEnvRead(e: Expr): string | undefined {
  if (e.k === 'index' && /^\$_(?:ENV|SERVER)$/.test(dottedName(e.obj) ?? '')) return literalText(e.index);
  if (e.k === 'call' && /^(?:getenv|env|\\?getenv)$/.test(dottedName(e.callee) ?? '')) return literalText(e.args[0]?.value);
  return undefined;
}

export const php: LexicalLanguage = {
  id: 'php',
  kinds: ['php'],
  dialect: PHP,
  syntax: PHP_SYNTAX,
  blocks: 'braces',
  codeStart(text) {
    const at = text.indexOf('<?');
    return at === -1 ? text.length : at;
  },
  envRead: phpEnvRead,
  tree: phpTree,
  recognize(ctx) {
    // define('AXEPTIO_API', '…') is a constant like any assignment.
    for (const call of ctx.program.calls) {
      const name = dottedName(call.callee) === 'define' ? literalText(call.args[0]?.value) : undefined;
      if (name && call.args[1]) ctx.program.assignments.push({ target: name, value: call.args[1].value, start: call.start, end: call.end });
    }
    recognizePhpRoutes(ctx);
    recognizePhpRequests(ctx);
  },
};

export const phpAnalyzer = lexicalAnalyzer(php);
