/**
 * Folding: a SymbolicValue to one string, resolving refs through the symbol tables of every
 * file (constants, config objects, re-exports). Unresolved parts stay visible as `${...}`
 * placeholders so rules can still see `${AXEPTIO_API_URL}/auth/local/signin`.
 */
import type { SymbolicValue, ValuePart } from '../facts/types.js';
import { MAX_DEPTH, type Symbol, type SymbolTable } from './symbols.js';
import type { Folded } from './types.js';

const MAX_UNKNOWN_TEXT = 40;

/** Folds values written in any file, resolving refs through the project's symbol tables. */
export class Folder {
  constructor(private readonly symbols: SymbolTable) {}

  /** Fold a value written in `file`. */
  fold(value: SymbolicValue | undefined, file: string): Folded {
    return this.foldParts(value ?? [], file, 0, new Set());
  }

  /** Fold what a name written in `file` refers to (e.g. a client instance's member). */
  foldName(file: string, name: string, member: string[] = [], from?: string): Folded {
    return this.foldRef({ kind: 'ref', name, member, from }, file, 0, new Set());
  }

  /** Fold a resolved symbol (a binding found by the caller). */
  foldSymbol(symbol: Symbol): Folded | undefined {
    return this.foldResolved(symbol, 0, new Set());
  }

  private foldParts(parts: readonly ValuePart[], file: string, depth: number, seen: Set<string>): Folded {
    const out = empty();
    for (const part of parts) append(out, this.foldPart(part, file, depth, seen));
    return out;
  }

  private foldPart(part: ValuePart, file: string, depth: number, seen: Set<string>): Folded {
    switch (part.kind) {
      case 'text':
        return { ...empty(), text: part.text };
      case 'env':
        return { ...empty(), text: `\${${part.name}}`, literal: false, envNames: [part.name] };
      case 'param':
        return { ...empty(), text: `\${${part.name}}`, literal: false, hasParam: true };
      case 'unknown': {
        const t = part.text.length > MAX_UNKNOWN_TEXT ? '…' : part.text;
        return { ...empty(), text: `\${${t}}`, literal: false };
      }
      case 'ref':
        return this.foldRef(part, file, depth, seen);
    }
  }

  private foldRef(part: Extract<ValuePart, { kind: 'ref' }>, file: string, depth: number, seen: Set<string>): Folded {
    const member = part.member ?? [];
    const display = [part.name, ...member].join('.');
    const unresolved: Folded = { ...empty(), text: `\${${display}}`, literal: false, identifiers: [display] };
    const key = `${file}#${part.from ?? ''}#${display}`;
    if (depth > MAX_DEPTH || seen.has(key)) return unresolved;
    const symbol = this.symbols.resolveName(file, part.name, member, part.from, 0);
    if (!symbol) return unresolved;
    const next = new Set(seen).add(key);
    const folded = this.foldResolved(symbol, depth + 1, next);
    if (!folded) return unresolved;
    folded.identifiers.unshift(display);
    return folded;
  }

  private foldResolved(symbol: Symbol, depth: number, seen: Set<string>): Folded | undefined {
    if (depth > MAX_DEPTH) return undefined;
    if (symbol.kind === 'namespace') {
      const [first, ...rest] = symbol.member;
      if (!first) return undefined;
      const inner = this.symbols.resolveExport(symbol.file, first, rest);
      return inner ? this.foldResolved(inner, depth + 1, seen) : undefined;
    }
    if (symbol.kind === 'wrapper') return undefined;
    const { fact, file, member } = symbol;
    const name = [fact.name, ...member].join('.');
    let folded: Folded | undefined;
    if (member.length === 0) {
      if (fact.value) folded = this.foldParts(fact.value, file, depth + 1, seen);
    } else {
      folded = this.foldMember(symbol, depth, seen);
    }
    if (!folded) return undefined;
    folded.identifiers.unshift(name);
    folded.trail.unshift({ name, file, line: fact.span.line, text: folded.text });
    return folded;
  }

  /** `config.api.baseUrl`: the flattened member, or the longest member prefix that is itself a ref. */
  private foldMember(symbol: Extract<Symbol, { kind: 'binding' }>, depth: number, seen: Set<string>): Folded | undefined {
    const { fact, file, member } = symbol;
    const members = fact.members ?? {};
    const exact = members[member.join('.')];
    if (exact) return this.foldParts(exact, file, depth + 1, seen);
    for (let n = member.length - 1; n >= 1; n--) {
      const prefix = members[member.slice(0, n).join('.')];
      const only = prefix?.length === 1 ? prefix[0] : undefined;
      if (only?.kind === 'ref') {
        const ref = { ...only, member: [...(only.member ?? []), ...member.slice(n)] };
        return this.foldRef(ref, file, depth + 1, seen);
      }
    }
    // An alias (`export default config`, `const api = settings.api`): carry the member path along.
    const alias = fact.value?.length === 1 ? fact.value[0] : undefined;
    if (alias?.kind === 'ref') {
      return this.foldRef({ ...alias, member: [...(alias.member ?? []), ...member] }, file, depth + 1, seen);
    }
    return undefined;
  }
}

/** A fold of nothing. */
export function empty(): Folded {
  return { text: '', literal: true, envNames: [], identifiers: [], trail: [], hasParam: false };
}

/** Append `b` to `a` in place. */
export function append(a: Folded, b: Folded): Folded {
  a.text += b.text;
  a.literal &&= b.literal;
  a.envNames.push(...b.envNames);
  a.identifiers.push(...b.identifiers);
  a.trail.push(...b.trail);
  a.hasParam ||= b.hasParam;
  return a;
}
