/**
 * Offsets → 1-based line/column on decoded text, shared by every analyzer so they count lines alike:
 * CRLF, LF and lone CR each end one line (as TypeScript and the report's excerpts count them).
 */
import type { Span } from '../facts/types.js';

export class LineIndex {
  /** Offset of the first character of each line. */
  private readonly starts: number[] = [0];

  constructor(readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 13 /* \r */) {
        if (text.charCodeAt(i + 1) === 10) i++;
        this.starts.push(i + 1);
      } else if (c === 10 /* \n */) this.starts.push(i + 1);
    }
  }

  get lineCount(): number {
    return this.starts.length;
  }

  /** 1-based line and column of an offset. */
  position(offset: number): { line: number; column: number } {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - this.starts[lo]! + 1 };
  }

  /** 1-based line of an offset. */
  line(offset: number): number {
    return this.position(offset).line;
  }

  /** Span of the [start, end) range; end column is exclusive. */
  span(start: number, end: number): Span {
    const a = this.position(start);
    const b = this.position(Math.max(start, end));
    return { line: a.line, column: a.column, endLine: b.line, endColumn: b.column };
  }

  /** Offset where a 1-based line starts. */
  lineStart(line: number): number {
    return this.starts[line - 1] ?? this.text.length;
  }

  /** Offset of the end (before the line break) of the line holding `offset`. */
  lineEndOf(offset: number): number {
    const line = this.position(offset).line;
    return this.lineStart(line) + this.lineText(line).length;
  }

  /** Span of [start, end) cut at the end of start's line: a key's line, never the value lines below it. */
  firstLineSpan(start: number, end: number): Span {
    return this.span(start, Math.min(end, this.lineEndOf(start)));
  }

  /** Text of a 1-based line without its line ending. */
  lineText(line: number): string {
    const start = this.lineStart(line);
    const next = line < this.starts.length ? this.starts[line]! : this.text.length;
    return this.text.slice(start, next).replace(/\r?\n$|\r$/, '');
  }

  /** Span of one line from its first non-blank character (or from `fromColumn`) to its end. */
  lineSpan(line: number, fromColumn?: number): Span {
    const text = this.lineText(line);
    const column = fromColumn ?? (text.search(/\S/) + 1 || 1);
    return { line, column, endLine: line, endColumn: text.length + 1 };
  }
}
