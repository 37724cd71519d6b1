/**
 * A tree-sitter syntax tree read into the same Program the per-language recognizers query
 * (statements, assignments, calls, annotations, scopes), so a language's client and route
 * recognizers do not care which reader produced it. Each language supplies a TreeReader that
 * maps its grammar's node types onto Expr; this module walks the tree once, in source order.
 */
import type { Node, Tree } from 'web-tree-sitter';
import { walkExpr, type Expr } from '../lexical/expression.js';
import type { CallExpr, Program, Scope } from '../lexical/program.js';
import { LineIndex } from '../line-index.js';
import type { Token } from '../lexical/tokenizer.js';
import type { GrammarId } from './runtime.js';

export interface TreeReader {
  grammar: GrammarId;
  /**
   * Node types that are calls (object creation included). A call that is not part of an
   * expression the reader converted (an argument it does not model, a lambda body, a
   * condition) becomes a statement of its own, so no call is lost to unmodelled syntax.
   */
  calls: ReadonlySet<string>;
  /** Convert an expression node (children through `r.expr`); undefined when the reader does not model it. */
  expr(node: Node, r: TreeRead): Expr | undefined;
  /**
   * Record what a node declares: assignments (`r.assign`), decorators/annotations/attributes
   * (`r.annotate`), function and class ranges (`r.scope`). Called for every named node, pre-order.
   */
  declare(node: Node, r: TreeRead): void;
}

/** The reading state handed to a TreeReader. */
export class TreeRead {
  private readonly converted = new Map<number, Expr | undefined>();
  private readonly inStatements = new Set<Expr>();
  /** Every call converted, also those whose enclosing expression a reader then dropped. */
  readonly convertedCalls: CallExpr[] = [];

  constructor(
    readonly program: Program,
    private readonly reader: TreeReader,
  ) {}

  /** The Expr of a node, converted once (the same object every time it is asked for). */
  expr(node: Node | null | undefined): Expr | undefined {
    if (!node) return undefined;
    if (this.converted.has(node.id)) return this.converted.get(node.id);
    const e = this.reader.expr(node, this);
    this.converted.set(node.id, e);
    if (e?.k === 'call') this.convertedCalls.push(e);
    return e;
  }

  /** The node was converted as part of some expression already. */
  wasConverted(node: Node): boolean {
    return this.converted.get(node.id) !== undefined;
  }

  /** Keep an expression as a statement of the program (its calls become program.calls). */
  statement(e: Expr | undefined): void {
    if (!e || this.inStatements.has(e)) return;
    this.inStatements.add(e);
    this.program.statements.push(e);
  }

  /** Record `target = value` (the value is also a statement). */
  assign(target: string | undefined, value: Expr | undefined, start: number, end: number): void {
    this.statement(value);
    if (!target || !value) return;
    this.program.assignments.push({ target, value, start, end });
  }

  /** An expression written as a decorator, annotation or attribute. */
  annotate(e: Expr | undefined): void {
    if (!e) return;
    this.statement(e);
    this.program.annotations.add(e);
  }

  scope(kind: Scope['kind'], name: string | undefined, node: Node): void {
    if (name) this.program.scopes.push({ kind, name, start: node.startIndex, end: node.endIndex });
  }
}

/** Read a parsed tree into a Program; `tokens` come from the language's tokenizer (secrets and cache scans use them). */
export function programFromTree(tree: Tree, text: string, tokens: Token[], reader: TreeReader): Program {
  const program: Program = { text, tokens, lines: new LineIndex(text), statements: [], assignments: [], calls: [], annotations: new Set(), scopes: [] };
  const r = new TreeRead(program, reader);
  const cursor = tree.walk();
  try {
    for (;;) {
      if (cursor.nodeIsNamed) {
        const node = cursor.currentNode;
        reader.declare(node, r);
        if (reader.calls.has(node.type) && !r.wasConverted(node)) r.statement(r.expr(node));
      }
      if (cursor.gotoFirstChild() || cursor.gotoNextSibling()) continue;
      let up = false;
      while (cursor.gotoParent()) {
        if (cursor.gotoNextSibling()) {
          up = true;
          break;
        }
      }
      if (!up) break;
    }
  } finally {
    cursor.delete();
  }
  const calls = new Set<CallExpr>();
  for (const s of program.statements) walkExpr(s, (e) => e.k === 'call' && calls.add(e));
  // A call inside an expression the reader converted and then dropped (an unnamed assignment
  // target, one unmodelled operand) was marked converted, so it is added here, never lost.
  for (const c of r.convertedCalls) calls.add(c);
  program.calls = [...calls].sort((a, b) => a.start - b.start);
  program.assignments.sort((a, b) => a.start - b.start);
  program.scopes.sort((a, b) => a.start - b.start);
  return program;
}
