/** JVM HTTP clients: java.net.http builders, OkHttp builders, Spring RestTemplate and WebClient, Apache HttpClient, Ktor client. */
import type { SymbolicValue } from '../../facts/types.js';
import type { RecognizeContext } from '../lexical/analyzer.js';
import { collectFilledCollections } from '../lexical/builders.js';
import { chainOf, dottedName, literalText, positional, type ChainSegment, type Expr } from '../lexical/expression.js';
import { bearer, bodyOf, mergeHeaders, type Body } from '../lexical/payload.js';
import { sameFunction, type CallExpr } from '../lexical/program.js';

const REST_TEMPLATE = /^(postForObject|postForEntity|postForLocation|exchange|getForObject|getForEntity|put|delete)$/;

/** Emit RequestFacts for JVM HTTP calls. */
export function recognizeJvmRequests(ctx: RecognizeContext): void {
  const { program, folder } = ctx;
  collectFilledCollections(program, /^(?:add|put|set)$/, /(?:headers|Headers)$/);
  // Calls that are only a link inside a longer chain are read once, from the outermost call.
  const inner = new Set<Expr>();
  for (const call of program.calls) if (call.callee.k === 'member') inner.add(call.callee.obj);
  const webClientBases = new Map<string, SymbolicValue>();
  for (const a of program.assignments) {
    const chain = a.value.k === 'call' ? chainOf(a.value) : undefined;
    if (!chain || chain[0]?.name !== 'WebClient') continue;
    const baseSeg = chain.find((s) => s.name === 'baseUrl' || s.name === 'create');
    const arg = baseSeg?.args ? positional(baseSeg.args)[0] : undefined;
    if (arg) webClientBases.set(a.target, folder.value(arg));
  }
  for (const call of program.calls) {
    const chain = chainOf(call);
    if (call.isNew && /^(?:HttpPost|HttpGet|HttpPut|HttpPatch)$/.test(dottedName(call.callee) ?? '')) {
      apacheRequest(ctx, call);
      continue;
    }
    if (!chain) continue;
    const names = chain.map((s) => s.name);
    // RestTemplate calls are complete in themselves, even when a `.getBody()` follows.
    if (chain.length >= 2 && REST_TEMPLATE.test(chain[chain.length - 1]!.name) && /rest(?:Template|Client)|template/i.test(names[names.length - 2]!)) {
      restTemplate(ctx, call, chain);
      continue;
    }
    if (inner.has(call)) continue;
    if (names.includes('newBuilder') && /HttpRequest$/.test(names[0]!)) builderRequest(ctx, call, chain, 'java_httpclient');
    else if (names.some((n) => /(?:^|\.|new )Request\.Builder$/.test(n)) || (names[0] === 'Request' && names[1] === 'Builder')) builderRequest(ctx, call, chain, 'okhttp');
    else if (chain.length >= 3 && /^(post|get|put|patch|delete|method)$/.test(chain[1]!.name) && (webClientBases.has(names[0]!) || /webClient|client/i.test(names[0]!)) && names.includes('uri')) {
      builderRequest(ctx, call, chain, 'webclient', webClientBases.get(names[0]!));
    } else if (chain.length === 2 && /^(post|get|put|delete|patch)$/.test(chain[1]!.name) && /client$/i.test(names[0]!) && chain[1]!.args?.length) {
      ktorRequest(ctx, call, chain[1]!);
    }
  }
}

/** One request from a builder chain: `.uri(…)`/`.url(…)`, `.POST(…)`/`.post(…)`/`.method("POST", …)`, `.header(k, v)`, body publishers. */
function builderRequest(ctx: RecognizeContext, call: CallExpr, chain: ChainSegment[], client: string, base?: SymbolicValue): void {
  const { folder } = ctx;
  let url: Expr | undefined;
  let method: string | undefined;
  let body: Body | undefined;
  let headers: Record<string, SymbolicValue> | undefined;
  for (const s of chain) {
    const args = positional(s.args ?? []);
    const verb = s.name.toUpperCase();
    if ((s.name === 'uri' || s.name === 'url' || s.name === 'newBuilder') && args[0]) url = args[0];
    else if (['POST', 'PUT', 'PATCH', 'GET', 'DELETE'].includes(verb) && (s.name === verb || s.name === s.name.toLowerCase()) && s.args) {
      method = verb;
      if (args[0]) body = bodyOf(folder, args[0], 'unknown') ?? { encoding: 'unknown', fields: {} };
    } else if (s.name === 'method' && args[0]) {
      method = literalText(args[0]) ?? (args[0].k === 'member' ? args[0].name : undefined);
      if (args[1]) body = bodyOf(folder, args[1], 'unknown') ?? { encoding: 'unknown', fields: {} };
    } else if ((s.name === 'header' || s.name === 'addHeader' || s.name === 'setHeader') && literalText(args[0])) {
      headers = mergeHeaders(headers, { [literalText(args[0])!.toLowerCase()]: folder.value(args[1]) });
    } else if (s.name === 'headers' && args.length >= 2) {
      for (let i = 0; i + 1 < args.length; i += 2) if (literalText(args[i])) headers = mergeHeaders(headers, { [literalText(args[i])!.toLowerCase()]: folder.value(args[i + 1]) });
    } else if ((s.name === 'bodyValue' || s.name === 'body' || s.name === 'syncBody') && args[0]) body = bodyOf(folder, args[0], 'json') ?? { encoding: 'unknown', fields: {} };
    else if (s.name === 'contentType' && args[0]) headers = mergeHeaders(headers, { 'content-type': folder.value(args[0]) });
  }
  if (!url) return;
  const json = /json|APPLICATION_JSON/i.test(JSON.stringify(headers?.['content-type'] ?? ''));
  if (body && body.encoding === 'unknown' && json) body = { ...body, encoding: 'json' };
  folder.names.clear();
  const value = folder.value(url);
  ctx.facts.request({ node: call, client, method: method ?? 'GET', url: value, base, body, headers, names: [...folder.names] });
}

/** `restTemplate.postForObject(url, new HttpEntity<>(body, headers), T.class)`, `exchange(url, HttpMethod.POST, entity, T.class)`. */
function restTemplate(ctx: RecognizeContext, call: CallExpr, chain: ChainSegment[]): void {
  const { program, folder } = ctx;
  const verb = chain[chain.length - 1]!.name;
  const args = positional(call.args);
  if (!args[0]) return;
  let method = verb.startsWith('post') ? 'POST' : verb.startsWith('get') ? 'GET' : verb.toUpperCase();
  let requestArg = verb.startsWith('get') ? undefined : args[1];
  if (verb === 'exchange') {
    method = args[1]?.k === 'member' ? args[1].name : literalText(args[1]) ?? 'GET';
    requestArg = args[2];
  }
  let body: Body | undefined;
  let headers: Record<string, SymbolicValue> | undefined;
  const entity = requestArg ? folder.resolve(requestArg) : undefined;
  if (entity?.k === 'call' && /HttpEntity$/.test(dottedName(entity.callee) ?? '')) {
    const [payload, headerArg] = positional(entity.args);
    body = payload ? bodyOf(folder, payload, 'unknown') ?? { encoding: 'unknown', fields: {} } : undefined;
    const headerName = dottedName(headerArg);
    if (headerName) headers = springHeaders(ctx, headerName, call.start);
  } else if (requestArg) body = bodyOf(folder, requestArg, 'json') ?? { encoding: 'unknown', fields: {} };
  if (body && body.encoding === 'unknown') body = { ...body, encoding: /APPLICATION_FORM_URLENCODED|MultiValueMap/.test(program.text) ? 'form' : 'json' };
  folder.names.clear();
  const url = folder.value(args[0]);
  ctx.facts.request({ node: call, client: 'resttemplate', method, url, body, headers, names: [...folder.names] });
}

/** `headers.setBearerAuth(t)`, `headers.set("Authorization", …)`, `headers.setContentType(…)` on a Spring HttpHeaders variable. */
function springHeaders(ctx: RecognizeContext, name: string, at: number): Record<string, SymbolicValue> | undefined {
  let headers: Record<string, SymbolicValue> | undefined;
  for (const call of ctx.program.calls) {
    if (!sameFunction(ctx.program, call.start, at)) continue;
    const callee = dottedName(call.callee);
    const args = positional(call.args);
    if (callee === `${name}.setBearerAuth`) headers = mergeHeaders(headers, { authorization: bearer(ctx.folder, args[0]) });
    else if ((callee === `${name}.set` || callee === `${name}.add`) && literalText(args[0])) headers = mergeHeaders(headers, { [literalText(args[0])!.toLowerCase()]: ctx.folder.value(args[1]) });
    else if (callee === `${name}.setContentType`) headers = mergeHeaders(headers, { 'content-type': ctx.folder.value(args[0]) });
    else if (callee === `${name}.setBasicAuth`) headers = mergeHeaders(headers, { authorization: [{ kind: 'text', text: 'Basic ' }, { kind: 'unknown', text: 'setBasicAuth' }] });
  }
  return headers;
}

/** Apache HttpClient `new HttpPost(url)` + `post.setEntity(…)` / `post.setHeader(k, v)`. */
function apacheRequest(ctx: RecognizeContext, call: CallExpr): void {
  const { program, folder } = ctx;
  const urlExpr = positional(call.args)[0];
  if (!urlExpr) return;
  const target = program.assignments.find((a) => a.value === call)?.target;
  let body: Body | undefined;
  let headers: Record<string, SymbolicValue> | undefined;
  if (target)
    for (const c of program.calls) {
      const callee = dottedName(c.callee);
      const args = positional(c.args);
      if (!sameFunction(program, c.start, call.start)) continue;
      if (callee === `${target}.setEntity` && args[0]) body = bodyOf(folder, args[0], 'unknown') ?? { encoding: 'unknown', fields: {} };
      if ((callee === `${target}.setHeader` || callee === `${target}.addHeader`) && literalText(args[0])) headers = mergeHeaders(headers, { [literalText(args[0])!.toLowerCase()]: folder.value(args[1]) });
    }
  folder.names.clear();
  const url = folder.value(urlExpr);
  const method = (dottedName(call.callee) ?? 'HttpGet').slice(4).toUpperCase();
  ctx.facts.request({ node: call, client: 'apache_httpclient', method, url, body, headers, names: [...folder.names] });
}

/** Ktor `client.post(url) { … }`. */
function ktorRequest(ctx: RecognizeContext, call: CallExpr, verb: ChainSegment): void {
  const { folder } = ctx;
  const urlExpr = positional(verb.args ?? [])[0];
  if (!urlExpr) return;
  folder.names.clear();
  const url = folder.value(urlExpr);
  if (url[0]?.kind === 'text' && !/^https?:/.test(url[0].text)) return;
  ctx.facts.request({ node: call, client: 'ktor', method: verb.name, url, names: [...folder.names] });
}
