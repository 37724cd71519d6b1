/**
 * Turning recognized calls into facts, the same way for every lexically analyzed language:
 * evidence (axept.io host, Axeptio-named env vars/constants/functions/folders, localhost),
 * context (test file, enclosing function, per-request sign-in, cached token), env reads,
 * literal secrets (kind + span only) and file-level evidence.
 */
import type { Evidence, Fact, RequestFact, RouteFact, SecretFact, SymbolicValue, ValuePart } from '../../facts/types.js';
import { isPlaceholderValue, MASK, redact } from '../../findings/redact.js';
import { literalText, walkExpr, type Arg, type Expr } from './expression.js';
import { pushPart, symbolicText, type Folder } from './fold.js';
import type { Body } from './payload.js';
import { scopeAt, spanOf, type Program } from './program.js';

export interface RequestDraft {
  /** The expression the finding points at (the call, or the request object's construction). */
  node: { start: number; end: number };
  client: string;
  method?: string;
  url: SymbolicValue;
  base?: SymbolicValue;
  body?: Body;
  headers?: Record<string, SymbolicValue>;
  /** Identifiers crossed while folding url/base (`AXEPTIO_BASE`). */
  names?: Iterable<string>;
}

const LOCAL_HOST = /^(?:localhost|127\.\d+\.\d+\.\d+|0\.0\.0\.0|\[?::1\]?|host\.docker\.internal|[\w.-]+\.(?:local|localhost|test|internal))$/i;
const AXEPTIO = /axept/i;

/** Test files and folders (any language's conventions). */
export function isTestPath(path: string): boolean {
  return (
    /(?:^|\/)(?:tests?|specs?|__tests__|testdata|e2e|integration-tests|spec\/requests)\//i.test(path) ||
    /(?:^|\/)(?:test_[^/]+\.py|[^/]+_test\.(?:py|go|rb)|[^/]+_spec\.rb|[^/]+Tests?\.(?:java|kt|cs|php)|[^/]+\.(?:test|spec)\.[a-z]+|conftest\.py)$/i.test(path)
  );
}

/** Hosts named in a value's text parts. */
export function hostsOf(value: SymbolicValue): string[] {
  const text = symbolicText(value);
  return [...text.matchAll(/\b[a-z][a-z0-9+.-]*:\/\/(?:[^/\s@'"]+@)?([^/\s:?#'"$]+)/gi)].map((m) => m[1]!.toLowerCase());
}

export class FactCollector {
  readonly facts: Fact[] = [];
  private readonly requests: RequestFact[] = [];
  private readonly requestStarts = new Set<number>();
  private readonly offsets = new Map<RequestFact, number>();
  private readonly inTest: boolean;

  constructor(
    readonly program: Program,
    readonly path: string,
    readonly folder: Folder,
  ) {
    this.inTest = isTestPath(path);
  }

  /** Add a request (one per construct: a second recognizer on the same call is ignored). */
  request(d: RequestDraft): RequestFact | undefined {
    if (this.requestStarts.has(d.node.start)) return undefined;
    this.requestStarts.add(d.node.start);
    const fn = scopeAt(this.program, d.node.start, 'function');
    const cls = scopeAt(this.program, d.node.start, 'class');
    const fact: RequestFact = {
      kind: 'request',
      span: spanOf(this.program, d.node),
      client: d.client,
      url: d.url,
      context: {},
      evidence: this.evidenceFor(d, fn?.name, cls?.name),
    };
    if (d.method) fact.method = d.method.toUpperCase();
    if (d.base?.length) fact.base = d.base;
    if (d.body) fact.body = { encoding: d.body.encoding, fields: withoutSecrets(d.body.fields) };
    if (d.headers && Object.keys(d.headers).length) fact.headers = withoutSecrets(d.headers);
    fact.url = maskValue(fact.url);
    if (fact.base) fact.base = maskValue(fact.base);
    if (fn) fact.context.enclosingFunction = fn.name;
    if (this.inTest) fact.context.inTest = true;
    const field = this.responseTokenField(d.node.end, fn?.end);
    if (field) fact.responseTokenField = field;
    this.requests.push(fact);
    this.offsets.set(fact, d.node.start);
    this.facts.push(fact);
    return fact;
  }

  private evidenceFor(d: RequestDraft, fnName: string | undefined, className: string | undefined): Evidence[] {
    const out: Evidence[] = [];
    const add = (weight: Evidence['weight'], text: string) => {
      if (!out.some((e) => e.text === text)) out.push({ weight, text });
    };
    const line = this.program.lines.line(d.node.start);
    for (const value of [d.base ?? [], d.url]) {
      for (const host of hostsOf(value)) {
        if (AXEPTIO.test(host)) add('strong', `host ${host} (${this.path}:${line})`);
        else if (LOCAL_HOST.test(host)) add('contrary', `host ${host} is local`);
      }
      for (const p of value) {
        if (p.kind === 'env' && AXEPTIO.test(p.name)) add('strong', `env ${p.name}`);
        if (p.kind === 'ref' && AXEPTIO.test([p.name, ...(p.member ?? [])].join('.'))) add('strong', `identifier ${[p.name, ...(p.member ?? [])].join('.')}`);
        if (p.kind === 'text' && /axept\.io/i.test(p.text) && !hostsOf([p]).length) add('strong', 'mentions axept.io');
      }
    }
    for (const name of d.names ?? []) {
      const fallback = /^default:([^=]+)=(.*)$/s.exec(name);
      if (fallback) {
        for (const host of hostsOf([{ kind: 'text', text: fallback[2]! }])) if (AXEPTIO.test(host)) add('strong', `host ${host} (default of ${fallback[1]})`);
      } else if (AXEPTIO.test(name) && !out.some((e) => e.text === `env ${name}`)) add('strong', `identifier ${name}`);
    }
    if (fnName && AXEPTIO.test(fnName)) add('strong', `in function ${fnName}`);
    if (className && AXEPTIO.test(className)) add('strong', `in class ${className}`);
    for (const segment of this.path.split('/')) if (AXEPTIO.test(segment)) add('strong', `path ${segment}`);
    const keys = Object.keys(d.body?.fields ?? {}).map((k) => k.toLowerCase());
    if (keys.some((k) => /^(username|email|login|user|identifier|user_name|userName)$/i.test(k)) && keys.some((k) => /^pass(word|wd)?$/.test(k))) {
      add('weak', 'username + password body');
    }
    if (this.inTest) add('contrary', 'in a test file');
    return out;
  }

  /** `resp.json()["token"]`, `data.token`, `['access_token']` read after the request, within its function. */
  private responseTokenField(after: number, fnEnd: number | undefined): string | undefined {
    const { tokens } = this.program;
    let i = tokens.findIndex((t) => t.start >= after);
    if (i === -1) return undefined;
    const limit = fnEnd ?? Number.POSITIVE_INFINITY;
    for (let n = 0; i < tokens.length && n < 80 && tokens[i]!.start < limit; i++, n++) {
      const t = tokens[i]!;
      const prev = tokens[i - 1]?.value;
      if (!/^(token|access_token|accessToken|jwt|id_token|AccessToken|Token)$/.test(t.value)) continue;
      if (t.type === 'str' && (prev === '[' || prev === '(' || t.symbol)) return t.value;
      if (t.type === 'id' && (prev === '.' || prev === '->' || prev === '?.')) return t.value;
    }
    return undefined;
  }

  /** A server route (never a request). */
  route(node: { start: number; end: number }, path: string, framework: string, method?: string): void {
    const fact: RouteFact = { kind: 'route', span: spanOf(this.program, node), path, framework };
    if (method) fact.method = method.toUpperCase();
    this.facts.push(fact);
  }

  /** EnvReadFacts for every env read in the file. */
  envReads(): void {
    const seen = new Set<number>();
    for (const s of this.program.statements)
      walkExpr(s, (e) => {
        const name = this.folder.hooks.envRead(e);
        if (name && !seen.has(e.start)) {
          seen.add(e.start);
          this.facts.push({ kind: 'env-read', span: spanOf(this.program, e), name });
        }
      });
  }

  /** SecretFacts for literals bound to secret-ish names (assignments, named args, dict entries), JWTs and literal bearer headers. */
  secrets(): void {
    const seen = new Set<number>();
    const add = (literal: Expr, secretKind: SecretFact['secretKind'], boundTo: string) => {
      if (seen.has(literal.start)) return;
      seen.add(literal.start);
      this.facts.push({ kind: 'secret', span: spanOf(this.program, literal), secretKind, boundTo, evidence: AXEPTIO.test(boundTo) ? [{ weight: 'strong', text: `bound to ${boundTo}` }] : [] });
    };
    const consider = (name: string | undefined, value: Expr) => {
      if (!name || value.k !== 'str') return;
      const text = literalText(value);
      if (text === undefined) return;
      const kind = secretKindOf(name, text);
      if (kind) add(value, kind, name.replace(/^.*[.>]/, ''));
    };
    for (const a of this.program.assignments) consider(a.target.replace(/\[(.*)\]$/, '.$1'), a.value);
    for (const s of this.program.statements)
      walkExpr(s, (e) => {
        const entries: Arg[] = e.k === 'call' ? [...e.args, ...(e.init ?? [])] : e.k === 'coll' ? e.entries : [];
        for (const a of entries) consider(a.name ?? (a.key ? literalText(a.key) : undefined), a.value);
        // Positional key/value pairs: `Map.of("password", "…")`, `form.Set("password", "…")`, `.add("password", "…")`.
        const plain = entries.filter((a) => !a.name && !a.key).map((a) => a.value);
        for (let i = 0; i + 1 < plain.length; i++) if (plain[i]!.k === 'str') consider(literalText(plain[i]), plain[i + 1]!);
        if (e.k === 'bin' && e.op === 'to') consider(literalText(e.left), e.right); // Kotlin `"password" to "…"`
        if (e.k === 'str') {
          const text = literalText(e) ?? '';
          if (/^(?:Bearer\s+)?eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*$/.test(text.trim())) add(e, 'jwt', 'JWT literal');
          else if (/^Bearer\s+[A-Za-z0-9._~+/=-]{16,}$/.test(text.trim())) add(e, 'access-token', 'Authorization header');
        }
      });
  }

  /** Per-request sign-in, cached tokens, file evidence; returns all facts. */
  finish(): Fact[] {
    for (const r of this.requests) this.markPerRequest(r);
    const evidence: Evidence[] = [];
    const seen = new Set<string>();
    for (const t of this.program.tokens) {
      const key = t.type === 'id' ? t.value : t.type === 'str' && /axept\.io/i.test(t.value) ? (hostsOf([{ kind: 'text', text: t.value }])[0] ?? 'axept.io') : undefined;
      if (!key || !AXEPTIO.test(key) || seen.has(key) || seen.size >= 5) continue;
      seen.add(key);
      evidence.push({ weight: 'strong', text: t.type === 'id' ? `identifier ${key}` : `host ${key}` });
    }
    for (const segment of this.path.split('/')) if (AXEPTIO.test(segment)) evidence.push({ weight: 'strong', text: `path ${segment}` });
    const definesOwnLogin = this.facts.some((f) => f.kind === 'route' && /sign-?in|login/i.test(f.path));
    if (evidence.length || definesOwnLogin) this.facts.push({ kind: 'file-evidence', evidence, ...(definesOwnLogin ? { definesOwnLogin } : {}) });
    return this.facts;
  }

  /** A sign-in inside a function that other request-making functions call first: runs once per API request. */
  private markPerRequest(r: RequestFact): void {
    const name = r.context.enclosingFunction;
    if (!name) return;
    const own = scopeAt(this.program, this.offsets.get(r)!, 'function');
    if (!own) return;
    const body = this.program.text.slice(own.start, own.end);
    const cached = /\|\|=|\?\?=|\bglobal\b|cache|memo|lazy|_token\b\s*(?:is\s+None|==\s*nil|==\s*null|\.nil\?)|if\s*\(?\s*(?:self\.|this\.|\$this->|@)_?token/i.test(body);
    if (cached) {
      if (!/expir|expires_in|ttl|exp\b/i.test(body)) r.tokenCachedWithoutExpiry = true;
      return;
    }
    const callers = this.program.calls.filter((c) => (c.start < own.start || c.start >= own.end) && calleeName(c.callee) === name);
    const callerScopes = callers.map((c) => scopeAt(this.program, c.start, 'function')).filter((s) => s && s.name !== name);
    const otherRequests = this.requests.filter((o) => o !== r);
    const inside = (o: RequestFact, s: { start: number; end: number }) => s.start <= this.offsets.get(o)! && this.offsets.get(o)! < s.end;
    if (callerScopes.some((s) => otherRequests.some((o) => inside(o, s!)))) r.context.perRequest = true;
  }
}

function calleeName(e: Expr): string | undefined {
  if (e.k === 'id') return e.name;
  if (e.k === 'member') return e.name;
  return undefined;
}

/** Field values that are secrets (a literal password, a bearer token) become a redacted unknown: facts never carry them. */
function withoutSecrets(fields: Record<string, SymbolicValue>): Record<string, SymbolicValue> {
  const out: Record<string, SymbolicValue> = {};
  for (const [name, value] of Object.entries(fields)) {
    const secretName = /pass(word|wd)?$|secret|token|api[_-]?key|^authorization$|^pwd$/i.test(name) && !/^grant[_-]?type$/i.test(name);
    const masked: ValuePart[] = [];
    for (const p of secretName ? value.map(maskPart) : maskValue(value)) pushPart(masked, p);
    out[name] = masked;
  }
  return out;
}

/**
 * A literal secret stays a text part, masked (`Bearer «redacted»`), as the JS analyzer does: rules still
 * see that a literal was written there. A placeholder or a bare scheme stays as written.
 */
function maskPart(p: ValuePart): ValuePart {
  if (p.kind !== 'text' || isPlaceholderValue(p.text) || /^(?:Bearer|Basic|Token)\s*$/i.test(p.text)) return p;
  const scheme = /^(Bearer|Basic|Token)\s+/i.exec(p.text);
  return { kind: 'text', text: scheme ? `${scheme[0]}${MASK}` : MASK };
}

/** Redact secret-looking text parts (JWTs, `password=…` in a query) of any value. */
function maskValue(value: SymbolicValue): SymbolicValue {
  return value.map((p) => (p.kind === 'text' && redact(p.text) !== p.text ? { kind: 'text' as const, text: redact(p.text) } : p));
}

const NOT_A_SECRET_NAME = /(url|uri|path|field|label|message|msg|prompt|hint|regex|pattern|len|length|min|max|policy|reset|route|endpoint|input|placeholder|param|header|type|name|env|var|file|key_?name|prefix|format|template|error|title|text|description|help)$/i;

/** The kind of secret a literal bound to `name` would be, or undefined when it is none. */
export function secretKindOf(name: string, value: string): SecretFact['secretKind'] | undefined {
  const v = value.trim();
  if (v.length < 4 || isPlaceholderValue(v) || /^(?:https?:|\/)/.test(v) || /^[A-Z][A-Z0-9_]{2,}$/.test(v)) return undefined;
  const n = name.replace(/^[$@]+/, '');
  if (/^eyJ[\w-]{8,}\.eyJ/.test(v)) return 'jwt';
  if (NOT_A_SECRET_NAME.test(n)) return undefined;
  const flat = n.toLowerCase().replace(/[^a-z0-9]/g, '');
  if (/\s/.test(v)) return undefined; // a sentence (translations, log messages), not a credential
  if (flat.includes('refreshtoken')) return 'refresh-token';
  if (/clientsecret|secretkey|^secret$|secret$|apisecret/.test(flat)) return 'client-secret';
  if (/password$|passwd$|^pwd$|passphrase$|^pass$/.test(flat)) return 'password';
  if (/(?:access|auth|bearer|api|axeptio)token$|^token$/.test(flat)) return 'access-token';
  if (/apikey$/.test(flat)) return 'api-key';
  return undefined;
}
