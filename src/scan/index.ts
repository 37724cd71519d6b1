/**
 * The scan pipeline: discover → (workers) read, prefilter, analyze → phase 2 importers → rules →
 * finalize (excerpts, fingerprints, suppressions, baseline, confidence) → the contract's report.
 * File texts live only inside the per-file step; the main thread keeps facts, and re-reads just
 * the files that have findings to cut their snippets.
 */
import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../config/load.js';
import { discoverFiles, type DiscoveredFile } from '../discover/walk.js';
import { DEFAULT_MAX_FILE_SIZE, readTextFile } from '../discover/read.js';
import type { FileFacts, Span } from '../facts/types.js';
import { baselineFor, readBaseline } from '../findings/baseline.js';
import { splitLines } from '../findings/excerpt.js';
import { finalizeFindings } from '../findings/finalize.js';
import { summarize } from '../findings/summary.js';
import type { ParsedSuppression } from '../findings/suppressions.js';
import { importersToAnalyze } from '../link/index.js';
import { LEGACY_DEADLINE } from '../rules/catalog.js';
import { evaluate } from '../rules/index.js';
import { deadlineInfo } from './deadline.js';
import { ScanInputError } from './errors.js';
import { defaultWorkerCount, FileRunner } from './pool.js';
import type { FileOutcome, FileTask, ManifestInfo } from './process-file.js';
import { projectInfo } from './project-info.js';
import { toolVersion } from './tool-info.js';
import type { ScanError, ScanOptions, ScanReport, SuppressedFinding } from './types.js';

export { ScanInputError } from './errors.js';
export type { ScanOptions, ScanReport, ScanError, SuppressedFinding } from './types.js';

/** The report plus what does not belong in the JSON document (non-enumerable: JSON.stringify shows the contract only). */
export type ScanResult = ScanReport & { readonly suppressed: SuppressedFinding[] };

/** Phase-2 rounds: importers of importers (a wrapper module imported by a client module) are followed this deep. */
const MAX_IMPORT_ROUNDS = 3;

/** Scan the given paths and build the contract's report; throws ScanInputError/ConfigError/BaselineError on bad input. */
export async function scan(options: ScanOptions): Promise<ScanResult> {
  const started = performance.now();
  const cwd = options.cwd ?? process.cwd();
  const { root, targets } = resolveTargets(cwd, options.paths, options.root);
  const loaded = options.config ?? loadConfig(root, options.configPath);
  const { config } = loaded;
  const deadline = deadlineInfo(options.deadline ?? LEGACY_DEADLINE);
  const baseline = options.baselinePath ? readBaseline(path.resolve(cwd, options.baselinePath)) : undefined;
  const maxFileSize = options.maxFileSize ?? config.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
  const workers = options.workers ?? defaultWorkerCount();

  const runner = new FileRunner({ workers, maxFileSize });
  // The analyzer worker boots and loads the analyzers on another core while this thread walks.
  runner.warmUp();
  const errors: ScanError[] = [];
  const analyzed: FileFacts[] = [];
  const suppressionsByFile = new Map<string, ParsedSuppression[]>();
  const importIndex = new Map<string, readonly string[]>();
  const manifests: ManifestInfo[] = [];
  let filesScanned = 0;
  /** Phase-2 outcomes re-read files phase 1 already counted and noted: only their analysis is new. */
  const collect = (outcomes: FileOutcome[], rereads = false): void => {
    for (const o of outcomes) {
      if (o.read && !rereads) filesScanned++;
      for (const reason of rereads ? (o.analyzed?.facts.errors ?? []) : o.errors) errors.push({ file: o.rel, reason });
      if (o.manifest) manifests.push(o.manifest);
      if (o.importSpecifiers) importIndex.set(o.rel, o.importSpecifiers);
      if (o.suppressions) suppressionsByFile.set(o.rel, o.suppressions);
      if (o.analyzed) {
        analyzed.push(o.analyzed.facts);
        importIndex.delete(o.rel);
      }
    }
  };
  const task = (f: DiscoveredFile, importer: boolean): FileTask => ({ abs: f.abs, rel: f.rel, kind: f.kind, importer, listed: !f.explicit });

  let byRel: Map<string, DiscoveredFile>;
  try {
    const discovery = await discoverFiles({
      root,
      paths: targets,
      ...(options.include ? { include: options.include } : {}),
      exclude: [...(options.exclude ?? []), ...(config.ignore ?? [])],
    });
    errors.push(...discovery.errors);
    byRel = new Map(discovery.files.map((f) => [f.rel, f]));
    collect(await runner.run(discovery.files.map((f) => task(f, false))));
    for (let round = 0; round < MAX_IMPORT_ROUNDS && importIndex.size > 0; round++) {
      const next = importersToAnalyze(analyzed, importIndex).filter((rel) => byRel.has(rel));
      if (next.length === 0) break;
      for (const rel of next) importIndex.delete(rel);
      collect(await runner.run(next.map((rel) => task(byRel.get(rel)!, true))), true);
    }
  } catch (err) {
    await runner.close();
    throw err;
  }
  // The threads wind down while the report is built; scan() returns once they are gone.
  const closed = runner.close();
  closed.catch(() => undefined); // awaited below; handled here in case what comes first throws

  const project = projectInfo(root, manifests);
  const raw = evaluate(analyzed, project, options.rules);
  const linesByFile = new Map<string, string[]>();
  for (const file of new Set(raw.map((r) => r.file))) {
    const found = byRel.get(file);
    const read = readTextFile(found?.abs ?? path.join(root, file), Number.MAX_SAFE_INTEGER);
    if (read.ok) linesByFile.set(file, splitLines(read.text));
  }
  const done = finalizeFindings({
    raw,
    linesByFile,
    secretSpansByFile: secretSpansOf(analyzed),
    suppressionsByFile,
    config,
    ...(loaded.source ? { configSource: loaded.source } : {}),
    ...(options.rules ? { onlyRules: options.rules } : {}),
    ...(baseline ? { baseline } : {}),
    minConfidence: options.minConfidence ?? config.minConfidence ?? 'medium',
  });
  if (options.writeBaselinePath) {
    const target = path.resolve(cwd, options.writeBaselinePath);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, `${JSON.stringify(baselineFor(done.baselineCandidates), null, 2)}\n`);
  }

  const report: ScanReport = {
    schemaVersion: 1,
    tool: { name: 'axeptio-migrate', version: toolVersion() },
    root,
    stats: {
      filesScanned,
      filesParsed: analyzed.filter((f) => f.parsed).length,
      durationMs: Math.round(performance.now() - started),
      errors: errors.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0)),
      filesAnalyzed: analyzed.length,
    },
    findings: done.findings,
    summary: {
      ...summarize(done.findings),
      suppressed: {
        count: done.suppressed.length,
        items: done.suppressed.map((s) => ({ ruleId: s.finding.ruleId, file: s.finding.file, line: s.finding.line, reason: s.reason, by: s.by })),
      },
      unusedSuppressions: done.unusedSuppressions,
      belowMinConfidence: done.belowMinConfidence,
    },
    deadline,
  };
  await closed;
  return Object.defineProperty(report, 'suppressed', { value: done.suppressed, enumerable: false }) as ScanResult;
}

/** Root and absolute targets; every target must exist and the root must be a listable folder. */
export function resolveTargets(cwd: string, paths: readonly string[], explicitRoot?: string): { root: string; targets: string[] } {
  const targets = (paths.length ? paths : ['.']).map((p) => path.resolve(cwd, p));
  for (const t of targets) {
    if (!fs.existsSync(t)) throw new ScanInputError(`cannot scan ${t}: no such file or folder`);
  }
  const folders = targets.map((t) => (fs.statSync(t).isDirectory() ? t : path.dirname(t)));
  const onlyFiles = targets.every((t, i) => folders[i] !== t);
  let root: string;
  if (explicitRoot) root = path.resolve(cwd, explicitRoot);
  // Files given alone report paths from the working folder, as linters do.
  else if (onlyFiles && targets.every((t) => t.startsWith(cwd + path.sep))) root = cwd;
  // Several targets share one root so every `file` stays inside it (no `../`).
  else root = commonAncestor(folders);
  try {
    fs.readdirSync(root);
  } catch (err) {
    throw new ScanInputError(`cannot read scan root ${root}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
  }
  return { root, targets };
}

/** The deepest folder that contains every given absolute folder. */
function commonAncestor(folders: readonly string[]): string {
  let common = folders[0]!;
  for (const folder of folders.slice(1)) {
    while (folder !== common && !folder.startsWith(common.endsWith(path.sep) ? common : common + path.sep)) {
      common = path.dirname(common);
    }
  }
  return common;
}

/**
 * Spans of every hard-coded secret, per file, taken from the facts rather than from the
 * hardcoded-secret findings: any finding whose excerpt covers the line must mask the value,
 * even when that rule is disabled, filtered out or reported elsewhere.
 */
function secretSpansOf(files: readonly FileFacts[]): Map<string, Span[]> {
  const byFile = new Map<string, Span[]>();
  for (const f of files) {
    const spans = f.facts.flatMap((fact) => (fact.kind === 'secret' ? [fact.span] : []));
    if (spans.length > 0) byFile.set(f.file, spans);
  }
  return byFile;
}
