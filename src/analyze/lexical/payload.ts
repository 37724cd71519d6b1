/**
 * Request bodies and headers as field maps: dict/hash/array literals, encoder calls
 * (`json.dumps`, `urlencode`, `http_build_query`, `FormUrlEncodedContent`...), builder chains
 * (`FormBody.Builder().add(k, v)`), JSON and form-encoded strings with interpolated values.
 */
import type { RequestFact, SymbolicValue, ValuePart } from '../../facts/types.js';
import { chainOf, dottedName, literalText, positional, type Arg, type Expr } from './expression.js';
import { concat, pushPart, type Folder } from './fold.js';

export type Body = NonNullable<RequestFact['body']>;
type Encoding = Body['encoding'];

const JSON_ENCODERS = /(?:^|\.)(?:dumps|json_encode|generate|Marshal|Serialize|SerializeObject|writeValueAsString|toJson|to_json|encodeToString|stringify|JsonContent\.Create|Create|ofString|JSONObject|JsonObject)$/;
const FORM_ENCODERS = /(?:^|\.)(?:urlencode|http_build_query|encode_www_form|FormUrlEncodedContent|fromFormData|UrlEncodedFormEntity|build_query)$/;
/** Wrappers whose first argument is the payload itself. */
const PASS_THROUGH = /(?:^|\.)(?:NewReader|NewBufferString|NewBuffer|StringContent|ByteArrayContent|StringEntity|HttpEntity|encode|bytes|str|RequestBody\.create|create|toRequestBody|toMediaType|json|body|BodyPublishers\.ofString|ofString|MultipartFormDataContent|fromValue|bodyValue|setBody|getBytes|ByteArray|toByteArray|strings\.NewReader|bytes\.NewBuffer|bytes\.NewReader|params|Entity\.json|Entity\.form|Json)$/;

/** Fields of a body expression, following names, encoders and builders. */
export function bodyOf(folder: Folder, e: Expr | undefined, encoding: Encoding, depth = 0): Body | undefined {
  if (!e || depth > 8) return undefined;
  const r = folder.resolve(e);
  if (r.k === 'coll') return { encoding, fields: entriesToFields(folder, r.entries) };
  if (r.k === 'str') return parseBodyText(folder.value(r), encoding);
  if (r.k === 'bin' && r.op === 'to') return undefined;
  // Ruby `{…}.to_json` (a method call without parentheses).
  if (r.k === 'member' && /^(to_json|to_s|encode|to_query)$/.test(r.name)) return bodyOf(folder, r.obj, r.name === 'to_json' ? 'json' : r.name === 'to_query' ? 'form' : encoding, depth + 1);
  if (r.k === 'call') {
    const callee = dottedName(r.callee) ?? '';
    const args = positional(r.args);
    if (r.init?.length) return { encoding, fields: entriesToFields(folder, r.init) };
    // `mapOf("a" to x)`, `Map.of("a", x, "b", y)`, `hashMapOf(...)`, `dict(a=1)`, `url.Values{...}`.
    if (/(?:^|\.)(?:mapOf|hashMapOf|mutableMapOf|linkedMapOf|listOf|of|ofEntries|dict|Map|arrayOf)$/.test(callee)) {
      const pairs = r.args.filter((a) => a.value.k === 'bin' && a.value.op === 'to');
      if (pairs.length) return { encoding, fields: Object.fromEntries(pairs.map((a) => pairEntry(folder, a.value as Extract<Expr, { k: 'bin' }>))) };
      const named = r.args.filter((a) => a.name !== undefined);
      if (named.length) return { encoding, fields: entriesToFields(folder, named) };
      const fields: Record<string, SymbolicValue> = {};
      for (let i = 0; i + 1 < args.length; i += 2) {
        const key = literalText(args[i]);
        if (key !== undefined) fields[key] = folder.value(args[i + 1]);
      }
      return { encoding, fields };
    }
    const chain = chainOf(r);
    // Builders: FormBody.Builder().add("k", v), BodyInserters.fromFormData("k", v).with("k2", v2), JSONObject().put("k", v).
    if (chain && chain.some((s) => /^(add|put|with|append|addFormDataPart|fromFormData|param|field|addEncoded)$/.test(s.name) && s.args && s.args.length >= 2)) {
      const fields: Record<string, SymbolicValue> = {};
      for (const s of chain) {
        const a = s.args ? positional(s.args) : [];
        const key = literalText(a[0]);
        if (key !== undefined && a.length >= 2) fields[key] = folder.value(a[1]);
      }
      const isForm = chain.some((s) => /Form|add$/.test(s.name)) && !chain.some((s) => /JSON|Json/.test(s.name));
      return { encoding: isForm ? 'form' : encoding, fields };
    }
    if (FORM_ENCODERS.test(callee) && args[0]) return withEncoding(bodyOf(folder, args[0], 'form', depth + 1), 'form');
    if (JSON_ENCODERS.test(callee) && args[0]) return withEncoding(bodyOf(folder, args[0], 'json', depth + 1), 'json');
    if (r.callee.k === 'member' && /^(to_json|encode|Encode|toJson|getBytes|toRequestBody|to_s|toByteArray|bytes|build|Bytes|String)$/.test(r.callee.name)) {
      const enc = r.callee.name === 'to_json' || r.callee.name === 'toJson' ? 'json' : r.callee.name === 'Encode' ? 'form' : encoding;
      return withEncoding(bodyOf(folder, r.callee.obj, enc, depth + 1), enc);
    }
    if (PASS_THROUGH.test(callee) && args[0]) {
      const media = args.slice(1).map((a) => literalText(a) ?? '').join(' ');
      const enc: Encoding = /json/i.test(media) ? 'json' : /form/i.test(media) ? 'form' : encoding;
      return bodyOf(folder, args[0], enc, depth + 1);
    }
    // A formatted string (a Java text block `.formatted(u, p)`, `fmt.Sprintf`): parse what it folds to.
    const text = folder.value(r);
    if (text.some((p) => p.kind === 'text' && /^\s*\{\s*"|^[\w.-]+=/.test(p.text))) return parseBodyText(text, encoding);
  }
  if (r.k === 'bin') return parseBodyText(folder.value(r), encoding);
  return undefined;
}

function withEncoding(body: Body | undefined, encoding: Encoding): Body | undefined {
  return body ? { ...body, encoding } : undefined;
}

function pairEntry(folder: Folder, bin: Extract<Expr, { k: 'bin' }>): [string, SymbolicValue] {
  return [literalText(bin.left) ?? dottedName(bin.left) ?? '?', folder.value(bin.right)];
}

const PAIR_CONSTRUCTORS = /(?:^|\.)(?:KeyValuePair|BasicNameValuePair|entry|Pair)$/;

/** Keyed and named entries of a literal as fields; C# `{ {"k", v} }` pairs and Go `{"v"}` singleton values included. */
export function entriesToFields(folder: Folder, entries: readonly Arg[]): Record<string, SymbolicValue> {
  const fields: Record<string, SymbolicValue> = {};
  for (const a of entries) {
    let key = a.name ?? (a.key ? literalText(a.key) ?? dottedName(a.key) : undefined);
    let value: Expr | undefined = a.value;
    if (key === undefined && a.value.k === 'coll' && a.value.entries.length === 2 && !a.value.entries[0]!.name) {
      key = literalText(a.value.entries[0]!.value);
      value = a.value.entries[1]!.value;
    }
    // C# `new KeyValuePair<string, string>("k", v)` / Java `Map.entry("k", v)` / `new BasicNameValuePair("k", v)`.
    if (key === undefined && a.value.k === 'call' && a.value.args.length === 2 && PAIR_CONSTRUCTORS.test(dottedName(a.value.callee) ?? '')) {
      key = literalText(a.value.args[0]!.value);
      value = a.value.args[1]!.value;
    }
    if (key === undefined && a.value.k === 'bin' && a.value.op === 'to') {
      const [k, v] = pairEntry(folder, a.value);
      fields[k] = v;
      continue;
    }
    if (key === undefined) continue;
    // Go url.Values{"k": {"v"}}: the value is a one-element list.
    if (value.k === 'coll' && value.entries.length === 1 && !value.entries[0]!.name && !value.entries[0]!.key) value = value.entries[0]!.value;
    fields[key] = folder.value(value);
  }
  return fields;
}

const HOLE = '\u0000';

/** Fields of a JSON or form-encoded string whose values may be interpolations (`"password=" + pw`). */
export function parseBodyText(value: SymbolicValue, encoding: Encoding): Body | undefined {
  const holes: ValuePart[] = [];
  const flat = value.map((p) => (p.kind === 'text' ? p.text : `${HOLE}${holes.push(p) - 1}${HOLE}`)).join('');
  const unflatten = (s: string): SymbolicValue => {
    const out: ValuePart[] = [];
    for (const [i, piece] of s.split(HOLE).entries()) {
      if (i % 2 === 1) pushPart(out, holes[Number(piece)]!);
      else pushPart(out, { kind: 'text', text: piece });
    }
    return out;
  };
  const trimmed = flat.trim();
  if (trimmed.startsWith('{')) {
    const fields: Record<string, SymbolicValue> = {};
    const re = /"([A-Za-z_][\w-]*)"\s*:\s*(?:"((?:[^"\\]|\\.)*)"|([^,}\s]+))/g;
    for (const m of trimmed.matchAll(re)) {
      const raw = m[2] ?? m[3] ?? '';
      // `"password": "' + pw + '"` style splices leave the hole inside the quotes; unquoted values keep the hole as is.
      fields[m[1]!] = unflatten(raw);
    }
    return { encoding: 'json', fields };
  }
  if (/^[\w.[\]-]+=/.test(trimmed) || trimmed.includes('&')) {
    const fields: Record<string, SymbolicValue> = {};
    for (const pair of trimmed.split('&')) {
      const eq = pair.indexOf('=');
      if (eq <= 0) continue;
      fields[decodeForm(pair.slice(0, eq))] = unflatten(decodeForm(pair.slice(eq + 1)));
    }
    return { encoding: encoding === 'json' ? 'json' : 'form', fields };
  }
  return undefined;
}

function decodeForm(s: string): string {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    return s;
  }
}

/** Headers from a dict/hash/map literal (names lower-cased). */
export function headersOf(folder: Folder, e: Expr | undefined): Record<string, SymbolicValue> | undefined {
  if (!e) return undefined;
  const body = bodyOf(folder, e, 'unknown');
  if (!body) return undefined;
  return lowerKeys(body.fields);
}

/** Lower-case header names. */
export function lowerKeys(fields: Record<string, SymbolicValue>): Record<string, SymbolicValue> {
  return Object.fromEntries(Object.entries(fields).map(([k, v]) => [k.toLowerCase(), v]));
}

/** `Bearer ` + token, for `withToken(t)`, `setBearerAuth(t)`, `AuthenticationHeaderValue("Bearer", t)`. */
export function bearer(folder: Folder, token: Expr | undefined): SymbolicValue {
  return concat([{ kind: 'text', text: 'Bearer ' }], folder.value(token));
}

/** Merge header maps, later ones winning. */
export function mergeHeaders(...maps: Array<Record<string, SymbolicValue> | undefined>): Record<string, SymbolicValue> | undefined {
  const out: Record<string, SymbolicValue> = {};
  for (const m of maps) if (m) Object.assign(out, m);
  return Object.keys(out).length ? out : undefined;
}

/** Keyed entries of a literal (after following names) as raw expressions: PHP option arrays, Ruby option hashes. */
export function entriesOf(folder: Folder, e: Expr | undefined): Map<string, Expr> {
  const out = new Map<string, Expr>();
  if (!e) return out;
  const r = folder.resolve(e);
  const entries = r.k === 'coll' ? r.entries : r.k === 'call' && r.init ? r.init : [];
  for (const a of entries) {
    const key = a.name ?? (a.key ? literalText(a.key) ?? dottedName(a.key) : undefined);
    if (key !== undefined) out.set(key, a.value);
  }
  return out;
}
