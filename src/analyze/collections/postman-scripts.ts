/**
 * Sign-ins hidden in Postman scripts: a collection or folder pre-request script that calls
 * `pm.sendRequest({ url: pm.environment.get('baseUrl') + '/auth/local/signin', ... })` before every
 * request. The request is reported on the script line that names the endpoint.
 */
import { child, itemsOf, textOf, type ScalarNode, type TreeNode, type DocContext } from '../config/structured-tree.js';
import type { SymbolicValue } from '../../facts/types.js';
import { locateValue, type RequestDraft } from './request-facts.js';
import { storedToken } from './script-tokens.js';

/** The collection itself, every folder and every request item: whatever can carry `event` scripts. */
export function scriptHolders(doc: TreeNode): TreeNode[] {
  const out = [doc];
  const visit = (items: TreeNode | undefined): void => {
    for (const item of itemsOf(items)) {
      out.push(item);
      visit(child(item, 'item'));
    }
  };
  visit(child(doc, 'item'));
  return out;
}

const VARIABLE_GET = /pm\.(?:environment|collectionVariables|variables|globals)\.get\(\s*['"`]([\w.-]+)['"`]\s*\)/g;
const SIGNIN_LITERAL = /(['"`])((?:(?!\1)[^\\\n]|\\.)*local\/signin(?:(?!\1)[^\\\n]|\\.)*)\1/;
const CREDENTIAL_FIELD = /\b(username|email|identifier|password)\b['"]?\s*:\s*(?:pm\.\w+\.get\(\s*['"`]([\w.-]+)['"`]\s*\)|(['"])((?:(?!\3).)*)\3)/g;

/** Drafts (without evidence) for the sign-ins that the scripts of one holder send. */
export function scriptSigninDrafts(
  holder: TreeNode,
  ctx: DocContext,
  parts: (raw: string) => SymbolicValue,
): Array<{ draft: RequestDraft; fallback: { start: number; end: number } }> {
  const drafts: Array<{ draft: RequestDraft; fallback: { start: number; end: number } }> = [];
  for (const event of itemsOf(child(holder, 'event'))) {
    const exec = child(child(event, 'script'), 'exec');
    const lines: ScalarNode[] = exec?.type === 'array' ? exec.items.filter((l): l is ScalarNode => l.type === 'scalar') : exec?.type === 'scalar' ? [exec] : [];
    const script = lines.map((l) => textOf(l) ?? '').join('\n');
    if (!/sendRequest/.test(script) || !SIGNIN_LITERAL.test(script)) continue;
    const literal = SIGNIN_LITERAL.exec(script)!;
    const before = script.slice(0, literal.index);
    // `pm.environment.get('baseUrl') + '/auth/local/signin'` → {{baseUrl}}/auth/local/signin
    const prefix = /pm\.\w+\.get\(\s*['"`]([\w.-]+)['"`]\s*\)\s*\+\s*$/.exec(before);
    const url = `${prefix ? `{{${prefix[1]}}}` : ''}${literal[2]!.replace(/\$\{\s*pm\.\w+\.get\(\s*['"`]([\w.-]+)['"`]\s*\)\s*\}/g, '{{$1}}')}`;
    const anchor = lines.find((l) => /local\/signin/.test(textOf(l) ?? '')) ?? lines[0]!;
    const at = ctx.text.indexOf('local/signin', anchor.valueStart);
    const start = lines.length === 1 && at !== -1 && at < anchor.valueEnd ? lineStartOf(ctx, at, anchor.valueStart) : anchor.start;
    const method = /method\s*:\s*['"`](\w+)['"`]/.exec(script)?.[1] ?? 'POST';
    const fields = [...script.matchAll(CREDENTIAL_FIELD)].map((m) => ({ key: m[1]!, value: m[2] ? `{{${m[2]}}}` : m[4]! }));
    const draft: RequestDraft = { client: 'postman', method, url: parts(url), span: ctx.index.firstLineSpan(start, anchor.end), context: {} };
    // A pre-request script without a guard signs in again before every request.
    if (textOf(child(event, 'listen')) === 'prerequest' && !/\bif\s*\(/.test(script)) draft.context!.perRequest = true;
    const range = { start: exec!.start, end: exec!.end };
    if (fields.length) draft.body = { encoding: 'json', fields: fields.map((f) => ({ ...f, ...locateValue(ctx.text, range.start, range.end, f.key, f.value) })) };
    const stored = storedToken(script.replace(VARIABLE_GET, "'$1'"));
    if (stored) {
      draft.responseTokenField = stored.field;
      if (!stored.tracksExpiry) draft.tokenCachedWithoutExpiry = true;
    }
    drafts.push({ draft, fallback: range });
  }
  return drafts;
}

/** In a one-string script, report the line of the script text that names the endpoint (the JSON string holds `\n`s, not lines). */
function lineStartOf(ctx: DocContext, at: number, floor: number): number {
  const escapedNewline = ctx.text.lastIndexOf('\\n', at);
  return escapedNewline >= floor ? escapedNewline + 2 : floor;
}
