/** PHP HTTP clients: Guzzle / Symfony HttpClient, Laravel `Http::`, cURL handles, `file_get_contents` with a stream context, WordPress `wp_remote_*`. */
import type { SymbolicValue } from '../../facts/types.js';
import type { RecognizeContext } from '../lexical/analyzer.js';
import { chainOf, dottedName, literalText, positional, type Expr } from '../lexical/expression.js';
import { bearer, bodyOf, entriesOf, headersOf, lowerKeys, mergeHeaders, parseBodyText, type Body } from '../lexical/payload.js';
import { scopeAt, type CallExpr } from '../lexical/program.js';
import { isRouterReceiver } from './routes.js';

const VERBS = new Set(['get', 'post', 'put', 'patch', 'delete', 'head', 'request', 'getasync', 'postasync', 'requestasync', 'putasync']);

interface Instance {
  client: string;
  base?: SymbolicValue;
  headers?: Record<string, SymbolicValue>;
}

/** Emit RequestFacts for PHP HTTP calls. */
export function recognizePhpRequests(ctx: RecognizeContext): void {
  const { program, folder } = ctx;
  const clientName = /Symfony\\Component\\HttpClient|HttpClient::create/.test(program.text) ? 'symfony_http_client' : 'guzzle';
  const instances = new Map<string, Instance>();
  for (const a of program.assignments) {
    const v = a.value;
    const callee = v.k === 'call' ? dottedName(v.callee) ?? '' : '';
    if (v.k !== 'call' || !(/(?:^|\.)Client$/.test(callee) && v.isNew) && !/HttpClient\.create$/.test(callee)) continue;
    const options = entriesOf(folder, v.args[0]?.value);
    const base = options.get('base_uri') ?? options.get('base_url');
    instances.set(a.target, { client: clientName, base: base ? folder.value(base) : undefined, headers: headersOf(folder, options.get('headers')) });
  }
  for (const call of program.calls) {
    const callee = dottedName(call.callee) ?? '';
    const chain = chainOf(call);
    if (chain && chain[0]?.name === 'Http' && chain.length >= 2) {
      laravelHttp(ctx, call, chain);
      continue;
    }
    if (call.callee.k === 'member' && VERBS.has(call.callee.name.toLowerCase())) {
      const receiver = dottedName(call.callee.obj) ?? '';
      const instance = instances.get(receiver);
      if (!instance && (isRouterReceiver(receiver) || !/client|http|guzzle|api/i.test(receiver))) continue;
      guzzleCall(ctx, call, call.callee.name.toLowerCase().replace(/async$/, ''), instance?.client ?? clientName, instance);
    } else if (/^(?:wp_remote_|wp_safe_remote_)(post|get|request|head)$/.test(callee)) {
      wordpressCall(ctx, call, callee);
    } else if (callee === 'file_get_contents' || callee === 'fopen') {
      fileGetContents(ctx, call);
    }
  }
  curlHandles(ctx);
}

function guzzleCall(ctx: RecognizeContext, call: CallExpr, verb: string, client: string, instance: Instance | undefined): void {
  const { folder } = ctx;
  const args = positional(call.args);
  const method = verb === 'request' ? literalText(args.shift()) : verb;
  if (!args[0]) return;
  folder.names.clear();
  const url = folder.value(args[0]);
  const options = entriesOf(folder, args[1]);
  const auth = options.get('auth');
  ctx.facts.request({
    node: call,
    client,
    method,
    url,
    base: instance?.base,
    body: optionsBody(ctx, options),
    headers: mergeHeaders(instance?.headers, headersOf(folder, options.get('headers')), auth ? { authorization: [{ kind: 'text', text: 'Basic ' }, { kind: 'unknown', text: 'auth' }] } : undefined),
    names: [...folder.names],
  });
}

/** Guzzle/Symfony/WordPress option arrays: json, form_params, body, multipart. */
function optionsBody(ctx: RecognizeContext, options: Map<string, Expr>): Body | undefined {
  const json = options.get('json');
  if (json) return bodyOf(ctx.folder, json, 'json') ?? { encoding: 'json', fields: {} };
  const form = options.get('form_params');
  if (form) return bodyOf(ctx.folder, form, 'form') ?? { encoding: 'form', fields: {} };
  const body = options.get('body') ?? options.get('content');
  if (body) return bodyOf(ctx.folder, body, 'form') ?? { encoding: 'unknown', fields: {} };
  if (options.get('multipart')) return { encoding: 'multipart', fields: {} };
  return undefined;
}

function wordpressCall(ctx: RecognizeContext, call: CallExpr, callee: string): void {
  const { folder } = ctx;
  const args = positional(call.args);
  if (!args[0]) return;
  const options = entriesOf(folder, args[1]);
  const verb = /_(post|get|head)$/.exec(callee)?.[1] ?? literalText(options.get('method')) ?? 'GET';
  folder.names.clear();
  const url = folder.value(args[0]);
  ctx.facts.request({ node: call, client: 'wp_remote_post', method: verb, url, body: optionsBody(ctx, options), headers: headersOf(folder, options.get('headers')), names: [...folder.names] });
}

/** `file_get_contents($url, false, stream_context_create(['http' => ['method' => 'POST', 'content' => …]]))`. */
function fileGetContents(ctx: RecognizeContext, call: CallExpr): void {
  const { folder } = ctx;
  const args = positional(call.args);
  if (!args[0]) return;
  const contextArg = args[call.callee.k === 'id' && call.callee.name === 'fopen' ? 3 : 2];
  const context = contextArg ? folder.resolve(contextArg) : undefined;
  const http = context?.k === 'call' && dottedName(context.callee) === 'stream_context_create' ? entriesOf(folder, entriesOf(folder, context.args[0]?.value).get('http')) : undefined;
  folder.names.clear();
  const url = folder.value(args[0]);
  const first = url[0];
  if (!http && !(first?.kind === 'text' && /^https?:\/\//.test(first.text))) return; // a local file read
  const content = http?.get('content');
  const header = http?.get('header');
  ctx.facts.request({
    node: call,
    client: 'file_get_contents',
    method: literalText(http?.get('method')) ?? 'GET',
    url,
    body: content ? bodyOf(folder, content, 'form') ?? { encoding: 'unknown', fields: {} } : undefined,
    headers: header ? headerLines(folder.value(header)) : undefined,
    names: [...folder.names],
  });
}

/** "Content-Type: x\r\nAuthorization: Bearer …" header strings as a map. */
function headerLines(value: SymbolicValue): Record<string, SymbolicValue> {
  const parsed = parseBodyText(value.map((p) => (p.kind === 'text' ? { ...p, text: p.text.replace(/\r?\n/g, '&').replace(/:\s*/g, '=') } : p)), 'form');
  return lowerKeys(parsed?.fields ?? {});
}

function laravelHttp(ctx: RecognizeContext, call: CallExpr, chain: NonNullable<ReturnType<typeof chainOf>>): void {
  const { folder } = ctx;
  const last = chain[chain.length - 1]!;
  const verb = last.name.toLowerCase();
  if (!['get', 'post', 'put', 'patch', 'delete', 'send'].includes(verb) || last.call !== call) return;
  const args = positional(last.args ?? []);
  const method = verb === 'send' ? literalText(args.shift()) : verb;
  if (!args[0]) return;
  const asForm = chain.some((s) => s.name === 'asForm');
  let base: SymbolicValue | undefined;
  let headers: Record<string, SymbolicValue> | undefined;
  for (const s of chain) {
    const a = positional(s.args ?? []);
    if (s.name === 'baseUrl') base = folder.value(a[0]);
    if (s.name === 'withToken') headers = mergeHeaders(headers, { authorization: bearer(folder, a[0]) });
    if (s.name === 'withHeaders') headers = mergeHeaders(headers, headersOf(folder, a[0]));
    if (s.name === 'withBasicAuth') headers = mergeHeaders(headers, { authorization: [{ kind: 'text', text: 'Basic ' }, { kind: 'unknown', text: 'basic auth' }] });
  }
  folder.names.clear();
  const url = folder.value(args[0]);
  const body = args[1] ? bodyOf(folder, args[1], asForm ? 'form' : 'json') : undefined;
  ctx.facts.request({ node: call, client: 'laravel_http', method, url, base, body, headers, names: [...folder.names] });
}

/** `$ch = curl_init($url)` + `curl_setopt($ch, CURLOPT_…, …)` / `curl_setopt_array`: one request per handle. */
function curlHandles(ctx: RecognizeContext): void {
  const { program, folder } = ctx;
  const handles = new Map<string, { node: CallExpr; options: Map<string, Expr> }>();
  // A handle is a variable within one function: `$ch` in two functions are two requests.
  const handleOf = (variable: string, node: CallExpr) => {
    const name = `${variable}@${scopeAt(program, node.start, 'function')?.start ?? -1}`;
    let h = handles.get(name);
    if (!h) handles.set(name, (h = { node, options: new Map() }));
    return h;
  };
  for (const a of program.assignments) {
    if (a.value.k === 'call' && dottedName(a.value.callee) === 'curl_init') {
      const h = handleOf(a.target, a.value);
      const url = a.value.args[0]?.value;
      if (url) h.options.set('CURLOPT_URL', url);
    }
  }
  for (const call of program.calls) {
    const callee = dottedName(call.callee);
    const handle = dottedName(call.args[0]?.value);
    if (!handle) continue;
    if (callee === 'curl_setopt') {
      const option = dottedName(call.args[1]?.value);
      if (option && call.args[2]) handleOf(handle, call).options.set(option, call.args[2].value);
    } else if (callee === 'curl_setopt_array') {
      for (const [k, v] of entriesOf(folder, call.args[1]?.value)) handleOf(handle, call).options.set(k, v);
    }
  }
  for (const { node, options } of handles.values()) {
    const urlExpr = options.get('CURLOPT_URL');
    if (!urlExpr) continue;
    folder.names.clear();
    const url = folder.value(urlExpr);
    const fields = options.get('CURLOPT_POSTFIELDS');
    const custom = literalText(options.get('CURLOPT_CUSTOMREQUEST'));
    const method = custom ?? (fields || options.get('CURLOPT_POST') ? 'POST' : 'GET');
    const headerList = options.get('CURLOPT_HTTPHEADER');
    const listed = headerList ? folder.resolve(headerList) : undefined;
    const headers: Record<string, SymbolicValue> = {};
    if (listed?.k === 'coll')
      for (const entry of listed.entries) {
        const v = folder.value(entry.value);
        const first = v[0];
        if (first?.kind !== 'text' || !first.text.includes(':')) continue;
        const colon = first.text.indexOf(':');
        headers[first.text.slice(0, colon).trim().toLowerCase()] = [{ kind: 'text' as const, text: first.text.slice(colon + 1).trimStart() }, ...v.slice(1)].filter((p) => p.kind !== 'text' || p.text);
      }
    const userpwd = options.get('CURLOPT_USERPWD');
    if (userpwd) headers.authorization = [{ kind: 'text', text: 'Basic ' }, { kind: 'unknown', text: 'CURLOPT_USERPWD' }];
    const json = /json/i.test(JSON.stringify(headers['content-type'] ?? []));
    ctx.facts.request({ node, client: 'curl_php', method, url, body: fields ? bodyOf(folder, fields, json ? 'json' : 'form') ?? { encoding: 'unknown', fields: {} } : undefined, headers, names: [...folder.names] });
  }
}
