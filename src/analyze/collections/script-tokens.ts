/** Test/response scripts (Postman `pm.*.set`, JetBrains `client.global.set`): which response field is stored as the token. */

export interface StoredToken {
  /** Variable the script writes (`token`), so later `{{token}}` requests keep working after a fix. */
  variable: string;
  /** Response field read (`token`, `access_token`). */
  field: string;
  /** The script also stores or checks an expiry. */
  tracksExpiry: boolean;
}

const SETTER =
  /(?:pm\.(?:environment|collectionVariables|globals|variables)\.set|postman\.set(?:Environment|Global)Variable|client\.global\.set|insomnia\.environment\.set|bru\.setEnvVar)\(\s*(['"`])([^'"`]+)\1\s*,\s*([^;\n]+?)\)\s*;?\s*$/gm;

/** The first variable set from a response field, if the script stores one. */
export function storedToken(script: string): StoredToken | undefined {
  for (const m of script.matchAll(SETTER)) {
    const field = lastMember(m[3]!);
    if (field && /token|jwt|bearer/i.test(field + m[2]!)) return { variable: m[2]!, field, tracksExpiry: /expir|expires_?in|ttl/i.test(script) };
  }
  return undefined;
}

/** `pm.response.json().token` → token; `data['access_token']` → access_token; `jsonData.data.jwt` → jwt. */
function lastMember(expr: string): string | undefined {
  const e = expr.trim();
  const m = /(?:\.([A-Za-z_$][\w$]*)|\[\s*['"]([^'"]+)['"]\s*\])\s*\)?$/.exec(e);
  const name = m?.[1] ?? m?.[2];
  return name && !['json', 'text', 'body', 'data'].includes(name) ? name : undefined;
}

/** Every variable a script sets (`pm.environment.set('token', …)` → token): values produced at run time. */
export function scriptSetVariables(script: string): Set<string> {
  return new Set([...script.matchAll(SETTER)].map((m) => m[2]!));
}
