/** Minimal, format-keeping JSON edits: jsonc-parser `modify` + `applyEdits` with the file's own indent and line endings. */
import { applyEdits, modify, type FormattingOptions, type JSONPath } from 'jsonc-parser';

/** Indentation and EOL of a JSON text, so inserted nodes look like their neighbours. */
export function formattingOf(text: string): FormattingOptions {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const indents = [...text.matchAll(/\n([ \t]+)["{[\]}]/g)].slice(0, 50).map((m) => m[1]!);
  if (indents.some((i) => i.startsWith('\t'))) return { insertSpaces: false, tabSize: 4, eol };
  const size = indents.length ? Math.min(...indents.map((i) => i.length)) : 2;
  return { insertSpaces: true, tabSize: size || 2, eol };
}

/** A JSON text under edit: every change is one `modify` on the current text. */
export class JsonEditor {
  private readonly formatting: FormattingOptions;
  changed = false;

  constructor(public text: string) {
    this.formatting = formattingOf(text);
  }

  /** Set (or, with undefined, remove) the value at `path`. */
  set(path: JSONPath, value: unknown): void {
    this.apply(path, value, false);
  }

  /** Insert `value` into the array at `path` (last element: index = length). */
  insert(path: JSONPath, value: unknown): void {
    this.apply(path, value, true);
  }

  private apply(path: JSONPath, value: unknown, isArrayInsertion: boolean): void {
    const edits = modify(this.text, path, value, { formattingOptions: this.formatting, isArrayInsertion });
    if (!edits.length) return;
    const next = applyEdits(this.text, edits);
    if (next !== this.text) {
      this.text = next;
      this.changed = true;
    }
  }
}
