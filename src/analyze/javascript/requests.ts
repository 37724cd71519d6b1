/**
 * HTTP client call recognizers: which calls are outgoing requests, with which client, method,
 * URL, base, body and headers. One function per client family; all return a RequestDraft that
 * `analyze-script.ts` completes with consumers, context and evidence.
 */
import { ts, type TS } from './typescript.js';
import type { SymbolicValue } from '../../facts/types.js';
import { type FoldNotes, fold, knownText, textOf } from './fold.js';
import { type Instance, type InstanceRegistry, enclosingClass, instanceOf } from './instances.js';
import { type Body, bodyOf, configProperty, encodingFromHeaders, headersOf, resolveObject } from './payload.js';
import { moduleOf, referencesTo, resolve, scopeOf } from './scope.js';
import { accessChain, propertyNameText, unwrap } from './source.js';

export interface RequestDraft {
  /** The node the finding points at (the call, or the top of a superagent chain). */
  node: TS.Expression;
  client: string;
  method?: string;
  url: SymbolicValue;
  base?: SymbolicValue;
  instance?: { name: string; from?: string };
  body?: Body;
  headers?: Record<string, SymbolicValue>;
  notes: FoldNotes;
  /** Raw expressions credentials may come from (body values), for the interactive check. */
  valueExprs: TS.Expression[];
  /** The instance whose base/headers the request inherits (for evidence that says where). */
  via?: Instance;
  /** Where the response is read when it is not the call's value (XHR: `JSON.parse(xhr.responseText)`). */
  responseReads?: TS.Expression[];
}

export const HTTP_METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'head', 'options']);

const FETCH_MODULES = new Set(['node-fetch', 'cross-fetch', 'isomorphic-fetch', 'isomorphic-unfetch', 'unfetch', 'make-fetch-happen', '@whatwg-node/fetch']);
const REQUEST_MODULES = new Set(['request', 'request-promise', 'request-promise-native', 'postman-request']);
const NODE_HTTP_MODULES = new Set(['http', 'https', 'node:http', 'node:https']);
const SELF_TEST_MODULES = new Set(['supertest', 'supertest-session', 'chai-http', 'light-my-request', 'superwstest']);
/** Receiver names that are HTTP clients even when we cannot see where they come from. */
const CLIENTISH_RECEIVER = /^(?:\$?axios\w*|\$?http|https?Client|\w*(?:Api|API|Client|Http|HTTP)|api|client|http|instance|fetcher|request(?:er)?|\$api|httpService|axiosInstance)$/;

/** Is this call a test of the app's own routes (supertest `request(app).post`, `app.inject`)? */
export function isSelfTestCall(call: TS.CallExpression): boolean {
  const callee = unwrap(call.expression);
  if (!ts.isPropertyAccessExpression(callee)) return false;
  if (callee.name.text === 'inject') return true;
  if (!HTTP_METHODS.has(callee.name.text)) return false;
  // request(app).post(...), supertest(app).post, chai.request(app).post, agent.post where agent = request.agent(app)
  let recv = unwrap(callee.expression);
  if (ts.isIdentifier(recv)) {
    const d = resolve(recv);
    if (d?.kind === 'var' && d.init) recv = unwrap(d.init);
  }
  if (!ts.isCallExpression(recv)) return false;
  const { root, members } = accessChain(recv.expression);
  if (ts.isIdentifier(root)) {
    const mod = moduleOf(root);
    if (mod && SELF_TEST_MODULES.has(mod.from)) return true;
    if (mod?.from === 'chai' || (root.text === 'chai' && members[0] === 'request')) return true;
    const arg = recv.arguments[0] && unwrap(recv.arguments[0]);
    // request(app) / supertest(server): an app object rather than a URL string
    if (!mod && /^(request|supertest|agent)$/.test(root.text) && arg && !ts.isStringLiteralLike(arg) && !ts.isTemplateExpression(arg)) return true;
  }
  return false;
}

/** Recognise an outgoing request at a call expression. */
export function recognizeRequest(call: TS.CallExpression, reg: InstanceRegistry): RequestDraft | undefined {
  const callee = unwrap(call.expression);
  const args = call.arguments.filter((a) => !ts.isSpreadElement(a));
  const { root, members } = accessChain(callee);
  const method = members[members.length - 1];

  // Instances created in this file: api.post(...), this.client.get(...), api(...)
  if (members.length <= 2) {
    const receiver = members.length === 0 ? root : ts.isPropertyAccessExpression(callee) ? callee.expression : undefined;
    const inst = receiver ? instanceOf(reg, receiver) : undefined;
    if (inst) {
      if (members.length === 0) return byLibrary(inst.library, call, undefined, args, inst);
      if (method && (HTTP_METHODS.has(method) || method === 'request' || /^(post|put|patch)Form$/.test(method)))
        return byLibrary(inst.library, call, method, args, inst);
      return undefined;
    }
  }

  if (ts.isIdentifier(root)) {
    const mod = moduleOf(root);
    const global = !mod && !resolve(root);
    const from = mod?.from;
    if (from && SELF_TEST_MODULES.has(from)) return undefined;
    // fetch / node-fetch / undici
    if (members.length === 0 && ((global && root.text === 'fetch') || (from && FETCH_MODULES.has(from))))
      return fetchStyle(call, 'fetch', args[0], args[1]);
    if (from === 'undici' || (global && root.text === 'undici')) {
      const imported = members.length ? members[members.length - 1]! : mod?.imported;
      if (imported === 'fetch') return fetchStyle(call, 'undici', args[0], args[1]);
      if (imported === 'request') return fetchStyle(call, 'undici', args[0], args[1]);
      return undefined;
    }
    if (['window', 'globalThis', 'self'].includes(root.text) && global && members.length === 1 && method === 'fetch')
      return fetchStyle(call, 'fetch', args[0], args[1]);
    // axios (imported, required, or the browser global)
    if (from === 'axios' || (global && root.text === 'axios')) {
      if (members.length > 1) return undefined;
      if (members.length === 1 && !(HTTP_METHODS.has(method!) || method === 'request' || /^(post|put|patch)Form$/.test(method!))) return undefined;
      return axiosStyle(call, 'axios', members[0], args, reg.defaults.get('axios'));
    }
    if (from === 'got') {
      if (members.length === 0 || (members.length === 1 && HTTP_METHODS.has(method!))) return gotStyle(call, 'got', members[0], args);
      return undefined;
    }
    if (from === 'ky' || from === 'ky-universal') {
      if (members.length === 0 || (members.length === 1 && HTTP_METHODS.has(method!))) return gotStyle(call, 'ky', members[0], args);
      return undefined;
    }
    if (from === 'superagent') {
      if (members.length === 0 && args.length >= 2) return superagentStyle(call, fold(args[0]!), args[1]!);
      if (members.length === 1 && (HTTP_METHODS.has(method!) || method === 'del')) return superagentStyle(call, [{ kind: 'text', text: method === 'del' ? 'DELETE' : method!.toUpperCase() }], args[0]);
      return undefined;
    }
    if (from && REQUEST_MODULES.has(from)) {
      if (members.length === 0 || (members.length === 1 && (HTTP_METHODS.has(method!) || method === 'del'))) return requestStyle(call, members[0], args);
      return undefined;
    }
    if (from && NODE_HTTP_MODULES.has(from)) {
      const fn = members.length ? members[members.length - 1] : mod?.imported;
      if (members.length <= 1 && (fn === 'request' || fn === 'get')) return nodeHttpStyle(call, from, fn, args);
      return undefined;
    }
    if ((global && (root.text === '$' || root.text === 'jQuery')) || from === 'jquery') {
      if (members.length === 1 && ['ajax', 'post', 'get', 'getJSON'].includes(method!)) return jqueryStyle(call, method!, args);
      return undefined;
    }
  }

  // XMLHttpRequest: xhr.open(method, url)
  if (method === 'open' && members.length === 1 && args.length >= 2 && ts.isIdentifier(root)) {
    const d = resolve(root);
    const init = d?.kind === 'var' && d.init ? unwrap(d.init) : undefined;
    if (init && ts.isNewExpression(init) && ts.isIdentifier(init.expression) && init.expression.text === 'XMLHttpRequest') return xhrStyle(call, root, args);
  }

  // this.http.post (Angular HttpClient), this.httpService.post / .axiosRef.post (NestJS HttpService)
  if (method && (HTTP_METHODS.has(method) || method === 'request') && members.length >= 2) {
    const receiverMembers = members.slice(0, -1);
    const typed = typedReceiver(root, receiverMembers, callee);
    if (typed === 'angular') return angularStyle(call, method, args);
    if (typed === 'nest') return axiosStyle(call, 'nest', method, args);
    if (typed === 'axios') return axiosStyle(call, 'axios', method, args, undefined, { name: [rootName(root), ...receiverMembers].join('.') });
  }

  // Instances defined elsewhere or of unknown origin: api.post('/x', body) where api is imported or clearly a client.
  if (method && (HTTP_METHODS.has(method) || method === 'request') && members.length >= 1 && members.length <= 3) {
    const receiverMembers = members.slice(0, -1);
    const receiverName = receiverMembers.length ? receiverMembers[receiverMembers.length - 1]! : rootName(root);
    if (!receiverName) return undefined;
    const mod = ts.isIdentifier(root) ? moduleOf(root) : undefined;
    const imported = mod && (mod.from.startsWith('.') || mod.from.startsWith('@/') || mod.from.startsWith('~/') || mod.from.startsWith('src/'));
    if (mod && !imported) return undefined;
    if (!imported && !CLIENTISH_RECEIVER.test(receiverName)) return undefined;
    if (method === 'get' && args.length === 0) return undefined;
    const urlValue = args[0] ? fold(args[0]) : [];
    if (!looksLikeUrl(urlValue) && !imported) return undefined;
    if (imported && !looksLikeUrl(urlValue) && !CLIENTISH_RECEIVER.test(receiverName)) return undefined;
    const name = [rootName(root), ...receiverMembers].filter(Boolean).join('.');
    const nuxtAxios = receiverName === '$axios';
    return axiosStyle(call, nuxtAxios ? 'axios' : 'unknown', method, args, undefined, { name, ...(imported ? { from: mod!.from } : {}) });
  }
  return undefined;
}

function rootName(root: TS.Expression): string {
  if (ts.isIdentifier(root)) return root.text;
  if (root.kind === ts.SyntaxKind.ThisKeyword) return 'this';
  return '';
}

/** A first argument that plausibly is a URL or path (not `cache.get('key')`). */
function looksLikeUrl(value: SymbolicValue): boolean {
  const first = value[0];
  if (!first) return false;
  if (first.kind === 'env' || (first.kind === 'ref' && first.from)) return true;
  const t = knownText(value);
  return /^\s*(?:\/|https?:\/\/|\w[\w.-]*\/)/i.test(t) || /\/(?:auth|api|v\d|identity|oauth|token|login|signin)\b/i.test(t);
}

/** The library a `this.x` receiver is typed or injected as: HttpClient, HttpService, AxiosInstance. */
function typedReceiver(root: TS.Expression, members: string[], at: TS.Node): 'angular' | 'nest' | 'axios' | undefined {
  let typeText: string | undefined;
  if (root.kind === ts.SyntaxKind.ThisKeyword && members.length >= 1) {
    const cls = enclosingClass(at);
    if (!cls) return undefined;
    const name = members[0]!;
    for (const m of cls.members) {
      if (ts.isPropertyDeclaration(m) && propertyNameText(m.name) === name) typeText = m.type?.getText() ?? m.initializer?.getText();
      if (ts.isConstructorDeclaration(m))
        for (const p of m.parameters) if (ts.isIdentifier(p.name) && p.name.text === name) typeText = p.type?.getText();
    }
    if (members.length === 2 && members[1] === 'axiosRef' && typeText && /HttpService/.test(typeText)) return 'nest';
    if (members.length !== 1) return undefined;
  } else if (ts.isIdentifier(root) && members.length === 0) {
    const d = resolve(root);
    if (d?.kind === 'var') typeText = d.declaration.type?.getText() ?? d.init?.getText();
    if (d?.kind === 'param') typeText = d.fn.parameters[d.index]?.type?.getText();
  } else return undefined;
  if (!typeText) return undefined;
  if (/\bHttpClient\b/.test(typeText)) return 'angular';
  if (/\bHttpService\b/.test(typeText)) return 'nest';
  if (/\bAxios(?:Instance|Static)\b/.test(typeText)) return 'axios';
  return undefined;
}

function upper(value: TS.Expression | undefined, notes: FoldNotes): string | undefined {
  if (!value) return undefined;
  const t = textOf(fold(value, notes));
  return t ? t.toUpperCase() : undefined;
}

function mergeHeaders(...sets: Array<Record<string, SymbolicValue> | undefined>): Record<string, SymbolicValue> | undefined {
  const out: Record<string, SymbolicValue> = {};
  for (const s of sets) if (s) Object.assign(out, s);
  return Object.keys(out).length ? out : undefined;
}

function isConfigObject(expr: TS.Expression | undefined): boolean {
  return !!expr && !!resolveObject(expr);
}

function valueExprsOf(body: TS.Expression | undefined): TS.Expression[] {
  if (!body) return [];
  const out: TS.Expression[] = [body];
  const obj = resolveObject(body);
  if (obj) for (const p of obj.properties) if (ts.isPropertyAssignment(p)) out.push(p.initializer);
  else if (ts.isShorthandPropertyAssignment(p)) out.push(p.name);
  const e = unwrap(body);
  if (ts.isCallExpression(e) || ts.isNewExpression(e)) for (const a of e.arguments ?? []) out.push(...valueExprsOf(a));
  return out;
}

function byLibrary(library: string, call: TS.CallExpression, method: string | undefined, args: TS.Expression[], inst: Instance): RequestDraft {
  const instance = { name: inst.name };
  if (library === 'got' || library === 'ky') return gotStyle(call, library, method, args, inst);
  if (library === 'request') return requestStyle(call, method, args, inst);
  return axiosStyle(call, library, method, args, inst, instance);
}

/** axios(cfg), axios(url, cfg), axios.get(url, cfg), axios.post(url, data, cfg), instance calls, Nest HttpService. */
function axiosStyle(
  call: TS.CallExpression,
  client: string,
  member: string | undefined,
  args: TS.Expression[],
  inst?: Instance,
  instance?: { name: string; from?: string },
): RequestDraft {
  const notes: FoldNotes = { envDefaults: [] };
  let urlExpr: TS.Expression | undefined;
  let dataExpr: TS.Expression | undefined;
  let cfg: TS.Expression | undefined;
  let method: string | undefined;
  if (!member || member === 'request') {
    if (args[0] && !isConfigObject(args[0])) [urlExpr, cfg] = [args[0], args[1]];
    else cfg = args[0];
    urlExpr ??= configProperty(cfg, 'url');
    dataExpr = configProperty(cfg, 'data');
    method = upper(configProperty(cfg, 'method'), notes) ?? (resolveObject(cfg) ? 'GET' : undefined);
  } else if (/^(post|put|patch)(Form)?$/.test(member)) {
    [urlExpr, dataExpr, cfg] = [args[0], args[1], args[2]];
    method = member.replace(/Form$/, '').toUpperCase();
  } else {
    [urlExpr, cfg] = [args[0], args[1]];
    dataExpr = configProperty(cfg, 'data');
    method = member.toUpperCase();
  }
  const baseExpr = configProperty(cfg, 'baseURL');
  const headers = mergeHeaders(inst?.headers, headersOf(configProperty(cfg, 'headers'), notes));
  const hint = member?.endsWith('Form') ? 'multipart' : encodingFromHeaders(headers);
  return {
    node: call,
    client,
    method,
    url: urlExpr ? fold(urlExpr, notes) : [],
    base: baseExpr ? fold(baseExpr, notes) : inst?.base,
    ...(instance && !inst?.isDefaults ? { instance } : {}),
    body: bodyOf(dataExpr, hint, notes),
    headers,
    notes,
    valueExprs: valueExprsOf(dataExpr),
    ...(inst ? { via: inst } : {}),
  };
}

/** fetch(url, init) / undici.request(url, opts): url may be `new URL(path, base)` or a `Request`. */
function fetchStyle(call: TS.CallExpression, client: string, urlArg: TS.Expression | undefined, init: TS.Expression | undefined): RequestDraft {
  const notes: FoldNotes = { envDefaults: [] };
  let urlExpr = urlArg && unwrap(urlArg);
  let base: SymbolicValue | undefined;
  if (urlExpr && ts.isIdentifier(urlExpr)) {
    const d = resolve(urlExpr);
    const i = d?.kind === 'var' && d.path.length === 0 && d.init ? unwrap(d.init) : undefined;
    if (i && ts.isNewExpression(i)) urlExpr = i;
  }
  if (urlExpr && ts.isNewExpression(urlExpr) && ts.isIdentifier(urlExpr.expression)) {
    const ctor = urlExpr.expression.text;
    if (ctor === 'URL' && urlExpr.arguments?.length === 2) {
      base = fold(urlExpr.arguments[1]!, notes);
      urlExpr = urlExpr.arguments[0];
    } else if (ctor === 'Request' && urlExpr.arguments?.length) {
      init ??= urlExpr.arguments[1];
      urlExpr = urlExpr.arguments[0];
    }
  }
  const headers = headersOf(configProperty(init, 'headers'), notes);
  const bodyExpr = configProperty(init, 'body');
  return {
    node: call,
    client,
    method: upper(configProperty(init, 'method'), notes) ?? 'GET',
    url: urlExpr ? fold(urlExpr, notes) : [],
    base,
    body: bodyOf(bodyExpr, encodingFromHeaders(headers), notes),
    headers,
    notes,
    valueExprs: valueExprsOf(bodyExpr),
  };
}

/** got(url, opts) / got.post(url, { json, form, body, headers, prefixUrl }) and ky alike. */
function gotStyle(call: TS.CallExpression, client: string, member: string | undefined, args: TS.Expression[], inst?: Instance): RequestDraft {
  const notes: FoldNotes = { envDefaults: [] };
  let urlExpr: TS.Expression | undefined = args[0];
  let opts = args[1];
  if (urlExpr && isConfigObject(urlExpr)) [opts, urlExpr] = [urlExpr, configProperty(urlExpr, 'url')];
  const json = configProperty(opts, 'json');
  const form = configProperty(opts, 'form');
  const bodyExpr = configProperty(opts, 'body');
  const headers = mergeHeaders(inst?.headers, headersOf(configProperty(opts, 'headers'), notes));
  const baseExpr = configProperty(opts, 'prefixUrl');
  const body = json ? bodyOf(json, 'json', notes) : form ? bodyOf(form, 'form', notes) : bodyOf(bodyExpr, encodingFromHeaders(headers), notes);
  return {
    node: call,
    client,
    method: member && member !== 'stream' ? member.toUpperCase() : (upper(configProperty(opts, 'method'), notes) ?? 'GET'),
    url: urlExpr ? fold(urlExpr, notes) : [],
    base: baseExpr ? fold(baseExpr, notes) : inst?.base,
    ...(inst ? { instance: { name: inst.name } } : {}),
    body,
    headers,
    notes,
    valueExprs: valueExprsOf(json ?? form ?? bodyExpr),
    ...(inst ? { via: inst } : {}),
  };
}

/** request(opts|url, cb) / request.post(...) / rp(opts): uri|url, method, form, json, body, headers, baseUrl. */
function requestStyle(call: TS.CallExpression, member: string | undefined, args: TS.Expression[], inst?: Instance): RequestDraft {
  const notes: FoldNotes = { envDefaults: [] };
  let urlExpr: TS.Expression | undefined;
  let opts: TS.Expression | undefined;
  if (args[0] && isConfigObject(args[0])) opts = args[0];
  else [urlExpr, opts] = [args[0], isConfigObject(args[1]) ? args[1] : undefined];
  urlExpr ??= configProperty(opts, 'uri', 'url');
  const form = configProperty(opts, 'form');
  const json = configProperty(opts, 'json');
  const bodyExpr = configProperty(opts, 'body');
  const jsonObject = json && resolveObject(json) ? json : undefined;
  const headers = mergeHeaders(inst?.headers, headersOf(configProperty(opts, 'headers'), notes));
  const body = form
    ? bodyOf(form, 'form', notes)
    : jsonObject
      ? bodyOf(jsonObject, 'json', notes)
      : bodyOf(bodyExpr, json ? 'json' : encodingFromHeaders(headers), notes);
  const baseExpr = configProperty(opts, 'baseUrl');
  return {
    node: call,
    client: 'request',
    method: member ? (member === 'del' ? 'DELETE' : member.toUpperCase()) : (upper(configProperty(opts, 'method'), notes) ?? 'GET'),
    url: urlExpr ? fold(urlExpr, notes) : [],
    base: baseExpr ? fold(baseExpr, notes) : inst?.base,
    ...(inst ? { instance: { name: inst.name } } : {}),
    body,
    headers,
    notes,
    valueExprs: valueExprsOf(form ?? jsonObject ?? bodyExpr),
    ...(inst ? { via: inst } : {}),
  };
}

/** superagent.post(url).send(body).set('Authorization', v).type('form'): the chain above the call. */
function superagentStyle(call: TS.CallExpression, methodValue: SymbolicValue, urlExpr: TS.Expression | undefined): RequestDraft {
  const notes: FoldNotes = { envDefaults: [] };
  let top: TS.Expression = call;
  let bodyExpr: TS.Expression | undefined;
  let type: string | undefined;
  const headers: Record<string, SymbolicValue> = {};
  const fields: Record<string, SymbolicValue> = {};
  for (;;) {
    const access = top.parent;
    if (!ts.isPropertyAccessExpression(access) || access.expression !== top) break;
    const next = access.parent;
    if (!ts.isCallExpression(next) || next.expression !== access) break;
    const name = access.name.text;
    if (['then', 'end', 'catch', 'finally', 'pipe'].includes(name)) break;
    const [a, b] = next.arguments;
    if (name === 'send' && a) bodyExpr = a;
    else if (name === 'set' && a && b && ts.isStringLiteralLike(unwrap(a))) headers[(unwrap(a) as TS.StringLiteralLike).text.toLowerCase()] = fold(b, notes);
    else if (name === 'set' && a && !b) Object.assign(headers, headersOf(a, notes) ?? {});
    else if (name === 'type' && a) type = textOf(fold(a));
    else if ((name === 'field' || name === 'attach') && a && b && ts.isStringLiteralLike(unwrap(a))) fields[(unwrap(a) as TS.StringLiteralLike).text] = fold(b, notes);
    top = next;
  }
  const formType = type && /form|urlencoded/.test(type) ? 'form' : undefined;
  let body = bodyOf(bodyExpr, formType ?? encodingFromHeaders(headers) ?? 'json', notes);
  if (Object.keys(fields).length) body = { encoding: 'multipart', fields: { ...(body?.fields ?? {}), ...fields } };
  return {
    node: top,
    client: 'superagent',
    method: textOf(methodValue)?.toUpperCase(),
    url: urlExpr ? fold(urlExpr, notes) : [],
    body,
    headers: Object.keys(headers).length ? headers : undefined,
    notes,
    valueExprs: valueExprsOf(bodyExpr),
  };
}

/** $.ajax({ url, type|method, data, headers, contentType }), $.ajax(url, opts), $.post(url, data), $.get(url). */
function jqueryStyle(call: TS.CallExpression, member: string, args: TS.Expression[]): RequestDraft {
  const notes: FoldNotes = { envDefaults: [] };
  let urlExpr: TS.Expression | undefined;
  let opts: TS.Expression | undefined;
  let dataExpr: TS.Expression | undefined;
  let method: string | undefined;
  if (member === 'ajax') {
    if (args[0] && isConfigObject(args[0])) opts = args[0];
    else [urlExpr, opts] = [args[0], args[1]];
    urlExpr ??= configProperty(opts, 'url');
    dataExpr = configProperty(opts, 'data');
    method = upper(configProperty(opts, 'type', 'method'), notes) ?? 'GET';
  } else {
    if (args[0] && isConfigObject(args[0])) {
      opts = args[0];
      urlExpr = configProperty(opts, 'url');
      dataExpr = configProperty(opts, 'data');
    } else [urlExpr, dataExpr] = [args[0], args[1] && !ts.isFunctionLike(unwrap(args[1])) ? args[1] : undefined];
    method = member === 'post' ? 'POST' : 'GET';
  }
  const headers = headersOf(configProperty(opts, 'headers'), notes);
  const ct = configProperty(opts, 'contentType');
  const jsonType = ct && /json/i.test(knownText(fold(ct)));
  // jQuery form-encodes plain objects unless told otherwise.
  return {
    node: call,
    client: 'jquery',
    method,
    url: urlExpr ? fold(urlExpr, notes) : [],
    body: bodyOf(dataExpr, jsonType ? 'json' : 'form', notes),
    headers,
    notes,
    valueExprs: valueExprsOf(dataExpr),
  };
}

/** Angular HttpClient: post(url, body, { headers }), get(url, opts), request(method, url, opts). */
function angularStyle(call: TS.CallExpression, member: string, args: TS.Expression[]): RequestDraft {
  const notes: FoldNotes = { envDefaults: [] };
  let method = member.toUpperCase();
  let urlExpr: TS.Expression | undefined = args[0];
  let bodyExpr: TS.Expression | undefined = args[1];
  let opts: TS.Expression | undefined = args[2];
  if (member === 'request') {
    method = upper(args[0], notes) ?? 'GET';
    [urlExpr, opts] = [args[1], args[2]];
    bodyExpr = configProperty(opts, 'body');
  } else if (!['post', 'put', 'patch'].includes(member)) [bodyExpr, opts] = [undefined, args[1]];
  const headers = headersOf(configProperty(opts, 'headers'), notes);
  return {
    node: call,
    client: 'angular',
    method,
    url: urlExpr ? fold(urlExpr, notes) : [],
    body: bodyOf(bodyExpr, encodingFromHeaders(headers) ?? 'json', notes),
    headers,
    notes,
    valueExprs: valueExprsOf(bodyExpr),
  };
}

/** xhr.open(method, url) with xhr.send(body) and xhr.setRequestHeader(k, v) on the same variable. */
function xhrStyle(call: TS.CallExpression, xhr: TS.Identifier, args: TS.Expression[]): RequestDraft {
  const notes: FoldNotes = { envDefaults: [] };
  const headers: Record<string, SymbolicValue> = {};
  const responseReads: TS.Expression[] = [];
  let bodyExpr: TS.Expression | undefined;
  const decl = resolve(xhr);
  if (decl) {
    for (const ref of referencesTo(decl, scopeOf(decl))) {
      const access = ref.parent;
      if (ts.isPropertyAccessExpression(access) && /^(response|responseText)$/.test(access.name.text)) {
        const parse = access.parent;
        const parsed = ts.isCallExpression(parse) && parse.arguments[0] === access && /JSON\.parse$/.test(parse.expression.getText());
        responseReads.push(parsed ? parse : access);
        continue;
      }
      if (!ts.isPropertyAccessExpression(access) || !ts.isCallExpression(access.parent) || access.parent.expression !== access) continue;
      const [a, b] = access.parent.arguments;
      if (access.name.text === 'send' && a) bodyExpr = a;
      if (access.name.text === 'setRequestHeader' && a && b && ts.isStringLiteralLike(unwrap(a))) headers[(unwrap(a) as TS.StringLiteralLike).text.toLowerCase()] = fold(b, notes);
    }
  }
  const hs = Object.keys(headers).length ? headers : undefined;
  return {
    node: call,
    client: 'xhr',
    method: upper(args[0], notes),
    url: fold(args[1]!, notes),
    body: bodyOf(bodyExpr, encodingFromHeaders(hs), notes),
    headers: hs,
    notes,
    valueExprs: valueExprsOf(bodyExpr),
    responseReads,
  };
}

/** Node's http/https: request(url | options, [options], cb) / get(...), body from req.write(x) / req.end(x). */
function nodeHttpStyle(call: TS.CallExpression, from: string, fn: string, args: TS.Expression[]): RequestDraft {
  const notes: FoldNotes = { envDefaults: [] };
  let urlExpr: TS.Expression | undefined;
  let opts: TS.Expression | undefined;
  if (args[0] && isConfigObject(args[0])) opts = args[0];
  else [urlExpr, opts] = [args[0], isConfigObject(args[1]) ? args[1] : undefined];
  let url: SymbolicValue = urlExpr ? fold(urlExpr, notes) : [];
  if (!urlExpr && opts) {
    const host = configProperty(opts, 'hostname', 'host');
    const path = configProperty(opts, 'path');
    const protocol = configProperty(opts, 'protocol');
    const scheme: SymbolicValue = protocol ? [...fold(protocol, notes), { kind: 'text', text: '//' }] : [{ kind: 'text', text: from.endsWith('https') ? 'https://' : 'http://' }];
    url = host ? [...scheme, ...fold(host, notes), ...(path ? fold(path, notes) : [])] : path ? fold(path, notes) : [];
  }
  const headers = headersOf(configProperty(opts, 'headers'), notes);
  // const req = https.request(...); req.write(body); req.end()
  let bodyExpr: TS.Expression | undefined;
  const holder = call.parent;
  if (ts.isVariableDeclaration(holder) && ts.isIdentifier(holder.name)) {
    const decl = resolve(holder.name);
    for (const ref of decl ? referencesTo(decl, scopeOf(decl)) : []) {
      const access = ref.parent;
      if (ts.isPropertyAccessExpression(access) && /^(write|end)$/.test(access.name.text) && ts.isCallExpression(access.parent) && access.parent.arguments[0]) bodyExpr ??= access.parent.arguments[0];
    }
  }
  return {
    node: call,
    client: 'node-http',
    method: fn === 'get' ? 'GET' : (upper(configProperty(opts, 'method'), notes) ?? 'GET'),
    url,
    body: bodyOf(bodyExpr, encodingFromHeaders(headers), notes),
    headers,
    notes,
    valueExprs: valueExprsOf(bodyExpr),
  };
}
