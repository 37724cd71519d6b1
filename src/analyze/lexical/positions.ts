/** Offsets to 1-based line/column spans; lines end at `\n` so CRLF files keep the same line numbers. */
import type { Span } from '../../facts/types.js';

export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(text: string) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }

  /** 1-based line and column (UTF-16 units) of an offset. */
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

  /** Span of the [start, end) range; the end column is exclusive like every Span. */
  span(start: number, end: number): Span {
    const a = this.position(start);
    const b = this.position(end);
    return { line: a.line, column: a.column, endLine: b.line, endColumn: b.column };
  }

  /** 1-based line of an offset. */
  line(offset: number): number {
    return this.position(offset).line;
  }
}
