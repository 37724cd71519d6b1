/** How a configuration value is supplied: empty, a placeholder, a secret-store reference, or a literal. */
import { isPlaceholderValue } from '../../findings/redact.js';
import type { ConfigEntryFact } from '../../facts/types.js';

export type ValueKind = ConfigEntryFact['valueKind'];

/** Secret stores and CI secret contexts: the value lives elsewhere, on purpose. */
const REFERENCE =
  /^(?:\$\{\{\s*(?:secrets|vars)\.|\{\{\s*\.Values\.|vault:|arn:aws:(?:secretsmanager|ssm)|op:\/\/|ssm:|sm:\/\/|secretsmanager:|azurekeyvault:|akv:|gcp-?sm:|\$\{\{\s*env\.)/i;

/** `${VAR}`, `${VAR:-}`, `$VAR`, `%VAR%`, `{{ var }}`: interpolation of something defined elsewhere. */
const INTERPOLATION = /^(?:\$\{[A-Za-z_][A-Za-z0-9_]*(?::?[-?=+][^}]*)?\}|\$[A-Za-z_][A-Za-z0-9_]*|%[A-Za-z_][A-Za-z0-9_]*%|\{\{[^}]*\}\}|#\{[^}]*\})$/;

/** Classify a raw value (quotes already removed); `null`/`undefined` mean the key has no value at all. */
export function valueKindOf(value: string | null | undefined): ValueKind {
  if (value === null || value === undefined) return 'empty';
  const v = value.trim();
  if (v === '' || v === '""' || v === "''") return 'empty';
  if (REFERENCE.test(v)) return 'reference';
  if (INTERPOLATION.test(v) || isPlaceholderValue(v)) return 'placeholder';
  // Prose ("Mot de passe", "Enter your password") is a label or a hint, not a credential.
  if (/^[\p{L}'’.,:!?()-]+(?:\s+[\p{L}'’.,:!?()-]+)+$/u.test(v)) return 'placeholder';
  if (/^(?:example|sample|dummy|fake|xxx+)[\w.-]*$/i.test(v) && v.length < 14) return 'placeholder';
  return 'literal';
}

/** Template files meant to be copied (`.env.example`, `values.example.yaml`, `config.sample.json`, `.env.dist`). */
export function isTemplatePath(path: string): boolean {
  const base = path.slice(path.lastIndexOf('/') + 1).toLowerCase();
  return /(?:^|[._-])(?:example|sample|template|dist|tpl)(?:[._-]|$)/.test(base.replace(/^\.env/, 'env'));
}
