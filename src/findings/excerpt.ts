/**
 * Excerpts of the offending source: the JSON `snippet` (the construct's own lines, at most five)
 * and the pretty reporter's code frame (a little context, the offending lines marked). Both are
 * masked by span (hard-coded secret values) and then redacted, before any truncation, so a cut
 * can never expose half a secret. Frames stay off the JSON report: they live in a WeakMap.
 */
import type { Span } from '../facts/types.js';
import { maskSpans, redact } from './redact.js';
import type { Finding } from './types.js';

export const MAX_SNIPPET_LINES = 5;
const CONTEXT_LINES = 2;
const MAX_LINE_CHARS = 240;

export interface CodeFrameLine {
  line: number;
  text: string;
  /** The line belongs to the offending construct. */
  marked: boolean;
}

export interface CodeFrame {
  lines: CodeFrameLine[];
  /** 1-based column of the caret under the first marked line (after redaction). */
  caretColumn: number;
}

const frames = new WeakMap<Finding, CodeFrame>();

/** Attach a code frame to a finding for the pretty reporter (not serialized). */
export function attachCodeFrame(finding: Finding, frame: CodeFrame): void {
  frames.set(finding, frame);
}

/** The code frame built for a finding during this scan, if any (none for findings loaded from JSON). */
export function codeFrameOf(finding: Finding): CodeFrame | undefined {
  return frames.get(finding);
}

/** Redacted snippet (≤ 5 lines) and code frame of `span` within the file's lines. */
export function excerpt(fileLines: readonly string[], span: Span, redactSpans: readonly Span[] = []): { snippet: string; frame: CodeFrame } {
  const first = clamp(span.line, 1, fileLines.length);
  const last = clamp(Math.min(span.endLine, span.line + MAX_SNIPPET_LINES - 1), first, fileLines.length);
  const from = Math.max(1, first - CONTEXT_LINES);
  const to = Math.min(fileLines.length, last + 1);
  const window = maskSpans(fileLines.slice(from - 1, to) as string[], from, redactSpans).map((l) => redact(l));

  const focus = Math.max(0, redact(window[first - from]!.slice(0, Math.max(0, span.column - 1))).length);
  const shown = window.map((text, i) => {
    const line = from + i;
    return { line, text: line === first ? truncate(text, focus) : truncate(text, 0), marked: line >= first && line <= last };
  });
  const firstShown = shown[first - from]!;
  const caretColumn = firstShown.text.startsWith('…') && focus > 80 ? 82 : focus + 1;
  const snippet = shown.filter((l) => l.marked).map((l) => l.text).join('\n');
  return { snippet, frame: { lines: shown.map((l) => ({ ...l })), caretColumn } };
}

/** Split decoded text into lines the way analyzers count them (CRLF, LF and lone CR). */
export function splitLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

/** Cut an overlong (minified) line to a window around `focus` so reports stay readable. */
function truncate(text: string, focus: number): string {
  if (text.length <= MAX_LINE_CHARS) return text;
  const start = focus > 80 ? focus - 80 : 0;
  return `${start > 0 ? '…' : ''}${text.slice(start, start + MAX_LINE_CHARS)}…`;
}

function clamp(n: number, lo: number, hi: number): number {
  return Math.min(Math.max(n, lo), Math.max(lo, hi));
}
