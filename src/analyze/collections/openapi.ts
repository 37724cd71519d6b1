/**
 * OpenAPI 3 / Swagger 2 documents: a path or string naming /auth/local/signin, or a description
 * telling clients to sign in with a username and password, documents the old flow → DocReferenceFact
 * (never a RequestFact: the document describes, it does not call).
 */
import type { DocReferenceFact, Evidence } from '../../facts/types.js';
import { child, textOf, type TreeNode, type DocContext } from '../config/structured-tree.js';
import { docLineHit } from '../docs/doc-lines.js';

/** `openapi: 3.x` or `swagger: "2.0"` at the top. */
export function isOpenApi(doc: TreeNode): boolean {
  return textOf(child(doc, 'openapi')) !== undefined || textOf(child(doc, 'swagger')) !== undefined;
}

const SIGNIN = /local\/signin/i;

/** DocReferenceFacts of an OpenAPI document, one per source line at most. */
export function openApiReferences(doc: TreeNode, ctx: DocContext): DocReferenceFact[] {
  const axeptio = /axept/i.test(ctx.text);
  const evidence: Evidence[] = axeptio ? [{ weight: 'strong', text: 'OpenAPI document mentions Axeptio' }] : [];
  const byLine = new Map<number, DocReferenceFact>();
  const add = (line: number, column: number, summary: string): void => {
    if (byLine.has(line)) return;
    const text = ctx.index.lineText(line);
    byLine.set(line, { kind: 'doc-reference', span: { line, column, endLine: line, endColumn: text.length + 1 }, summary, evidence });
  };
  const paths = child(doc, 'paths');
  if (paths?.type === 'object') {
    for (const p of paths.entries) {
      if (!SIGNIN.test(p.key)) continue;
      const methods = p.value.type === 'object' ? p.value.entries.map((m) => m.key.toUpperCase()).filter((m) => /^(GET|POST|PUT|PATCH)$/.test(m)) : [];
      const pos = ctx.index.position(p.keyStart);
      add(pos.line, pos.column, `OpenAPI documents ${methods[0] ?? 'POST'} ${p.key}, the retired sign-in`);
    }
  }
  visitStrings(doc, '', (node, key) => {
    const first = ctx.index.position(node.start).line;
    const last = ctx.index.position(Math.max(node.start, node.end - 1)).line;
    const prose = key === 'description' || key === 'summary' || key === 'title';
    const single = first === last;
    for (let line = first; line <= last; line++) {
      // A one-line string is judged on its own text (a JSON line may hold a title and a description).
      const content = single ? ctx.text.slice(node.start, node.end) : ctx.index.lineText(line);
      const offset = single ? ctx.index.position(node.start).column - 1 : 0;
      if (SIGNIN.test(content) && !prose) {
        add(line, offset + content.search(/\S/) + 1, `OpenAPI ${key || 'value'} names /auth/local/signin`);
        continue;
      }
      if (!prose) continue;
      const hit = docLineHit(content, { inCode: false }, axeptio);
      if (hit) add(line, offset + hit.index + 1, `OpenAPI ${key} ${hit.summary}`);
    }
  });
  return [...byLine.values()].sort((a, b) => a.span.line - b.span.line);
}

function visitStrings(node: TreeNode, key: string, visit: (node: TreeNode, key: string) => void): void {
  if (node.type === 'scalar') {
    if (typeof node.value === 'string') visit(node, key);
  } else if (node.type === 'array') for (const item of node.items) visitStrings(item, key, visit);
  else for (const e of node.entries) visitStrings(e.value, e.key, visit);
}
