/** Ruby HTTP clients: Net::HTTP (class methods and request objects), Faraday connections, HTTParty (module and `include HTTParty` classes), RestClient. */
import type { SymbolicValue } from '../../facts/types.js';
import type { RecognizeContext } from '../lexical/analyzer.js';
import { dottedName, literalText, namedArg, positional, type Expr } from '../lexical/expression.js';
import { bodyOf, headersOf, mergeHeaders } from '../lexical/payload.js';
import { sameFunction, type CallExpr } from '../lexical/program.js';
import { verbCallsAreRequests } from './routes.js';

const VERBS = new Set(['get', 'post', 'put', 'patch', 'delete', 'head']);

interface Connection {
  base?: SymbolicValue;
  headers?: Record<string, SymbolicValue>;
}

/** Emit RequestFacts for Ruby HTTP calls. */
export function recognizeRubyRequests(ctx: RecognizeContext): void {
  const { program, folder } = ctx;
  const connections = new Map<string, Connection>();
  for (const a of program.assignments) {
    if (a.value.k !== 'call' || dottedName(a.value.callee) !== 'Faraday.new') continue;
    const args = a.value.args;
    const base = namedArg(args, 'url') ?? positional(args)[0];
    connections.set(a.target, { base: base ? folder.value(base) : undefined, headers: headersOf(folder, namedArg(args, 'headers')) });
  }
  // conn.headers['Authorization'] = …, conn.request :authorization, 'Bearer', token
  for (const a of program.assignments) {
    const m = /^(.*)\.headers\[(.+)\]$/.exec(a.target);
    const conn = m && connections.get(m[1]!);
    if (conn) conn.headers = mergeHeaders(conn.headers, { [m[2]!.toLowerCase()]: folder.value(a.value) });
  }
  const httpartyBase = httpartyBaseUri(ctx);
  const requestObjects = new Map<string, { node: CallExpr; method: string; url: Expr }>();
  for (const a of program.assignments) {
    const m = a.value.k === 'call' ? /^Net\.HTTP\.(Get|Post|Put|Patch|Delete|Head)\.new$/.exec(dottedName(a.value.callee) ?? '') : null;
    if (m && a.value.k === 'call' && a.value.args[0]) requestObjects.set(a.target, { node: a.value, method: m[1]!, url: a.value.args[0].value });
  }
  for (const call of program.calls) {
    const callee = dottedName(call.callee) ?? '';
    const verb = call.callee.k === 'member' ? call.callee.name : call.callee.k === 'id' ? call.callee.name : '';
    const receiver = call.callee.k === 'member' ? dottedName(call.callee.obj) ?? '' : '';
    if (/^Net\.HTTP\.(post|post_form|get|get_response|put|patch)$/.test(callee)) netHttpClassMethod(ctx, call, verb);
    else if (/^(?:HTTParty|RestClient|Faraday)\.(get|post|put|patch|delete|head)$/.test(callee)) moduleCall(ctx, call, receiver, verb);
    else if (VERBS.has(verb) && (connections.has(receiver) || (receiver === '' && httpartyBase !== undefined) || receiver === 'self.class' || receiver === 'self')) {
      if (receiver === '' || receiver.startsWith('self')) {
        if (verbCallsAreRequests(program.text)) moduleCall(ctx, call, 'HTTParty', verb, httpartyBase);
      } else connectionCall(ctx, call, verb, connections.get(receiver)!);
    } else if (VERBS.has(verb) && /(?:^|\.|@)(?:http|conn|connection|client)$/i.test(receiver)) {
      connectionCall(ctx, call, verb, {}, /Net::HTTP/.test(program.text) ? 'net_http' : 'faraday');
    }
  }
  for (const [name, r] of requestObjects) netHttpRequestObject(ctx, name, r);
}

/** `base_uri 'https://…'` in a class that includes HTTParty. */
function httpartyBaseUri(ctx: RecognizeContext): SymbolicValue | undefined {
  if (!verbCallsAreRequests(ctx.program.text)) return undefined;
  const call = ctx.program.calls.find((c) => dottedName(c.callee) === 'base_uri');
  return call ? ctx.folder.value(positional(call.args)[0]) : [];
}

function netHttpClassMethod(ctx: RecognizeContext, call: CallExpr, verb: string): void {
  const { folder } = ctx;
  const args = positional(call.args);
  if (!args[0]) return;
  folder.names.clear();
  const url = folder.value(args[0]);
  const form = verb === 'post_form';
  // `post_form(uri, 'k' => v)`: a hash written without braces arrives as keyed arguments.
  const keyed = call.args.filter((a) => a.key || a.name);
  const payload: Expr | undefined = args[1] ?? (keyed.length ? { k: 'coll', entries: keyed, start: call.start, end: call.end } : undefined);
  const body = verb.startsWith('post') || verb === 'put' || verb === 'patch' ? bodyOf(folder, payload, form ? 'form' : 'unknown') ?? (payload ? { encoding: 'unknown' as const, fields: {} } : undefined) : undefined;
  const method = verb.startsWith('get') ? 'GET' : verb === 'post_form' ? 'POST' : verb;
  ctx.facts.request({ node: call, client: 'net_http', method, url, body, headers: headersOf(folder, args[2]), names: [...folder.names] });
}

/** `HTTParty.post(url, body: …, headers: …)`, `RestClient.post(url, payload, headers)`, `Faraday.post(url, body)`. */
function moduleCall(ctx: RecognizeContext, call: CallExpr, receiver: string, verb: string, base?: SymbolicValue): void {
  const { folder } = ctx;
  const args = positional(call.args);
  if (!args[0]) return;
  folder.names.clear();
  const url = folder.value(args[0]);
  const client = receiver === 'RestClient' ? 'rest_client' : receiver === 'Faraday' ? 'faraday' : 'httparty';
  const bodyExpr = client === 'httparty' ? namedArg(call.args, 'body') : args[1];
  const headersExpr = client === 'httparty' ? namedArg(call.args, 'headers') : args[2];
  const headers = headersOf(folder, headersExpr);
  const json = /json/i.test(JSON.stringify(headers?.['content-type'] ?? ''));
  const body = bodyExpr ? bodyOf(folder, bodyExpr, json ? 'json' : 'form') ?? { encoding: 'unknown' as const, fields: {} } : undefined;
  ctx.facts.request({ node: call, client, method: verb, url, base: base?.length ? base : undefined, body, headers, names: [...folder.names] });
}

/** `conn.post('/auth/local/signin', {…}.to_json, 'Content-Type' => 'application/json')`. */
function connectionCall(ctx: RecognizeContext, call: CallExpr, verb: string, conn: Connection, client = 'faraday'): void {
  const { folder } = ctx;
  const args = positional(call.args);
  if (!args[0]) return;
  folder.names.clear();
  const url = folder.value(args[0]);
  const extraHeaders = call.args.filter((a) => a.key && literalText(a.key));
  const headers = mergeHeaders(conn.headers, headersOf(folder, args[2]), extraHeaders.length ? headersOf(folder, { k: 'coll', entries: extraHeaders, start: call.start, end: call.end }) : undefined);
  const json = /json/i.test(JSON.stringify(headers?.['content-type'] ?? ''));
  const body = args[1] ? bodyOf(folder, args[1], json ? 'json' : 'form') ?? { encoding: 'unknown' as const, fields: {} } : undefined;
  ctx.facts.request({ node: call, client, method: verb, url, base: conn.base, body, headers, names: [...folder.names] });
}

/** `req = Net::HTTP::Post.new(uri)` + `req.set_form_data(…)` / `req.body = …` / `req['Authorization'] = …`. */
function netHttpRequestObject(ctx: RecognizeContext, name: string, r: { node: CallExpr; method: string; url: Expr }): void {
  const { program, folder } = ctx;
  let body: ReturnType<typeof bodyOf>;
  let headers = headersOf(folder, positional(r.node.args)[1]);
  for (const call of program.calls) {
    const callee = dottedName(call.callee);
    if (!sameFunction(program, call.start, r.node.start)) continue;
    if (callee === `${name}.set_form_data` || callee === `${name}.form_data=`) body = bodyOf(folder, call.args[0] ? { k: 'coll', entries: call.args, start: call.start, end: call.end } : undefined, 'form');
    if (callee === `${name}.basic_auth`) headers = mergeHeaders(headers, { authorization: [{ kind: 'text', text: 'Basic ' }, { kind: 'unknown', text: 'basic_auth' }] });
  }
  for (const a of program.assignments) {
    if (!sameFunction(program, a.start, r.node.start)) continue;
    if (a.target === `${name}.body`) body = bodyOf(folder, a.value, 'unknown') ?? { encoding: 'unknown', fields: {} };
    const header = /^(.*)\[(.+)\]$/.exec(a.target);
    if (header && header[1] === name) headers = mergeHeaders(headers, { [header[2]!.toLowerCase()]: folder.value(a.value) });
    if (a.target === `${name}.content_type`) headers = mergeHeaders(headers, { 'content-type': folder.value(a.value) });
  }
  if (body && body.encoding === 'unknown' && /json/i.test(JSON.stringify(headers?.['content-type'] ?? ''))) body = { ...body, encoding: 'json' };
  folder.names.clear();
  const url = folder.value(r.url);
  ctx.facts.request({ node: r.node, client: 'net_http', method: r.method, url, body, headers, names: [...folder.names] });
}
