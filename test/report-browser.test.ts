import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluate, loadRules, parseProfile, type EvaluationResult } from '../src/engine/index.js';
import { groupThousands } from '../src/render/labels.js';

/**
 * The HTML report as a person sees it: rendered by headless Chromium (Debian's `chromium`, driven
 * by playwright-core; no browser is ever downloaded). Each fixture in each language must open with
 * no console error and no network request, show its total, its chart and every policy section, and
 * leave a screenshot in test-artifacts/ for a human to look at.
 */
const CHROMIUM = '/usr/bin/chromium';
const ROOT = join(import.meta.dirname, '..');
const CLI = join(ROOT, 'bin', 'policy-calc.js');
const ARTIFACTS = join(ROOT, 'test-artifacts');
const FIXTURES = ['cloud-sme', 'design-firm', 'hotel-hot-spring', 'regional-hq', 'sparse'];
const LANGS = ['zh', 'en'] as const;
const AS_OF = '2018-06-30';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Runs in the page; declared here because the project's TypeScript has no DOM library. */
declare const getComputedStyle: (e: unknown) => { display: string; breakInside: string };

const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) {
  console.warn(`report-browser.test.ts: SKIPPED, no Chromium at ${CHROMIUM} (install it with: apt-get install chromium); the HTML reports were not checked in a browser`);
}

function cli(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8', input, env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

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

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    // One batch run per language writes every fixture's report (named by credit code) into test-artifacts.
    for (const lang of LANGS) {
      const out = join(ARTIFACTS, `reports-${lang}`);
      rmSync(out, { recursive: true, force: true });
      const r = cli(['report', 'fixtures', '-o', out, '--as-of', AS_OF, '--lang', lang, '--prepared-by', lang === 'zh' ? '王顾问' : 'A. Consultant']);
      expect(r.code, r.stderr).toBe(0);
      reportDir[lang] = out;
    }
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
  });

  for (const fixture of FIXTURES) {
    for (const lang of LANGS) {
      it(`${fixture} (${lang}): opens cleanly, shows the total, the chart and every policy`, async () => {
        const r = expected(fixture);
        // The batch reads fixtures/*.json sorted by name; a profile without credit code is named by its place.
        const index = readdirSync(join(ROOT, 'fixtures')).filter((f) => f.endsWith('.json')).sort().indexOf(`${fixture}.json`) + 1;
        const name = r.enterprise.creditCode ?? `${String(index).padStart(3, '0')}-enterprise`;
        const file = join(reportDir[lang]!, `${name}.html`);
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

          expect(await page.locator('article.policy').count()).toBe(r.benefits.length);
          for (const b of r.benefits) {
            const section = page.locator(`article.policy[data-policy="${b.id}"]`);
            expect(await section.isVisible(), `${b.id} is visible`).toBe(true);
            expect(await section.locator('h4').innerText()).toBe(b.title[lang]);
            if (b.amount !== null) expect(await section.locator('.policy-amount').innerText()).toContain(groupThousands(b.amount));
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

  it('shows a name holding HTML as text: no script element, no dialog', async () => {
    const profile = { name: '<script>alert(1)</script><img src=x onerror=alert(2)>', registrationDate: '2017-03-15', industry: 'cloud-bigdata' };
    const r = cli(['report', '-', '--format', 'html', '--as-of', AS_OF, '--lang', 'en'], JSON.stringify(profile));
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

  it('prints to A4 pages (the stylesheet’s @page), keeping each check row whole', async () => {
    const file = join(reportDir.zh!, '91500240MA5UCR2T49.html');
    const { page } = await open(browser, pathToFileURL(file).href);
    try {
      await page.emulateMedia({ media: 'print' });
      // The print sheet keeps table headers repeating and rows unbroken.
      expect(await page.locator('table.checks thead').first().evaluate((e) => getComputedStyle(e).display)).toBe('table-header-group');
      expect(await page.locator('table.checks tr').first().evaluate((e) => getComputedStyle(e).breakInside)).toBe('avoid');
      const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
      writeFileSync(join(ARTIFACTS, 'report-hotel-hot-spring-zh.pdf'), pdf);
      const text = pdf.toString('latin1');
      const boxes = [...text.matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)].map((m) => [Math.round(Number(m[1])), Math.round(Number(m[2]))]);
      expect(boxes.length).toBeGreaterThan(1);
      // A4 is 210 × 297 mm = 595 × 842 points.
      for (const b of boxes) expect(b).toEqual([595, 842]);
    } finally {
      await page.close();
    }
  }, 90_000);
});
