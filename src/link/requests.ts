/**
 * Linked requests: each RequestFact with its client instance (base URL, headers, axios
 * defaults) resolved across files, plus requests derived from calls to project wrappers
 * (`apiPost('/auth/local/signin', body)` where `apiPost` forwards its first parameter as URL).
 */
import type { BindingFact, CallFact, Evidence, FileFacts, ProjectInfo, RequestFact, Span, SymbolicValue, WrapperFact } from '../facts/types.js';
import type { Folder } from './fold.js';
import { MAX_DEPTH, type SymbolTable } from './symbols.js';
import { isAxeptioName, nameEvidence, pathEvidence, targetEvidence, where } from './ties.js';
import type { Folded, LinkedClient, LinkedHeader, LinkedRequest } from './types.js';
import { joinBase, shapeOf } from './url.js';

interface ResolvedClient {
  file: string;
  fact: BindingFact;
  /** `library.create baseURL`, for evidence texts. */
  how: string;
}

/**
 * Libraries whose global defaults (`axios.defaults.baseURL = ...`) apply to plain calls in every
 * file; analyzers name that binding after the library (`axios`), optionally `axios.defaults`.
 */
const DEFAULTS_BINDING = /^(axios|ky|got|superagent|request)(?:\.defaults)?$/;

/** Links every RequestFact and wrapper CallFact of the project into LinkedRequests and LinkedClients. */
export class RequestLinker {
  private readonly clients = new Map<BindingFact, LinkedClient>();
  private readonly defaults = new Map<string, ResolvedClient>();
  private readonly linkedFacts = new Map<RequestFact, LinkedRequest>();
  private readonly fileByPath = new Map<string, FileFacts>();
  /** Requests being linked right now: a wrapper whose inner request leads back to itself stops here. */
  private readonly inProgress = new Set<RequestFact>();

  constructor(
    private readonly files: readonly FileFacts[],
    private readonly symbols: SymbolTable,
    private readonly folder: Folder,
    private readonly project: ProjectInfo,
  ) {
    for (const f of files) {
      this.fileByPath.set(f.file, f);
      for (const fact of f.facts) {
        if (fact.kind !== 'binding' || !fact.client) continue;
        const m = DEFAULTS_BINDING.exec(fact.name);
        if (m && !this.defaults.has(m[1]!)) this.defaults.set(m[1]!, { file: f.file, fact, how: `${fact.name} in ${where(f.file, fact.span.line)}` });
      }
    }
  }

  /** Every request of the project, direct and wrapper-derived, linked. */
  link(): { requests: LinkedRequest[]; clients: LinkedClient[] } {
    const requests: LinkedRequest[] = [];
    for (const f of this.files) {
      const ambient = this.ambientOf(f);
      for (const fact of f.facts) {
        if (fact.kind === 'request') requests.push(this.linkedRequestOf(f, fact));
        else if (fact.kind === 'call') {
          const derived = this.linkCall(f, fact, ambient);
          if (derived) requests.push(derived);
        } else if (fact.kind === 'binding' && fact.client) this.clientOf({ file: f.file, fact, how: clientHow(f.file, fact) });
      }
    }
    return { requests, clients: [...this.clients.values()] };
  }

  /** A request fact linked once (wrapper calls reuse the wrapper's inner request). */
  private linkedRequestOf(f: FileFacts, fact: RequestFact): LinkedRequest {
    let linked = this.linkedFacts.get(fact);
    if (!linked) {
      this.inProgress.add(fact);
      try {
        linked = this.linkRequest(f, fact, this.ambientOf(f));
      } finally {
        this.inProgress.delete(fact);
      }
      this.linkedFacts.set(fact, linked);
    }
    return linked;
  }

  /** The request inside a wrapper that forwards the wrapper's URL parameter. */
  private innerRequestOf(file: string, wrapper: WrapperFact): LinkedRequest | undefined {
    const f = this.fileByPath.get(file);
    if (!f) return undefined;
    const inner = f.facts.find(
      (fact): fact is RequestFact =>
        fact.kind === 'request' && within(fact.span, wrapper.span) && fact.url.some((p) => p.kind === 'param' && p.index === wrapper.urlParam),
    );
    return inner && !this.inProgress.has(inner) ? this.linkedRequestOf(f, inner) : undefined;
  }

  private linkRequest(f: FileFacts, fact: RequestFact, ambient: Evidence[]): LinkedRequest {
    const asWrapperCall = this.viaWrapperMethod(f, fact, ambient);
    if (asWrapperCall) return asWrapperCall;
    const url = this.folder.fold(fact.url, f.file);
    const evidence: Evidence[] = [...fact.evidence];
    const headers: Record<string, LinkedHeader> = {};
    let base: Folded | undefined = fact.base ? this.folder.fold(fact.base, f.file) : undefined;
    let baseOrigin: string | undefined;
    let via: string | undefined;
    const client = fact.instance
      ? this.resolveClient(f.file, fact.instance.name, fact.instance.from)
      : !base && !isAbsolute(url) ? this.defaults.get(fact.client) : undefined;
    if (client) {
      const linked = this.clientOf(client);
      if (fact.instance) via = `${linked.library} instance ${fact.instance.name}`;
      if (fact.context.inLoop) linked.usedInLoop = true;
      if (fact.context.browser) linked.browser = true;
      if (!base && linked.base) {
        base = linked.base;
        baseOrigin = `via ${client.how}`;
      }
      for (const [name, value] of Object.entries(linked.headers)) {
        headers[name] = { value, origin: `${client.how.replace(/ baseURL\b/, ' headers')}`, fromClient: { file: client.file, span: client.fact.span, name: client.fact.name } };
      }
      if (isAxeptioName(client.fact.name)) evidence.push({ weight: 'strong', text: `client ${client.fact.name} in ${where(client.file, client.fact.span.line)}` });
      if (client.file !== f.file) evidence.push(...pathEvidence(client.file));
    }
    if (fact.instance && !via) via = `instance ${fact.instance.name}`;
    if (fact.instance && isAxeptioName(fact.instance.name)) evidence.push({ weight: 'strong', text: `client instance ${fact.instance.name}` });
    for (const [name, value] of Object.entries(fact.headers ?? {})) {
      const folded = this.folder.fold(value, f.file);
      const inherited = headers[name.toLowerCase()];
      // Analyzers copy a local instance's headers onto its requests: the same value is still the instance's.
      if (inherited && inherited.value.text === folded.text) continue;
      headers[name.toLowerCase()] = { value: folded };
    }
    const body = fact.body
      ? { encoding: fact.body.encoding, fields: this.foldFields(fact.body.fields, f.file) }
      : undefined;
    return this.finish({
      // An instance we cannot resolve has a base we do not know: its URL is not "relative to the app".
      unknownBase: !!fact.instance && !client,
      file: f.file,
      fileKind: f.kind,
      span: fact.span,
      client: fact.client,
      method: fact.method?.toUpperCase(),
      url,
      via,
      base,
      baseOrigin,
      body,
      headers,
      responseTokenField: fact.responseTokenField,
      tokenCachedWithoutExpiry: fact.tokenCachedWithoutExpiry,
      context: fact.context,
      evidence,
      ambient,
      fixTransform: fact.fixTransform,
    });
  }

  /**
   * `api.post('/x', body)` where `api` is no client instance but a project module whose `post`
   * is a wrapper (`module.exports = { post(path, body) {...} }`): link it as a call to that wrapper.
   */
  private viaWrapperMethod(f: FileFacts, fact: RequestFact, ambient: Evidence[]): LinkedRequest | undefined {
    if (!fact.instance || !fact.method) return undefined;
    if (this.resolveClient(f.file, fact.instance.name, fact.instance.from)) return undefined;
    const call: CallFact = {
      kind: 'call',
      span: fact.span,
      callee: { name: fact.instance.name, from: fact.instance.from, member: [fact.method.toLowerCase()] },
      args: [fact.url],
      bodyFields: fact.body?.fields,
      context: fact.context,
    };
    const derived = this.linkCall(f, call, ambient);
    if (!derived) return undefined;
    derived.evidence.unshift(...fact.evidence);
    derived.responseTokenField = fact.responseTokenField;
    derived.tokenCachedWithoutExpiry = fact.tokenCachedWithoutExpiry;
    return derived;
  }

  private linkCall(f: FileFacts, call: CallFact, ambient: Evidence[]): LinkedRequest | undefined {
    const symbol = this.symbols.resolveName(f.file, call.callee.name, call.callee.member ?? [], call.callee.from);
    if (symbol?.kind !== 'wrapper') return undefined;
    const wrapper = symbol.fact;
    const arg = call.args[wrapper.urlParam];
    if (!arg) return undefined;
    const url = this.folder.fold(arg, f.file);
    const evidence: Evidence[] = [{ weight: 'weak', text: `request made by wrapper ${wrapper.name} in ${where(symbol.file, wrapper.span.line)}` }];
    if (isAxeptioName(wrapper.name)) evidence.push({ weight: 'strong', text: `wrapper ${wrapper.name} in ${where(symbol.file, wrapper.span.line)}` });
    if (symbol.file !== f.file) evidence.push(...pathEvidence(symbol.file));
    // The wrapper's own request knows its client instance (base URL and headers set in yet another file).
    const inner = this.innerRequestOf(symbol.file, wrapper);
    let base = wrapper.base ? this.folder.fold(wrapper.base, symbol.file) : undefined;
    let baseOrigin = base ? `via wrapper ${wrapper.name} base in ${where(symbol.file, wrapper.span.line)}` : undefined;
    if (!base && inner?.base) {
      base = inner.base;
      baseOrigin = inner.baseOrigin;
    }
    if (inner) evidence.push(...inner.evidence.filter((e) => e.weight === 'strong' && !/^host |^env |^identifier /.test(e.text)));
    // Headers the wrapper sets are reported where the wrapper sets them, not at every call.
    const headers: Record<string, LinkedHeader> = {};
    for (const [name, h] of Object.entries(inner?.headers ?? {})) {
      headers[name] = { ...h, fromClient: h.fromClient ?? { file: symbol.file, span: wrapper.span, name: wrapper.name } };
    }
    const fields = call.bodyFields ? this.foldFields(call.bodyFields, f.file) : undefined;
    return this.finish({
      file: f.file,
      fileKind: f.kind,
      span: call.span,
      client: `wrapper:${wrapper.name}`,
      method: (wrapper.method ?? inner?.method)?.toUpperCase(),
      url,
      via: inner?.via,
      base,
      baseOrigin,
      body: fields ? { encoding: inner?.body?.encoding ?? 'unknown', fields } : undefined,
      headers,
      context: call.context,
      evidence,
      ambient,
    });
  }

  private finish(r: Omit<LinkedRequest, 'target' | 'url'> & { url: Folded; unknownBase?: boolean }): LinkedRequest {
    const { url, unknownBase, ...rest } = r;
    const baseOrigin = r.baseOrigin;
    const target = joinBase(r.base, url);
    const shape = shapeOf(target.text, unknownBase === true || (!!r.base && r.base.text !== ''));
    const evidence = [...r.evidence, ...targetEvidence(target, shape, baseOrigin)];
    if (r.base) evidence.push(...nameEvidence(r.base, baseOrigin));
    for (const value of Object.values(r.body?.fields ?? {})) evidence.push(...nameEvidence(value));
    if (r.context.enclosingFunction && isAxeptioName(r.context.enclosingFunction)) {
      evidence.push({ weight: 'strong', text: `inside ${r.context.enclosingFunction}()` });
    }
    const own = this.ownApiPrefix(target.text);
    if (own) evidence.push({ weight: 'contrary', text: `the project's own API (${own})` });
    return { ...rest, target, url: shape, evidence };
  }

  /** Resolve an instance name to the client binding it names, following aliases and imports. */
  private resolveClient(file: string, name: string, from?: string): ResolvedClient | undefined {
    let symbol = this.symbols.resolveName(file, name, [], from);
    for (let depth = 0; symbol && depth < MAX_DEPTH; depth++) {
      if (symbol.kind !== 'binding') return undefined;
      if (symbol.fact.client && symbol.member.length === 0) return { file: symbol.file, fact: symbol.fact, how: clientHow(symbol.file, symbol.fact) };
      const alias = symbol.fact.value?.length === 1 ? symbol.fact.value[0] : undefined;
      if (alias?.kind !== 'ref') return undefined;
      symbol = this.symbols.resolveName(symbol.file, alias.name, [...(alias.member ?? []), ...symbol.member], alias.from);
    }
    return undefined;
  }

  private clientOf(resolved: ResolvedClient): LinkedClient {
    const known = this.clients.get(resolved.fact);
    if (known) return known;
    const { fact, file } = resolved;
    const kind = this.fileByPath.get(file)?.kind ?? 'javascript';
    const base = fact.client?.base ? this.folder.fold(fact.client.base, file) : undefined;
    const headers: Record<string, Folded> = {};
    for (const [name, value] of Object.entries(fact.client?.headers ?? {})) headers[name.toLowerCase()] = this.folder.fold(value, file);
    const evidence: Evidence[] = [...fact.evidence];
    if (base) evidence.push(...targetEvidence(base, shapeOf(base.text, false), `via ${resolved.how}`).filter((e) => e.weight !== 'contrary' || !/relative URL/.test(e.text)));
    if (isAxeptioName(fact.name)) evidence.push({ weight: 'strong', text: `client ${fact.name}` });
    const linked: LinkedClient = {
      file,
      fileKind: kind,
      span: fact.span,
      name: fact.name,
      library: fact.client?.library ?? 'unknown',
      base,
      headers,
      evidence,
      ambient: this.ambientOf(this.fileByPath.get(file)),
      usedInLoop: false,
      browser: false,
    };
    this.clients.set(fact, linked);
    return linked;
  }

  private foldFields(fields: Record<string, SymbolicValue>, file: string): Record<string, Folded> {
    const out: Record<string, Folded> = {};
    for (const [name, value] of Object.entries(fields)) out[name] = this.folder.fold(value, file);
    return out;
  }

  private readonly ambientCache = new Map<string, Evidence[]>();

  /** File- and project-level evidence: FileEvidenceFacts, an Axeptio-named path, Axeptio packages. */
  private ambientOf(f: FileFacts | undefined): Evidence[] {
    if (!f) return [];
    const cached = this.ambientCache.get(f.file);
    if (cached) return cached;
    const out: Evidence[] = [...pathEvidence(f.file)];
    for (const fact of f.facts) if (fact.kind === 'file-evidence') out.push(...fact.evidence);
    for (const pkg of this.project.axeptioPackages) out.push({ weight: 'strong', text: `project depends on ${pkg}` });
    this.ambientCache.set(f.file, out);
    return out;
  }

  /** A declared own API base (ProjectInfo.ownPackageNames holds URLs too) the target starts with. */
  private ownApiPrefix(target: string): string | undefined {
    return this.project.ownPackageNames.find((p) => /^[a-z]+:\/\//i.test(p) && target.startsWith(p.replace(/\/+$/, '')));
  }
}

function within(inner: Span, outer: Span): boolean {
  const starts = inner.line > outer.line || (inner.line === outer.line && inner.column >= outer.column);
  const ends = inner.endLine < outer.endLine || (inner.endLine === outer.endLine && inner.endColumn <= outer.endColumn);
  return starts && ends;
}

function isAbsolute(url: Folded): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(url.text);
}

function clientHow(file: string, fact: BindingFact): string {
  const library = fact.client?.library ?? 'client';
  const defaults = DEFAULTS_BINDING.exec(fact.name);
  const factory = defaults ? `${defaults[1]}.defaults` : `${library}.create`;
  return `${factory} baseURL in ${where(file, fact.span.line)}`;
}
