/**
 * Single-file components (.vue, .svelte): keep only the `<script>` blocks, blanking every other
 * character except line breaks so that positions in the extracted text are positions in the file.
 */

export interface ExtractedScript {
  text: string;
  /** `lang` attribute of the first script block that has one ('ts', 'tsx', 'js'...). */
  lang?: string;
  blocks: number;
}

// Attribute values may hold '>' (`generic="T extends Record<string, any>"`), so quoted values are skipped whole.
const SCRIPT_BLOCK = /<script\b((?:[^>"']|"[^"]*"|'[^']*')*)>([\s\S]*?)<\/script\s*>/gi;

/** The script blocks of a component, in place, everything else replaced by spaces. */
export function extractScripts(text: string): ExtractedScript {
  const out = text.replace(/[^\r\n]/g, ' ').split('');
  let lang: string | undefined;
  let blocks = 0;
  for (const m of text.matchAll(SCRIPT_BLOCK)) {
    const attrs = m[1] ?? '';
    if (/\bsrc\s*=/.test(attrs)) continue;
    const type = /\btype\s*=\s*["']?([^"'\s>]+)/i.exec(attrs)?.[1];
    if (type && !/javascript|typescript|module|babel|jsx/i.test(type)) continue;
    lang ??= /\blang\s*=\s*["']?([\w-]+)/i.exec(attrs)?.[1]?.toLowerCase();
    const start = m.index! + m[0].indexOf('>') + 1;
    const body = m[2] ?? '';
    for (let i = 0; i < body.length; i++) out[start + i] = body[i]!;
    blocks++;
  }
  return { text: out.join(''), lang, blocks };
}
