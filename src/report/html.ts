/**
 * A single self-contained HTML report: inline CSS, no script, no external request (a CSP meta tag
 * forbids any), so it can be mailed, archived as a CI artifact or opened from disk. Severity and
 * confidence filters are checkboxes driven by CSS `:has()`, which keeps the page script-free.
 * Every piece of scanned-repository text is HTML-escaped.
 */
import type { Finding, Severity } from '../findings/types.js';
import { RULE_IDS, RULES } from '../rules/catalog.js';
import type { ScanReport } from '../scan/types.js';
import type { Reporter } from './types.js';

const SEVERITIES: Severity[] = ['error', 'warning', 'info'];
const MAX_ERRORS_LISTED = 200;

/** Escape text for HTML element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const e = escapeHtml;
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

const CSS = `
:root{--bg:#fff;--fg:#1f2328;--muted:#59636e;--line:#d1d9e0;--card:#f6f8fa;--error:#cf222e;--warning:#9a6700;--info:#0969da;--ok:#1a7f37}
@media (prefers-color-scheme:dark){:root{--bg:#0d1117;--fg:#e6edf3;--muted:#9198a1;--line:#3d444d;--card:#151b23;--error:#ff7b72;--warning:#d29922;--info:#58a6ff;--ok:#3fb950}}
*{box-sizing:border-box}
body{margin:0 auto;max-width:72rem;padding:1.5rem;font:15px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;background:var(--bg);color:var(--fg)}
h1{font-size:1.6rem;margin:0 0 .25rem}h2{font-size:1.2rem;margin:2rem 0 .75rem;border-bottom:1px solid var(--line);padding-bottom:.25rem}
h3{font-size:1rem;margin:0;font-family:ui-monospace,SFMono-Regular,Menlo,monospace;word-break:break-all}
.muted{color:var(--muted)}
.banner{padding:.75rem 1rem;border-radius:6px;border-left:4px solid var(--warning);background:var(--card);margin:1rem 0}
.banner.late{border-color:var(--error)}
.cards{display:flex;flex-wrap:wrap;gap:.75rem}
.card{background:var(--card);border:1px solid var(--line);border-radius:6px;padding:.5rem .9rem;min-width:8rem}
.card b{display:block;font-size:1.5rem}
table{border-collapse:collapse;width:100%}th,td{border:1px solid var(--line);padding:.35rem .6rem;text-align:left;vertical-align:top}th{background:var(--card)}
td.n{text-align:right}
.filters{margin:1rem 0;display:flex;gap:1rem;flex-wrap:wrap}
.file{border:1px solid var(--line);border-radius:6px;margin:1rem 0;padding:.75rem 1rem}
.finding{border-top:1px solid var(--line);padding:.6rem 0}
.finding:first-of-type{border-top:0}
.badge{display:inline-block;border-radius:1em;padding:0 .55em;font-size:.8rem;font-weight:600;border:1px solid currentColor}
.sev-error .sev{color:var(--error)}.sev-warning .sev{color:var(--warning)}.sev-info .sev{color:var(--info)}
code,pre{font-family:ui-monospace,SFMono-Regular,Menlo,monospace;font-size:.85rem}
pre{background:var(--card);border:1px solid var(--line);border-radius:6px;padding:.5rem .75rem;overflow-x:auto;white-space:pre}
.fix-auto{color:var(--ok)}
ul{margin:.25rem 0;padding-left:1.25rem}
body:has(#show-error:not(:checked)) .finding.sev-error,
body:has(#show-warning:not(:checked)) .finding.sev-warning,
body:has(#show-info:not(:checked)) .finding.sev-info,
body:has(#show-low:not(:checked)) .finding.conf-low{display:none}
@media print{.filters{display:none}}
`;

function deadlineBanner(report: ScanReport): string {
  const { date, daysRemaining } = report.deadline;
  const text =
    daysRemaining < 0
      ? `Deadline passed: the legacy sign-in was retired on ${date} (${plural(-daysRemaining, 'day')} ago). Every call listed here fails today.`
      : daysRemaining === 0
        ? `Deadline today: the legacy sign-in is retired on ${date}.`
        : `${plural(daysRemaining, 'day')} left: the legacy sign-in is retired on ${date}.`;
  return `<p class="banner${daysRemaining <= 0 ? ' late' : ''}" id="deadline">${e(text)}</p>`;
}

function cards(report: ScanReport): string {
  const sev = report.summary.bySeverity;
  const card = (id: string, value: number, label: string) => `<div class="card"><b id="${id}">${value}</b>${e(label)}</div>`;
  return `<div class="cards">${[
    card('total-findings', report.findings.length, 'findings'),
    card('count-error', sev.error ?? 0, 'errors'),
    card('count-warning', sev.warning ?? 0, 'warnings'),
    card('count-info', sev.info ?? 0, 'info'),
    card('files-with-findings', report.summary.filesWithFindings, 'files with findings'),
    card('files-scanned', report.stats.filesScanned, 'files scanned'),
  ].join('')}</div>`;
}

function ruleTable(findings: Finding[]): string {
  const rows = RULE_IDS.filter((id) => findings.some((f) => f.ruleId === id)).map((id) => {
    const mine = findings.filter((f) => f.ruleId === id);
    return `<tr><td><code>${e(id)}</code></td><td>${e(RULES[id].title)}</td><td>${e(RULES[id].defaultSeverity)}</td><td class="n">${mine.length}</td><td class="n">${mine.filter((f) => f.fix.available).length}</td></tr>`;
  });
  if (!rows.length) return '';
  return `<h2>By rule</h2><table><thead><tr><th>Rule</th><th>What</th><th>Default severity</th><th>Findings</th><th>Auto-fixable</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function fixHtml(f: Finding): string {
  const guidance = f.fix.guidance ? ` ${e(f.fix.guidance)}` : '';
  if (f.fix.available && f.fix.transform) return `<span class="fix-auto">Automatic fix:</span> <code>axeptio-migrate fix</code> (transform <code>${e(f.fix.transform)}</code>).${guidance}`;
  return `By hand: ${f.fix.guidance ? e(f.fix.guidance) : e(RULES[f.ruleId]?.help ?? 'see the rule documentation.')}`;
}

function findingHtml(f: Finding): string {
  return [
    `<article class="finding sev-${e(f.severity)} conf-${e(f.confidence)}">`,
    `<div><span class="badge sev">${e(f.severity)}</span> <code>${e(f.ruleId)}</code> <span class="muted">line ${f.line}:${f.column} · ${e(f.confidence)} confidence</span></div>`,
    `<p class="message">${e(f.message)}</p>`,
    f.snippet ? `<pre class="snippet"><code>${e(f.snippet)}</code></pre>` : '',
    f.evidence.length ? `<ul class="evidence">${f.evidence.map((x) => `<li>${e(x)}</li>`).join('')}</ul>` : '',
    `<p class="fix">${fixHtml(f)}</p>`,
    `</article>`,
  ].join('');
}

function findingsByFile(findings: Finding[]): string {
  if (!findings.length) return `<p id="no-findings" class="fix-auto">No legacy Axeptio authentication found.</p>`;
  const byFile = new Map<string, Finding[]>();
  for (const f of findings) byFile.set(f.file, [...(byFile.get(f.file) ?? []), f]);
  const filters = [
    ...SEVERITIES.map((s) => `<label><input type="checkbox" id="show-${s}" checked> ${s}</label>`),
    `<label><input type="checkbox" id="show-low" checked> low confidence</label>`,
  ].join('');
  const sections = [...byFile].map(
    ([file, list]) => `<section class="file"><h3>${e(file)} <span class="muted">(${plural(list.length, 'finding')})</span></h3>${list.map(findingHtml).join('')}</section>`,
  );
  return `<h2>Findings by file</h2><div class="filters">Show: ${filters}</div>${sections.join('')}`;
}

function errorsHtml(report: ScanReport): string {
  const errors = report.stats.errors;
  if (!errors.length) return '';
  const rows = errors.slice(0, MAX_ERRORS_LISTED).map((x) => `<tr><td><code>${e(x.file)}</code></td><td>${e(x.reason)}</td></tr>`);
  const more = errors.length > MAX_ERRORS_LISTED ? `<p class="muted">… and ${errors.length - MAX_ERRORS_LISTED} more (see <code>--format json</code>).</p>` : '';
  return `<h2>Files not fully scanned</h2><table><thead><tr><th>File</th><th>Reason</th></tr></thead><tbody>${rows.join('')}</tbody></table>${more}`;
}

function suppressedHtml(report: ScanReport): string {
  const items = report.summary.suppressed?.items ?? [];
  if (!items.length) return '';
  const rows = items.map((i) => `<tr><td><code>${e(i.ruleId)}</code></td><td><code>${e(`${i.file}:${i.line}`)}</code></td><td>${e(i.by)}</td><td>${e(i.reason)}</td></tr>`);
  return `<h2>Suppressed</h2><table><thead><tr><th>Rule</th><th>Location</th><th>By</th><th>Reason</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

/** Render the report as one self-contained HTML page. */
export const htmlReporter: Reporter = (report) => {
  const { stats, summary } = report;
  const hidden = summary.belowMinConfidence ? ` ${plural(summary.belowMinConfidence, 'lower-confidence finding')} hidden (<code>--min-confidence low</code> shows them).` : '';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'">
<meta name="referrer" content="no-referrer">
<title>Axeptio legacy authentication audit — ${e(report.root)}</title>
<style>${CSS}</style>
</head>
<body>
<header>
<h1>Axeptio legacy authentication audit</h1>
<p class="muted"><code>${e(report.root)}</code> · ${e(report.tool.name)} ${e(report.tool.version)} · ${plural(stats.filesScanned, 'file')} scanned (${stats.filesParsed} parsed) in ${(stats.durationMs / 1000).toFixed(1)} s.${hidden}</p>
</header>
<main>
${deadlineBanner(report)}
${cards(report)}
${ruleTable(report.findings)}
${findingsByFile(report.findings)}
${errorsHtml(report)}
${suppressedHtml(report)}
</main>
</body>
</html>
`;
};
