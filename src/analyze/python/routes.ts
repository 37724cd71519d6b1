/** Python server routes: Flask/FastAPI/Starlette decorators and Django URL patterns (never requests). */
import type { RecognizeContext } from '../lexical/analyzer.js';
import { dottedName, literalText, namedArg, positional } from '../lexical/expression.js';

const DECORATOR_VERBS = new Set(['route', 'get', 'post', 'put', 'patch', 'delete', 'api_route', 'websocket']);

/** Emit RouteFacts for decorators (`@app.route(...)`, `@router.post(...)`) and Django `path(...)`. */
export function recognizePythonRoutes(ctx: RecognizeContext): void {
  const { program } = ctx;
  const framework = /\bfastapi\b/i.test(program.text) ? 'fastapi' : /\bstarlette\b/.test(program.text) ? 'starlette' : 'flask';
  for (const e of program.annotations) {
    if (e.k !== 'call' || e.callee.k !== 'member' || !DECORATOR_VERBS.has(e.callee.name)) continue;
    const path = literalText(positional(e.args)[0] ?? namedArg(e.args, 'path', 'rule'));
    if (path === undefined) continue;
    const methods = namedArg(e.args, 'methods');
    const method = e.callee.name === 'route' || e.callee.name === 'api_route' ? (methods?.k === 'coll' ? literalText(methods.entries[0]?.value) : 'GET') : e.callee.name;
    ctx.facts.route(e, path, framework, method);
  }
  if (!/\bdjango\b/.test(program.text) && !/(?:^|\/)urls\.py$/.test(ctx.path)) return;
  for (const call of program.calls) {
    const callee = dottedName(call.callee);
    if (callee !== 'path' && callee !== 're_path' && callee !== 'url') continue;
    const args = positional(call.args);
    const pattern = literalText(args[0]);
    if (pattern === undefined || args.length < 2) continue;
    ctx.facts.route(call, '/' + pattern.replace(/^\^|\$$/g, '').replace(/^\//, ''), 'django');
  }
}
