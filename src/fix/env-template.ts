/**
 * `.env.example`-style templates: the retired AXEPTIO_USERNAME/AXEPTIO_PASSWORD keys become
 * AXEPTIO_CLIENT_ID/AXEPTIO_CLIENT_SECRET, line by line, keeping comments, order, quotes and line
 * endings; AXEPTIO_FRONTEGG_URL is added after them when the template lacks it (the helper needs
 * it). Real `.env` files hold values and are never rewritten, only reported.
 */
import path from 'node:path';
import { replacementFor } from '../../transforms/env-credentials.ts';

const TEMPLATE_NAME = /^(\.env\.(example|sample|template|dist|defaults)|\.env\.[\w.-]+\.(example|sample|template)|[\w.-]+\.env\.(example|sample|template)|(example|sample|template)\.env)$/i;

/** Whether the file is an env template meant to be copied (never one holding real values). */
export function isEnvTemplate(filePath: string): boolean {
  return TEMPLATE_NAME.test(path.basename(filePath));
}

export interface EnvTemplateFix {
  text: string;
  /** Legacy keys replaced, in file order. */
  replaced: string[];
}

const ENTRY = /^(\s*(?:export\s+)?)([A-Za-z_][A-Za-z0-9_]*)(\s*=\s*)(.*)$/;
const PLACEHOLDER: Record<string, string> = { AXEPTIO_CLIENT_ID: 'your-client-id', AXEPTIO_CLIENT_SECRET: 'your-client-secret' };

/** Rewrite the legacy keys of an env template. */
export function fixEnvTemplate(text: string): EnvTemplateFix {
  const parts = text.split(/(\r\n|\n)/);
  const lines = parts.filter((_, i) => i % 2 === 0);
  const eols = parts.filter((_, i) => i % 2 === 1);
  const keys = new Set(lines.map((l) => ENTRY.exec(l)?.[2]).filter((k): k is string => !!k));
  const replaced: string[] = [];
  const out: Array<string | null> = [];
  let lastReplaced = -1;
  lines.forEach((line, i) => {
    const match = ENTRY.exec(line);
    const replacement = match ? replacementFor(match[2]!) : null;
    if (!match || !replacement) {
      out.push(line);
      return;
    }
    replaced.push(match[2]!);
    lastReplaced = i;
    if (keys.has(replacement) || out.some((l) => l !== null && ENTRY.exec(l)?.[2] === replacement)) {
      out.push(null); // the new key is already there: the legacy line just goes.
      return;
    }
    out.push(`${match[1]}${replacement}${match[3]}${placeholderValue(match[4]!, replacement)}`);
  });
  if (replaced.length === 0) return { text, replaced };
  const eol = eols[0] ?? '\n';
  const rebuilt: string[] = [];
  out.forEach((line, i) => {
    if (line !== null) rebuilt.push(line + (eols[i] ?? ''));
    if (i === lastReplaced && !keys.has('AXEPTIO_FRONTEGG_URL') && !keys.has('FRONTEGG_URL')) {
      if (i === out.length - 1 && eols[i] === undefined) rebuilt[rebuilt.length - 1] += eol;
      rebuilt.push(`AXEPTIO_FRONTEGG_URL=${eols[i] ?? ''}`);
    }
  });
  return { text: rebuilt.join(''), replaced };
}

/** Keep an empty value empty; otherwise a neutral placeholder in the same quotes, with any trailing comment. */
function placeholderValue(value: string, key: string): string {
  if (value.trim() === '') return value;
  const comment = /(\s+#.*)$/.exec(value)?.[1] ?? '';
  const bare = value.slice(0, value.length - comment.length);
  const quote = /^(["'])/.exec(bare)?.[1] ?? '';
  return `${quote}${PLACEHOLDER[key]}${quote}${comment}`;
}
