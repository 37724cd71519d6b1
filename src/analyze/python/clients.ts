/** Python HTTP clients: requests / httpx (module calls, Session/Client instances with base_url), aiohttp sessions, urllib Request/urlopen. */
import type { SymbolicValue } from '../../facts/types.js';
import type { RecognizeContext } from '../lexical/analyzer.js';
import { dottedName, literalText, namedArg, positional, type Expr } from '../lexical/expression.js';
import { bodyOf, headersOf, mergeHeaders, type Body } from '../lexical/payload.js';
import type { CallExpr } from '../lexical/program.js';

const METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'head', 'options', 'request', 'stream']);

interface Instance {
  client: string;
  base?: SymbolicValue;
  headers?: Record<string, SymbolicValue>;
}

/** The client library an instance constructor belongs to (`httpx.Client(...)` → httpx). */
function constructorClient(callee: string, text: string): string | undefined {
  if (/^requests\.(?:Session|session)$/.test(callee) || (callee === 'Session' && /\brequests\b/.test(text))) return 'requests';
  if (/^httpx\.(?:Client|AsyncClient)$/.test(callee) || (/^(?:Async)?Client$/.test(callee) && /\bhttpx\b/.test(text))) return 'httpx';
  if (/^(?:aiohttp\.)?ClientSession$/.test(callee)) return 'aiohttp';
  return undefined;
}

/** Emit a RequestFact for every recognized Python HTTP call. */
export function recognizePythonRequests(ctx: RecognizeContext): void {
  const { program, folder } = ctx;
  const instances = new Map<string, Instance>();
  for (const a of program.assignments) {
    const value = a.value.k === 'call' ? a.value : undefined;
    const client = value && constructorClient(dottedName(value.callee) ?? '', program.text);
    if (!value || !client) continue;
    const base = namedArg(value.args, 'base_url');
    instances.set(a.target, {
      client,
      base: base ? folder.value(base) : undefined,
      headers: headersOf(folder, namedArg(value.args, 'headers')),
    });
  }
  // session.headers.update({...}) / session.headers["Authorization"] = ...
  for (const call of program.calls) {
    const callee = dottedName(call.callee) ?? '';
    const m = /^(.*)\.headers\.update$/.exec(callee);
    const inst = m && instances.get(m[1]!);
    if (inst) inst.headers = mergeHeaders(inst.headers, headersOf(folder, positional(call.args)[0]));
  }
  for (const a of program.assignments) {
    const m = /^(.*)\.headers\[(.+)\]$/.exec(a.target);
    const inst = m && instances.get(m[1]!);
    if (inst) inst.headers = mergeHeaders(inst.headers, { [m[2]!.toLowerCase()]: folder.value(a.value) });
  }

  const guessed = /\bhttpx\b/.test(program.text) ? 'httpx' : /\baiohttp\b/.test(program.text) ? 'aiohttp' : 'requests';
  for (const call of program.calls) {
    if (call.callee.k === 'member' && METHODS.has(call.callee.name)) {
      const receiver = dottedName(call.callee.obj) ?? '';
      const instance = instances.get(receiver);
      const client = /^(?:requests|httpx|requests\.api)$/.test(receiver) ? receiver.replace('.api', '') : instance?.client;
      if (client) emitCall(ctx, call, call.callee.name, client, instance);
      else if (/(?:session|client|http)$/i.test(receiver)) emitCall(ctx, call, call.callee.name, guessed, undefined, true);
      continue;
    }
    recognizeUrllib(ctx, call);
  }
}

function emitCall(ctx: RecognizeContext, call: CallExpr, verb: string, client: string, instance: Instance | undefined, mustBeAbsolute = false): void {
  const { folder } = ctx;
  const args = positional(call.args);
  const methodArg = verb === 'request' || verb === 'stream' ? namedArg(call.args, 'method') ?? args.shift() : undefined;
  const urlExpr = namedArg(call.args, 'url') ?? args[0];
  if (!urlExpr) return;
  folder.names.clear();
  const url = folder.value(urlExpr);
  // A test client (`app.test_client()`, `TestClient(app)`) posts to the app's own relative routes: not an outgoing request.
  if (mustBeAbsolute && url[0]?.kind === 'text' && !/^[a-z]+:\/\//i.test(url[0].text)) return;
  const names = [...folder.names];
  ctx.facts.request({
    node: call,
    client,
    method: methodArg ? literalText(methodArg) : verb === 'request' ? undefined : verb,
    url,
    base: instance?.base,
    body: bodyFromKwargs(ctx, call),
    headers: mergeHeaders(instance?.headers, headersOf(folder, namedArg(call.args, 'headers'))),
    names,
  });
}

function bodyFromKwargs(ctx: RecognizeContext, call: CallExpr): Body | undefined {
  const json = namedArg(call.args, 'json');
  if (json) return bodyOf(ctx.folder, json, 'json') ?? { encoding: 'json', fields: {} };
  const data = namedArg(call.args, 'data', 'content');
  if (data) return bodyOf(ctx.folder, data, 'form') ?? { encoding: 'unknown', fields: {} };
  return undefined;
}

/** `urllib.request.Request(url, data=urlencode({...}), headers=...)` and `urlopen(url, data)`. */
function recognizeUrllib(ctx: RecognizeContext, call: CallExpr): void {
  const { program, folder } = ctx;
  const callee = dottedName(call.callee) ?? '';
  const isRequest = /^(?:urllib\.request\.|request\.|urllib2\.)Request$/.test(callee) || (callee === 'Request' && /\burllib/.test(program.text));
  const isUrlopen = /^(?:urllib\.request\.|request\.|urllib2\.)?urlopen$/.test(callee);
  if (!isRequest && !isUrlopen) return;
  const args = positional(call.args);
  const urlExpr = namedArg(call.args, 'url') ?? args[0];
  if (!urlExpr) return;
  const resolved = folder.resolve(urlExpr);
  if (isUrlopen && resolved.k === 'call' && /Request$/.test(dottedName(resolved.callee) ?? '')) return;
  const data: Expr | undefined = namedArg(call.args, 'data') ?? args[1];
  const method = literalText(namedArg(call.args, 'method')) ?? (data ? 'POST' : 'GET');
  folder.names.clear();
  const url = folder.value(urlExpr);
  ctx.facts.request({
    node: call,
    client: 'urllib',
    method,
    url,
    body: data ? bodyOf(folder, data, 'form') ?? { encoding: 'unknown', fields: {} } : undefined,
    headers: isRequest ? headersOf(folder, namedArg(call.args, 'headers') ?? args[2]) : undefined,
    names: [...folder.names],
  });
}
