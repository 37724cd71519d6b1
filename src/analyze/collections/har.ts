/** HAR recordings: each `log.entries[].request`, plus the secrets a recording captures (bearer headers, response tokens). */
import type { Fact, SecretFact } from '../../facts/types.js';
import { child, entryOf, itemsOf, textOf, type TreeNode, type DocContext } from '../config/structured-tree.js';
import { bodyTextFields, locateValue, located, requestFacts, type RequestDraft } from './request-facts.js';
import { templateParts } from './value-parts.js';

/** `{ log: { entries: [...] } }`. */
export function isHar(doc: TreeNode): boolean {
  return child(child(doc, 'log'), 'entries')?.type === 'array';
}

const RESPONSE_TOKEN = /\\?"(token|jwt|access_?token|accessToken|refresh_?token|refreshToken|id_token)\\?"\s*:\s*\\?"([^"\\]{8,})/g;

/** Facts of a HAR file. */
export function harFacts(doc: TreeNode, ctx: DocContext): Fact[] {
  const facts: Fact[] = [];
  for (const entry of itemsOf(child(child(doc, 'log'), 'entries'))) {
    const request = child(entry, 'request');
    const urlEntry = entryOf(request, 'url');
    if (!request || !urlEntry) continue;
    const draft: RequestDraft = {
      client: 'har',
      method: textOf(child(request, 'method')) ?? 'GET',
      url: templateParts(textOf(urlEntry.value) ?? ''),
      span: ctx.index.span(urlEntry.keyStart, urlEntry.value.end),
    };
    const postData = child(request, 'postData');
    const text = child(postData, 'text');
    const params = itemsOf(child(postData, 'params'));
    let fallback: { start: number; end: number } | undefined;
    if (params.length) {
      draft.body = { encoding: /multipart/i.test(textOf(child(postData, 'mimeType')) ?? '') ? 'multipart' : 'form', fields: params.map((p) => ({ key: textOf(child(p, 'name')) ?? '', ...located(child(p, 'value')) })) };
    } else if (text?.type === 'scalar') {
      const parsed = bodyTextFields(textOf(text) ?? '');
      draft.body = { encoding: parsed.encoding, fields: parsed.fields.map((f) => ({ ...f, ...locateValue(ctx.text, text.valueStart, text.valueEnd, f.key, f.value) })) };
      fallback = { start: text.valueStart, end: text.valueEnd };
    }
    const headers = itemsOf(child(request, 'headers'))
      .map((h) => ({ name: textOf(child(h, 'name')) ?? '', ...located(child(h, 'value')) }))
      .filter((h) => h.name && !h.name.startsWith(':'));
    if (headers.length) draft.headers = headers;
    const content = child(child(child(entry, 'response'), 'content'), 'text');
    const tokens = content?.type === 'scalar' ? responseTokens(ctx, content.valueStart, content.valueEnd) : [];
    if (tokens.length) draft.responseTokenField = tokens[0]!.boundTo.replace(/ in a recorded response$/, '');
    facts.push(...requestFacts(draft, { index: ctx.index, parts: (s) => templateParts(s), fallback }), ...tokens);
  }
  return facts;
}

/** Tokens recorded in a response body (JSON-escaped inside the HAR string): exact value spans. */
function responseTokens(ctx: DocContext, start: number, end: number): SecretFact[] {
  const out: SecretFact[] = [];
  const slice = ctx.text.slice(start, end);
  for (const m of slice.matchAll(RESPONSE_TOKEN)) {
    const valueStart = start + m.index! + m[0].length - m[2]!.length;
    const field = m[1]!;
    const secretKind = /refresh/i.test(field) ? 'refresh-token' : /^eyJ/.test(m[2]!) ? 'jwt' : 'access-token';
    out.push({ kind: 'secret', span: ctx.index.span(valueStart, valueStart + m[2]!.length), secretKind, boundTo: `${field} in a recorded response`, evidence: [] });
  }
  return out;
}
