/** Postman collections (v2.0/v2.1) and environments: requests, auth, scripts, variables. */
import type { Evidence, Fact } from '../../facts/types.js';
import { configEntryFacts } from '../config/config-entries.js';
import { child, entryOf, itemsOf, textOf, type DocContext, type TreeNode } from '../config/structured-tree.js';
import { isTemplatePath } from '../config/value-kind.js';
import { bodyTextFields, locateValue, located, requestFacts, type Located, type RequestDraft } from './request-facts.js';
import { scriptHolders, scriptSigninDrafts } from './postman-scripts.js';
import { scriptSetVariables, storedToken } from './script-tokens.js';
import { templateParts, type Variables } from './value-parts.js';


/** A Postman collection: `info.schema` on getpostman.com, or `info` + `item` array. */
export function isPostmanCollection(doc: TreeNode): boolean {
  const info = child(doc, 'info');
  const schema = textOf(child(info, 'schema')) ?? '';
  return /getpostman\.com\/json\/collection/i.test(schema) || (info !== undefined && child(doc, 'item')?.type === 'array');
}

/** A Postman environment or globals export: `values` array of `{key, value}` and a Postman scope marker or name. */
export function isPostmanEnvironment(doc: TreeNode): boolean {
  const values = child(doc, 'values');
  if (values?.type !== 'array') return false;
  return child(doc, '_postman_variable_scope') !== undefined || (child(doc, 'name') !== undefined && itemsOf(values).every((v) => child(v, 'key') !== undefined));
}

/** Facts of a Postman collection. */
export function postmanCollectionFacts(doc: TreeNode, ctx: DocContext): Fact[] {
  const vars = keyValueVariables(child(doc, 'variable'));
  const name = textOf(child(child(doc, 'info'), 'name')) ?? '';
  const tied = /axept/i.test(name) || [...vars.values()].some((v) => /axept/i.test(v)) || /axept/i.test(ctx.path);
  const evidence: Evidence[] = /axept/i.test(name) ? [{ weight: 'strong', text: `Postman collection "${name}"` }] : [];
  const facts: Fact[] = [...variableFacts(child(doc, 'variable'), ctx, tied, 'postman-collection')];
  const dynamic = new Set<string>();
  for (const script of eventScripts(doc)) for (const name of scriptSetVariables(script)) dynamic.add(name);
  walkItems(child(doc, 'item'), child(doc, 'auth'), (item) => {
    for (const script of eventScripts(item)) for (const name of scriptSetVariables(script)) dynamic.add(name);
  });
  walkItems(child(doc, 'item'), child(doc, 'auth'), (item, auth) => {
    const draft = postmanRequest(item, auth, vars, dynamic, ctx);
    if (!draft) return;
    draft.draft.evidence = evidence;
    facts.push(...requestFacts(draft.draft, { index: ctx.index, parts: (s) => templateParts(s, vars, dynamic), fallback: draft.fallback }));
  });
  const parts = (s: string) => templateParts(s, vars, dynamic);
  for (const holder of scriptHolders(doc)) {
    for (const { draft, fallback } of scriptSigninDrafts(holder, ctx, parts)) facts.push(...requestFacts({ ...draft, evidence }, { index: ctx.index, parts, fallback }));
  }
  return facts;
}

/** Facts of a Postman environment: credential keys and literal secrets, never their values. */
export function postmanEnvironmentFacts(doc: TreeNode, ctx: DocContext): Fact[] {
  const name = textOf(child(doc, 'name')) ?? '';
  const values = child(doc, 'values');
  const tied = /axept/i.test(name) || /axept/i.test(ctx.path) || itemsOf(values).some((v) => /axept/i.test(textOf(child(v, 'value')) ?? ''));
  return variableFacts(values, ctx, tied, 'postman-environment');
}

/** `[{key, value}]` arrays (collection `variable`, environment `values`) as a map for `{{var}}` resolution. */
function keyValueVariables(node: TreeNode | undefined): Map<string, string> {
  const vars = new Map<string, string>();
  for (const v of itemsOf(node)) {
    const key = textOf(child(v, 'key'));
    const value = textOf(child(v, 'value'));
    if (key && value !== undefined && textOf(child(v, 'disabled')) !== 'true') vars.set(key, value);
  }
  return vars;
}

function variableFacts(node: TreeNode | undefined, ctx: DocContext, tied: boolean, format: string): Fact[] {
  const facts: Fact[] = [];
  for (const v of itemsOf(node)) {
    const keyEntry = entryOf(v, 'key');
    const key = textOf(keyEntry?.value);
    if (!keyEntry || !key) continue;
    const valueNode = child(v, 'value');
    const end = valueNode ? Math.max(valueNode.end, keyEntry.value.end) : keyEntry.value.end;
    facts.push(
      ...configEntryFacts({
        keyPath: key,
        span: ctx.index.firstLineSpan(keyEntry.keyStart, end),
        value: textOf(valueNode) ?? null,
        valueSpan: valueNode?.type === 'scalar' ? ctx.index.span(valueNode.valueStart, valueNode.valueEnd) : undefined,
        format,
        template: isTemplatePath(ctx.path),
        axeptioContext: tied,
      }),
    );
  }
  return facts;
}

/** Visit request items depth-first with the auth they inherit (item > folder > collection). */
function walkItems(items: TreeNode | undefined, inherited: TreeNode | undefined, visit: (item: TreeNode, auth: TreeNode | undefined) => void): void {
  for (const item of itemsOf(items)) {
    const own = child(item, 'auth') ?? (item.type === 'object' ? child(child(item, 'request'), 'auth') : undefined);
    const auth = own && textOf(child(own, 'type')) !== 'inherit' ? own : inherited;
    if (child(item, 'request')) visit(item, auth);
    if (child(item, 'item')) walkItems(child(item, 'item'), auth, visit);
  }
}

function postmanRequest(
  item: TreeNode,
  auth: TreeNode | undefined,
  vars: Variables,
  dynamic: ReadonlySet<string>,
  ctx: DocContext,
): { draft: RequestDraft; fallback?: { start: number; end: number } } | undefined {
  const requestEntry = entryOf(item, 'request')!;
  const request = requestEntry.value;
  const urlEntry = request.type === 'scalar' ? requestEntry : entryOf(request, 'url');
  const urlNode = urlEntry?.value;
  const rawEntry = urlNode?.type === 'object' ? entryOf(urlNode, 'raw') : undefined;
  const anchor = rawEntry ?? urlEntry ?? requestEntry;
  const rawUrl = textOf(rawEntry?.value) ?? textOf(urlNode) ?? urlFromParts(urlNode);
  const draft: RequestDraft = {
    client: 'postman',
    rewritable: true,
    method: textOf(child(request, 'method')) ?? 'GET',
    url: templateParts(rawUrl ?? '', vars, dynamic),
    span: ctx.index.span(anchor.keyStart, anchor.value.end),
  };
  const { body, fallback } = postmanBody(child(request, 'body'), ctx);
  if (body) draft.body = body;
  const headers = itemsOf(child(request, 'header'))
    .filter((h) => textOf(child(h, 'disabled')) !== 'true')
    .map((h) => ({ name: textOf(child(h, 'key')) ?? '', ...located(child(h, 'value')) }))
    .filter((h) => h.name);
  const bearer = authHeader(auth);
  if (bearer && !headers.some((h) => h.name.toLowerCase() === 'authorization')) headers.push(bearer);
  if (headers.length) draft.headers = headers;
  for (const script of eventScripts(item)) {
    const stored = storedToken(script);
    if (stored) {
      draft.responseTokenField = stored.field;
      if (!stored.tracksExpiry) draft.tokenCachedWithoutExpiry = true;
    }
  }
  return { draft, fallback };
}

/** `{protocol, host: [..], path: [..]}` URL objects without `raw`. */
function urlFromParts(url: TreeNode | undefined): string | undefined {
  if (url?.type !== 'object') return undefined;
  const protocol = textOf(child(url, 'protocol'));
  const hostNode = child(url, 'host');
  const host = hostNode?.type === 'array' ? hostNode.items.map((h) => textOf(h) ?? '').join('.') : (textOf(hostNode) ?? '');
  const pathNode = child(url, 'path');
  const path = pathNode?.type === 'array' ? pathNode.items.map((p) => textOf(p) ?? '').join('/') : (textOf(pathNode) ?? '');
  return `${protocol ? `${protocol}://` : ''}${host}${path ? `/${path.replace(/^\//, '')}` : ''}`;
}

function postmanBody(body: TreeNode | undefined, ctx: DocContext): { body?: RequestDraft['body']; fallback?: { start: number; end: number } } {
  const mode = textOf(child(body, 'mode'));
  if (mode === 'raw') {
    const raw = child(body, 'raw');
    if (raw?.type !== 'scalar') return {};
    const parsed = bodyTextFields(textOf(raw) ?? '');
    const fields = parsed.fields.map((f) => ({ ...f, ...locateValue(ctx.text, raw.valueStart, raw.valueEnd, f.key, f.value) }));
    return { body: { encoding: parsed.encoding, fields }, fallback: { start: raw.valueStart, end: raw.valueEnd } };
  }
  if (mode === 'urlencoded' || mode === 'formdata') {
    const fields = itemsOf(child(body, mode))
      .filter((f) => textOf(child(f, 'disabled')) !== 'true')
      .map((f) => ({ key: textOf(child(f, 'key')) ?? '', ...located(child(f, 'value')) }))
      .filter((f) => f.key);
    return { body: { encoding: mode === 'urlencoded' ? 'form' : 'multipart', fields } };
  }
  return {};
}

/** `auth: {type: bearer, bearer: [{key: token, value}]}` (v2.1) or `bearer: {token}` (v2.0) as an Authorization header. */
function authHeader(auth: TreeNode | undefined): ({ name: string } & Located) | undefined {
  if (textOf(child(auth, 'type')) !== 'bearer') return undefined;
  const bearer = child(auth, 'bearer');
  const tokenNode = bearer?.type === 'array' ? child(bearer.items.find((b) => textOf(child(b, 'key')) === 'token'), 'value') : child(bearer, 'token');
  if (tokenNode?.type !== 'scalar') return undefined;
  const token = located(tokenNode);
  // The header value is "Bearer <token>": keep the token's own offsets for a secret span.
  return { name: 'Authorization', value: `Bearer ${token.value}`, start: token.start, end: token.end };
}

/** Source of each `event[].script.exec` (array of lines or one string) of an item or collection. */
function eventScripts(node: TreeNode): string[] {
  return itemsOf(child(node, 'event')).map((event) => {
    const exec = child(child(event, 'script'), 'exec');
    return exec?.type === 'array' ? exec.items.map((l) => textOf(l) ?? '').join('\n') : (textOf(exec) ?? '');
  });
}
