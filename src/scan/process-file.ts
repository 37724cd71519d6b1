/**
 * The per-file work, run inside a worker (or in-process for small scans): read with guards,
 * prefilter, analyze candidates, parse suppression comments. Only plain data leaves this module:
 * facts, import specifiers and manifest dependency names, never the text or an AST.
 */
import path from 'node:path';
import { readTextFile } from '../discover/read.js';
import type { FileKind } from '../discover/file-kind.js';
import type { FileFacts } from '../facts/types.js';
import { parseSuppressions, toDirectives, type ParsedSuppression } from '../findings/suppressions.js';
import { prefilter } from '../prefilter/index.js';

export interface FileTask {
  abs: string;
  /** POSIX path relative to the scan root. */
  rel: string;
  kind: FileKind;
  /** Analyze without consulting the prefilter (phase 2: importers of relevant modules). */
  force: boolean;
}

export interface BatchTask {
  files: FileTask[];
  maxFileSize: number;
}

/** What a package.json contributes to ProjectInfo. */
export interface ManifestInfo {
  name?: string;
  dependencies: string[];
}

export interface FileOutcome {
  rel: string;
  /** The file was read and decoded (counts towards stats.filesScanned). */
  read: boolean;
  /** Reasons for stats.errors: read refusals, decoding notes, analyzer errors. */
  errors: string[];
  analyzed?: { facts: FileFacts };
  /** Suppression comments of the file (also of non-candidates, so unused ones are reported). */
  suppressions?: ParsedSuppression[];
  /** Relative imports of a non-candidate JS/TS file that makes HTTP calls (phase 2 input). */
  importSpecifiers?: string[];
  manifest?: ManifestInfo;
}

/** Process one batch of files in order (reads are synchronous; see discover/read.ts). */
export async function processBatch(task: BatchTask): Promise<FileOutcome[]> {
  const out: FileOutcome[] = [];
  for (const file of task.files) out.push(await processFile(file, task.maxFileSize));
  return out;
}

type AnalyzerModule = typeof import('../analyze/index.js');
let analyzer: Promise<AnalyzerModule> | undefined;

/**
 * The analyzers (with the TypeScript compiler behind the JS/TS one) take seconds to load; most
 * files never get past the prefilter, so they are loaded on the first candidate only, and a
 * language's tree-sitter grammar on the first candidate of that language.
 */
async function loadAnalyzer(kind: FileKind): Promise<AnalyzerModule['analyzeFile']> {
  analyzer ??= import('../analyze/index.js');
  const m = await analyzer;
  await m.prepareAnalyzer(kind);
  return m.analyzeFile;
}

/** Read, prefilter and (if warranted) analyze one file. */
export async function processFile(file: FileTask, maxFileSize: number): Promise<FileOutcome> {
  const read = readTextFile(file.abs, maxFileSize);
  if (!read.ok) return { rel: file.rel, read: false, errors: [read.reason] };
  const { text } = read;
  const outcome: FileOutcome = { rel: file.rel, read: true, errors: read.note ? [read.note] : [] };
  if (path.posix.basename(file.rel) === 'package.json') {
    const manifest = manifestInfo(text);
    if (manifest) outcome.manifest = manifest;
  }
  const suppressions = parseSuppressions(text);
  if (suppressions.length) outcome.suppressions = suppressions;
  const gate = file.force ? { candidate: true } : prefilter(text, file.kind);
  if (!gate.candidate) {
    if (gate.importSpecifiers?.length) outcome.importSpecifiers = gate.importSpecifiers;
    return outcome;
  }
  const analyzeFile = await loadAnalyzer(file.kind);
  const result = analyzeFile({ path: file.rel, text, kind: file.kind });
  outcome.errors.push(...result.errors);
  outcome.analyzed = {
    facts: { file: file.rel, kind: file.kind, facts: result.facts, directives: toDirectives(suppressions), parsed: result.parsed, errors: result.errors },
  };
  return outcome;
}

function manifestInfo(text: string): ManifestInfo | undefined {
  try {
    const pkg = JSON.parse(text) as Record<string, unknown>;
    const dependencies = new Set<string>();
    for (const key of ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies']) {
      const deps = pkg[key];
      if (deps && typeof deps === 'object') for (const name of Object.keys(deps)) dependencies.add(name);
    }
    return typeof pkg.name === 'string' ? { name: pkg.name, dependencies: [...dependencies] } : { dependencies: [...dependencies] };
  } catch {
    return undefined;
  }
}
