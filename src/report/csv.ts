/**
 * CSV (RFC 4180) for spreadsheets and ticket imports: a header row, one record per finding,
 * CRLF between records, fields quoted when they hold a comma, quote, CR or LF.
 */
import type { Finding } from '../findings/types.js';
import type { Reporter } from './types.js';

export const CSV_COLUMNS = [
  'ruleId', 'severity', 'confidence', 'file', 'line', 'column', 'endLine', 'endColumn',
  'message', 'fixAvailable', 'transform', 'fingerprint',
] as const;

/**
 * CSV formula injection (CWE-1236): Excel, LibreOffice and Google Sheets evaluate a cell that starts
 * with = + - @ (or tab/CR, which some of them strip first). Messages and paths come from scanned
 * repositories, so an attacker-chosen file name like `=HYPERLINK(...)` must open as text: prefix
 * such text fields with an apostrophe, which spreadsheets show as a text marker. Numbers are ours
 * and never negative, so they are left alone.
 */
function neutralizeFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** One RFC 4180 field: quoted (with doubled quotes) only when it must be. */
export function csvField(value: string | number | boolean | undefined): string {
  if (value === undefined) return '';
  const text = typeof value === 'string' ? neutralizeFormula(value) : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function record(f: Finding): string {
  return [
    f.ruleId, f.severity, f.confidence, f.file, f.line, f.column, f.endLine, f.endColumn,
    f.message, f.fix.available, f.fix.transform, f.fingerprint,
  ].map(csvField).join(',');
}

/** Render the findings as CSV, header first, every record CRLF-terminated. */
export const csvReporter: Reporter = (report) =>
  [CSV_COLUMNS.join(','), ...report.findings.map(record)].map((line) => `${line}\r\n`).join('');
