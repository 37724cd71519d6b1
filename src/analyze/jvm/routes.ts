/** JVM server routes: Spring `@PostMapping`/`@RequestMapping`, JAX-RS `@Path`, Ktor `post("/x") { }` in a routing block. */
import type { RecognizeContext } from '../lexical/analyzer.js';
import { dottedName, literalText, namedArg, positional, type Expr } from '../lexical/expression.js';

const MAPPINGS: Record<string, string | undefined> = { PostMapping: 'POST', GetMapping: 'GET', PutMapping: 'PUT', PatchMapping: 'PATCH', DeleteMapping: 'DELETE', RequestMapping: undefined, Path: undefined };

/** Emit RouteFacts for Spring/JAX-RS annotations and Ktor routing calls. */
export function recognizeJvmRoutes(ctx: RecognizeContext): void {
  const { program } = ctx;
  for (const e of program.annotations) {
    if (e.k !== 'call') continue;
    const name = dottedName(e.callee)?.split('.').pop() ?? '';
    if (!(name in MAPPINGS)) continue;
    const pathExpr = positional(e.args)[0] ?? namedArg(e.args, 'value', 'path');
    const path = literalText(pathExpr) ?? (pathExpr?.k === 'coll' ? literalText(pathExpr.entries[0]?.value) : undefined);
    if (path === undefined) continue;
    // `method = RequestMethod.POST`, or a list of them (`{RequestMethod.POST}` in Java, `[RequestMethod.POST]` in Kotlin): the first.
    let methodExpr: Expr | undefined = namedArg(e.args, 'method');
    if (methodExpr?.k === 'coll') methodExpr = methodExpr.entries[0]?.value;
    const method = MAPPINGS[name] ?? (methodExpr?.k === 'member' ? methodExpr.name : undefined);
    ctx.facts.route(e, path, name === 'Path' ? 'jax-rs' : 'spring', method);
  }
  if (!/\brouting\s*\{|\bRoute\./.test(program.text)) return;
  for (const call of program.calls) {
    if (call.callee.k !== 'id' || !/^(get|post|put|patch|delete|route)$/.test(call.callee.name)) continue;
    const path = literalText(positional(call.args)[0]);
    if (path !== undefined && path.startsWith('/')) ctx.facts.route(call, path, 'ktor', call.callee.name === 'route' ? undefined : call.callee.name);
  }
}
