import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { describe, expect, it, vi } from 'vitest';
import { cli, json, run } from './cli-helpers.js';

/**
 * The CLI, in-process, on the bundled fixtures (stdin: the built CLI). Every amount below is worked out by hand
 * from the articles (see the comments), not copied from the program's output.
 */
const amounts = (r: any) => Object.fromEntries(r.benefits.filter((b: any) => b.amount !== null).map((b: any) => [b.id, b.amount]));
const status = (r: any, id: string) => r.benefits.find((b: any) => b.id === id).status;

describe('policy-calc check on the fixtures', () => {
  it('cloud-sme: a new cloud SME in 渝北区, 2018', async () => {
    const r = await json(['check', 'fixtures/cloud-sme.json', '--as-of', '2019-06-30']);
    expect(r.evaluation).toMatchObject({ year: 2018, asOf: '2019-06-30' });
    expect(r.enterprise).toMatchObject({ size: 'small', sizeDerived: true, region: 'extension' });
    expect(amounts(r)).toEqual({
      P09: '235000.00', // 2,350,000 × (25% − 15%); main business 12.76m / 14.5m = 88% ≥ 70%
      // window [2017-03-15, 2019-03-15): income tax 35,000 + 42,500 + 45,200 + 98,000 + 120,000 = 340,700 × 40% = 136,280;
      // VAT 18,350.25 + 26,410.80 + 61,200 = 105,961.05 × 50% = 52,980.525 (the 75,000 on 2019-03-15 is outside)
      P10: '189260.53',
      // technology SME, 2018: 75% × 1,860,000 + 75% × 120,000 = 1,485,000 ≤ 2,350,000; × 15% (P09)
      P12: '222750.00',
      P22: '59472.00', // (0.7836 − 0.6420) × 420,000 kWh
    });
    expect(r.totals.amount).toBe('706482.53');
    expect(status(r, 'P11')).toBe('ineligible');
  });

  it('regional-hq: P10 and P11 pay the same income tax; only P10, the larger, counts', async () => {
    const r = await json(['check', 'fixtures/regional-hq.json', '--as-of', '2019-01-31']);
    // income tax in [2016-12-20, 2018-12-20): 600,000 + 620,000 + 640,000 + 540,000 = 2,400,000 (the 700,000 on 2018-12-20 is outside)
    // P11 = 40% = 960,000; P10 = 960,000 + 50% × VAT (180,000 + 210,000 + 230,000 + 240,000 = 860,000) = 1,390,000
    const p10 = r.benefits.find((b: any) => b.id === 'P10');
    const p11 = r.benefits.find((b: any) => b.id === 'P11');
    expect([p10.amount, p10.countedInTotal, p10.period.open]).toEqual(['1390000.00', true, false]);
    expect([p11.amount, p11.countedInTotal]).toEqual(['960000.00', false]);
    expect(r.totals.amount).toBe('1390000.00');
    expect(status(r, 'P22')).toBe('needs-info');
    expect(r.benefits.find((b: any) => b.id === 'P22').missing).toEqual(['utilities']);
  });

  it('hotel-hot-spring: land and utilities; the bathing water is excluded', async () => {
    const r = await json(['check', 'fixtures/hotel-hot-spring.json', '--as-of', '2019-06-30']);
    expect(amounts(r)).toEqual({
      P09: '340000.00', // 3,400,000 × 10%
      P20: '3096000.00', // 30% × 12,000 m² × 860
      P21: '325500.00', // 30% × 3,500 m² × 1,240 × 10 / 40 years
      // electricity (0.8215 − 0.6730) × 1,850,000 = 274,725; other water (5.20 − 3.85) × 40,000 = 54,000;
      // gas (2.93 − 2.56) × 210,000 = 77,700; bathing water excluded
      P22: '406425.00',
    });
    expect(r.totals.amount).toBe('4167925.00');
    expect(r.enterprise).toMatchObject({ size: 'medium', region: 'southeast' });
    const p20 = r.benefits.find((b: any) => b.id === 'P20');
    expect(p20.itemPeriods).toEqual([{ from: '2018-03-01', to: '2023-02-28', endExclusive: '2023-03-01', open: true, item: 'land[2]' }]);
  });

  it('design-firm: R&D-heavy, under the law of each year', async () => {
    // 2023: 100%/200%: 5,000,000 + 400,000 = 5,400,000 > 3,000,000; 3,000,000 × 15% = 450,000; P09 = 300,000
    expect(amounts(await json(['check', 'fixtures/design-firm.json', '--as-of', '2024-06-30']))).toEqual({ P09: '300000.00', P12: '450000.00' });
    // 2021: 65% main business passes the 60% minimum; 75%/175%: 3,000,000 + 225,000 = 3,225,000 > 2,000,000 × 15% = 300,000
    expect(amounts(await json(['check', 'fixtures/design-firm.json', '--year', '2021', '--as-of', '2024-06-30']))).toEqual({ P09: '200000.00', P12: '300000.00' });
    // 2018: 65% is below 70%: no P09, so 25%: min(1,950,000 + 135,000, 900,000) × 25% = 225,000
    const y2018 = await json(['check', 'fixtures/design-firm.json', '--year', '2018', '--as-of', '2024-06-30']);
    expect(amounts(y2018)).toEqual({ P12: '225000.00' });
    expect(y2018.benefits.find((b: any) => b.id === 'P12').figures.carryForward).toBe('1185000.00');
  });

  it('sparse: a name, a date and an industry; the quantified policies need information', async () => {
    const r = await json(['check', 'fixtures/sparse.json', '--as-of', '2019-06-30']);
    for (const id of ['P09', 'P10', 'P11', 'P12', 'P20', 'P21', 'P22']) expect(status(r, id), id).toBe('needs-info');
    expect(r.totals.amount).toBe('0.00');
    expect(r.warnings[0].path).toBe('fiscalYears');
  });

  it('follows the contract for every fixture', async () => {
    for (const f of ['cloud-sme', 'regional-hq', 'hotel-hot-spring', 'design-firm', 'sparse']) {
      const r = await json(['check', `fixtures/${f}.json`, '--as-of', '2019-06-30']);
      expect(Object.keys(r)).toEqual(expect.arrayContaining(['enterprise', 'evaluation', 'benefits', 'totals']));
      const articles = r.benefits.map((b: any) => b.article);
      expect(articles).toEqual([...articles].sort((a: number, b: number) => a - b));
      let counted = 0n;
      for (const b of r.benefits) {
        expect(b.id).toBe(`P${String(b.article).padStart(2, '0')}`);
        expect(['eligible', 'ineligible', 'needs-info']).toContain(b.status);
        expect(['entitlement', 'discretionary', 'contingent', 'procedural']).toContain(b.nature);
        expect(b.currency).toBe('CNY');
        if (b.amount !== null) expect(b.amount).toMatch(/^\d+\.\d{2}$/);
        if (b.status === 'needs-info') expect(b.missing.length + b.notes.length).toBeGreaterThan(0);
        if (b.status !== 'needs-info') expect(b.missing).toEqual([]);
        expect(b.citation.text.length).toBeGreaterThan(10);
        if (b.countedInTotal) counted += BigInt(b.amount.replace('.', ''));
      }
      expect(r.totals.amount).toBe(`${counted / 100n}.${String(counted % 100n).padStart(2, '0')}`);
      expect(r.totals.eligible + r.totals.needsInfo + r.totals.ineligible).toBe(r.benefits.length);
    }
  });

  it('depends on the profile, not on how it is written, on the day it runs, or on what ran before', async () => {
    const args = ['--format', 'json', '--as-of', '2019-06-30'];
    const first = await run(['check', 'fixtures/cloud-sme.json', ...args]);
    // The same profile with its keys in reverse order, on one line, checked on another day after
    // another profile: a result that read the clock, the key order or state left by a run differs.
    const reversed = (v: unknown): unknown =>
      Array.isArray(v) ? v.map(reversed) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).reverse().map(([k, x]) => [k, reversed(x)])) : v;
    const file = `${tmpdir()}/policy-calc-reordered-${process.pid}.json`;
    writeFileSync(file, JSON.stringify(reversed(JSON.parse(readFileSync('fixtures/cloud-sme.json', 'utf8')))));
    const other = await run(['check', 'fixtures/hotel-hot-spring.json', ...args]);
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2031-02-03T04:05:06Z') });
    try {
      const again = await run(['check', file, ...args]);
      expect(other.stdout).not.toBe(first.stdout);
      expect(again.stdout).toBe(first.stdout);
    } finally {
      vi.useRealTimers();
      rmSync(file, { force: true });
    }
  });

  it('reads the profile from stdin with -', () => {
    const r = cli(['check', '-', '--format', 'json', '--as-of', '2019-06-30'], { input: '{"name":"S","registrationDate":"2017-01-01"}' });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).enterprise.name).toBe('S');
  });
});

describe('the table', () => {
  it('shows every policy, the amounts with separators and the total, without color when piped', async () => {
    const r = await run(['check', 'fixtures/cloud-sme.json', '--as-of', '2019-06-30']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/P10\s+Two-year subsidy for newly opened SESI SMEs\s+✔ eligible\s+189,260\.53/);
    expect(r.stdout).toMatch(/Total counted\s+706,482\.53/);
    expect(r.stdout).not.toMatch(/\u001b\[/);
    expect(r.stderr).toBe('');
  });

  it('explains in Chinese with --explain --lang zh: checks, figures, article and departments', async () => {
    const r = await run(['check', 'fixtures/design-firm.json', '--year', '2018', '--explain', '--lang', 'zh', '--as-of', '2024-06-30']);
    expect(r.stdout).toContain('西部大开发15%企业所得税优惠税率');
    expect(r.stdout).toMatch(/主营业务收入占收入总额比例达标：65%低于要求的 70%（2018年度）/);
    expect(r.stdout).toContain('责任单位：国家税务总局重庆市税务局（条文所列：市地税局、市国税局）');
    // 75% × 2,600,000 + 75% × 180,000 = 2,085,000 extra deduction; 900,000 taxable income: 1,185,000 carried
    expect(r.stdout).toContain('结转以后年度弥补：1,185,000.00 元 = 2,085,000.00 元 − 900,000.00 元');
  });

  it('marks a benefit not counted in the total', async () => {
    const r = await run(['check', 'fixtures/regional-hq.json', '--as-of', '2019-01-31']);
    expect(r.stdout).toMatch(/P11 .*\(960,000\.00\)/);
    expect(r.stdout).toMatch(/only the larger, P10, counts/);
  });
});

describe('help', () => {
  it('explains every option of check', async () => {
    const r = await run(['check', '--help']);
    expect(r.code).toBe(0);
    for (const opt of ['--year', '--as-of', '--format', '--explain', '--lang', '--rules', '--no-color']) expect(r.stdout).toContain(opt);
    expect(r.stdout).toMatch(/Exit codes/);
  });

  it('lists the commands', async () => {
    const r = await run(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/check \[options\] <profile>/);
  });
});
