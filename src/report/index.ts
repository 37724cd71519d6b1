/**
 * Formatter registry: `--format <name>` looks the reporter up here. A new formatter is one file
 * in src/report/ and one line in FORMATTERS.
 */
import { json } from './json.js';
import { pretty } from './pretty.js';
import type { Reporter } from './types.js';

export type { Reporter, ReporterOptions } from './types.js';

export const FORMATTERS: Record<string, Reporter> = {
  pretty,
  json,
};

/** Every format name the CLI accepts (CONTRACT.md); some may be registered by other modules later. */
export const FORMAT_NAMES = ['pretty', 'json', 'sarif', 'markdown', 'html', 'csv', 'junit'] as const;

/** The reporter for a format name, if registered. */
export function formatterFor(name: string): Reporter | undefined {
  return Object.hasOwn(FORMATTERS, name) ? FORMATTERS[name] : undefined;
}
