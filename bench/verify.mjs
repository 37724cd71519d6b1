/** Checks a scan report against the corpus manifest: every planted call found, no planted secret printed. */

/**
 * The planted expectations no finding accounts for. A finding accounts for one when rule and file
 * are equal and its line lies in the expectation's [line, lineTo] range.
 */
export function missedPlants(planted, findings) {
  return planted.filter(
    (p) => !findings.some((f) => f.ruleId === p.ruleId && f.file === p.file && f.line >= p.line && f.line <= p.lineTo),
  );
}

/** Findings in planted files that sit near a missed plant but under another rule or line: hints for a miss report. */
export function nearMisses(miss, findings) {
  return findings.filter((f) => f.file === miss.file).map((f) => `${f.ruleId}@${f.line}:${f.column} (${f.confidence})`);
}
