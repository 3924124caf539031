import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluate, evaluateYears, parseProfile } from '../src/engine/index.js';
import { loadRuleSet } from '../src/cli/rules.js';
import { ROOT, run } from './cli-helpers.js';

/**
 * Several years at once, for fixtures/cloud-sme.json (fiscal years 2017 and 2018) as of 2019-06-30:
 *   2017  P09 taxable income 820,000 x (25% - 15%)                                    =  82,000.00
 *         P12 75% x 1,240,000 = 930,000, capped at the taxable income 820,000, x 15%  = 123,000.00
 *         year total                                                                  = 205,000.00
 *   2018  P09 2,350,000 x 10% = 235,000.00; P12 1,485,000 x 15% = 222,750.00          = 457,750.00
 *   once  P10 (the two-year window from 2017-03-15) 189,260.53; P22 59,472.00         = 248,732.53
 *   all   205,000.00 + 457,750.00 + 248,732.53                                        = 911,482.53
 */
const AS_OF = '2019-06-30';
const rules = loadRuleSet(`${ROOT}rules`);
const cloud = parseProfile(readFileSync('fixtures/cloud-sme.json', 'utf8'));

describe('evaluateYears', () => {
  it('evaluates the yearly policies per year and the others once, with a total per year', () => {
    const y = evaluateYears(rules, cloud, { asOf: AS_OF });
    expect(y.evaluation.years).toEqual([2017, 2018]);
    // As of 2019-06-30 P10's window (to 2019-03-14) is closed: every amount is exact.
    expect(y.totals).toEqual({ byYear: { '2017': '205000.00', '2018': '457750.00' }, once: '248732.53', amount: '911482.53', amountBound: 'exact' });
    const p09 = y.policies.find((p) => p.id === 'P09')!;
    expect(p09.basis).toBe('yearly');
    expect(p09.years?.['2017']).toMatchObject({ status: 'eligible', amount: '82000.00', countedInTotal: true });
    expect(y.policies.find((p) => p.id === 'P12')!.years?.['2017']?.amount).toBe('123000.00');
    const p10 = y.policies.find((p) => p.id === 'P10')!;
    expect(p10).toMatchObject({ basis: 'once', outcome: { status: 'eligible', amount: '189260.53' } });
    expect(p10.years).toBeUndefined();
    // Each year's result is the contract's result for that year, unchanged.
    expect(y.results[0]).toEqual(evaluate(rules, cloud, { year: 2017, asOf: AS_OF }));
  });

  it('a profile without fiscal years is one evaluation, its yearly policies needing information', () => {
    const sparse = parseProfile(readFileSync('fixtures/sparse.json', 'utf8'));
    const y = evaluateYears(rules, sparse, { asOf: AS_OF });
    expect(y.evaluation.years).toEqual([]);
    expect(y.results).toHaveLength(1);
    expect(y.policies.find((p) => p.id === 'P09')).toMatchObject({ basis: 'once', outcome: { status: 'needs-info' } });
    expect(y.totals).toEqual({ byYear: {}, once: '0.00', amount: '0.00', amountBound: 'exact' });
  });
});

describe('check and batch --year all', () => {
  it('check: a column per year, one for the once policies, and the totals', async () => {
    const r = await run(['check', 'fixtures/cloud-sme.json', '--year', 'all', '--as-of', AS_OF]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^ID +Policy +2017 +2018 +Once$/m);
    expect(r.stdout).toMatch(/^P09 .* ✔ 82,000\.00 +✔ 235,000\.00 *$/m);
    expect(r.stdout).toMatch(/^P10 .* ✔ 189,260\.53$/m);
    expect(r.stdout).toMatch(/Column totals +205,000\.00 +457,750\.00 +248,732\.53$/m);
    expect(r.stdout).toContain('Total counted, all years: 911,482.53');
    const zh = await run(['check', 'fixtures/cloud-sme.json', '--year', 'all', '--as-of', AS_OF, '--lang', 'zh']);
    expect(zh.stdout).toContain('各年度及不分年度合计: 911,482.53');
    const json = JSON.parse((await run(['check', 'fixtures/cloud-sme.json', '--year', 'all', '--as-of', AS_OF, '--format', 'json'])).stdout);
    expect(json.totals.amount).toBe('911482.53');
    // As of 2018-06-30 the window is open: what P10 pays so far is a lower bound, and so is the total.
    const open = await run(['check', 'fixtures/cloud-sme.json', '--year', 'all', '--as-of', '2018-06-30']);
    expect(open.stdout).toMatch(/^P10 .* ✔ ≥ [\d,.]+$/m);
    expect(open.stdout).toMatch(/Total counted, all years: ≥ /);
  });

  it('batch csv: a row per year, the once policies in the latest row, each row adding up to its total', async () => {
    const r = await run(['batch', 'fixtures/cloud-sme.json', '--year', 'all', '--as-of', AS_OF, '--format', 'csv']);
    expect(r.code).toBe(0);
    const [head, y2017, y2018] = r.stdout.split('\r\n').map((l) => l.split(','));
    const cell = (row: string[], name: string) => row[head!.indexOf(name)];
    expect([cell(y2017!, 'year'), cell(y2017!, 'totalAmount'), cell(y2017!, 'P10_amount'), cell(y2017!, 'P10_status')]).toEqual(['2017', '205000.00', '', '']);
    // 457,750.00 of the year and 248,732.53 counted once.
    expect([cell(y2018!, 'year'), cell(y2018!, 'totalAmount'), cell(y2018!, 'P10_amount')]).toEqual(['2018', '706482.53', '189260.53']);
    const refused = await run(['batch', 'fixtures/cloud-sme.json', '--year', 'all', '--format', 'json']);
    expect(refused.code).toBe(2);
  });
});
