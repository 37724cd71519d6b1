/** Insomnia v4 exports (JSON or YAML): `resources` of `_type: request` and `_type: environment`. */
import type { Fact } from '../../facts/types.js';
import { configEntryFacts } from '../config/config-entries.js';
import { child, entryOf, itemsOf, textOf, type TreeNode, type DocContext } from '../config/structured-tree.js';
import { isTemplatePath } from '../config/value-kind.js';
import { bodyTextFields, locateValue, located, requestFacts, type RequestDraft } from './request-facts.js';
import { templateParts } from './value-parts.js';

/** `_type: export` with a `resources` array (`__export_format` 3/4), or a v5 YAML export (`type: collection.insomnia.rest/5.x`). */
export function isInsomniaExport(doc: TreeNode): boolean {
  if (/^collection\.insomnia\.rest\/5/.test(textOf(child(doc, 'type')) ?? '')) return true;
  return textOf(child(doc, '_type')) === 'export' && child(doc, 'resources')?.type === 'array';
}

/** Facts of an Insomnia export (v4 resources or v5 collection tree). */
export function insomniaFacts(doc: TreeNode, ctx: DocContext): Fact[] {
  const v5 = child(doc, 'resources') === undefined;
  const resources = itemsOf(child(doc, 'resources'));
  const environments = v5 ? v5Environments(child(doc, 'environments')) : resources.filter((r) => textOf(child(r, '_type')) === 'environment').map((r) => child(r, 'data'));
  const requests = v5 ? v5Requests(child(doc, 'collection')) : resources.filter((r) => textOf(child(r, '_type')) === 'request');
  const vars = new Map<string, string>();
  const facts: Fact[] = [];
  const tied = /axept/i.test(ctx.text) || /axept/i.test(ctx.path);
  for (const data of environments) {
    if (data?.type !== 'object') continue;
    for (const e of data.entries) {
      const value = textOf(e.value);
      if (value !== undefined) vars.set(e.key, value);
      facts.push(
        ...configEntryFacts({
          keyPath: e.key,
          span: ctx.index.firstLineSpan(e.keyStart, e.value.end),
          value: value ?? null,
          valueSpan: e.value.type === 'scalar' ? ctx.index.span(e.value.valueStart, e.value.valueEnd) : undefined,
          format: 'insomnia-environment',
          template: isTemplatePath(ctx.path),
          axeptioContext: tied,
        }),
      );
    }
  }
  const tokenFields = responseTagFields(ctx.text);
  for (const r of requests) {
    const urlEntry = entryOf(r, 'url');
    if (!urlEntry) continue;
    const draft: RequestDraft = {
      client: 'insomnia',
      method: textOf(child(r, 'method')) ?? 'GET',
      url: templateParts(textOf(urlEntry.value) ?? '', vars),
      span: ctx.index.span(urlEntry.keyStart, urlEntry.value.end),
    };
    const body = child(r, 'body');
    const bodyText = child(body, 'text');
    let fallback: { start: number; end: number } | undefined;
    if (bodyText?.type === 'scalar') {
      const parsed = bodyTextFields(textOf(bodyText) ?? '');
      draft.body = {
        encoding: parsed.encoding,
        fields: parsed.fields.map((f) => ({ ...f, ...locateValue(ctx.text, bodyText.valueStart, bodyText.valueEnd, f.key, f.value) })),
      };
      fallback = { start: bodyText.valueStart, end: bodyText.valueEnd };
    } else if (child(body, 'params')) {
      const multipart = /multipart/i.test(textOf(child(body, 'mimeType')) ?? '');
      draft.body = {
        encoding: multipart ? 'multipart' : 'form',
        fields: itemsOf(child(body, 'params')).map((p) => ({ key: textOf(child(p, 'name')) ?? '', ...located(child(p, 'value')) })),
      };
    }
    const headers = itemsOf(child(r, 'headers')).map((h) => ({ name: textOf(child(h, 'name')) ?? '', ...located(child(h, 'value')) }));
    const auth = child(r, 'authentication');
    if (textOf(child(auth, 'type')) === 'bearer') {
      const token = located(child(auth, 'token'));
      headers.push({ name: 'Authorization', value: `${textOf(child(auth, 'prefix')) || 'Bearer'} ${token.value}`, start: token.start, end: token.end });
    }
    if (headers.length) draft.headers = headers.filter((h) => h.name);
    const id = textOf(child(r, '_id')) ?? textOf(child(child(r, 'meta'), 'id'));
    if (id && tokenFields.has(id)) draft.responseTokenField = tokenFields.get(id)!;
    facts.push(...requestFacts(draft, { index: ctx.index, parts: (s) => templateParts(s, vars), fallback }));
  }
  return facts;
}

/** v5: the base environment's `data` and each `subEnvironments[].data`. */
function v5Environments(envs: TreeNode | undefined): Array<TreeNode | undefined> {
  return [child(envs, 'data'), ...itemsOf(child(envs, 'subEnvironments')).map((e) => child(e, 'data'))];
}

/** v5: requests anywhere in the `collection` tree (folders hold `children`). */
function v5Requests(items: TreeNode | undefined): TreeNode[] {
  return itemsOf(items).flatMap((item) => [...(child(item, 'url') ? [item] : []), ...v5Requests(child(item, 'children'))]);
}

/** `{% response 'body', 'req_x', 'b64::JC50b2tlbg==::46b', ... %}` tags: request id → JSONPath field read (`$.token` → token). */
function responseTagFields(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of text.matchAll(/\{%\s*response\s+'body'\s*,\s*'([^']+)'\s*,\s*'(?:b64::([A-Za-z0-9+/=]+)::\w+|([^']+))'/g)) {
    const path = m[2] ? Buffer.from(m[2], 'base64').toString('utf8') : m[3]!;
    const field = /([A-Za-z_][\w]*)\s*$/.exec(path)?.[1];
    if (field) out.set(m[1]!, field);
  }
  return out;
}
