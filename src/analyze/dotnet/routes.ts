/** ASP.NET routes: `[HttpPost("auth/local/signin")]`, `[Route("…")]` attributes and minimal APIs `app.MapPost("/…", …)`. */
import type { RecognizeContext } from '../lexical/analyzer.js';
import { dottedName, literalText, namedArg, positional } from '../lexical/expression.js';

const ATTRIBUTES: Record<string, string | undefined> = { HttpPost: 'POST', HttpGet: 'GET', HttpPut: 'PUT', HttpPatch: 'PATCH', HttpDelete: 'DELETE', Route: undefined };

/** Emit RouteFacts for ASP.NET route definitions. */
export function recognizeDotnetRoutes(ctx: RecognizeContext): void {
  for (const e of ctx.program.annotations) {
    if (e.k !== 'call') continue;
    const name = (dottedName(e.callee) ?? '').replace(/Attribute$/, '');
    if (!(name in ATTRIBUTES)) continue;
    const path = literalText(positional(e.args)[0] ?? namedArg(e.args, 'template'));
    if (path !== undefined) ctx.facts.route(e, path.startsWith('/') ? path : `/${path}`, 'aspnet', ATTRIBUTES[name]);
  }
  for (const call of ctx.program.calls) {
    if (call.callee.k !== 'member' || !/^Map(Post|Get|Put|Patch|Delete|Methods)?$/.test(call.callee.name)) continue;
    const path = literalText(positional(call.args)[0]);
    if (path === undefined || !path.startsWith('/')) continue;
    const verb = /^Map(Post|Get|Put|Patch|Delete)$/.exec(call.callee.name)?.[1];
    ctx.facts.route(call, path, 'aspnet-minimal', verb);
  }
}
