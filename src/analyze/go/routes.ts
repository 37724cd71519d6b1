/** Go server routes: `http.HandleFunc`, `mux.Handle`, gin/echo `r.POST`, chi/fiber `r.Post(path, handler)`, Go 1.22 `"POST /path"` patterns. */
import type { RecognizeContext } from '../lexical/analyzer.js';
import { dottedName, literalText, positional } from '../lexical/expression.js';

const UPPER_VERBS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'Any', 'Handle', 'HandleFunc', 'Match']);
const CHI_VERBS = new Set(['Get', 'Post', 'Put', 'Patch', 'Delete']);

/** Receivers that are HTTP clients (their `Post(url, contentType, body)` is a request, not a route). */
export function isClientReceiver(receiver: string): boolean {
  return /^(?:http|http\.DefaultClient)$|client$/i.test(receiver);
}

/** Emit RouteFacts for Go route registrations. */
export function recognizeGoRoutes(ctx: RecognizeContext): void {
  for (const call of ctx.program.calls) {
    if (call.callee.k !== 'member') continue;
    const verb = call.callee.name;
    const receiver = dottedName(call.callee.obj) ?? '';
    const args = positional(call.args);
    const pattern = literalText(args[0]);
    if (pattern === undefined || args.length < 2) continue;
    const isRoute = UPPER_VERBS.has(verb) || (CHI_VERBS.has(verb) && args.length === 2 && pattern.startsWith('/') && !isClientReceiver(receiver));
    if (!isRoute) continue;
    const m = /^([A-Z]+)\s+(\/.*)$/.exec(pattern);
    const method = m ? m[1] : /^[A-Z]+$/.test(verb) && verb !== 'Any' ? verb : CHI_VERBS.has(verb) ? verb : undefined;
    ctx.facts.route(call, m ? m[2]! : pattern, receiver === 'http' || receiver.endsWith('mux') ? 'net/http' : 'go-router', method);
  }
}
