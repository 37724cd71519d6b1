/**
 * static-token: `Authorization: Bearer <env var or literal>` sent to the Axeptio API, set on a
 * request, a client instance (axios.create headers) or library defaults. A token obtained by a
 * request in the same code is dynamic and not reported here.
 */
import type { Evidence, RequestContext, Span } from '../facts/types.js';
import type { Confidence, RawFinding } from '../findings/types.js';
import type { FileKind } from '../discover/file-kind.js';
import { isAxeptioName } from '../link/ties.js';
import type { Folded, LinkedProject, LinkedRequest } from '../link/types.js';
import { isAxeptioHost, shapeOf } from '../link/url.js';
import { RULES } from './catalog.js';
import { MASK } from '../findings/redact.js';
import { redacted } from './redacted.js';
import { confidenceOf, evidenceTexts } from './confidence.js';
import { codeFix } from './fix.js';
import type { Rule } from './types.js';

const meta = RULES['static-token'];

/** Where a static Axeptio bearer is set, and whether it is reused across a loop. */
export interface StaticTokenMatch {
  file: string;
  fileKind: FileKind;
  span: Span;
  /** `env AXEPTIO_TOKEN` or `a literal token`. */
  source: string;
  /** Where it is set: `request`, `client instance api`, `axios.defaults`. */
  where: string;
  context: RequestContext;
  evidence: Evidence[];
  ambient: Evidence[];
  confidence: Confidence;
  /** Requests using this token run in a loop (a long-running export). */
  inLoop: boolean;
}

/** What a bearer header value is made of, when it is static. */
function staticSource(value: Folded): { source: string; envName?: string } | undefined {
  const m = /^\s*(?:bearer|token)\s+(.*)$/is.exec(value.text);
  const rest = (m ? m[1]! : value.text).trim();
  if (rest === '') return undefined;
  const only = /^\$\{([A-Za-z_][A-Za-z0-9_]*)\}$/.exec(rest);
  if (only && value.envNames.includes(only[1]!)) return { source: `env ${only[1]}`, envName: only[1] };
  // A literal only counts with the scheme written: a bare literal header may be an API key scheme of another service.
  // Analyzers hand over literal secrets already masked, so the mask itself stands for a literal token.
  if (m && value.literal && (rest === MASK || /^[A-Za-z0-9._~+/=-]{8,}$/.test(rest))) return { source: 'a literal token' };
  return undefined;
}

/** Evidence that the target is the Axeptio API: host, AXEPTIO_* base, Axeptio-named base identifiers. */
function targetTies(target: Folded | undefined): { tie: boolean; foreign: boolean } {
  if (!target) return { tie: false, foreign: false };
  const host = shapeOf(target.text, true).host;
  if (host) return { tie: isAxeptioHost(host), foreign: !isAxeptioHost(host) };
  return { tie: target.envNames.some(isAxeptioName) || target.identifiers.some(isAxeptioName), foreign: false };
}

function matchHeader(
  header: Folded | undefined,
  target: Folded | undefined,
  evidence: Evidence[],
): { source: string; evidence: Evidence[] } | undefined {
  if (!header) return undefined;
  const found = staticSource(header);
  if (!found) return undefined;
  const ties = targetTies(target);
  const tokenTie = found.envName !== undefined && isAxeptioName(found.envName);
  if (ties.foreign || (!ties.tie && !tokenTie)) return undefined;
  const out = [...evidence];
  if (tokenTie) out.push({ weight: 'strong', text: `bearer token from env ${found.envName}` });
  else out.push({ weight: 'weak', text: `bearer token from ${found.source}` });
  return { source: found.source, evidence: out };
}

/** Where headers used inside loops were set (client bindings, wrappers), so the setter learns it runs in a loop. */
function loopedHeaderSources(project: LinkedProject): Array<{ file: string; span: Span }> {
  const out: Array<{ file: string; span: Span }> = [];
  for (const req of project.requests) {
    const from = req.headers['authorization']?.fromClient;
    if (req.context.inLoop && from) out.push({ file: from.file, span: from.span });
  }
  return out;
}

function contains(outer: Span, inner: Span): boolean {
  const starts = inner.line > outer.line || (inner.line === outer.line && inner.column >= outer.column);
  const ends = inner.endLine < outer.endLine || (inner.endLine === outer.endLine && inner.endColumn <= outer.endColumn);
  return starts && ends;
}

/** Static Axeptio bearer tokens on requests and on client instances/defaults (reported once, where set). */
export function matchStaticToken(project: LinkedProject): StaticTokenMatch[] {
  let known = matchStaticTokenCache.get(project);
  if (!known) matchStaticTokenCache.set(project, (known = matchStaticTokenUncached(project)));
  return known;
}

// token-no-refresh reuses the matches of other rules: compute them once per linked project.
const matchStaticTokenCache = new WeakMap<LinkedProject, StaticTokenMatch[]>();

function matchStaticTokenUncached(project: LinkedProject): StaticTokenMatch[] {
  const out: StaticTokenMatch[] = [];
  const looped = loopedHeaderSources(project);
  const usedInLoop = (file: string, span: Span): boolean => looped.some((l) => l.file === file && contains(l.span, span));
  for (const client of project.clients) {
    const hit = matchHeader(client.headers['authorization'], client.base, client.evidence.filter((e) => e.weight !== 'contrary'));
    if (!hit) continue;
    out.push({
      file: client.file,
      fileKind: client.fileKind,
      span: client.span,
      source: hit.source,
      where: `client ${client.name}`,
      context: { browser: client.browser || undefined },
      evidence: hit.evidence,
      ambient: client.ambient,
      confidence: confidenceOf(hit.evidence, client.ambient),
      inLoop: client.usedInLoop || usedInLoop(client.file, client.span),
    });
  }
  for (const req of project.requests) {
    const header = req.headers['authorization'];
    if (!header || header.fromClient) continue;
    const hit = matchHeader(header.value, req.target, req.evidence.filter((e) => e.weight !== 'contrary'));
    if (!hit) continue;
    const match = requestMatch(req, hit);
    match.inLoop ||= usedInLoop(req.file, req.span);
    out.push(match);
  }
  return out;
}

function requestMatch(req: LinkedRequest, hit: { source: string; evidence: Evidence[] }): StaticTokenMatch {
  return {
    file: req.file,
    fileKind: req.fileKind,
    span: req.span,
    source: hit.source,
    where: 'request',
    context: req.context,
    evidence: hit.evidence,
    ambient: req.ambient,
    confidence: confidenceOf(hit.evidence, req.ambient),
    inLoop: req.context.inLoop === true,
  };
}

/** The static-token rule. */
export const staticToken: Rule = {
  meta,
  detect(project: LinkedProject): RawFinding[] {
    return matchStaticToken(project).map((m) => ({
      ruleId: meta.id,
      severity: meta.defaultSeverity,
      confidence: m.confidence,
      file: m.file,
      span: m.span,
      message: redacted(
        `${m.where === 'request' ? 'This request sends' : `The ${m.where} sends`} a static bearer token (${m.source}) to the Axeptio API: tokens made by the old system are rejected since 2026-07-06 and new ones expire after an hour.`,
      ),
      evidence: evidenceTexts(m.evidence, m.ambient),
      fix: codeFix(m.fileKind, m.context, meta.transform!),
    }));
  },
};
