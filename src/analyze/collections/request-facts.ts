/**
 * Request drafts from any collection format → one RequestFact plus SecretFacts for literal
 * credentials in its body or headers. Secret values are replaced by a redacted part here, so
 * nothing downstream ever sees them.
 */
import type { Evidence, Fact, RequestContext, RequestFact, SecretFact, Span, SymbolicValue } from '../../facts/types.js';
import { MASK } from '../../findings/redact.js';
import { credentialRole, looksLikeJwt, secretKindFor } from '../config/credential-keys.js';
import { textOf, type TreeNode } from '../config/structured-tree.js';
import type { LineIndex } from '../line-index.js';
import { valueKindOf } from '../config/value-kind.js';
import { partsText } from './value-parts.js';

/** A raw string with, when known, its exact offsets in the file (used for secret spans). */
export interface Located {
  value: string;
  /** Already-read parts (shell words); when set, `value` is their text and `parts` is kept as is. */
  parts?: SymbolicValue;
  start?: number;
  end?: number;
}

export interface RequestDraft {
  client: string;
  method?: string;
  url: SymbolicValue;
  span: Span;
  body?: { encoding: 'json' | 'form' | 'multipart' | 'unknown'; fields: Array<{ key: string } & Located> };
  headers?: Array<{ name: string } & Located>;
  responseTokenField?: string;
  tokenCachedWithoutExpiry?: boolean;
  evidence?: Evidence[];
  context?: RequestContext;
  /** The collection fixer (src/fix/collections) can rewrite this request when it is the legacy sign-in. */
  rewritable?: boolean;
}

/** Name `fix` plans collection rewrites under (see src/fix/plan.ts), so scan and fix agree on availability. */
const COLLECTION_SIGNIN_FIX = 'signin-to-client-credentials';

export interface DraftEnv {
  index: LineIndex;
  /** Turns a raw string into parts (`{{var}}` templates or shell variables). */
  parts: (raw: string) => SymbolicValue;
  /** Where a secret is when its exact offsets are unknown (the whole body or header node). */
  fallback?: { start: number; end: number };
}

const REDACTED: SymbolicValue = [{ kind: 'unknown', text: MASK }];

/** The RequestFact of a draft and the SecretFacts of its literal credentials. */
export function requestFacts(draft: RequestDraft, env: DraftEnv): Fact[] {
  const secrets: SecretFact[] = [];
  const fact: RequestFact = {
    kind: 'request',
    span: draft.span,
    client: draft.client,
    url: draft.url,
    context: draft.context ?? {},
    evidence: [],
  };
  if (draft.method) fact.method = draft.method.toUpperCase();
  if (draft.rewritable && draft.url.some((p) => p.kind === 'text' && p.text.includes('local/signin'))) {
    fact.fixTransform = COLLECTION_SIGNIN_FIX;
  }
  if (draft.body) {
    const fields: Record<string, SymbolicValue> = {};
    for (const f of draft.body.fields) {
      const literal = !f.parts || f.parts.every((p) => p.kind === 'text');
      const kind = literal ? secretKindFor(credentialRole(f.key), f.value) : undefined;
      if (kind && valueKindOf(f.value) === 'literal') {
        fields[f.key] = REDACTED;
        const span = secretSpan(f, env);
        if (span) secrets.push({ kind: 'secret', span, secretKind: kind, boundTo: `${f.key} in a request body (${draft.client})`, evidence: [] });
      } else fields[f.key] = f.parts ?? env.parts(f.value);
    }
    fact.body = { encoding: draft.body.encoding, fields };
  }
  if (draft.headers?.length) {
    const headers: Record<string, SymbolicValue> = {};
    for (const h of draft.headers) {
      const name = h.name.toLowerCase();
      const literal = !h.parts || h.parts.every((p) => p.kind === 'text') ? /^(Bearer|Token|Basic)\s+([^\s{}$]{8,})$/i.exec(h.value.trim()) : null;
      if (name === 'authorization' && literal) {
        headers[name] = [{ kind: 'text', text: `${literal[1]} ` }, ...REDACTED];
        const span = secretSpan(h, env);
        const secretKind = /basic/i.test(literal[1]!) ? 'password' : looksLikeJwt(literal[2]!) ? 'jwt' : 'access-token';
        if (span) secrets.push({ kind: 'secret', span, secretKind, boundTo: `Authorization header (${draft.client})`, evidence: [] });
      } else headers[name] = h.parts ?? env.parts(h.value);
    }
    fact.headers = headers;
  }
  if (draft.responseTokenField) fact.responseTokenField = draft.responseTokenField;
  if (draft.tokenCachedWithoutExpiry) fact.tokenCachedWithoutExpiry = true;
  fact.evidence = [...requestEvidence(fact), ...(draft.evidence ?? [])];
  for (const s of secrets) s.evidence = fact.evidence.filter((e) => e.weight === 'strong');
  return [fact, ...secrets];
}

function secretSpan(loc: Located, env: DraftEnv): Span | undefined {
  if (loc.start !== undefined && loc.end !== undefined) return env.index.span(loc.start, loc.end);
  return env.fallback ? env.index.span(env.fallback.start, env.fallback.end) : undefined;
}

/** Evidence a request carries by itself: Axeptio host or variable names, credentials body, local or Strapi targets. */
export function requestEvidence(fact: RequestFact): Evidence[] {
  const out: Evidence[] = [];
  const url = partsText(fact.url);
  const host = /\b[\w.-]*axept\.io\b/i.exec(url);
  if (host) out.push({ weight: 'strong', text: `host ${host[0].toLowerCase()}` });
  const named = fact.url.find((p) => p.kind === 'env' && /axept/i.test(p.name));
  if (!host && named && named.kind === 'env') out.push({ weight: 'strong', text: `Axeptio-named variable ${named.name}` });
  const keys = Object.keys(fact.body?.fields ?? {});
  if (keys.some((k) => credentialRole(k) === 'password') && keys.some((k) => credentialRole(k) === 'username'))
    out.push({ weight: 'weak', text: `username + password ${fact.body!.encoding} body` });
  if (/^(?:https?:\/\/)?(?:localhost|127\.0\.0\.1|0\.0\.0\.0|\[::1\])(?:[:/]|$)/i.test(url)) out.push({ weight: 'contrary', text: 'request to localhost' });
  if (/\/api\/auth\/local(?:\/register)?\/?(?:[?#]|$)/i.test(url)) out.push({ weight: 'contrary', text: "Strapi's /api/auth/local login, not Axeptio" });
  return out;
}

/** Fields of a body text: JSON object keys (strings as written) or `a=b&c=d` form pairs. */
export function bodyTextFields(text: string): { encoding: 'json' | 'form' | 'unknown'; fields: Array<{ key: string; value: string }> } {
  const t = text.trim();
  if (t.startsWith('{')) {
    const fields: Array<{ key: string; value: string }> = [];
    // Bodies often hold unquoted template variables ({"a": {{x}}}), so read pairs lexically.
    for (const m of t.matchAll(/"((?:[^"\\]|\\.)+)"\s*:\s*(?:"((?:[^"\\]|\\.)*)"|(\{\{[^}]*\}\}|[-\w.$]+))/g)) {
      fields.push({ key: unescapeJson(m[1]!), value: m[2] !== undefined ? unescapeJson(m[2]) : m[3]! });
    }
    return { encoding: 'json', fields };
  }
  if (/^[\w.%[\]-]+=[^\s]*(&[\w.%[\]-]+=[^\s]*)*$/.test(t)) {
    return {
      encoding: 'form',
      fields: t.split('&').map((pair) => {
        const eq = pair.indexOf('=');
        return { key: safeDecode(pair.slice(0, eq)), value: safeDecode(pair.slice(eq + 1)) };
      }),
    };
  }
  return { encoding: 'unknown', fields: [] };
}

function unescapeJson(s: string): string {
  try {
    return JSON.parse(`"${s}"`) as string;
  } catch {
    return s;
  }
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    return s;
  }
}

/**
 * Offsets of a field's literal value inside a source range (a JSON-escaped body string, a
 * .http body, a shell line): tries the value as written, then JSON-escaped once and twice.
 */
export function locateValue(source: string, from: number, to: number, key: string, value: string): { start: number; end: number } | undefined {
  if (!value) return undefined;
  const slice = source.slice(from, to);
  const keyAt = Math.max(0, slice.indexOf(key));
  const once = JSON.stringify(value).slice(1, -1);
  const twice = JSON.stringify(once).slice(1, -1);
  for (const needle of [value, once, twice, encodeURIComponent(value)]) {
    const i = slice.indexOf(needle, keyAt);
    if (i !== -1) return { start: from + i, end: from + i + needle.length };
  }
  return undefined;
}

/** A scalar node's text with its offsets (no quotes). */
export function located(node: TreeNode | undefined): Located {
  if (node?.type !== 'scalar') return { value: '' };
  return { value: textOf(node) ?? '', start: node.valueStart, end: node.valueEnd };
}
