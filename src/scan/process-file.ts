/**
 * The per-file work, run inside a worker (or in-process for small scans): read with guards,
 * prefilter, analyze candidates, parse suppression comments. Only plain data leaves this module:
 * facts, import specifiers and manifest dependency names, never an AST; the text only of a
 * candidate handed from the thread that prefiltered it to the one that analyzes it (pool.ts).
 */
import { decodeText, sniffText, type Decoded } from '../discover/decode.js';
import { readFileBytesTransient, unreadable } from '../discover/read.js';
import type { FileKind } from '../discover/file-kind.js';
import type { AnalyzerOutput } from '../analyze/types.js';
import type { FileFacts } from '../facts/types.js';
import { parseSuppressions, toDirectives, type ParsedSuppression } from '../findings/suppressions.js';
import { makesHttpCalls, prefilter, prefilterUtf8, type PrefilterResult } from '../prefilter/index.js';

export interface FileTask {
  abs: string;
  /** POSIX path relative to the scan root. */
  rel: string;
  kind: FileKind;
  /**
   * Phase 2: the file imports a relevant module (see link/importersToAnalyze), so it is analyzed
   * when it makes HTTP calls, whatever the prefilter says.
   */
  importer: boolean;
  /** The walk listed it as a regular file (not named on the command line): read without a stat first. */
  listed?: boolean;
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
  /** Relative imports of a non-candidate JS/TS file (phase 2 input). */
  importSpecifiers?: string[];
  manifest?: ManifestInfo;
}

/** Process one batch of files in order (reads are synchronous; see discover/read.ts). */
export async function processBatch(task: BatchTask): Promise<FileOutcome[]> {
  const out: FileOutcome[] = [];
  for (const file of task.files) out.push(await processFile(file, task.maxFileSize));
  return out;
}

/** A file the prefilter let through (or a phase-2 importer), with what its analysis needs. */
export interface Candidate {
  text: string;
  suppressions: ParsedSuppression[];
}

/** The outcome of the first stage; `candidate` is set when the file is to be analyzed. */
export interface Prefiltered {
  outcome: FileOutcome;
  candidate?: Candidate;
}

/** The first stage of one batch, in order: read, decode and prefilter, no analysis. */
export function prefilterBatch(task: BatchTask): Prefiltered[] {
  return task.files.map((file) => prefilterFile(file, task.maxFileSize));
}

export interface AnalyzeTask {
  files: FileTask[];
  candidates: Candidate[];
}

/** The second stage for candidates of one batch, in order. */
export async function analyzeBatch(task: AnalyzeTask): Promise<AnalyzerOutput[]> {
  const out: AnalyzerOutput[] = [];
  for (let i = 0; i < task.files.length; i++) out.push(await analyzeCandidate(task.files[i]!, task.candidates[i]!));
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

/** Load the analyzers (the TypeScript compiler included) before any candidate: the analyzer worker's first task. */
export async function prepareAnalysis(): Promise<void> {
  await loadAnalyzer('javascript');
}

/** Read, prefilter and (if warranted) analyze one file. */
export async function processFile(file: FileTask, maxFileSize: number): Promise<FileOutcome> {
  const { outcome, candidate } = prefilterFile(file, maxFileSize);
  return candidate ? withAnalysis(file, outcome, candidate, await analyzeCandidate(file, candidate)) : outcome;
}

/** Analyze a candidate's text. */
export async function analyzeCandidate(file: FileTask, candidate: Candidate): Promise<AnalyzerOutput> {
  const analyzeFile = await loadAnalyzer(file.kind);
  return analyzeFile({ path: file.rel, text: candidate.text, kind: file.kind });
}

/** Complete a candidate's outcome with its analysis (the outcome is updated and returned). */
export function withAnalysis(file: FileTask, outcome: FileOutcome, candidate: Candidate, result: AnalyzerOutput): FileOutcome {
  outcome.errors.push(...result.errors);
  outcome.analyzed = {
    facts: {
      file: file.rel,
      kind: file.kind,
      facts: result.facts,
      directives: toDirectives(candidate.suppressions),
      parsed: result.parsed,
      errors: result.errors,
    },
  };
  return outcome;
}

/**
 * The first stage for one file: read, decode what is needed, prefilter, parse suppressions.
 *
 * Most files are settled by one regex pass (no screen literal), plus, for scripts, a search for
 * their relative imports.
 * Pure ASCII is its own text (its Latin-1 reading). Valid UTF-8 beyond ASCII is prefiltered on its
 * Latin-1 view, with the same result as on its text (see `prefilterUtf8`), and decoded only for a
 * candidate, a package.json or a phase-2 importer, which need the text itself.
 */
export function prefilterFile(file: FileTask, maxFileSize: number): Prefiltered {
  // The bytes are this thread's scratch buffer: only strings made from them leave this function.
  const read = readFileBytesTransient(file.abs, maxFileSize, file.listed === true);
  if (!read.ok) return { outcome: { rel: file.rel, read: false, errors: [read.reason] } };
  const isManifest = baseName(file.rel) === 'package.json';
  let decoded: Decoded;
  let gate: PrefilterResult | undefined;
  try {
    const sniffed = sniffText(read.bytes);
    if ('view' in sniffed) {
      if (!file.importer && !isManifest) {
        gate = prefilterUtf8(read.bytes, sniffed.view, file.kind);
        if (!gate.candidate) return { outcome: withSpecifiers({ rel: file.rel, read: true, errors: [] }, gate) };
      }
      decoded = decodeText(read.bytes);
    } else {
      decoded = sniffed;
    }
  } catch (err) {
    // readTextFile's contract: a failure while decoding is reported like a failed read.
    return { outcome: { rel: file.rel, read: false, errors: [unreadable(err)] } };
  }
  if (!decoded.ok) return { outcome: { rel: file.rel, read: false, errors: [decoded.reason] } };
  const { text } = decoded;
  const outcome: FileOutcome = { rel: file.rel, read: true, errors: decoded.note ? [decoded.note] : [] };
  if (isManifest) {
    const manifest = manifestInfo(text);
    if (manifest) outcome.manifest = manifest;
  }
  gate ??= file.importer ? { candidate: makesHttpCalls(text) } : prefilter(text, file.kind);
  // A non-candidate has no suppression comment either: its keyword, `axeptio-migrate-ignore`,
  // contains `axept`, an unconditional trigger, so a file holding one is always a candidate.
  if (!gate.candidate) return { outcome: withSpecifiers(outcome, gate) };
  const suppressions = parseSuppressions(text);
  if (suppressions.length) outcome.suppressions = suppressions;
  return { outcome, candidate: { text, suppressions } };
}

function withSpecifiers(outcome: FileOutcome, gate: PrefilterResult): FileOutcome {
  if (gate.importSpecifiers?.length) outcome.importSpecifiers = gate.importSpecifiers;
  return outcome;
}

/** `path.posix.basename` for the relative POSIX paths of tasks. */
function baseName(rel: string): string {
  return rel.slice(rel.lastIndexOf('/') + 1);
}

/** Name and dependency names of a package.json, or undefined when it is not valid JSON. */
export function manifestInfo(text: string): ManifestInfo | undefined {
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
