/**
 * V8 flags the analyzers set for their thread's process before compiling anything big.
 *
 * `--liftoff-only`: V8 compiles WebAssembly with its baseline compiler only. The tree-sitter
 * grammars are large wasm modules (bash: 1.4 MB), and the optimizing tier spent 150-600 ms
 * compiling one on this machine's 2 cores, against 20-40 ms with Liftoff; the scanner parses a
 * few files per language, far too little for optimized code to pay that back.
 *
 * Set before the TypeScript bundle is compiled too (javascript/typescript.ts), not only before the
 * first grammar: V8 accepts a code cache only under the flags it was made with, so the flags must
 * be the same at every load of the cached bundle, whichever language a scan meets first.
 */
import v8 from 'node:v8';

let set = false;

/** Set the analyzers' V8 flags, once per process (flags are process-wide, threads included). */
export function setAnalyzerV8Flags(): void {
  if (set) return;
  set = true;
  v8.setFlagsFromString('--liftoff-only');
}
