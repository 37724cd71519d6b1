/**
 * The import-specifier reading as it was written before the byte-view fast path: a plain scan of
 * the decoded text, kept here as the independent reference the prefilter's results are held against.
 */
const RELATIVE_LITERAL = /(["'])(\.{1,2}(?:\/[^"'\n]*)?)\1/g;
const IMPORT_KEYWORD_BEFORE = /(?:\bfrom|\bimport|\brequire\s*\(|\bimport\s*\()\s*$/;

/** Relative module specifiers of import/export-from/require/dynamic import statements, deduplicated. */
export function referenceImportSpecifiers(text: string): string[] {
  const found = new Set<string>();
  for (const m of text.matchAll(RELATIVE_LITERAL)) {
    if (IMPORT_KEYWORD_BEFORE.test(text.slice(Math.max(0, m.index - 12), m.index))) found.add(m[2]!);
  }
  return [...found];
}
