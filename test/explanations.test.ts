import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluate, loadRules, parseProfile, type Benefit, type EvaluationResult, type RuleSet } from '../src/engine/index.js';
import { anyDate, FIRST_YEAR, LAST_YEAR, profileTree, toJson } from './profile-arbitraries.js';

/**
 * The contract's reasons, over generated valid profiles: the decisive checks, each once, each
 * labelled, agreeing with the status. And the decision tree is optional: with it off, everything
 * but `reasons` and `trace` is the same.
 */
const SCALE = Number(process.env.PROPERTY_SCALE ?? 1);
const rules: RuleSet = loadRules('rules');
const AS_OF = anyDate.map((d) => d.replace(/^\d{4}/, (y) => String(Number(y) + 1)));
const YEAR = fc.option(fc.integer({ min: FIRST_YEAR, max: LAST_YEAR }), { nil: undefined });

function both(tree: Parameters<typeof toJson>[0], year: number | undefined, asOf: string): [EvaluationResult, EvaluationResult] {
  const profile = parseProfile(toJson(tree), 'generated.json');
  return [evaluate(rules, profile, { year, asOf }), evaluate(rules, profile, { year, asOf, trace: false })];
}

const statuses = new Map<string, number>();

describe('reasons over generated profiles', () => {
  it(`are unique, labelled and agree with the status (${Math.round(500 * SCALE)} profiles)`, () => {
    fc.assert(
      fc.property(profileTree, YEAR, AS_OF, (tree, year, asOf) => {
        const [r] = both(tree, year, asOf);
        for (const b of r.benefits) {
          statuses.set(b.status, (statuses.get(b.status) ?? 0) + 1);
          const keys = b.reasons.map((x) => `${x.check} ${x.fact} ${x.item ?? ''}`);
          expect(new Set(keys).size, `${b.id} reasons repeat: ${keys.join(' | ')}`).toBe(keys.length);
          expect(b.reasons.length, `${b.id} ${b.status} has no reason`).toBeGreaterThan(0);
          for (const x of b.reasons) expect(x.label?.zh && x.label.en, `${b.id} ${x.check} unlabelled`).toBeTruthy();
          const results = b.reasons.map((x) => x.result);
          if (b.status === 'eligible') expect(results.every((x) => x === true), `${b.id} eligible: ${results}`).toBe(true);
          if (b.status === 'ineligible') expect(results, `${b.id} ineligible`).toContain(false);
          if (b.status === 'needs-info') {
            expect(results.every((x) => x === null), `${b.id} needs-info: ${results}`).toBe(true);
            expect(b.missing.length, `${b.id} needs-info names nothing`).toBeGreaterThan(0);
          }
          // Every non-null amount says whether it is exact; an at-least amount names what would complete it
          // unless only time will (an open window).
          expect(b.amountBound === null, b.id).toBe(b.amount === null);
          if (b.amountBound === 'at-least' && !b.period?.open) expect(b.missing.length, `${b.id} at-least`).toBeGreaterThan(0);
        }
        const atLeast = r.benefits.some((b) => b.countedInTotal && b.amountBound === 'at-least');
        expect(r.totals.amountBound).toBe(atLeast ? 'at-least' : 'exact');
      }),
      { numRuns: Math.round(500 * SCALE) },
    );
    // The property means something only if every status was reached.
    expect([...statuses.keys()].sort()).toEqual(['eligible', 'ineligible', 'needs-info']);
  });

  it(`with the tree off, everything but reasons and trace is the same (${Math.round(300 * SCALE)} profiles)`, () => {
    const strip = (b: Benefit) => JSON.stringify({ ...b, reasons: undefined, trace: undefined });
    fc.assert(
      fc.property(profileTree, YEAR, AS_OF, (tree, year, asOf) => {
        const [on, off] = both(tree, year, asOf);
        expect(off.benefits.every((b) => b.reasons.length === 0 && b.trace === undefined)).toBe(true);
        expect(on.benefits.every((b) => b.trace !== undefined)).toBe(true);
        expect(off.benefits.map(strip)).toEqual(on.benefits.map(strip));
        expect(JSON.stringify({ ...off, benefits: [] })).toBe(JSON.stringify({ ...on, benefits: [] }));
      }),
      { numRuns: Math.round(300 * SCALE) },
    );
  });
});
