import { describe, expect, it } from 'vitest';
import type { Benefit, EvaluationResult } from '../index.js';
import { openCount, openFacts } from './open-facts.js';

/** Only what the ranking reads: id, status, quantified, missing. */
function result(benefits: [string, Benefit['status'], boolean, string[]][]): EvaluationResult {
  return {
    benefits: benefits.map(([id, status, quantified, missing]) => ({ id, status, quantified, missing }) as Benefit),
  } as EvaluationResult;
}

describe('openFacts', () => {
  it('puts first the fact that the most needs-info policies wait for', () => {
    const r = result([
      ['P01', 'needs-info', false, ['activities.inPurchaseCatalog']],
      ['P05', 'needs-info', false, ['industry']],
      ['P06', 'needs-info', false, ['industry']],
      ['P09', 'needs-info', true, ['industry', 'fiscalYears']],
    ]);
    const ranked = openFacts(r);
    // industry: 3 policies; fiscalYears: 1 with money; the activity: 1 without money.
    expect(ranked.map((f) => f.path)).toEqual(['industry', 'fiscalYears', 'activities.inPurchaseCatalog']);
    expect(ranked[0]).toMatchObject({ policies: ['P05', 'P06', 'P09'], money: ['P09'] });
    // closeness of industry: 1/1 + 1/1 + 1/2.
    expect(ranked[0]!.closeness).toBe(2.5);
  });

  it('between equals, prefers money, then the fact that is all a policy lacks', () => {
    const r = result([
      ['P02', 'needs-info', false, ['ownership', 'activities.publicServiceProvider']],
      ['P07', 'needs-info', false, ['activities.foreignCooperationProject']],
      ['P12', 'needs-info', true, ['nationalIndustryCode', 'fiscalYears', 'technologySme']],
    ]);
    expect(openFacts(r).map((f) => f.path)).toEqual([
      // money first (P12's three facts, in the order P12 names them), then P07's only fact (1/1),
      // then P02's two (1/2 each, in P02's order)
      'nationalIndustryCode', 'fiscalYears', 'technologySme',
      'activities.foreignCooperationProject', 'ownership', 'activities.publicServiceProvider',
    ]);
  });

  it('counts an eligible policy with an incomplete (at-least) amount as money, not as a policy waiting', () => {
    const r = result([
      ['P12', 'eligible', true, ['fiscalYears.2018.rdIntangibleAmortization']],
      ['P13', 'needs-info', false, ['activities.exportTaxRefund']],
      ['P20', 'ineligible', true, ['land']],
    ]);
    const ranked = openFacts(r);
    expect(ranked.map((f) => f.path)).toEqual(['activities.exportTaxRefund', 'fiscalYears.2018.rdIntangibleAmortization']);
    expect(ranked[1]).toMatchObject({ policies: [], money: ['P12'] });
    // An ineligible policy is decided: what it misses decides nothing.
    expect(openCount(r)).toBe(2);
  });

  it('leaves out what the person said they do not know', () => {
    const r = result([
      ['P05', 'needs-info', false, ['industry']],
      ['P13', 'needs-info', false, ['activities.exportTaxRefund']],
    ]);
    expect(openFacts(r, new Set(['industry'])).map((f) => f.path)).toEqual(['activities.exportTaxRefund']);
    expect(openFacts(result([['P03', 'eligible', false, []]]))).toEqual([]);
  });
});
