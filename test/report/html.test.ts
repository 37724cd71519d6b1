/**
 * HTML reporter, rendered in a real headless Chromium (Debian's, driven by playwright-core): the
 * page shows the counts, files and redacted snippets, runs no script, attempts no request, and a
 * secret planted in a scanned repository never reaches the DOM (real scanner, real reporter).
 * Without /usr/bin/chromium the browser tests skip locally and fail in CI (CI=true).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { chromium, type Browser, type Page } from 'playwright-core';
import { MASK } from '../../src/findings/redact.js';
import { escapeHtml, htmlReporter } from '../../src/report/html.js';
import { scan } from '../../src/scan/index.js';
import { cleanReport, FINDINGS, sampleReport } from './sample-report.js';
import type { ScanReport } from '../../src/scan/types.js';

const CHROMIUM = '/usr/bin/chromium';
const haveChromium = fs.existsSync(CHROMIUM);
const skip = !haveChromium && !process.env.CI ? `${CHROMIUM} not installed (apt-get install chromium); CI fails instead of skipping` : false;
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const options = { color: false, root: '/tmp/repo' };
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'axm-html-'));

interface Loaded { page: Page; requests: string[]; consoleMessages: string[]; url: string }

describe('html reporter in Chromium', { skip }, () => {
  let browser: Browser;
  before(async () => {
    assert.ok(haveChromium, `${CHROMIUM} is missing: .ci/run must install Debian's chromium`);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  });
  after(async () => {
    await browser?.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  /** Write the report's HTML to disk and open it from file://, recording every request and console line. */
  async function load(report: ScanReport, name: string): Promise<Loaded> {
    const file = path.join(tmp, `${name}.html`);
    fs.writeFileSync(file, htmlReporter(report, options));
    const context = await browser.newContext();
    const page = await context.newPage();
    const requests: string[] = [];
    const consoleMessages: string[] = [];
    context.on('request', (r) => requests.push(r.url()));
    page.on('console', (m) => consoleMessages.push(m.text()));
    const url = pathToFileURL(file).href;
    await page.goto(url, { waitUntil: 'load' });
    return { page, requests, consoleMessages, url };
  }

  it('shows the counts, the deadline and a heading per file', async () => {
    const { page } = await load(sampleReport(), 'sample');
    assert.equal(await page.textContent('#total-findings'), String(FINDINGS.length));
    assert.equal(await page.textContent('#count-error'), '2');
    assert.match((await page.textContent('#deadline'))!, /Deadline passed.*2026-07-06.*139 days ago/);
    const headings = await page.locator('section.file h3').allInnerTexts();
    assert.equal(headings.length, new Set(FINDINGS.map((f) => f.file)).size);
    assert.ok(headings.some((h) => h.startsWith('src/axeptio/client.ts')), headings.join('\n'));
    assert.ok(headings.some((h) => h.startsWith('scripts/dir with space/#export, "quoted".sh')), headings.join('\n'));
    assert.equal(await page.locator('article.finding').count(), FINDINGS.length);
  });

  it('renders scanned text as text: redaction marks visible, markup inert, no script at all', async () => {
    const { page } = await load(sampleReport(), 'escaping');
    const snippets = await page.locator('pre.snippet').allInnerTexts();
    assert.ok(snippets.some((s) => s.includes(`password: '${MASK}'`)), snippets.join('\n---\n'));
    assert.ok(snippets.some((s) => s.includes('<script>alert(1)</script> & `tick`')));
    assert.equal(await page.locator('script').count(), 0);
    const messages = await page.locator('p.message').allInnerTexts();
    assert.ok(messages.some((m) => m.includes('Docs say: use `POST /auth/local/signin` ]]>')), messages.join('\n'));
  });

  it('attempts no network request and breaks no content-security rule', async () => {
    const { requests, consoleMessages, url } = await load(sampleReport(), 'network');
    assert.deepEqual(requests, [url], `requests: ${requests.join(', ')}`);
    assert.deepEqual(consoleMessages.filter((m) => /Content Security Policy|Refused/i.test(m)), []);
    const html = htmlReporter(sampleReport(), options);
    assert.ok(!/\b(src|href)\s*=|url\(|@import/i.test(html), 'no reference that could load anything');
  });

  it('filters by severity and confidence without script', async () => {
    const { page } = await load(sampleReport(), 'filters');
    const visible = () => page.locator('article.finding:visible').count();
    assert.equal(await visible(), FINDINGS.length);
    await page.uncheck('#show-error');
    assert.equal(await visible(), FINDINGS.length - 2);
    await page.uncheck('#show-low');
    assert.equal(await visible(), FINDINGS.length - 3);
    await page.check('#show-error');
    assert.equal(await visible(), FINDINGS.length - 1);
  });

  it('shows a clean run as such', async () => {
    const { page } = await load(cleanReport(), 'clean');
    assert.equal(await page.textContent('#total-findings'), '0');
    assert.ok(await page.isVisible('#no-findings'));
    assert.match((await page.textContent('#deadline'))!, /30 days left/);
  });

  it('never puts a secret from the scanned code into the DOM (real scan of a planted repository)', async () => {
    const secret = 'Zq8-planted-Secret-4471';
    const repo = path.join(tmp, 'repo');
    fs.mkdirSync(path.join(repo, 'src'), { recursive: true });
    fs.writeFileSync(
      path.join(repo, 'src', 'login.js'),
      [
        `const cfg = { axeptio: { username: 'ops@example.com', password: '${secret}' } };`,
        `export async function login() {`,
        `  const r = await fetch('https://api.axept.io/v1/auth/local/signin', { method: 'POST', body: JSON.stringify(cfg.axeptio) });`,
        `  return (await r.json()).token;`,
        `}`,
        ``,
      ].join('\n'),
    );
    const report = await scan({ paths: [repo], workers: 0 });
    assert.ok(report.findings.some((f) => f.ruleId === 'hardcoded-secret'), 'the scanner reports the planted secret');
    const { page } = await load(report, 'real-scan');
    const dom = await page.content();
    const text = await page.innerText('body');
    assert.ok(!dom.includes(secret) && !text.includes(secret), 'the planted secret reached the page');
    assert.ok(text.includes(MASK), 'the redaction mark is shown');
    assert.ok(text.includes('src/login.js'));
  });
});

describe('html escaping', () => {
  it('escapes the five HTML-significant characters', () => {
    assert.equal(escapeHtml(`<a href="x" onclick='y'>&amp;</a>`), '&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;');
  });
});
