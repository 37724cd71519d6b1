/** Go net/http clients: `http.Post/PostForm/Get`, `client.Do(req)` with `http.NewRequest`, headers set on the request, url.Values built with Set/Add. */
import type { SymbolicValue } from '../../facts/types.js';
import type { RecognizeContext } from '../lexical/analyzer.js';
import { collectFilledCollections } from '../lexical/builders.js';
import { dottedName, literalText, positional, type Expr } from '../lexical/expression.js';
import { bodyOf, mergeHeaders, type Body } from '../lexical/payload.js';
import { sameFunction, type CallExpr } from '../lexical/program.js';
import { isClientReceiver } from './routes.js';

const METHOD_CONSTANTS: Record<string, string> = { MethodPost: 'POST', MethodGet: 'GET', MethodPut: 'PUT', MethodPatch: 'PATCH', MethodDelete: 'DELETE' };

/** Emit RequestFacts for Go HTTP calls. */
export function recognizeGoRequests(ctx: RecognizeContext): void {
  collectFilledCollections(ctx.program, /^(?:Set|Add)$/, /Header$/);
  const { program, folder } = ctx;
  for (const call of program.calls) {
    if (call.callee.k !== 'member') continue;
    const verb = call.callee.name;
    const receiver = dottedName(call.callee.obj) ?? '';
    const args = positional(call.args);
    if ((verb === 'NewRequest' || verb === 'NewRequestWithContext') && receiver === 'http') {
      const rest = verb === 'NewRequest' ? args : args.slice(1);
      const methodExpr = rest[0];
      const method = literalText(methodExpr) ?? METHOD_CONSTANTS[methodExpr?.k === 'member' ? methodExpr.name : ''];
      const target = program.assignments.find((a) => a.value === call)?.target;
      emit(ctx, call, method, rest[1], rest[2], 'unknown', target ? requestHeaders(ctx, target, call.start) : undefined);
      continue;
    }
    if (!isClientReceiver(receiver)) continue;
    if (verb === 'Post' && args.length === 3) {
      const contentType = literalText(args[1]) ?? '';
      emit(ctx, call, 'POST', args[0], args[2], /json/i.test(contentType) ? 'json' : /form/i.test(contentType) ? 'form' : 'unknown', { 'content-type': folder.value(args[1]) });
    } else if (verb === 'PostForm' && args.length === 2) emit(ctx, call, 'POST', args[0], args[1], 'form');
    else if ((verb === 'Get' || verb === 'Head') && args.length === 1) emit(ctx, call, verb.toUpperCase(), args[0], undefined, 'unknown');
  }
}

/** `req.Header.Set("Authorization", …)`, `req.Header.Add(…)`, `req.SetBasicAuth(…)`. */
function requestHeaders(ctx: RecognizeContext, req: string, at: number): Record<string, SymbolicValue> | undefined {
  let headers: Record<string, SymbolicValue> | undefined;
  for (const call of ctx.program.calls) {
    if (!sameFunction(ctx.program, call.start, at)) continue;
    const callee = dottedName(call.callee);
    const args = positional(call.args);
    if ((callee === `${req}.Header.Set` || callee === `${req}.Header.Add`) && literalText(args[0])) headers = mergeHeaders(headers, { [literalText(args[0])!.toLowerCase()]: ctx.folder.value(args[1]) });
    if (callee === `${req}.SetBasicAuth`) headers = mergeHeaders(headers, { authorization: [{ kind: 'text', text: 'Basic ' }, { kind: 'unknown', text: 'SetBasicAuth' }] });
  }
  return headers;
}

function emit(ctx: RecognizeContext, call: CallExpr, method: string | undefined, urlExpr: Expr | undefined, bodyExpr: Expr | undefined, encoding: Body['encoding'], headers?: Record<string, SymbolicValue>): void {
  if (!urlExpr) return;
  const { folder } = ctx;
  folder.names.clear();
  const url = folder.value(urlExpr);
  const names = [...folder.names];
  const isNil = bodyExpr?.k === 'id' && bodyExpr.name === 'nil';
  const json = /json/i.test(JSON.stringify(headers?.['content-type'] ?? ''));
  const body = bodyExpr && !isNil ? goFieldNames(bodyOf(folder, bodyExpr, json ? 'json' : encoding)) ?? { encoding, fields: {} } : undefined;
  ctx.facts.request({ node: call, client: 'go_net_http', method, url, body, headers, names });
}

/** Struct literal fields (`Username: u`) are sent under their json tag, usually the lower-cased name. */
function goFieldNames(body: Body | undefined): Body | undefined {
  if (!body) return body;
  const fields = Object.fromEntries(Object.entries(body.fields).map(([k, v]) => [/^[A-Z][a-z]+(?:[A-Z][a-z]+)*$/.test(k) ? k[0]!.toLowerCase() + k.slice(1) : k, v]));
  return { ...body, fields };
}
