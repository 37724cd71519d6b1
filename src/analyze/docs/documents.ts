/** Markdown, reStructuredText and AsciiDoc: code blocks, sections and paragraphs around each mention of the old flow. */
import type { DocReferenceFact, Evidence } from '../../facts/types.js';
import { LineIndex } from '../line-index.js';
import { BEFORE_INTRO, docLineHit, RETIRED } from './doc-lines.js';

export type DocFormat = 'markdown' | 'rst' | 'asciidoc';

/** Release histories record what changed; they are not instructions to follow. */
export function isHistoryFile(path: string): boolean {
  return /(?:^|\/)(?:change[-_ ]?log|changes|history|release[-_ ]?notes|news)(?:\.[\w-]+)*$/i.test(path);
}

/** DocReferenceFacts of one documentation file. */
export function documentReferences(path: string, text: string, format: DocFormat): DocReferenceFact[] {
  if (isHistoryFile(path)) return [];
  const index = new LineIndex(text);
  const axeptioDoc = /axept/i.test(text) || /axept/i.test(path);
  const evidence: Evidence[] = axeptioDoc ? [{ weight: 'strong', text: `${path} mentions Axeptio` }] : [];
  const facts: DocReferenceFact[] = [];
  const code = codeTracker(format);
  let sectionRetired = false;
  let paragraphRetired = false;
  let blockRetired = false;
  for (let line = 1; line <= index.lineCount; line++) {
    const content = index.lineText(line);
    const state = code(content, index.lineText(line + 1));
    if (state === 'fence-open') {
      // A code block inherits the retirement context of the prose that introduces it.
      const intro = `${lastProse(index, line)}\n${content}`;
      blockRetired = paragraphRetired || sectionRetired || RETIRED.test(intro) || BEFORE_INTRO.test(intro);
      continue;
    }
    if (state === 'fence-close') {
      blockRetired = false;
      continue;
    }
    const inCode = state === 'code';
    if (!inCode) {
      if (isHeading(content, index.lineText(line + 1), format)) {
        sectionRetired = RETIRED.test(content) || /\b(?:before|old|avant)\b/i.test(content);
        paragraphRetired = false;
        continue;
      }
      if (content.trim() === '') {
        paragraphRetired = false;
        continue;
      }
      if (RETIRED.test(content)) paragraphRetired = true;
    }
    if (sectionRetired || (inCode ? blockRetired : paragraphRetired)) continue;
    const hit = docLineHit(content, { inCode }, axeptioDoc);
    if (!hit) continue;
    facts.push({ kind: 'doc-reference', span: index.lineSpan(line), summary: hit.summary, evidence });
  }
  return facts;
}

type LineState = 'prose' | 'code' | 'fence-open' | 'fence-close';

/** A per-format state machine telling whether each line is prose, code, or a code fence. */
function codeTracker(format: DocFormat): (line: string, next: string) => LineState {
  let open: string | undefined;
  let rstIndent: number | undefined;
  let rstPending = false;
  return (line) => {
    if (format === 'markdown') {
      const fence = /^\s*(`{3,}|~{3,})/.exec(line)?.[1];
      if (open) {
        if (fence && fence[0] === open[0] && fence.length >= open.length && line.trim() === fence) {
          open = undefined;
          return 'fence-close';
        }
        return 'code';
      }
      if (fence) {
        open = fence;
        return 'fence-open';
      }
      return /^( {4}|\t)\S/.test(line) ? 'code' : 'prose';
    }
    if (format === 'asciidoc') {
      const delim = /^(-{4,}|\.{4,}|`{3,})\s*$/.exec(line)?.[1];
      if (open) {
        if (delim === open) {
          open = undefined;
          return 'fence-close';
        }
        return 'code';
      }
      if (delim) {
        open = delim;
        return 'fence-open';
      }
      return /^ \S/.test(line) ? 'code' : 'prose';
    }
    // reStructuredText: `::` or `.. code-block::` opens an indented literal block.
    const indent = line.search(/\S/);
    if (rstIndent !== undefined) {
      if (indent === -1 || indent >= rstIndent) return 'code';
      rstIndent = undefined;
    }
    if (rstPending && indent > 0) {
      rstPending = false;
      rstIndent = indent;
      return 'code';
    }
    if (/::\s*$/.test(line) || /^\s*\.\. (?:code-block|code|sourcecode)::/.test(line)) {
      rstPending = true;
      return 'fence-open';
    }
    if (rstPending && indent === -1) return 'prose';
    rstPending = false;
    return 'prose';
  };
}

/** ATX/setext headings (Markdown), `=`-prefixed titles (AsciiDoc), underlined titles (reST). */
function isHeading(line: string, next: string, format: DocFormat): boolean {
  if (format === 'markdown') return /^\s{0,3}#{1,6}\s/.test(line) || (line.trim() !== '' && /^\s{0,3}(=+|-+)\s*$/.test(next));
  if (format === 'asciidoc') return /^={1,6}\s/.test(line);
  return line.trim() !== '' && /^([=\-~^"'`#*+:.])\1{2,}\s*$/.test(next);
}

/** The nearest non-blank line above `line` (the sentence that introduces a block). */
function lastProse(index: LineIndex, line: number): string {
  for (let l = line - 1; l >= Math.max(1, line - 3); l--) {
    const t = index.lineText(l);
    if (t.trim() !== '') return t;
  }
  return '';
}
