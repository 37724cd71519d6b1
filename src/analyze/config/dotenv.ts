/** `.env*` files: `KEY=value`, `export KEY=value`, quoted values, comments. */
import type { Fact } from '../../facts/types.js';
import { configEntryFacts } from './config-entries.js';
import { LineIndex } from '../line-index.js';
import { isTemplatePath } from './value-kind.js';

const ASSIGNMENT = /^([ \t]*)(export[ \t]+)?([A-Za-z_][A-Za-z0-9_.-]*)[ \t]*=[ \t]*(.*)$/;

export interface DotenvEntry {
  key: string;
  line: number;
  keyColumn: number;
  /** Value without quotes; '' for `KEY=`. */
  value: string;
  valueColumn: number;
  valueEndColumn: number;
  quoted: boolean;
}

/** Entries of a dotenv text, in order, with 1-based line/columns. */
export function parseDotenv(text: string): DotenvEntry[] {
  const index = new LineIndex(text);
  const entries: DotenvEntry[] = [];
  for (let line = 1; line <= index.lineCount; line++) {
    const m = ASSIGNMENT.exec(index.lineText(line));
    if (!m) continue;
    const keyColumn = m[1]!.length + (m[2]?.length ?? 0) + 1;
    const rest = m[4]!;
    const restColumn = m[0].length - rest.length + 1;
    const quote = rest[0] === '"' || rest[0] === "'" ? rest[0] : undefined;
    if (quote) {
      const close = findClosingQuote(rest, quote);
      const value = rest.slice(1, close === -1 ? rest.length : close);
      entries.push({ key: m[3]!, line, keyColumn, value, valueColumn: restColumn + 1, valueEndColumn: restColumn + 1 + value.length, quoted: true });
    } else {
      const comment = rest.search(/(?:^|[ \t])#/);
      const value = (comment === -1 ? rest : rest.slice(0, comment)).trimEnd();
      entries.push({ key: m[3]!, line, keyColumn, value, valueColumn: restColumn, valueEndColumn: restColumn + value.length, quoted: false });
    }
  }
  return entries;
}

function findClosingQuote(s: string, quote: string): number {
  for (let i = 1; i < s.length; i++) {
    if (s[i] === '\\' && quote === '"') i++;
    else if (s[i] === quote) return i;
  }
  return -1;
}

/** Facts of a dotenv file. */
export function analyzeDotenv(path: string, text: string): Fact[] {
  const template = isTemplatePath(path);
  const facts: Fact[] = [];
  for (const e of parseDotenv(text)) {
    facts.push(
      ...configEntryFacts({
        keyPath: e.key,
        span: { line: e.line, column: e.keyColumn, endLine: e.line, endColumn: Math.max(e.valueEndColumn + (e.quoted ? 1 : 0), e.keyColumn + e.key.length) },
        value: e.value,
        valueSpan: { line: e.line, column: e.valueColumn, endLine: e.line, endColumn: e.valueEndColumn },
        format: 'dotenv',
        template,
        // A flat env file mixes many services: only the key itself ties an entry to Axeptio.
        axeptioContext: false,
      }),
    );
  }
  return facts;
}
