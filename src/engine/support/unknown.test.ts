import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { and, firstDecisive, or, Unknown, type Truth } from './unknown.js';

const truth: fc.Arbitrary<Truth> = fc.oneof(fc.boolean(), fc.subarray(['a', 'b', 'c'], { minLength: 1 }).map((m) => new Unknown(m)));

describe('firstDecisive', () => {
  it('gives what and/or give, missing facts in the same order', () => {
    fc.assert(
      fc.property(fc.array(truth, { maxLength: 6 }), (values) => {
        const parts = values.map((v) => () => v);
        expect(firstDecisive(parts, undefined, false)).toEqual(and(values));
        expect(firstDecisive(parts, undefined, true)).toEqual(or(values));
      }),
      { numRuns: 300 },
    );
  });

  it('evaluates nothing after the first decisive value', () => {
    const calls: number[] = [];
    const parts = [new Unknown(['a']), false, true].map((v, i) => () => (calls.push(i), v));
    expect(firstDecisive(parts, undefined, false)).toBe(false);
    expect(calls).toEqual([0, 1]);
  });
});

describe('Unknown.merge', () => {
  const reference = (list: Unknown[]) => [...new Set(list.flatMap((u) => u.missing))];
  it('names every missing fact once, in the order first met, for a few facts and for many', () => {
    const fact = fc.constantFrom('a', 'b', 'c', 'd', 'e');
    const many = fc.integer({ min: 0, max: 40 }).map((i) => `taxPayments.${i}.amount`);
    fc.assert(
      fc.property(fc.array(fc.array(fc.oneof(fact, many), { minLength: 1, maxLength: 6 }).map((m) => new Unknown(m)), { minLength: 1, maxLength: 12 }), (list) => {
        expect(Unknown.merge(list).missing).toEqual(reference(list));
      }),
      { numRuns: 300 },
    );
  });
});
