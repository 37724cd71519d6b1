/** Ruby server routes: Rails `post 'path', to: 'c#a'` / `post 'path' => 'c#a'` / `match … via:`, Sinatra `post '/path' do`. */
import type { RecognizeContext } from '../lexical/analyzer.js';
import { literalText, namedArg, positional } from '../lexical/expression.js';
import { isTestPath } from '../lexical/facts.js';

const VERBS = new Set(['get', 'post', 'put', 'patch', 'delete', 'match']);

/** Receiver-less verb calls are routes, except in classes that `include HTTParty` (there they are requests). */
export function verbCallsAreRequests(text: string): boolean {
  return /\binclude\s+HTTParty\b/.test(text);
}

/** Emit RouteFacts; in test files receiver-less verbs exercise the app's own routes and are neither. */
export function recognizeRubyRoutes(ctx: RecognizeContext): void {
  const { program } = ctx;
  if (isTestPath(ctx.path) || verbCallsAreRequests(program.text)) return;
  const framework = /(?:^|\/)routes\.rb$/.test(ctx.path) || /Rails\.application\.routes/.test(program.text) ? 'rails' : 'sinatra';
  for (const call of program.calls) {
    if (call.callee.k !== 'id' || !VERBS.has(call.callee.name)) continue;
    const first = call.args[0];
    if (!first) continue;
    // `post 'auth/local/signin' => 'sessions#create'`: the hash key is the path.
    const path = first.key ? literalText(first.key) : literalText(positional(call.args)[0]);
    if (path === undefined) continue;
    const via = namedArg(call.args, 'via');
    const method = call.callee.name === 'match' ? literalText(via?.k === 'coll' ? via.entries[0]?.value : via) : call.callee.name;
    ctx.facts.route(call, path.startsWith('/') ? path : `/${path}`, framework, method);
  }
}
