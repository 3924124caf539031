import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { evaluate } from './evaluate.js';
import { validateProfile } from '../profile/profile.js';
import { loadRules } from '../rules/rule-set.js';

const rules = loadRules(fileURLToPath(new URL('../../../rules', import.meta.url)));
const base = { name: 'T', registrationDate: '2017-03-15', district: '渝北区', industry: 'cloud-bigdata', size: 'small', establishment: 'new' };
const run = (profile: object, opts: { year?: number; asOf?: string } = {}) =>
  evaluate(rules, validateProfile({ ...base, ...profile }), { asOf: opts.asOf ?? '2019-06-30', year: opts.year });
const benefit = (r: ReturnType<typeof run>, id: string) => r.benefits.find((b) => b.id === id)!;

describe('evaluate', () => {
  it('states the window of P10 with both bounds and whether it is still open', () => {
    const open = benefit(run({ taxPayments: [] }, { asOf: '2019-03-14' }), 'P10');
    expect(open.period).toEqual({ from: '2017-03-15', to: '2019-03-14', endExclusive: '2019-03-15', open: true });
    expect(open.notes.some((n) => /still open on 2019-03-14/.test(n.en))).toBe(true);
    const closed = benefit(run({ taxPayments: [] }, { asOf: '2019-03-15' }), 'P10');
    expect(closed.period?.open).toBe(false);
  });

  it('uses the latest fiscal year by default and the one asked for otherwise', () => {
    const years = { '2017': { taxableIncome: '100' }, '2018': { taxableIncome: '200' } };
    expect(run({ fiscalYears: years }).evaluation.year).toBe(2018);
    expect(run({ fiscalYears: years }, { year: 2017 }).evaluation.year).toBe(2017);
    const none = run({});
    expect(none.evaluation.year).toBeNull();
    expect(benefit(none, 'P09').status).toBe('needs-info');
    expect(benefit(none, 'P09').missing).toContain('fiscalYears');
  });

  it('picks each parameter value by the date it took effect, and says which', () => {
    const profile = {
      nationalIndustryCode: 'I6510', technologySme: false, encouragedCatalog: false,
      fiscalYears: {
        '2017': { taxableIncome: '1000000', rdExpensed: '100000', rdIntangibleAmortization: '0' },
        '2018': { taxableIncome: '1000000', rdExpensed: '100000', rdIntangibleAmortization: '0' },
      },
    };
    const y2017 = benefit(run(profile, { year: 2017 }), 'P12');
    const y2018 = benefit(run(profile, { year: 2018 }), 'P12');
    expect(y2017.amount).toBe('12500.00'); // 50% × 100,000 × 25%
    expect(y2018.amount).toBe('18750.00'); // 75% × 100,000 × 25%
    expect(y2018.parameters).toContainEqual(expect.objectContaining({ name: 'rd.general.extra_rate', value: '0.75', since: '2018-01-01', source: expect.stringContaining('财税〔2018〕99号') }));
  });

  it('counts the same money once: the larger of P10 and P11 counts, the other says why', () => {
    const r = run({
      headquarters: { type: 'regional-hq', recognized: true },
      taxPayments: [{ date: '2017-06-01', tax: 'cit', amount: '1000' }],
    });
    expect(benefit(r, 'P10')).toMatchObject({ amount: '400.00', countedInTotal: true });
    expect(benefit(r, 'P11')).toMatchObject({ amount: '400.00', countedInTotal: false, overlapsWith: 'P10' });
    expect(r.totals.amount).toBe('400.00');
  });

  it('sums only counted amounts, each already rounded, so the total is what the lines show', () => {
    const r = run({
      facilities: [],
      utilities: [{ kind: 'electricity', quantity: '1', currentPrice: '0.005', referencePrices: { industrial: '0' } }],
      taxPayments: [{ date: '2017-06-01', tax: 'vat', amount: '0.01' }],
    });
    expect(benefit(r, 'P22').amount).toBe('0.01'); // 0.005 rounds up
    expect(benefit(r, 'P10').amount).toBe('0.01'); // 0.005 rounds up
    expect(r.totals.amount).toBe('0.02');
  });

  it('gives the same output for the same input', () => {
    const profile = { taxPayments: [{ date: '2017-06-01', tax: 'cit', amount: '1000' }] };
    expect(JSON.stringify(run(profile))).toBe(JSON.stringify(run(profile)));
  });

  it('warns about payments before registration and an evaluated year that is not in the profile', () => {
    const r = run({ fiscalYears: { '2018': {} }, taxPayments: [{ date: '2017-01-01', tax: 'cit', amount: '1' }] }, { year: 2019 });
    expect(r.warnings.map((w) => w.path)).toEqual(['fiscalYears', 'taxPayments[0].date']);
  });

  it('derives the size and says so', () => {
    const r = evaluate(rules, validateProfile({ name: 'T', registrationDate: '2017-01-01', nationalIndustryCode: 'I6510', employees: 150, fiscalYears: { '2017': { revenue: '20000000' } } }), { asOf: '2018-01-01' });
    expect(r.enterprise).toMatchObject({ size: 'medium', sizeDerived: true, sizeBasis: expect.stringContaining('software-it') });
  });
});
