/** Local evidence: what in this file ties a request or binding to Axeptio, or points elsewhere. */
import { ts, type TS } from './typescript.js';
import type { Evidence, SymbolicValue } from '../../facts/types.js';
import { redact } from '../../findings/redact.js';
import { knownText } from './fold.js';
import { functionName } from './source.js';

export const AXEPTIO_NAME = /axept/i;
const AXEPTIO_HOST = /^(?:[\w-]+\.)*axept\.io$/i;
const LOCAL_HOST = /^(?:localhost|127\.0\.0\.1|0\.0\.0\.0|\[::1\]|::1|[\w-]+\.localhost|host\.docker\.internal)$/i;

/** Hosts named in the text parts of a value. */
export function hostsIn(value: SymbolicValue | undefined): string[] {
  if (!value) return [];
  const text = knownText(value);
  return [...text.matchAll(/[a-z][a-z0-9+.-]*:\/\/(\[[^\]]+\]|[^/:?#\s\u0000]+)/gi)].map((m) => m[1]!.toLowerCase());
}

/** Evidence from the hosts, env vars and refs inside a value, `via` naming where the value came from. */
export function valueEvidence(value: SymbolicValue | undefined, where: string, via?: string): Evidence[] {
  const out: Evidence[] = [];
  for (const host of hostsIn(value)) {
    if (AXEPTIO_HOST.test(host)) out.push({ weight: 'strong', text: `host ${host}${via ? ` via ${via}` : ''} in ${where}` });
    else if (LOCAL_HOST.test(host)) out.push({ weight: 'contrary', text: `host ${host}${via ? ` via ${via}` : ''} in ${where}` });
  }
  for (const part of value ?? []) {
    if (part.kind === 'env' && AXEPTIO_NAME.test(part.name)) out.push({ weight: 'strong', text: `env ${part.name} in ${where}` });
    if (part.kind === 'ref' && (AXEPTIO_NAME.test(part.name) || part.member?.some((m) => AXEPTIO_NAME.test(m)) || (part.from && AXEPTIO_NAME.test(part.from))))
      out.push({ weight: 'strong', text: `identifier ${[part.name, ...(part.member ?? [])].join('.')}${part.from ? ` from ${part.from}` : ''}` });
  }
  return out;
}

/** Axeptio-named identifiers around a node: enclosing functions, classes, the variable or property it is assigned to. */
export function namesAround(node: TS.Node): string[] {
  const names: string[] = [];
  for (let n: TS.Node | undefined = node.parent; n; n = n.parent) {
    if (ts.isFunctionLike(n)) {
      const name = functionName(n);
      if (name) names.push(name);
    } else if (ts.isClassLike(n) && n.name) names.push(n.name.text);
    else if (ts.isVariableDeclaration(n) && ts.isIdentifier(n.name)) names.push(n.name.text);
    else if (ts.isPropertyAssignment(n) && (ts.isIdentifier(n.name) || ts.isStringLiteral(n.name))) names.push(n.name.text);
    else if (ts.isModuleDeclaration(n) && ts.isIdentifier(n.name)) names.push(n.name.text);
  }
  return names.filter((s) => AXEPTIO_NAME.test(s));
}

/** Deduplicate evidence by text, strongest first; texts redacted. */
export function finalizeEvidence(evidence: Evidence[]): Evidence[] {
  const rank = { strong: 0, weak: 1, contrary: 2 } as const;
  const seen = new Set<string>();
  return evidence
    .map((e) => ({ weight: e.weight, text: redact(e.text) }))
    .filter((e) => (seen.has(e.text) ? false : (seen.add(e.text), true)))
    .sort((a, b) => rank[a.weight] - rank[b.weight]);
}
