/**
 * `redact` with a bounded cache: evidence texts repeat across thousands of findings
 * (`host api.axept.io via ... in src/http.ts:3`), and redaction runs several regexes per text.
 */
import { redact } from '../findings/redact.js';

const MAX_ENTRIES = 20_000;
const cache = new Map<string, string>();

/** The redacted form of a text, computed once per distinct text. */
export function redacted(text: string): string {
  let out = cache.get(text);
  if (out === undefined) {
    // Dropping everything at the bound keeps memory flat in a long-running process (watch mode, API use).
    if (cache.size >= MAX_ENTRIES) cache.clear();
    out = redact(text);
    cache.set(text, out);
  }
  return out;
}
