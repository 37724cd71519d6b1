/** C# HTTP clients: HttpClient verbs and SendAsync(HttpRequestMessage), BaseAddress and default headers per instance, RestSharp requests. */
import type { SymbolicValue } from '../../facts/types.js';
import type { RecognizeContext } from '../lexical/analyzer.js';
import { dottedName, literalText, namedArg, positional, type Expr } from '../lexical/expression.js';
import { bearer, bodyOf, mergeHeaders, type Body } from '../lexical/payload.js';
import { sameFunction, type CallExpr } from '../lexical/program.js';

const VERBS = /^(Post|Get|Put|Patch|Delete|Send)(?:AsJson|FromJson|String|ByteArray|Stream)?Async$/;

interface Instance {
  base?: SymbolicValue;
  headers?: Record<string, SymbolicValue>;
}

/** Emit RequestFacts for C# HTTP calls. */
export function recognizeDotnetRequests(ctx: RecognizeContext): void {
  const { program, folder } = ctx;
  const instances = new Map<string, Instance>();
  const instance = (name: string) => {
    let i = instances.get(name);
    if (!i) instances.set(name, (i = {}));
    return i;
  };
  for (const a of program.assignments) {
    const v = a.value;
    if (v.k === 'call' && v.isNew && dottedName(v.callee) === 'HttpClient') {
      const base = (v.init ?? []).find((x) => x.name === 'BaseAddress')?.value;
      instance(a.target).base = base ? folder.value(base) : undefined;
    }
    const m = /^(.*)\.(BaseAddress|DefaultRequestHeaders\.Authorization)$/.exec(a.target);
    if (m && m[2] === 'BaseAddress') instance(m[1]!).base = folder.value(a.value);
    if (m && m[2] !== 'BaseAddress') instance(m[1]!).headers = mergeHeaders(instance(m[1]!).headers, { authorization: authorizationValue(ctx, a.value) });
  }
  for (const call of program.calls) {
    const callee = dottedName(call.callee) ?? '';
    const m = /^(.*)\.DefaultRequestHeaders\.(?:Add|TryAddWithoutValidation)$/.exec(callee);
    const args = positional(call.args);
    if (m && literalText(args[0])) instance(m[1]!).headers = mergeHeaders(instance(m[1]!).headers, { [literalText(args[0])!.toLowerCase()]: folder.value(args[1]) });
  }
  for (const call of program.calls) {
    if (call.callee.k !== 'member') continue;
    const verb = VERBS.exec(call.callee.name);
    const receiver = dottedName(call.callee.obj) ?? '';
    if (!verb || (!instances.has(receiver) && !/client|http/i.test(receiver))) continue;
    if (/RestClient|RestRequest/.test(program.text) && !instances.has(receiver)) continue;
    const inst = instances.get(receiver) ?? instances.get(receiver.replace(/^this\./, ''));
    const args = positional(call.args);
    // An unknown client posting to a bare path (a WebApplicationFactory test client) calls the app itself.
    const first = args[0] && args[0].k === 'str' ? literalText(args[0]) : undefined;
    if (!inst && first !== undefined && !/^[a-z]+:\/\//i.test(first)) continue;
    if (verb[1] === 'Send') sendAsync(ctx, call, args[0], inst ?? {});
    else {
      const method = verb[1]!.toUpperCase();
      const json = /AsJson/.test(call.callee.name);
      const body = args[1] ? bodyOf(folder, args[1], json ? 'json' : 'unknown') ?? { encoding: json ? 'json' : 'unknown', fields: {} } : undefined;
      emit(ctx, call, method, args[0], inst ?? {}, body && body.encoding === 'unknown' ? { ...body, encoding: encodingOf(ctx, args[1]) } : body);
    }
  }
  restSharp(ctx);
}

/** `new AuthenticationHeaderValue("Bearer", token)` → `Bearer <token>`. */
function authorizationValue(ctx: RecognizeContext, e: Expr): SymbolicValue {
  if (e.k === 'call' && /AuthenticationHeaderValue$/.test(dottedName(e.callee) ?? '')) {
    const [scheme, value] = positional(e.args);
    if (literalText(scheme)?.toLowerCase() === 'bearer') return bearer(ctx.folder, value);
    return [{ kind: 'text', text: `${literalText(scheme) ?? ''} ` }, ...ctx.folder.value(value)];
  }
  return ctx.folder.value(e);
}

/** The encoding an HttpContent construction implies. */
function encodingOf(ctx: RecognizeContext, content: Expr | undefined): Body['encoding'] {
  const c = content ? ctx.folder.resolve(content) : undefined;
  const callee = c?.k === 'call' ? dottedName(c.callee) ?? '' : '';
  if (/FormUrlEncodedContent/.test(callee)) return 'form';
  if (/JsonContent/.test(callee)) return 'json';
  if (c?.k === 'call' && c.args.some((a) => /json/i.test(literalText(a.value) ?? ''))) return 'json';
  if (/Multipart/.test(callee)) return 'multipart';
  return 'unknown';
}

/** `client.SendAsync(new HttpRequestMessage(HttpMethod.Post, url) { Content = … })`, also through a variable. */
function sendAsync(ctx: RecognizeContext, call: CallExpr, messageArg: Expr | undefined, inst: Instance): void {
  const { program, folder } = ctx;
  if (!messageArg) return;
  const message = folder.resolve(messageArg);
  if (message.k !== 'call' || !/HttpRequestMessage$/.test(dottedName(message.callee) ?? '')) return;
  const [methodExpr, urlExpr] = positional(message.args);
  const method = methodExpr?.k === 'member' ? methodExpr.name.toUpperCase() : literalText(methodExpr);
  let content = (message.init ?? []).find((a) => a.name === 'Content')?.value;
  let headers: Record<string, SymbolicValue> | undefined;
  const variable = messageArg.k === 'id' ? messageArg.name : undefined;
  if (variable) {
    for (const a of program.assignments) {
      if (!sameFunction(program, a.start, call.start)) continue;
      if (a.target === `${variable}.Content`) content = a.value;
      if (a.target === `${variable}.Headers.Authorization`) headers = mergeHeaders(headers, { authorization: authorizationValue(ctx, a.value) });
    }
  }
  const body = content ? bodyOf(folder, content, encodingOf(ctx, content)) ?? { encoding: encodingOf(ctx, content), fields: {} } : undefined;
  emit(ctx, message, method, urlExpr, { base: inst.base, headers: mergeHeaders(inst.headers, headers) }, body);
}

function emit(ctx: RecognizeContext, node: CallExpr, method: string | undefined, urlExpr: Expr | undefined, inst: Instance, body: Body | undefined): void {
  if (!urlExpr) return;
  const { folder } = ctx;
  folder.names.clear();
  const url = folder.value(urlExpr);
  ctx.facts.request({ node, client: 'csharp_httpclient', method, url, base: inst.base, body, headers: inst.headers, names: [...folder.names] });
}

/** RestSharp: `new RestRequest("auth/local/signin", Method.Post)` + `AddJsonBody(…)`/`AddParameter(k, v)` on a `new RestClient(base)`. */
function restSharp(ctx: RecognizeContext): void {
  const { program, folder } = ctx;
  const clientBase = program.assignments.find((a) => a.value.k === 'call' && a.value.isNew && dottedName(a.value.callee) === 'RestClient');
  const base = clientBase?.value.k === 'call' ? positional(clientBase.value.args)[0] ?? namedArg(clientBase.value.args, 'baseUrl') : undefined;
  for (const a of program.assignments) {
    const v = a.value;
    if (v.k !== 'call' || !v.isNew || dottedName(v.callee) !== 'RestRequest') continue;
    const [urlExpr, methodExpr] = positional(v.args);
    if (!urlExpr) continue;
    let body: Body | undefined;
    const fields: Record<string, SymbolicValue> = {};
    for (const c of program.calls) {
      const callee = dottedName(c.callee);
      const args = positional(c.args);
      if (!sameFunction(program, c.start, v.start)) continue;
      if (callee === `${a.target}.AddJsonBody` && args[0]) body = bodyOf(folder, args[0], 'json') ?? { encoding: 'json', fields: {} };
      if ((callee === `${a.target}.AddParameter` || callee === `${a.target}.AddObject`) && literalText(args[0])) fields[literalText(args[0])!] = folder.value(args[1]);
    }
    if (!body && Object.keys(fields).length) body = { encoding: 'form', fields };
    folder.names.clear();
    const url = folder.value(urlExpr);
    const method = methodExpr?.k === 'member' ? methodExpr.name.toUpperCase() : 'GET';
    ctx.facts.request({ node: v, client: 'restsharp', method, url, base: base ? folder.value(base) : undefined, body, names: [...folder.names] });
  }
}
