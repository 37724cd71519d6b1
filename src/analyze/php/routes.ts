/** PHP server routes: Laravel `Route::post`, Slim-style `$app->post('/x', fn)`, Symfony `#[Route('/x')]` attributes. */
import type { RecognizeContext } from '../lexical/analyzer.js';
import { dottedName, literalText, namedArg, positional } from '../lexical/expression.js';
import type { CallExpr } from '../lexical/program.js';

const VERBS = new Set(['get', 'post', 'put', 'patch', 'delete', 'any', 'options', 'match', 'map']);

/** Receivers that are routers, not HTTP clients. */
export function isRouterReceiver(receiver: string): boolean {
  return /^(?:Route|\$(?:app|router|route|routes|group|r|slim|klein|silex|api))$/i.test(receiver);
}

/** Emit RouteFacts for PHP route definitions. */
export function recognizePhpRoutes(ctx: RecognizeContext): void {
  for (const call of ctx.program.calls) {
    if (call.callee.k !== 'member' || !VERBS.has(call.callee.name.toLowerCase())) continue;
    const receiver = dottedName(call.callee.obj) ?? '';
    if (!isRouterReceiver(receiver)) continue;
    routeFrom(ctx, call, receiver === 'Route' ? 'laravel' : 'slim', call.callee.name.toLowerCase());
  }
  for (const e of ctx.program.annotations) {
    if (e.k === 'call' && /(?:^|\.)Route$/.test(dottedName(e.callee) ?? '')) {
      const methods = namedArg(e.args, 'methods');
      routeFrom(ctx, e, 'symfony', methods?.k === 'coll' ? literalText(methods.entries[0]?.value) : undefined);
    }
  }
}

function routeFrom(ctx: RecognizeContext, call: CallExpr, framework: string, verb: string | undefined): void {
  const args = positional(call.args);
  const pathArg = verb === 'match' || verb === 'map' ? args[1] : args[0] ?? namedArg(call.args, 'path');
  const path = literalText(pathArg);
  if (path === undefined) return;
  const method = verb === 'match' || verb === 'map' ? (args[0]?.k === 'coll' ? literalText(args[0].entries[0]?.value) : undefined) : verb === 'any' ? undefined : verb;
  ctx.facts.route(call, path, framework, method);
}
