/**
 * Evidence from folded values: what ties a URL, header or body to Axeptio (host, env var,
 * identifier), and what points elsewhere (localhost, the app's own origin, another host).
 * Every text names where it came from when that is another place than the request itself.
 */
import type { Evidence } from '../facts/types.js';
import type { Folded, TrailStep, UrlShape } from './types.js';
import { isAxeptioHost, isLocalHost, shapeOf } from './url.js';

const AXEPTIO_NAME = /axept/i;

/** A name (identifier, env var, key, folder) that says Axeptio. */
export function isAxeptioName(name: string): boolean {
  return AXEPTIO_NAME.test(name);
}

/** `src/constants.ts:2`. */
export function where(file: string, line: number): string {
  return `${file}:${line}`;
}

/** Evidence about the target of a request: its host and where host and path came from. */
export function targetEvidence(target: Folded, shape: UrlShape, baseOrigin?: string): Evidence[] {
  const out: Evidence[] = [];
  let hostExplained = false;
  for (const step of target.trail) {
    const stepHost = hostOf(step);
    if (stepHost && stepHost === shape.host) {
      out.push(hostEvidence(stepHost, `from ${step.name} in ${where(step.file, step.line)}`));
      hostExplained = true;
    } else if (/\/auth\/local\/signin|\/local\/signin|\/api-token|openid-connect\/token/i.test(step.text)) {
      out.push({ weight: 'weak', text: `path ${pathOf(step.text)} from ${step.name} in ${where(step.file, step.line)}` });
    }
  }
  if (shape.host && !hostExplained) out.push(hostEvidence(shape.host, baseOrigin ?? 'in the URL'));
  if (shape.relative) out.push({ weight: 'contrary', text: "relative URL with no base URL: the app's own origin or API" });
  out.push(...nameEvidence(target, baseOrigin));
  return out;
}

/** Strong evidence for Axeptio-named env vars and identifiers a value went through. */
export function nameEvidence(value: Folded, origin?: string): Evidence[] {
  const out: Evidence[] = [];
  const suffix = origin ? ` ${origin}` : '';
  for (const env of new Set(value.envNames)) {
    if (isAxeptioName(env)) out.push({ weight: 'strong', text: `env ${env}${suffix}` });
  }
  for (const id of new Set(value.identifiers)) {
    if (isAxeptioName(id)) {
      const step = value.trail.find((s) => s.name === id);
      out.push({ weight: 'strong', text: `identifier ${id}${step ? ` in ${where(step.file, step.line)}` : suffix}` });
    }
  }
  return out;
}

function hostEvidence(host: string, how: string): Evidence {
  if (isAxeptioHost(host)) return { weight: 'strong', text: `host ${host} ${how}` };
  if (isLocalHost(host)) return { weight: 'contrary', text: `targets local host ${host} ${how}` };
  return { weight: 'contrary', text: `host ${host} ${how} is not Axeptio's` };
}

function hostOf(step: TrailStep): string | undefined {
  return shapeOf(step.text, true).host;
}

function pathOf(text: string): string {
  const shape = shapeOf(text, true);
  return shape.path || text;
}

/** Evidence that a file sits in an Axeptio-named folder or file. */
export function pathEvidence(file: string): Evidence[] {
  return isAxeptioName(file) ? [{ weight: 'strong', text: `file path ${file}` }] : [];
}

/**
 * Strongest first, then weak, then contrary; one text per reason. Analyzers and link may state the
 * same reason differently (`host api.axept.io (a.sh:2)` and `host api.axept.io in the URL`,
 * `identifier AXEPTIO_USER` and `env AXEPTIO_USER`): the first located wording is kept.
 */
export function orderEvidence(evidence: readonly Evidence[]): Evidence[] {
  const rank = { strong: 0, weak: 1, contrary: 2 } as const;
  const sorted = [...evidence].sort((a, b) => rank[a.weight] - rank[b.weight]);
  const chosen = new Map<string, Evidence>();
  for (const e of sorted) {
    const reason = reasonOf(e.text);
    const known = chosen.get(reason);
    if (!known || (!LOCATED.test(known.text) && LOCATED.test(e.text) && rank[e.weight] <= rank[known.weight])) chosen.set(reason, e);
  }
  const keep = new Set(chosen.values());
  return sorted.filter((e) => keep.has(e));
}

const LOCATED = /:\d+\)?$/;
const TRAILING_PLACE = / (?:\([^\s()]+:\d+\)|in [^\s]+:\d+|in the URL|in [^\s]+)$/;
const NAME_KIND = /^(?:identifier|env|names|Axeptio-named key|config key|client instance|client|wrapper) /;

function reasonOf(text: string): string {
  return text
    .replace(TRAILING_PLACE, '')
    .replace(NAME_KIND, 'name ')
    .replace(/ (?:json|form|urlencoded) body$/, ' body')
    .replace(/[`'"]/g, '')
    .toLowerCase();
}
