/** Markdown reporter: rendered by a real CommonMark + GFM-tables renderer (markdown-it), escaping holds. */
import { createRequire } from 'node:module';
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fileLink, markdownReporter, mdCode, mdText } from '../../src/report/markdown.js';
import { cleanReport, FINDINGS, sampleReport } from './sample-report.js';

const require = createRequire(import.meta.url);
const MarkdownIt = require('markdown-it') as new (opts?: object) => { render(src: string): string };
// linkify on, as on GitHub: bare URLs become links, so escaping must not be the only thing keeping text inert.
const md = new MarkdownIt({ html: true, linkify: true });
// Without linkify for the escaping unit test: a visible bare URL becoming a link is fine, a disguised one is not.
const strictMd = new MarkdownIt({ html: true });

const options = { color: false, root: '/tmp/repo' };

/** Text content of an HTML fragment: tags dropped, the entities markdown-it emits decoded. */
function textOf(html: string): string {
  return html.replace(/<[^>]+>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
}

/** Rows of the first table after the heading `title`, as arrays of cell HTML. */
function tableAfter(html: string, title: string): string[][] {
  const start = html.indexOf(`<h2>${title}</h2>`);
  assert.ok(start >= 0, `no heading ${title}`);
  const table = html.slice(start).match(/<table>[\s\S]*?<\/table>/)![0];
  return [...table.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((row) => [...row[1]!.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((c) => c[1]!));
}

describe('markdown reporter', () => {
  const source = markdownReporter(sampleReport(), options);
  const html = md.render(source);

  it('states the deadline and the totals', () => {
    assert.match(source, /^# Axeptio legacy authentication audit/);
    assert.match(source, /Deadline passed\*\*: the legacy sign-in was retired on 2026-07-06 \(139 days ago\)/);
    assert.match(source, /5 findings\*\* \(2 error, 2 warning, 1 info\) in 5 files/);
    assert.match(source, /2 lower-confidence findings are hidden/);
    assert.match(markdownReporter(cleanReport(), options), /30 days left[\s\S]*No legacy Axeptio authentication found/);
  });

  it('renders the findings table with one row per finding and every cell in place', () => {
    const rows = tableAfter(html, 'Findings');
    assert.equal(rows.length, FINDINGS.length + 1);
    for (const row of rows) assert.equal(row.length, 7, row.join(' ‖ '));
    FINDINGS.forEach((f, i) => {
      assert.equal(textOf(rows[i + 1]![5]!), f.message.replace(/\r\n|\r|\n/g, ' '), `message of finding ${i + 1}`);
    });
  });

  it('links file:line with encoded paths and keeps scanned text inert', () => {
    const rows = tableAfter(html, 'Findings');
    assert.match(rows[1]![4]!, /<a href="src\/axeptio\/client\.ts#L12">src\/axeptio\/client\.ts:12<\/a>/);
    assert.match(rows[3]![4]!, /<a href="scripts\/dir%20with%20space\/%23export%2C%20%22quoted%22\.sh#L1">/);
    assert.ok(!/<script>/.test(html), 'a snippet or message must not inject HTML');
    assert.ok(!/<code>POST/.test(rows[4]![5]!), 'backticks in a message stay literal');
    assert.equal(fileLink('docs/intégration.md', 40), 'docs/int%C3%A9gration.md#L40');
  });

  it('counts by rule and by severity × confidence', () => {
    const byRule = tableAfter(html, 'By rule');
    assert.deepEqual(byRule.slice(1).map((r) => [textOf(r[0]!), r[3], r[4]]), [
      ['legacy-signin', '1', '1 of 1'],
      ['password-grant', '1', '0 of 1'],
      ['static-token', '1', '1 of 1'],
      ['hardcoded-secret', '1', '0 of 1'],
      ['legacy-signin-reference', '1', '0 of 1'],
    ]);
    const grid = tableAfter(html, 'By severity and confidence');
    assert.deepEqual(grid.slice(1).map((r) => r.map(textOf)), [
      ['error', '2', '0', '0', '2'],
      ['warning', '1', '1', '0', '2'],
      ['info', '0', '0', '1', '1'],
      ['total', '3', '1', '1', '5'],
    ]);
  });

  it('lists manual steps, fix availability, errors and suppressions', () => {
    assert.match(source, /axeptio-migrate fix --dry-run/);
    assert.match(source, /Revoke the secret, then read it from an environment variable\./);
    const rows = tableAfter(html, 'Findings');
    assert.match(textOf(rows[1]![6]!), /auto \(signin-to-client-credentials\)/);
    assert.match(textOf(rows[2]![6]!), /manual/);
    const errors = tableAfter(html, 'Files not fully scanned');
    assert.equal(textOf(errors[2]![1]!), 'decoded as Latin-1 <fallback> & "guessed"');
    const suppressed = tableAfter(html, 'Suppressed');
    assert.equal(textOf(suppressed[1]![3]!), 'e2e stub server');
  });

  it('shows snippets in fences that their own backticks cannot close', () => {
    const snippet = FINDINGS[0]!.snippet;
    assert.ok(html.includes(`<pre><code>${snippet.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')}\n</code></pre>`));
    const tricky = md.render(markdownReporter(sampleReport({ findings: [{ ...FINDINGS[0]!, snippet: 'a\n```\n<b>x</b>\n````' }] }), options));
    assert.match(tricky, /<pre><code>a\n```\n&lt;b&gt;x&lt;\/b&gt;\n````\n<\/code><\/pre>/);
  });

  it('escapes every markup trigger for inline text', () => {
    for (const nasty of ['a | b', '*x* _y_', '[l](http://e)', '<img src=x>', '`c`', '~~s~~', '$x$', '&amp;', '# h', '- item', '1. item', 'a\\|b']) {
      const rendered = strictMd.render(`| h |\n|---|\n| ${mdText(nasty)} |`);
      const cell = rendered.match(/<td>([\s\S]*?)<\/td>/)?.[1] ?? '';
      assert.equal(textOf(cell), nasty, `${nasty} → ${cell}`);
      assert.ok(!/<(em|strong|a|img|code|s|h1|li)\b/.test(cell), `${nasty} rendered as markup: ${cell}`);
    }
    assert.equal(mdCode('a`b'), '``a`b``');
  });
});
