/**
 * curl/wget/HTTPie commands embedded in CI steps (`run:`, `script:`): read with the shell
 * analyzer's own command reader and recognizer, so CI scripts and .sh files agree; GitHub
 * Actions `${{ secrets.X }}` expressions become env parts.
 */
import type { Fact, SymbolicValue, ValuePart } from '../../facts/types.js';
import type { LineIndex } from '../line-index.js';
import { readHttpCommand } from '../shell/clients.js';
import { readCommands, wordLiteral } from '../shell/words.js';
import { locateValue, requestFacts, type RequestDraft } from './request-facts.js';
import { partsText } from './value-parts.js';

/** RequestFacts for the HTTP commands inside [from, to) of the file's text. */
export function shellRequestFacts(text: string, index: LineIndex, from: number, to: number): Fact[] {
  const facts: Fact[] = [];
  for (const cmd of readCommands(text, from, to)) {
    const req = readHttpCommand(cmd, (parts) => ciParts(parts));
    if (!req?.url) continue;
    const end = cmd.words[cmd.words.length - 1]!.end;
    const draft: RequestDraft = { client: req.client, url: ciParts(req.url.parts), span: index.span(cmd.start, end) };
    if (req.method) draft.method = req.method;
    if (req.body) {
      draft.body = {
        encoding: req.body.encoding,
        fields: Object.entries(req.body.fields).map(([key, raw]) => {
          const parts = ciParts(raw);
          const value = partsText(parts);
          return { key, value, parts, ...locateValue(text, cmd.start, end, key, value) };
        }),
      };
    }
    const headers = Object.entries(req.headers).map(([name, raw]) => {
      const parts = ciParts(raw);
      const value = partsText(parts);
      return { name, value, parts, ...locateValue(text, cmd.start, end, name, value.replace(/^(?:Bearer|Basic|Token)\s+/i, '')) };
    });
    if (headers.length) draft.headers = headers;
    const jq = cmd.pipedTo && wordLiteral(cmd.pipedTo.words[0]) === 'jq' ? cmd.pipedTo.words.map((w) => wordLiteral(w) ?? '').join(' ') : '';
    const field = /\.(access_token|accessToken|token|jwt)\b/.exec(jq);
    if (field) draft.responseTokenField = field[1]!;
    facts.push(...requestFacts(draft, { index, parts: (s) => [{ kind: 'text', text: s }], fallback: { start: cmd.start, end } }));
  }
  return facts;
}

const CI_EXPRESSION = /^\$\{\{\s*(?:secrets|env|vars|inputs)\.([A-Za-z_]\w*)\s*\}?$/;

/** `${{ secrets.X }}` read by the shell reader as an unknown part (+ a stray `}`) → env X. */
function ciParts(parts: readonly ValuePart[]): SymbolicValue {
  const out: ValuePart[] = [];
  let strip = false;
  for (const p of parts) {
    const m = p.kind === 'unknown' ? CI_EXPRESSION.exec(p.text.trim()) : null;
    if (m && p.kind === 'unknown') {
      out.push({ kind: 'env', name: m[1]! });
      strip = !p.text.trim().endsWith('}}');
      continue;
    }
    if (strip && p.kind === 'text' && p.text.startsWith('}')) {
      if (p.text.length > 1) out.push({ kind: 'text', text: p.text.slice(1) });
    } else out.push(p);
    strip = false;
  }
  return out;
}
