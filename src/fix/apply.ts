/**
 * Fixing one planned file in memory, with every check `fix` promises before a write: the output
 * parses, a second run changes nothing, encoding (UTF-8 with or without BOM, UTF-16, Latin-1),
 * line endings and final newline are the file's own.
 * Nothing here writes; the caller decides (dry run, patch, or atomic write).
 */
import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { decodeText } from '../discover/decode.js';
import path from 'node:path';
import { redact } from '../findings/redact.js';
import { fixCollectionText } from './collections/index.js';
import { fixEnvTemplate } from './env-template.js';
import type { FilePlan } from './plan.js';
import { parseError, runTransforms } from './transforms.js';
import type { ManualStep } from './types.js';

export interface FileFix {
  plan: FilePlan;
  status: 'changed' | 'unchanged' | 'skipped' | 'failed';
  reason?: string;
  /** Bytes as read (to detect a concurrent edit before writing). */
  original?: Buffer;
  before?: string;
  after?: string;
  /** Bytes to write when changed, in the file's own encoding. */
  output?: Buffer;
  steps: ManualStep[];
}

export interface ApplyContext {
  root: string;
  /** Absolute path of the helper the rewritten code imports. */
  helperPath: string;
  /** Per-file import extension hint for TypeScript under NodeNext. */
  importExtension: (abs: string) => 'js' | undefined;
}

const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/** Run the planned fixer on one file and check its output. */
export function fixFile(plan: FilePlan, ctx: ApplyContext): FileFix {
  const base: FileFix = { plan, status: 'unchanged', steps: [] };
  let original: Buffer;
  try {
    original = readFileSync(plan.abs);
  } catch (error) {
    return { ...base, status: 'skipped', reason: `unreadable (${(error as NodeJS.ErrnoException).code ?? 'error'})` };
  }
  const decoded = decodeText(original);
  if (!decoded.ok) return { ...base, status: 'skipped', reason: decoded.reason };
  const encoding = decoded.encoding;
  const utf8Bom = encoding === 'utf-8' && original[0] === 0xef && original[1] === 0xbb && original[2] === 0xbf;
  const before = decoded.text;
  let result: { after: string; steps: ManualStep[] };
  try {
    result = runFixer(plan, before, ctx);
  } catch (error) {
    return { ...base, original, status: 'failed', reason: `${plan.transforms.join('+')} threw: ${redact(firstLine(error))}` };
  }
  const steps = result.steps.map((s) => ({ ...s, file: plan.file, reason: redact(s.reason) }));
  if (result.after === before) return { ...base, original, before, status: 'unchanged', steps };
  const after = keepLayout(before, result.after);
  if (plan.kind === 'code') {
    const broken = parseError(plan.abs, after);
    if (broken) return { ...base, original, before, steps, status: 'failed', reason: `the rewritten file would not parse (${redact(broken)}); left unchanged` };
  }
  let again: string;
  try {
    again = keepLayout(before, runFixer(plan, after, ctx).after);
  } catch (error) {
    return { ...base, original, before, steps, status: 'failed', reason: `second run threw: ${redact(firstLine(error))}; left unchanged` };
  }
  if (again !== after) return { ...base, original, before, steps, status: 'failed', reason: 'a second run would change the file again (not idempotent); left unchanged' };
  const output = encodeLike(after, encoding, utf8Bom);
  if (!output) return { ...base, original, before, steps, status: 'skipped', reason: `the new text cannot be written back in ${encoding}; fix it by hand` };
  return { ...base, original, before, after, steps, status: 'changed', output };
}

/** Bytes in the file's own encoding (BOM included where it had one), or null when the text does not fit it. */
function encodeLike(text: string, encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'latin1', utf8Bom: boolean): Buffer | null {
  switch (encoding) {
    case 'utf-8':
      return Buffer.concat([utf8Bom ? UTF8_BOM : Buffer.alloc(0), Buffer.from(text, 'utf8')]);
    case 'utf-16le':
      return Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf16le')]);
    case 'utf-16be':
      return Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(text, 'utf16be')]);
    case 'latin1': {
      const bytes = iconv.encode(text, 'latin1');
      return iconv.decode(bytes, 'latin1') === text ? bytes : null;
    }
  }
}

function runFixer(plan: FilePlan, text: string, ctx: ApplyContext): { after: string; steps: ManualStep[] } {
  switch (plan.kind) {
    case 'code': {
      const hint = ctx.importExtension(plan.abs);
      const run = runTransforms(plan.transforms, plan.abs, text, { helperPath: ctx.helperPath, findingLines: findingLinesOf(plan), ...(hint ? { importExtension: hint } : {}) });
      return { after: run.output, steps: run.steps };
    }
    case 'env-template':
      return { after: fixEnvTemplate(text).text, steps: [] };
    case 'collection': {
      const fixed = fixCollectionText(plan.file, text);
      if (!fixed) return { after: text, steps: [{ transform: 'collection', file: plan.file, reason: 'not a collection format fix can edit (Postman collection/environment or .http); change the request by hand' }] };
      return { after: fixed.text, steps: fixed.manual.map((reason) => ({ transform: 'collection', file: plan.file, reason })) };
    }
  }
}

/** The lines of the plan's findings, per transform: the transforms trust the scanner's cross-file links there. */
function findingLinesOf(plan: FilePlan): Record<string, number[]> {
  const lines: Record<string, number[]> = {};
  for (const f of plan.findings) if (f.fix.transform) (lines[f.fix.transform] ??= []).push(f.line);
  return lines;
}

/** Keep the file's line endings and final newline whatever the fixer printed. */
export function keepLayout(before: string, after: string): string {
  let out = after;
  const crlf = (before.match(/\r\n/g) ?? []).length;
  const lf = (before.match(/(?<!\r)\n/g) ?? []).length;
  if (crlf > 0 && lf === 0) out = out.replace(/\r?\n/g, '\r\n');
  else if (lf > 0 && crlf === 0) out = out.replace(/\r\n/g, '\n');
  const eol = crlf > 0 && lf === 0 ? '\r\n' : '\n';
  const endsWithNewline = /\n$/.test(before);
  if (endsWithNewline && !/\n$/.test(out)) out += eol;
  if (!endsWithNewline && before.length > 0) out = out.replace(/\r?\n$/, '');
  return out;
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0]!;
}

/** Relative POSIX path for messages. */
export function relativePosix(root: string, abs: string): string {
  return path.relative(root, abs).split(path.sep).join('/');
}
