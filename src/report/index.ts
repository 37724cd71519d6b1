/**
 * Formatter registry: `--format <name>` looks the reporter up here. A new formatter is one file
 * in src/report/ and one line in FORMATTERS.
 */
import { csvReporter } from './csv.js';
import { htmlReporter } from './html.js';
import { json } from './json.js';
import { junitReporter } from './junit.js';
import { markdownReporter } from './markdown.js';
import { pretty } from './pretty.js';
import { sarifReporter } from './sarif.js';
import type { Reporter } from './types.js';

export type { Reporter, ReporterOptions } from './types.js';

export const FORMATTERS: Record<string, Reporter> = {
  pretty,
  json,
  sarif: sarifReporter,
  markdown: markdownReporter,
  html: htmlReporter,
  csv: csvReporter,
  junit: junitReporter,
};

/** Every format name the CLI accepts (CONTRACT.md); some may be registered by other modules later. */
export const FORMAT_NAMES = ['pretty', 'json', 'sarif', 'markdown', 'html', 'csv', 'junit'] as const;

/** The reporter for a format name, if registered. */
export function formatterFor(name: string): Reporter | undefined {
  return Object.hasOwn(FORMATTERS, name) ? FORMATTERS[name] : undefined;
}
