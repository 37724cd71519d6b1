/**
 * The JavaScript/TypeScript analyzer (also the scripts of .vue and .svelte components):
 * parse once with the TypeScript parser, emit facts; on syntax errors keep the error-tolerant
 * tree's facts and add a lexical pass so a broken file is never silently clean.
 */
import { rememberCompiledTypeScript, ts } from './typescript.js';
import type { Fact, RequestFact, Span } from '../../facts/types.js';
import type { Analyzer, AnalyzerInput, AnalyzerOutput } from '../types.js';
import { analyzeScript } from './analyze-script.js';
import { isTestPath } from './context.js';
import { finalizeEvidence, valueEvidence } from './evidence.js';
import { knownText } from './fold.js';
import { LineIndex } from '../line-index.js';
import { legacyEndpointLiterals } from './lexical.js';
import { sanitizeFacts } from './sanitize.js';
import { extractScripts } from './sfc.js';
import { parseDiagnostics, parseScript, scriptKindFor, spanOfRange } from './source.js';

export const javascriptAnalyzer: Analyzer = {
  id: 'javascript',
  kinds: ['javascript', 'typescript', 'vue', 'svelte'],
  analyze: analyzeJavaScript,
};

/** Analyze one JS/TS/Vue/Svelte file. */
export function analyzeJavaScript(input: AnalyzerInput): AnalyzerOutput {
  let script = input.text;
  let kind = scriptKindFor(input.path);
  if (input.kind === 'vue' || input.kind === 'svelte') {
    const extracted = extractScripts(input.text);
    if (extracted.blocks === 0) return { facts: [], parsed: false, errors: [] };
    script = extracted.text;
    kind = extracted.lang === 'ts' || extracted.lang === 'typescript' ? ts.ScriptKind.TS : extracted.lang === 'tsx' ? ts.ScriptKind.TSX : ts.ScriptKind.JS;
  }
  if (looksMinified(script)) {
    // Bundled library code: parsing costs seconds per file and yields no integration code, but a
    // legacy endpoint baked into a bundle must still surface, so the lexical pass runs alone.
    const index = new LineIndex(script);
    const spanOf = (start: number, end: number): Span => index.span(start, end);
    return { facts: sanitizeFacts(lexicalRequests(spanOf, script, input.path, [])), parsed: false, errors: [] };
  }
  const sf = parseScript(input.path, script, kind);
  const errors: string[] = [];
  let facts: Fact[] = [];
  let lexical = false;
  try {
    facts = analyzeScript(sf, { path: input.path, kind: input.kind, text: input.text });
  } catch (err) {
    const reason = err instanceof Error ? err.message.split('\n')[0] : String(err);
    errors.push(`analysis failed: ${reason}; scanned lexically`);
    lexical = true;
  }
  rememberCompiledTypeScript();
  const diagnostics = parseDiagnostics(sf);
  if (diagnostics.length) {
    const d = diagnostics[0]!;
    const pos = sf.getLineAndCharacterOfPosition(d.start ?? 0);
    const message = ts.flattenDiagnosticMessageText(d.messageText, ' ');
    errors.push(`parse error at ${pos.line + 1}:${pos.character + 1}: ${message}; scanned lexically`);
    lexical = true;
  }
  if (lexical) facts.push(...lexicalRequests((start, end) => spanOfRange(sf, start, end), script, input.path, facts));
  return { facts: sanitizeFacts(facts), parsed: true, errors };
}

/** Request facts for legacy endpoint literals the AST pass did not already turn into requests. */
function lexicalRequests(spanOf: (start: number, end: number) => Span, script: string, path: string, facts: Fact[]): RequestFact[] {
  const requests = facts.filter((f): f is RequestFact => f.kind === 'request');
  const covered = (start: number, text: string): boolean => {
    const line = spanOf(start, start).line;
    return requests.some(
      (r) =>
        (r.span.line <= line && line <= r.span.endLine) ||
        knownText(r.url).includes(text) ||
        knownText([...(r.base ?? []), ...r.url]).includes(text),
    );
  };
  const out: RequestFact[] = [];
  for (const hit of legacyEndpointLiterals(script)) {
    if (covered(hit.start, hit.text)) continue;
    const span = spanOf(hit.start, hit.end);
    const url = [{ kind: 'text' as const, text: hit.text }];
    out.push({
      kind: 'request',
      span,
      client: 'unknown',
      url,
      context: isTestPath(path) ? { inTest: true } : {},
      evidence: finalizeEvidence(valueEvidence(url, `${path}:${span.line}`)),
    });
  }
  return out;
}

/** Minified code: a large text whose lines average hundreds of characters (hand-written code averages ~40). */
export function looksMinified(text: string): boolean {
  if (text.length < 32 * 1024) return false;
  let lines = 1;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lines++;
  return text.length / lines > 400;
}
