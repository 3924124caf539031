import { execFile, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluate, loadRules, parseProfile, type EvaluationResult } from '../src/engine/index.js';
import { findChromium } from '../src/cli/pdf.js';
import { groupThousands } from '../src/render/labels.js';
import { run, spawnCli } from './cli-helpers.js';

/**
 * The report as a person sees it: rendered by headless Chromium (Debian's `chromium`, driven by
 * playwright-core; no browser is ever downloaded). Each fixture in each language must open with no
 * console error and no network request and show its total, its chart and every policy; and its PDF
 * (`report --format pdf`) must be A4, numbered on every page ("第 1 页 / 共 8 页"), hold the total on
 * page 1, and stay short (cloud-sme in Chinese: at most 8 pages). Screenshots of the HTML and a
 * PNG of every PDF page (pdftoppm) are left in test-artifacts/ for a human to look at.
 */
const CHROMIUM = findChromium() ?? '/usr/bin/chromium';
const ROOT = join(import.meta.dirname, '..');
const ARTIFACTS = join(ROOT, 'test-artifacts');
const FIXTURES = ['cloud-sme', 'design-firm', 'hotel-hot-spring', 'regional-hq', 'sparse'];
const LANGS = ['zh', 'en'] as const;
const AS_OF = '2018-06-30';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Runs in the page; declared here because the project's TypeScript has no DOM library. */
declare const getComputedStyle: (e: unknown) => { display: string; breakInside: string; breakAfter: string };

const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) {
  console.warn(`report-browser.test.ts: SKIPPED, no Chromium at ${CHROMIUM} (install it with: apt-get install chromium); the HTML reports were not checked in a browser`);
}
const hasPoppler = spawnSync('pdftoppm', ['-v']).status === 0 && spawnSync('pdftotext', ['-v']).status === 0;
if (hasChromium && !hasPoppler) {
  console.warn('report-browser.test.ts: PDF page checks SKIPPED, no pdftoppm/pdftotext (install them with: apt-get install poppler-utils)');
}

/** A poppler tool's output; a failure fails the test. Not blocking, so that the PDF checks overlap. */
async function tool(cmd: string, args: string[]): Promise<string> {
  try {
    return (await execFileAsync(cmd, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })).stdout;
  } catch (e) {
    throw new Error(`${cmd} ${args.join(' ')}: ${(e as { stderr?: string }).stderr ?? (e as Error).message}`);
  }
}

/** The file a batch run writes for a fixture: its credit code, or its place in the sorted folder and a slug. */
function reportName(fixture: string, r: EvaluationResult): string {
  const index = readdirSync(join(ROOT, 'fixtures')).filter((f) => f.endsWith('.json')).sort().indexOf(`${fixture}.json`) + 1;
  return r.enterprise.creditCode ?? `${String(index).padStart(3, '0')}-enterprise`;
}

/** Most pages each fixture's brief report may take, per language: the consultant hands over a short report. */
const MAX_PAGES: Record<string, number> = { 'cloud-sme/zh': 8 };

const ENV = { NO_COLOR: '1' };
const execFileAsync = promisify(execFile);

const rules = loadRules(join(ROOT, 'rules'));
function expected(fixture: string): EvaluationResult {
  const file = join(ROOT, 'fixtures', `${fixture}.json`);
  return evaluate(rules, parseProfile(readFileSync(file, 'utf8'), file), { asOf: AS_OF });
}

/** Opens a page that records console errors, page errors and every request that would leave the file. */
async function open(browser: Browser, url: string | { html: string }) {
  const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
  const errors: string[] = [];
  const requests: string[] = [];
  const dialogs: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') errors.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('request', (r) => {
    if (!/^(data|file|about):/.test(r.url())) requests.push(r.url());
  });
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  if (typeof url === 'string') await page.goto(url, { waitUntil: 'load' });
  else await page.setContent(url.html, { waitUntil: 'load' });
  return { page, errors, requests, dialogs };
}

async function visible(page: Page, selector: string): Promise<boolean> {
  const l = page.locator(selector);
  return (await l.count()) === 1 && (await l.isVisible());
}

describe.skipIf(!hasChromium)('report in headless Chromium', () => {
  let browser: Browser;
  const reportDir: Record<string, string> = {};
  const pdfDir: Record<string, string> = {};

  /** The PDF batches, printed while the HTML pages are checked; the PDF checks wait for them. */
  let pdfsPrinted: Promise<unknown> = Promise.resolve();

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    // One batch run per language and format writes every fixture's report (named by credit code)
    // into test-artifacts; each PDF run prints them all with one Chromium. The HTML runs are
    // in-process; the PDF runs are processes of their own, printing side by side in the background.
    const batchRun = async (lang: (typeof LANGS)[number], format: 'html' | 'pdf') => {
      const out = join(ARTIFACTS, format === 'html' ? `reports-${lang}` : `reports-${lang}-pdf`);
      rmSync(out, { recursive: true, force: true });
      const args = ['report', 'fixtures', '-o', out, '--format', format, '--as-of', AS_OF, '--lang', lang, '--prepared-by', lang === 'zh' ? '王顾问' : 'A. Consultant'];
      const r = await (format === 'pdf' ? spawnCli(args, { env: ENV }) : run(args, { env: ENV }));
      if (r.code !== 0) throw new Error(`report ${format} ${lang}: exit ${r.code}: ${r.stderr}`);
      (format === 'html' ? reportDir : pdfDir)[lang] = out;
    };
    pdfsPrinted = Promise.all(LANGS.map((lang) => batchRun(lang, 'pdf')));
    // Awaited by the PDF checks; this only keeps a failure from being "unhandled" meanwhile.
    pdfsPrinted.catch(() => {});
    for (const lang of LANGS) await batchRun(lang, 'html');
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
  });

  // The pages are independent: they are opened side by side, in one browser (with the test context's expect).
  describe.concurrent('each report', () => {
    for (const fixture of FIXTURES) {
      for (const lang of LANGS) {
        it(`${fixture} (${lang}): opens cleanly, shows the total, the chart and every policy`, async ({ expect }) => {
          const r = expected(fixture);
          const file = join(reportDir[lang]!, `${reportName(fixture, r)}.html`);
          const { page, errors, requests } = await open(browser, pathToFileURL(file).href);
          try {
            expect(await visible(page, '.total-amount')).toBe(true);
            const total = (await page.locator('.total-amount').innerText()).replace(/\s+/g, ' ').trim();
            const bound = r.totals.amountBound === 'at-least' ? '≥ ' : '';
            expect(total).toBe(`${bound}${groupThousands(r.totals.amount)} ${lang === 'zh' ? '元' : 'CNY'}`);

            const quantified = r.benefits.filter((b) => b.status === 'eligible' && b.amount !== null);
            if (quantified.length) {
              expect(await visible(page, 'svg.chart')).toBe(true);
              expect(await page.locator('svg.chart g.bar').count()).toBe(quantified.length);
              for (const b of quantified) {
                const bar = page.locator(`svg.chart g.bar[data-policy="${b.id}"]`);
                expect(await bar.locator('text.bar-amount').textContent()).toContain(groupThousands(b.amount!));
                const box = await bar.locator('rect').boundingBox();
                expect(box && box.width > 0 && box.height > 0, `${b.id} bar is drawn`).toBe(true);
              }
            } else {
              expect(await visible(page, '#chart .empty')).toBe(true);
            }

            // Every policy once: a card for a quantified eligible one, a table row for the others.
            expect(await page.locator('[data-policy][data-status]:not(g)').count()).toBe(r.benefits.length);
            for (const b of r.benefits) {
              const section = page.locator(`[data-policy="${b.id}"][data-status]:not(g)`);
              expect(await section.isVisible(), `${b.id} is visible`).toBe(true);
              if (b.status === 'eligible' && b.amount !== null) {
                expect(await section.evaluate((e) => (e as { tagName: string }).tagName)).toBe('ARTICLE');
                expect(await section.locator('h4').innerText()).toBe(b.title[lang]);
                expect(await section.locator('.policy-amount').innerText()).toContain(groupThousands(b.amount));
              } else {
                expect(await section.innerText()).toContain(b.title[lang]);
              }
            }
            await page.screenshot({ path: join(ARTIFACTS, `report-${fixture}-${lang}.png`), fullPage: true });
            expect(errors).toEqual([]);
            expect(requests).toEqual([]);
          } finally {
            await page.close();
          }
        }, 90_000);
      }
    }
  });

  it('shows a name holding HTML as text: no script element, no dialog', async () => {
    const profile = { name: '<script>alert(1)</script><img src=x onerror=alert(2)>', registrationDate: '2017-03-15', industry: 'cloud-bigdata' };
    const file = join(mkdtempSync(join(tmpdir(), 'policy-calc-browser-')), 'hostile.json');
    writeFileSync(file, JSON.stringify(profile));
    const r = await run(['report', file, '--format', 'html', '--as-of', AS_OF, '--lang', 'en'], { env: ENV });
    expect(r.code, r.stderr).toBe(0);
    const { page, errors, requests, dialogs } = await open(browser, { html: r.stdout });
    try {
      expect(await page.locator('script').count()).toBe(0);
      expect(await page.locator('img').count()).toBe(0);
      expect(await page.locator('.enterprise-name').textContent()).toBe(profile.name);
      expect(await page.title()).toContain(profile.name);
      expect(dialogs).toEqual([]);
      expect(errors).toEqual([]);
      expect(requests).toEqual([]);
    } finally {
      await page.close();
    }
  }, 60_000);

  // Each PDF is read by its own poppler processes, side by side.
  describe.concurrent('each PDF', () => {
    beforeAll(() => pdfsPrinted, 300_000);
    for (const fixture of FIXTURES) {
      for (const lang of LANGS) {
        it.skipIf(!hasPoppler)(`${fixture} (${lang}): the PDF is A4, numbered, short, with the total on page 1`, async ({ expect }) => {
          const r = expected(fixture);
          const pdf = join(pdfDir[lang]!, `${reportName(fixture, r)}.pdf`);
          const bytes = readFileSync(pdf);
          expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
          const info = await tool('pdfinfo', [pdf]);
          const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
          // A4 is 210 × 297 mm = 595 × 842 points.
          const size = /^Page size:\s+([\d.]+) x ([\d.]+) pts/m.exec(info)!;
          expect([Math.round(Number(size[1])), Math.round(Number(size[2]))]).toEqual([595, 842]);
          const max = MAX_PAGES[`${fixture}/${lang}`];
          if (max !== undefined) expect(pages, `${fixture} ${lang}: ${pages} pages`).toBeLessThanOrEqual(max);

          // pdftotext separates pages with a form feed; spaces inside Chinese runs vary, so compare without them.
          const text = (await tool('pdftotext', ['-layout', pdf, '-'])).split('\f').slice(0, pages);
          expect(text).toHaveLength(pages);
          const bare = (s: string) => s.replace(/\s+/g, '');
          text.forEach((t, i) => {
            const number = lang === 'zh' ? `第${i + 1}页/共${pages}页` : `Page ${i + 1} of ${pages}`;
            expect(lang === 'zh' ? bare(t) : t.replace(/\s+/g, ' '), `page ${i + 1}`).toContain(number);
            // The running header: the enterprise and the report date, on every page; never a file:// path.
            expect(bare(t), `page ${i + 1}`).toContain(bare(r.enterprise.name));
            expect(t).toContain(AS_OF);
            expect(t).not.toContain('file://');
          });
          // Page 1: the summary, the total (with its bound), the chart and the next steps.
          const first = text[0]!;
          expect(first).toContain(groupThousands(r.totals.amount));
          expect(bare(first)).toContain(lang === 'zh' ? '可量化收益合计' : 'Totalquantifiedbenefit');
          expect(bare(first)).toContain(lang === 'zh' ? '下一步' : 'Nextsteps');
          for (const b of r.benefits.filter((x) => x.status === 'eligible' && x.amount !== null)) expect(first, b.id).toContain(groupThousands(b.amount!));

          // A PNG of every page, for a person to look at.
          const prefix = join(ARTIFACTS, `pdf-${fixture}-${lang}-page`);
          for (const f of readdirSync(ARTIFACTS)) if (f.startsWith(`pdf-${fixture}-${lang}-page`)) rmSync(join(ARTIFACTS, f));
          await tool('pdftoppm', ['-r', '60', '-png', pdf, prefix]);
          const pngs = readdirSync(ARTIFACTS).filter((f) => f.startsWith(`pdf-${fixture}-${lang}-page`) && f.endsWith('.png'));
          expect(pngs).toHaveLength(pages);
        }, 60_000);
      }
    }
  });

  it('keeps each check row whole and table headers repeating in print', async () => {
    const file = join(reportDir.zh!, '91500240MA5UCR2T49.html');
    const { page } = await open(browser, pathToFileURL(file).href);
    try {
      await page.emulateMedia({ media: 'print' });
      expect(await page.locator('table.checks thead').first().evaluate((e) => getComputedStyle(e).display)).toBe('table-header-group');
      expect(await page.locator('table.checks tr').first().evaluate((e) => getComputedStyle(e).breakInside)).toBe('avoid');
      expect(await page.locator('table.unavailable tr').first().evaluate((e) => getComputedStyle(e).breakInside)).toBe('avoid');
      expect(await page.locator('#next-steps h2').evaluate((e) => getComputedStyle(e).breakAfter)).toBe('avoid');
      expect(await page.locator('.page-one').evaluate((e) => getComputedStyle(e).breakAfter)).toBe('page');
    } finally {
      await page.close();
    }
  }, 60_000);

  it('the batch index sorts enterprises by amount with its script, and reads the same without it', async () => {
    const { page, errors, requests } = await open(browser, pathToFileURL(join(reportDir.en!, 'index.html')).href);
    try {
      const totals = async () => page.locator('table.index tbody tr').evaluateAll((rows) => rows.map((r) => Number((r as unknown as { dataset: { total?: string } }).dataset.total ?? -1)));
      const before = await totals();
      await page.locator('th[data-sort] button').click();
      const after = await totals();
      expect(after).toEqual([...before].sort((a, b) => b - a));
      await page.screenshot({ path: join(ARTIFACTS, 'report-index-en.png'), fullPage: true });
      expect(errors).toEqual([]);
      expect(requests).toEqual([]);
    } finally {
      await page.close();
    }
  }, 60_000);
});
