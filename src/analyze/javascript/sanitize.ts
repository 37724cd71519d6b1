/**
 * Facts never carry secret values. Text parts of every value are redacted (JWTs, bearer tokens,
 * URL userinfo, `password=…` pairs), and literal text bound to a secret-named field or member
 * (`password: 'hunter2'`) becomes `«redacted»`, so rules still see that a literal was there.
 */
import type { Fact, SymbolicValue } from '../../facts/types.js';
import { isPlaceholderValue, MASK, redact } from '../../findings/redact.js';
import { secretKindOfName } from './secrets.js';

/** Redact a value; `key` is the field/member/header name it is bound to, if any. */
function clean(value: SymbolicValue, key?: string): SymbolicValue {
  const secretKey = key !== undefined && secretKindOfName(key.split('.').pop()!) !== undefined;
  return value.map((p) => {
    if (p.kind !== 'text') return p;
    if (secretKey && !isPlaceholderValue(p.text)) return { kind: 'text', text: MASK };
    const text = redact(p.text);
    return text === p.text ? p : { kind: 'text', text };
  });
}

function cleanRecord(record: Record<string, SymbolicValue> | undefined): Record<string, SymbolicValue> | undefined {
  if (!record) return record;
  const out: Record<string, SymbolicValue> = {};
  for (const [k, v] of Object.entries(record)) out[k] = clean(v, k);
  return out;
}

/** The same facts with every secret value masked (in place; facts are fresh objects). */
export function sanitizeFacts(facts: Fact[]): Fact[] {
  for (const f of facts) {
    switch (f.kind) {
      case 'request':
        f.url = clean(f.url);
        if (f.base) f.base = clean(f.base);
        if (f.body) f.body = { encoding: f.body.encoding, fields: cleanRecord(f.body.fields)! };
        if (f.headers) f.headers = cleanRecord(f.headers);
        break;
      case 'binding':
        if (f.value) f.value = clean(f.value, f.name);
        if (f.members) f.members = cleanRecord(f.members);
        if (f.client) f.client = { ...f.client, ...(f.client.base ? { base: clean(f.client.base) } : {}), ...(f.client.headers ? { headers: cleanRecord(f.client.headers) } : {}) };
        break;
      case 'wrapper':
        if (f.base) f.base = clean(f.base);
        break;
      case 'call':
        f.args = f.args.map((a) => clean(a));
        if (f.bodyFields) f.bodyFields = cleanRecord(f.bodyFields);
        break;
      default:
        break;
    }
  }
  return facts;
}
