/**
 * Collection fixers for the `fix` command: Postman collections and environments (.json) and
 * .http/.rest files with `legacy-signin` findings. Edits keep the file's formatting (JSON through
 * jsonc-parser `modify`, .http line by line) and are idempotent.
 */
import { asPostmanCollection, asPostmanEnvironment, fixPostmanCollection, fixPostmanEnvironment, parseLenient } from './postman.js';
import { fixHttpFile } from './http-file.js';
import type { CollectionFix } from './types.js';

export type { CollectionFix } from './types.js';

/** Fix one collection file's text; undefined when the file is no collection this module fixes. */
export function fixCollectionText(file: string, text: string): CollectionFix | undefined {
  const lower = file.toLowerCase();
  if (lower.endsWith('.http') || lower.endsWith('.rest')) return fixHttpFile(text);
  if (!lower.endsWith('.json')) return undefined;
  // Keep a BOM where it was: edits work on the text after it.
  const bom = text.startsWith('\uFEFF') ? '\uFEFF' : '';
  const body = bom ? text.slice(1) : text;
  const doc = parseLenient(body);
  const collection = asPostmanCollection(doc);
  const result = collection ? fixPostmanCollection(body, collection) : asPostmanEnvironment(doc) ? fixPostmanEnvironment(body, asPostmanEnvironment(doc)!) : undefined;
  return result && { ...result, text: bom + result.text };
}
