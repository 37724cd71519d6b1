/**
 * Folding expressions into symbolic values within one file: string constants, concatenation,
 * interpolation, printf-style formatting, URL joins and env reads. Names the file cannot
 * resolve stay `ref` parts for the link step; the names crossed on the way are remembered
 * because an `AXEPTIO_BASE` constant is evidence even after it folded into plain text.
 */
import type { SymbolicValue, ValuePart } from '../../facts/types.js';
import { redact } from '../../findings/redact.js';
import { chainOf, dottedName, literalText, positional, type Arg, type Expr } from './expression.js';
import { bindingOf, type Program } from './program.js';

export interface FoldHooks {
  /** The environment variable an expression reads (`os.environ["X"]`, `getenv('X')`), if it reads one. */
  envRead(e: Expr): string | undefined;
  /** Receivers whose members resolve to their own last name (`self.x` → `x` when `x` is a class-level constant). */
  selfNames?: readonly string[];
}

const MAX_DEPTH = 12;

/** Calls that return their (first) argument as far as a URL is concerned. */
const TRANSPARENT_CALLS = /^(?:URI|URI\.create|URI\.parse|URI\.encode|Uri|URL|str|String|strval|String\.valueOf|url\.Parse|new Uri|new URL|new URI|new java\.net\.URI|new java\.net\.URL|Uri\.parse|String\.Format)$/;
/** Methods on a string that keep it a URL (`base.rstrip('/')`). */
const TRANSPARENT_METHODS = new Set(['rstrip', 'strip', 'lstrip', 'trim', 'trimEnd', 'TrimEnd', 'Trim', 'to_s', 'toString', 'ToString', 'chomp', 'removeSuffix', 'strip_suffix', 'encode', 'decode', 'unwrap', 'get', 'getOrDefault']);
/** Functions whose first argument is the string and the rest are trimming details. */
const TRIM_FUNCTIONS = new Set(['rtrim', 'trim', 'ltrim', 'strings.TrimSuffix', 'strings.TrimRight', 'strings.TrimSpace', 'untrailingslashit', 'trailingslashit']);
const JOIN_FUNCTIONS = new Set(['urljoin', 'urllib.parse.urljoin', 'parse.urljoin', 'os.path.join', 'posixpath.join', 'path.Join', 'File.join', 'URI.join', 'Path.Combine', 'url.JoinPath', 'JoinPath', 'Paths.get', 'joinPath']);
const FORMAT_FUNCTIONS = new Set(['fmt.Sprintf', 'String.format', 'sprintf', 'format', 'String.Format', 'Sprintf']);

export class Folder {
  /** Identifiers crossed while folding the last value (constants, refs, env names). */
  names = new Set<string>();

  constructor(
    readonly program: Program,
    readonly hooks: FoldHooks,
  ) {}

  /** Symbolic value of an expression; `names` records the identifiers used. */
  value(e: Expr | undefined, depth = 0): SymbolicValue {
    if (!e) return [];
    if (depth > MAX_DEPTH) return [this.unknown(e)];
    const env = this.hooks.envRead(e);
    if (env) {
      // `os.getenv("X", "https://api.axept.io")`: the default URL is evidence even though the value is the env var.
      const fallback = e.k === 'call' ? literalText(positional(e.args)[1]) : undefined;
      if (fallback && /:\/\//.test(fallback)) this.names.add(`default:${env}=${fallback}`);
      return [{ kind: 'env', name: env }];
    }
    switch (e.k) {
      case 'str': {
        const out: ValuePart[] = [];
        for (const p of e.pieces) {
          if ('text' in p) pushPart(out, { kind: 'text', text: p.text });
          else for (const part of this.value(p.expr, depth + 1)) pushPart(out, part);
        }
        return out;
      }
      case 'num':
        return [{ kind: 'text', text: e.text }];
      case 'bin':
        if (e.op === '%' && e.left.k === 'str') return this.format(e.left, e.right.k === 'coll' ? e.right.entries.map((a) => a.value) : [e.right], depth);
        if (this.isFallback(e.op)) {
          const left = this.value(e.left, depth + 1);
          return left.some((p) => p.kind === 'unknown') ? this.value(e.right, depth + 1) : left;
        }
        return concat(this.value(e.left, depth + 1), this.value(e.right, depth + 1));
      case 'id':
      case 'member':
      case 'index':
        return this.nameValue(e, depth);
      case 'call':
        return this.callValue(e, depth);
      default:
        return [this.unknown(e)];
    }
  }

  private isFallback(op: string): boolean {
    return ['or', '||', '??', '?:'].includes(op);
  }

  /** The expression a name stands for within this file, following assignments (`url = BASE + '/x'`). */
  resolve(e: Expr, depth = 0): Expr {
    if (depth > MAX_DEPTH) return e;
    if (e.k !== 'id' && e.k !== 'member' && e.k !== 'index') return e;
    const target = e.k === 'index' ? undefined : dottedName(e);
    if (!target) return e;
    const binding = this.bindingFor(target, e.start);
    if (!binding) return e;
    this.names.add(target);
    return this.resolve(binding, depth + 1);
  }

  private bindingFor(target: string, offset: number): Expr | undefined {
    const direct = bindingOf(this.program, target, offset);
    if (direct) return direct.value;
    const dot = target.indexOf('.');
    if (dot > 0) {
      const root = target.slice(0, dot);
      if ((this.hooks.selfNames ?? ['self', 'this', '$this', 'cls', 'static', 'self::']).includes(root) || /^[A-Z]/.test(root)) {
        const last = target.slice(target.lastIndexOf('.') + 1);
        return bindingOf(this.program, last, offset)?.value;
      }
    }
    return undefined;
  }

  private nameValue(e: Expr, depth: number): SymbolicValue {
    // `configuration["Axeptio:ApiUrl"]`, `settings['AXEPTIO_URL']`: a keyed lookup the link step may know.
    if (e.k === 'index' && dottedName(e.obj) && literalText(e.index) !== undefined) {
      const root = dottedName(e.obj)!.split('.');
      this.names.add(`${dottedName(e.obj)}.${literalText(e.index)}`);
      return [{ kind: 'ref', name: root[0]!, member: [...root.slice(1), literalText(e.index)!] }];
    }
    const name = e.k === 'index' ? undefined : dottedName(e);
    if (name) {
      const binding = this.bindingFor(name, e.start);
      this.names.add(name);
      if (binding && binding !== e) return this.value(binding, depth + 1);
      const [root, ...member] = name.split('.');
      return [member.length ? { kind: 'ref', name: root!, member } : { kind: 'ref', name: root! }];
    }
    return [this.unknown(e)];
  }

  private callValue(e: Extract<Expr, { k: 'call' }>, depth: number): SymbolicValue {
    const callee = (e.isNew ? 'new ' : '') + (dottedName(e.callee) ?? '');
    const args = positional(e.args);
    const bare = callee.replace(/^new /, '');
    if (TRANSPARENT_CALLS.test(callee) || TRANSPARENT_CALLS.test(bare)) {
      if (args.length >= 2 && /Uri|URL|URI/.test(bare)) return joinValues(this.value(args[0], depth + 1), this.value(args[1], depth + 1));
      if (args.length) return this.value(args[0], depth + 1);
    }
    if (TRIM_FUNCTIONS.has(bare) && args.length) return this.value(args[0], depth + 1);
    if (JOIN_FUNCTIONS.has(bare) && args.length) return args.map((a) => this.value(a, depth + 1)).reduce((acc, v) => joinValues(acc, v));
    if (FORMAT_FUNCTIONS.has(bare) && args[0]?.k === 'str') return this.format(args[0], args.slice(1), depth);
    if (e.callee.k === 'member') {
      const method = e.callee.name;
      if ((method === 'format' || method === 'formatted') && e.callee.obj.k === 'str') return this.format(e.callee.obj, args, depth, e.args);
      if (TRANSPARENT_METHODS.has(method) && method !== 'get' && method !== 'getOrDefault') return this.value(e.callee.obj, depth + 1);
      if (method === 'join' && e.callee.obj.k === 'str' && args[0]?.k === 'coll') {
        const sep = literalText(e.callee.obj) ?? '';
        return args[0].entries.map((a) => this.value(a.value, depth + 1)).reduce((acc, v) => concat(concat(acc, [{ kind: 'text', text: sep }]), v));
      }
      if (method === 'join' && args[0]?.k === 'str' && e.callee.obj.k === 'coll') {
        const sep = literalText(args[0]) ?? '';
        return e.callee.obj.entries.map((a) => this.value(a.value, depth + 1)).reduce((acc, v) => concat(concat(acc, [{ kind: 'text', text: sep }]), v));
      }
    }
    // Laravel `config('services.axeptio.url')`: a named configuration value the link step may know.
    if (bare === 'config' && literalText(args[0])) {
      const key = literalText(args[0])!;
      this.names.add(`config.${key}`);
      return [{ kind: 'ref', name: 'config', member: key.split('.') }];
    }
    const chain = chainOf(e);
    if (chain && chain.length > 1) {
      // `config.get('axeptio.url')`, `settings.AXEPTIO_URL`: keep as a ref with the key as member.
      const key = literalText(args[0]);
      if (key && /^(get|fetch|getString|GetValue|getProperty|config)$/.test(chain[chain.length - 1]!.name)) {
        const root = dottedName(e.callee.k === 'member' ? e.callee.obj : e.callee) ?? 'config';
        this.names.add(`${root}.${key}`);
        return [{ kind: 'ref', name: root.split('.')[0]!, member: [...root.split('.').slice(1), ...key.split(/[.:]/)] }];
      }
    }
    return [this.unknown(e)];
  }

  /** printf (`%s`, `%v`, `%d`) and Python `{}`/`{name}` formatting with known arguments. */
  private format(template: Extract<Expr, { k: 'str' }>, args: Expr[], depth: number, named: Arg[] = []): SymbolicValue {
    const text = literalText(template);
    if (text === undefined) return this.value(template, depth + 1);
    const out: ValuePart[] = [];
    let argIndex = 0;
    let last = 0;
    const re = /%[-+ 0#]*\d*(?:\.\d+)?[svdqfx]|\{(\w*)(?::[^}]*)?\}/g;
    for (const m of text.matchAll(re)) {
      pushPart(out, { kind: 'text', text: text.slice(last, m.index) });
      const key = m[1];
      const arg = key && !/^\d+$/.test(key) ? named.find((a) => a.name === key)?.value : args[key ? Number(key) : argIndex++];
      for (const p of arg ? this.value(arg, depth + 1) : [{ kind: 'unknown' as const, text: m[0] }]) pushPart(out, p);
      last = m.index + m[0].length;
    }
    pushPart(out, { kind: 'text', text: text.slice(last) });
    return out;
  }

  private unknown(e: Expr): ValuePart {
    return { kind: 'unknown', text: redact(this.program.text.slice(e.start, Math.min(e.end, e.start + 80))) };
  }
}

/** Append a part, merging adjacent text. */
export function pushPart(out: ValuePart[], part: ValuePart): void {
  if (part.kind === 'text') {
    if (!part.text) return;
    const last = out[out.length - 1];
    if (last?.kind === 'text') {
      out[out.length - 1] = { kind: 'text', text: last.text + part.text };
      return;
    }
  }
  out.push(part);
}

/** a + b with adjacent text merged. */
export function concat(a: SymbolicValue, b: SymbolicValue): SymbolicValue {
  const out: ValuePart[] = [];
  for (const p of a) pushPart(out, p);
  for (const p of b) pushPart(out, p);
  return out;
}

/** URL join: exactly one slash at the seam when both sides are known there. */
export function joinValues(a: SymbolicValue, b: SymbolicValue): SymbolicValue {
  const last = a[a.length - 1];
  const first = b[0];
  const leftSlash = last?.kind === 'text' && last.text.endsWith('/');
  const rightSlash = first?.kind === 'text' && first.text.startsWith('/');
  if (first?.kind === 'text' && /^https?:\/\//.test(first.text)) return b;
  if (leftSlash && rightSlash) return concat(a, [{ kind: 'text', text: first.text.slice(1) }, ...b.slice(1)]);
  if (!leftSlash && !rightSlash && a.length && b.length) return concat(concat(a, [{ kind: 'text', text: '/' }]), b);
  return concat(a, b);
}

/** Readable text of a symbolic value (`${AXEPTIO_API_URL}/auth/local/signin`), for evidence and matching. */
export function symbolicText(v: SymbolicValue): string {
  return v
    .map((p) => {
      switch (p.kind) {
        case 'text': return p.text;
        case 'env': return `\${${p.name}}`;
        case 'ref': return `\${${[p.name, ...(p.member ?? [])].join('.')}}`;
        case 'param': return `\${${p.name}}`;
        default: return '${?}';
      }
    })
    .join('');
}
