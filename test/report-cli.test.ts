import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { AS_OF, attrs, checkJson, FIXTURES, memo, ROOT, run, tmp } from './report-helpers.js';

/**
 * Tests of `policy-calc report`, run in-process. The
 * numbers in every report are compared with `check --format json` of the same run, through the
 * data attributes the HTML carries, and a few are worked out by hand from the articles.
 */
const jsonOf = Object.fromEntries(FIXTURES.map((f) => [f, memo(() => checkJson(f))]));

/** One batch run per language and format renders every fixture; the file of each is found by its credit code. */
const batchOf = Object.fromEntries(
  ['zh', 'en'].flatMap((lang) =>
    ['html', 'markdown'].map((format) => [
      `${lang}/${format}`,
      memo(async () => {
        const input = tmp();
        for (const f of FIXTURES) writeFileSync(join(input, `${f}.json`), readFileSync(join(ROOT, 'fixtures', `${f}.json`)));
        const out = join(tmp(), 'out');
        const r = await run(['report', input, '-o', out, '--as-of', AS_OF, '--format', format, '--lang', lang]);
        expect(r.code, r.stderr).toBe(0);
        return out;
      }),
    ]),
  ),
);

async function reportOf(fixture: string, lang: string, format: 'html' | 'markdown'): Promise<string> {
  const out = await batchOf[`${lang}/${format}`]!();
  const code = (await jsonOf[fixture]!()).enterprise.creditCode;
  const index = [...FIXTURES].sort().indexOf(fixture) + 1;
  const name = code ?? `${String(index).padStart(3, '0')}-enterprise`;
  return readFileSync(join(out, `${name}${format === 'html' ? '.html' : '.md'}`), 'utf8');
}

describe('report: the numbers are those of check --format json', () => {
  for (const fixture of FIXTURES) {
    for (const lang of ['zh', 'en']) {
      it(`${fixture} (${lang}), HTML`, async () => {
        const json = await jsonOf[fixture]!();
        const html = await reportOf(fixture, lang, 'html');

        const total = /data-total="([^"]*)"/.exec(html)?.[1];
        expect(total).toBe(json.totals.amount);

        // The brief report: each policy is one element (a card for the quantified ones, a table row
        // for the rest) carrying its id, status, amount and whether it counts in the total.
        const articles = [...attrs(html, 'article'), ...attrs(html, 'tr')].filter((a) => a['data-policy'] && a['data-status']);
        expect(articles.map((a) => a['data-policy']).sort()).toEqual(json.benefits.map((b) => b.id).sort());
        for (const b of json.benefits) {
          const a = articles.find((x) => x['data-policy'] === b.id)!;
          expect(a['data-status'], b.id).toBe(b.status);
          expect(a['data-amount'] ?? null, b.id).toBe(b.amount);
          expect(a['data-counted'], b.id).toBe(String(b.countedInTotal));
        }

        // Every figure of every quantified eligible policy (the ones with a card), with its exact value.
        const figures = attrs(html, 'tr').filter((a) => a['data-figure']);
        const expected = json.benefits.filter((b) => b.status === 'eligible' && b.amount !== null).flatMap((b) => Object.entries(b.figures));
        expect(figures.map((f) => [f['data-figure'], f['data-value']])).toEqual(expected);

        // The chart has one bar per eligible benefit with an amount, each with that amount.
        const bars = attrs(html, 'g').filter((a) => a['data-policy']);
        const quantified = json.benefits.filter((b) => b.status === 'eligible' && b.amount !== null);
        expect(bars.map((b) => [b['data-policy'], b['data-amount']]).sort()).toEqual(quantified.map((b) => [b.id, b.amount]).sort());

        const counts = Object.fromEntries([...html.matchAll(/data-count="([\w-]+)">(\d+)/g)].map((m) => [m[1], Number(m[2])]));
        expect(counts).toEqual({ eligible: json.totals.eligible, 'needs-info': json.totals.needsInfo, ineligible: json.totals.ineligible });
      });

      it(`${fixture} (${lang}), Markdown`, async () => {
        const json = await jsonOf[fixture]!();
        const md = await reportOf(fixture, lang, 'markdown');
        const group = (s: string) => s.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
        const [int, frac] = json.totals.amount.split('.');
        expect(md).toContain(`${group(int!)}.${frac}`);
        // A quantified eligible policy has its own section with its amount; every policy is named.
        for (const b of json.benefits) {
          expect(md, b.id).toContain(`${b.id} `);
          if (b.status !== 'eligible' || b.amount === null) continue;
          const section = md.split(/^#### /m).find((s) => s.startsWith(`${b.id} `));
          expect(section, b.id).toBeDefined();
          const [i, f] = b.amount.split('.');
          // A lower bound (P10's window still open on the as-of date) is written as one.
          const bound = b.amountBound === 'at-least' ? '≥ ' : '';
          expect(section).toMatch(new RegExp(`\\| ${bound}${group(i!)}\\.${f} (元|CNY)`));
        }
      });
    }
  }
});

describe('report: amounts worked out by hand', () => {
  it('cloud-sme 2018: P09, P10, P12, P22 and their total', async () => {
    const html = (await run(['report', 'fixtures/cloud-sme.json', '--as-of', AS_OF, '--format', 'html', '--lang', 'en'])).stdout;
    const amount = (id: string) => new RegExp(`data-policy="${id}" data-status="eligible" data-amount="([\\d.]+)"`).exec(html)?.[1];
    // Art. 9: taxable income 2,350,000 × (25% − 15%).
    expect(amount('P09')).toBe('235000.00');
    // Art. 10: window 2017-03-15 .. 2019-03-14, open on 2018-06-30: only what was paid by then counts.
    // 40% × CIT (35,000 + 42,500 + 45,200) + 50% × VAT (18,350.25 + 26,410.80 + 61,200.00)
    // = 49,080 + 52,980.525 = 102,060.525, half-up to the fen (98,000 and 120,000 are paid later).
    expect(amount('P10')).toBe('102060.53');
    // Art. 12, technology SME in 2018: 75% × 1,860,000 + 75% × 120,000 = 1,485,000, saved at 15%.
    expect(amount('P12')).toBe('222750.00');
    // Art. 22: 420,000 kWh × (0.7836 − 0.6420).
    expect(amount('P22')).toBe('59472.00');
    // 235,000 + 102,060.53 + 222,750 + 59,472; P10's window (to 2019-03-14) is still open on the
    // as-of date: the total is a lower bound.
    expect(html).toContain('data-total="619282.53">≥ 619,282.53');
  });

  it('regional-hq: P11 repeats P10’s income tax money, so the total holds P10 only and says so', async () => {
    const html = (await run(['report', 'fixtures/regional-hq.json', '--as-of', AS_OF, '--format', 'html', '--lang', 'en'])).stdout;
    // Art. 10: 40% × 2,400,000 + 50% × 860,000; art. 11: 40% × 2,400,000, the same CIT.
    expect(html).toContain('data-policy="P10" data-status="eligible" data-amount="1390000.00" data-counted="true"');
    expect(html).toContain('data-policy="P11" data-status="eligible" data-amount="960000.00" data-counted="false"');
    expect(html).toContain('data-total="1390000.00"');
    expect(html).toMatch(/class="bar bar-not-counted" data-policy="P11"/);
  });
});

describe('report: content', () => {
  const html = memo(() => reportOf('sparse', 'en', 'html'));

  it('turns missing facts into questions, naming the policies they decide', async () => {
    expect(await html()).toContain('<tr data-fact="encouragedCatalog">');
    expect(await html()).toContain('Is the main business listed in the Western Region Encouraged Industries Catalogue?');
    // The district decides every policy that needs Chongqing: it comes first. fiscalYears decides P09
    // and P12, and P16 (the SME loan risk pool) through the derived size; P10 asks for the opening year's.
    expect(await html()).toMatch(/<tr data-fact="district"><td class="idx">1<\/td>.*P05, P07, P08, P09, P10/);
    expect(await html()).toMatch(/<tr data-fact="fiscalYears"><td class="idx">2<\/td>.*P09, P12, P16<\/td>/);
    expect(await html()).toMatch(/<tr data-fact="fiscalYears\.2017">.*P10<\/td>/);
  });

  it('carries the article text, the departments, the rules version and the disclaimer', async () => {
    expect(await html()).toContain('战略性新兴服务业企业按规定享受西部大开发15%的企业所得税优惠税率');
    // In English each department by its English name, its own beside it (the one on the office door);
    // the two the article names, merged since, by their English names.
    expect(await html()).toContain('Chongqing Tax Service, State Taxation Administration (国家税务总局重庆市税务局) — the article names: Chongqing Local Taxation Bureau; Chongqing State Taxation Bureau');
    expect(await html()).toMatch(/data-field="rulesVersion">2016\.11\.1\+[0-9a-f]{8}</);
    expect(await html()).toContain('not a tax ruling');
  });

  it('is one self-contained file: no script, no external URL', async () => {
    expect(await html()).not.toMatch(/<script|<link|<img|<iframe|@import|url\(http/i);
    // The only URL is the SVG namespace, which is a name, not a request.
    for (const url of (await html()).match(/[a-z]+:\/\/[^"'\s<)]+/gi) ?? []) expect(url).toBe('http://www.w3.org/2000/svg');
    expect(await html()).toContain('@page { size: A4;');
  });

  it('prints the consultant and report date; the date defaults to the as-of date, so runs repeat', async () => {
    const args = ['report', 'fixtures/cloud-sme.json', '--as-of', AS_OF, '--format', 'html', '--prepared-by', '王顾问'];
    const a = await run(args);
    // Run on another day: a report that printed or read today's date would differ.
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2031-02-03T04:05:06Z') });
    try {
      expect((await run(args)).stdout).toBe(a.stdout);
    } finally {
      vi.useRealTimers();
    }
    expect(a.stdout).toContain('<b>王顾问</b>');
    expect(a.stdout).toContain(`<b>${AS_OF}</b>`);
    const c = await run(['report', 'fixtures/cloud-sme.json', '--as-of', AS_OF, '--format', 'html', '--date', '2018-07-02']);
    expect(c.stdout).toContain('<b>2018-07-02</b>');
  });
});

describe('report: brief and full', () => {
  it('--detail full keeps the long form: every policy as a card with its article text and all its figures', async () => {
    const json = await jsonOf['cloud-sme']!();
    const html = (await run(['report', 'fixtures/cloud-sme.json', '--as-of', AS_OF, '--format', 'html', '--lang', 'en', '--detail', 'full'])).stdout;
    const articles = attrs(html, 'article').filter((a) => a['data-policy']);
    expect(articles.map((a) => a['data-policy']).sort()).toEqual(json.benefits.map((b) => b.id).sort());
    const figures = attrs(html, 'tr').filter((a) => a['data-figure']);
    expect(figures.map((f) => [f['data-figure'], f['data-value']])).toEqual(json.benefits.flatMap((b) => Object.entries(b.figures)));
    expect(html).not.toContain('id="next-steps"');
  });

  it('the brief form: page one (summary, total, chart, next steps), then cards, tables and the appendix, in that order', async () => {
    const html = await reportOf('cloud-sme', 'zh', 'html');
    const at = (s: string) => html.indexOf(s);
    const order = ['<div class="page-one">', 'id="summary"', 'id="chart"', 'id="next-steps"', '</div>\n<section id="quantified"', 'id="others"', 'id="questions"', 'id="unavailable"', 'id="appendix"'];
    for (const s of order) expect(at(s), s).toBeGreaterThan(-1);
    expect(order.map(at)).toEqual([...order.map(at)].sort((a, b) => a - b));
    // The eleven policies cloud-sme does not qualify for are table rows, not cards.
    expect(attrs(html, 'tr').filter((a) => a['data-status'] === 'ineligible')).toHaveLength((await jsonOf['cloud-sme']!()).totals.ineligible);
    expect(attrs(html, 'article').filter((a) => a['data-status'] === 'ineligible')).toHaveLength(0);
  });
});
