/**
 * Linked requests: each RequestFact with its client instance (base URL, headers, axios
 * defaults) resolved across files, plus requests derived from calls to project wrappers
 * (`apiPost('/auth/local/signin', body)` where `apiPost` forwards its first parameter as URL).
 */
import type { BindingFact, CallFact, Evidence, FileFacts, ProjectInfo, RequestFact, SymbolicValue } from '../facts/types.js';
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

/** Libraries whose global defaults (`axios.defaults.baseURL = ...`) apply to plain calls. */
const DEFAULTS_BINDING = /^(axios|ky|got|superagent)\.defaults$/;

export class RequestLinker {
  private readonly clients = new Map<BindingFact, LinkedClient>();
  private readonly defaults = new Map<string, ResolvedClient>();

  constructor(
    private readonly files: readonly FileFacts[],
    private readonly symbols: SymbolTable,
    private readonly folder: Folder,
    private readonly project: ProjectInfo,
  ) {
    for (const f of files) {
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
        if (fact.kind === 'request') requests.push(this.linkRequest(f, fact, ambient));
        else if (fact.kind === 'call') {
          const derived = this.linkCall(f, fact, ambient);
          if (derived) requests.push(derived);
        } else if (fact.kind === 'binding' && fact.client) this.clientOf({ file: f.file, fact, how: clientHow(f.file, fact) });
      }
    }
    return { requests, clients: [...this.clients.values()] };
  }

  private linkRequest(f: FileFacts, fact: RequestFact, ambient: Evidence[]): LinkedRequest {
    const url = this.folder.fold(fact.url, f.file);
    const evidence: Evidence[] = [...fact.evidence];
    const headers: Record<string, LinkedHeader> = {};
    let base: Folded | undefined = fact.base ? this.folder.fold(fact.base, f.file) : undefined;
    let baseOrigin: string | undefined;
    const client = fact.instance
      ? this.resolveClient(f.file, fact.instance.name, fact.instance.from)
      : !base && !isAbsolute(url) ? this.defaults.get(fact.client) : undefined;
    if (client) {
      const linked = this.clientOf(client);
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
    if (fact.instance && isAxeptioName(fact.instance.name)) evidence.push({ weight: 'strong', text: `client instance ${fact.instance.name}` });
    for (const [name, value] of Object.entries(fact.headers ?? {})) headers[name.toLowerCase()] = { value: this.folder.fold(value, f.file) };
    const body = fact.body
      ? { encoding: fact.body.encoding, fields: this.foldFields(fact.body.fields, f.file) }
      : undefined;
    return this.finish({
      file: f.file,
      fileKind: f.kind,
      span: fact.span,
      client: fact.client,
      method: fact.method?.toUpperCase(),
      url,
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
    const base = wrapper.base ? this.folder.fold(wrapper.base, symbol.file) : undefined;
    const fields = call.bodyFields ? this.foldFields(call.bodyFields, f.file) : undefined;
    return this.finish({
      file: f.file,
      fileKind: f.kind,
      span: call.span,
      client: `wrapper:${wrapper.name}`,
      method: wrapper.method?.toUpperCase(),
      url,
      base,
      baseOrigin: base ? `via wrapper ${wrapper.name} base in ${where(symbol.file, wrapper.span.line)}` : undefined,
      body: fields ? { encoding: 'unknown', fields } : undefined,
      headers: {},
      context: call.context,
      evidence,
      ambient,
    });
  }

  private finish(r: Omit<LinkedRequest, 'target' | 'url'> & { url: Folded; baseOrigin?: string }): LinkedRequest {
    const { baseOrigin, url, ...rest } = r;
    const target = joinBase(r.base, url);
    const shape = shapeOf(target.text, !!r.base && r.base.text !== '');
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
    const kind = this.files.find((f) => f.file === file)?.kind ?? 'javascript';
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
      ambient: this.ambientOf(this.files.find((f) => f.file === file)),
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

function isAbsolute(url: Folded): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(url.text);
}

function clientHow(file: string, fact: BindingFact): string {
  const library = fact.client?.library ?? 'client';
  const factory = DEFAULTS_BINDING.test(fact.name) ? fact.name : `${library}.create`;
  return `${factory} baseURL in ${where(file, fact.span.line)}`;
}
