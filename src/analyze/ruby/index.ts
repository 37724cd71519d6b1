/** Ruby: Net::HTTP, Faraday, HTTParty, RestClient requests; Rails/Sinatra routes; ENV reads. */
import { lexicalAnalyzer, type LexicalLanguage } from '../lexical/analyzer.js';
import { RUBY } from '../lexical/dialects.js';
import { dottedName, literalText, type Expr, type Syntax } from '../lexical/expression.js';
import { recognizeRubyRequests } from './clients.js';
import { recognizeRubyRoutes } from './routes.js';
import { rubyTree } from './tree.js';

const KEYWORDS = new Set([
  'if', 'unless', 'while', 'until', 'def', 'class', 'module', 'return', 'and', 'or', 'not', 'do', 'end', 'then', 'else', 'elsif', 'case', 'when',
  'begin', 'rescue', 'ensure', 'yield', 'in', 'for', 'break', 'next', 'redo', 'retry', 'alias', 'undef', 'defined?', 'super',
]);

export const RUBY_SYNTAX: Syntax = {
  member: ['.', '&.', '::'],
  concat: ['+'],
  fallback: ['||', 'or'],
  namedEquals: false,
  commandCalls: true,
  adjacentStrings: true,
  keywords: KEYWORDS,
  prefixes: new Set(['return', 'not']),
};

/** `ENV['X']`, `ENV.fetch('X', default)`. */
export function rubyEnvRead(e: Expr): string | undefined {
  if (e.k === 'index' && dottedName(e.obj) === 'ENV') return literalText(e.index);
  if (e.k === 'call' && /^ENV\.(?:fetch|\[\])$/.test(dottedName(e.callee) ?? '')) return literalText(e.args[0]?.value);
  return undefined;
}

export const ruby: LexicalLanguage = {
  id: 'ruby',
  kinds: ['ruby'],
  dialect: RUBY,
  syntax: RUBY_SYNTAX,
  blocks: 'indent',
  // A line that is exactly `__END__` ends the program; what follows is DATA, not code.
  codeEnd(text) {
    const m = /^__END__\r?$/m.exec(text);
    return m ? m.index : text.length;
  },
  envRead: rubyEnvRead,
  tree: rubyTree,
  recognize(ctx) {
    recognizeRubyRoutes(ctx);
    recognizeRubyRequests(ctx);
  },
};

export const rubyAnalyzer = lexicalAnalyzer(ruby);
