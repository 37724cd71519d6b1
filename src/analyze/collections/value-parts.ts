/** Strings with variables → ValueParts: `{{baseUrl}}/x` in Postman, .http and Insomnia. */
import type { SymbolicValue, ValuePart } from '../../facts/types.js';
import { credentialRole } from '../config/credential-keys.js';

const SECRET_ROLES = new Set(['password', 'client-secret', 'token', 'refresh-token', 'api-key']);

/** Variables known in the file (collection `variable`, `@name = value`, Insomnia environment). */
export type Variables = ReadonlyMap<string, string>;

// {{name}}, {{ _.name }}, {{$dotenv NAME}}, {{$processEnv NAME}}, {{login.response.body.$.token}}
// and Insomnia's `{% response 'body', 'req_x', … %}` tags (a value read from another response).
const TEMPLATE = /\{\{\s*(?:(\$(?:dotenv|processEnv|env)\s+%?)([A-Za-z_][\w.-]*)|_\.([\w.-]+)|([^{}\s][^{}]*?))\s*\}\}|\{%\s*response\s+'\w+'\s*,\s*'([^']+)'[^%]*%\}/g;

/**
 * Parts of a `{{var}}` template. Known variables are substituted (recursively, up to 5 levels),
 * except secrets (their values must not travel in facts) and empty ones (set at run time).
 * Variables the file's own scripts set from a response (`pm.*.set`, `client.global.set`,
 * `{{login.response.body.token}}`) are `ref` parts: dynamic, not environment input.
 */
export function templateParts(s: string, vars: Variables = new Map(), dynamic: ReadonlySet<string> = new Set(), depth = 0): SymbolicValue {
  const parts: ValuePart[] = [];
  let last = 0;
  for (const m of s.matchAll(TEMPLATE)) {
    if (m.index! > last) pushText(parts, s.slice(last, m.index));
    if (m[5]) {
      parts.push({ kind: 'ref', name: `${m[5]}.response` });
      last = m.index! + m[0].length;
      continue;
    }
    const name = (m[2] ?? m[3] ?? m[4] ?? '').trim();
    const known = m[1] || SECRET_ROLES.has(credentialRole(name) ?? '') ? undefined : vars.get(name);
    if (known && depth < 5) for (const p of templateParts(known, vars, dynamic, depth + 1)) push(parts, p);
    else if (!m[1] && (dynamic.has(name) || /\.response\./.test(name))) parts.push({ kind: 'ref', name });
    else parts.push({ kind: 'env', name });
    last = m.index! + m[0].length;
  }
  if (last < s.length) pushText(parts, s.slice(last));
  return parts;
}

/** Concatenated text parts, with `{{name}}` for the others (for messages and matching). */
export function partsText(parts: SymbolicValue): string {
  return parts.map((p) => (p.kind === 'text' || p.kind === 'unknown' ? p.text : p.kind === 'env' ? `{{${p.name}}}` : p.name)).join('');
}

function pushText(parts: ValuePart[], text: string): void {
  push(parts, { kind: 'text', text });
}

function push(parts: ValuePart[], part: ValuePart): void {
  const prev = parts[parts.length - 1];
  if (part.kind === 'text' && prev?.kind === 'text') parts[parts.length - 1] = { kind: 'text', text: prev.text + part.text };
  else parts.push(part);
}
