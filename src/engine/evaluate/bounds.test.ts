import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Dec } from '../support/decimal.js';
import { extreme, extremeOfTwo, lower, Range, upper, type Num } from './bounds.js';

const dec = fc.integer({ min: -500, max: 500 }).map((n) => new Dec(n).div(4));
const num: fc.Arbitrary<Num> = fc.oneof(
  dec,
  fc.tuple(dec, dec, fc.constantFrom([], ['year.rdExpensed'])).map(([a, b, missing]) => (a.lte(b) ? new Range(a, b, missing) : new Range(b, a, missing))),
);
const text = (v: Num) => (v instanceof Range ? `${lower(v)}..${upper(v)} [${v.missing.join()}]` : v.toString());

describe('extremeOfTwo', () => {
  it('gives what extreme gives of the two, exact values and bounds alike, and the very value it picked', () => {
    fc.assert(
      fc.property(fc.boolean(), num, num, (isMax, a, b) => {
        const two = extremeOfTwo(isMax, a, b);
        const all = extreme(isMax, [a, b]);
        expect(text(two)).toBe(text(all));
        if (!(a instanceof Range) && !(b instanceof Range)) {
          expect(two).toBe(all);
          // extreme folds with extremeOfTwo: decimal.js's own max and min keep the pair honest.
          expect((two as Dec).eq(isMax ? Dec.max(a, b) : Dec.min(a, b))).toBe(true);
        }
      }),
    );
  });

  it('keeps the first of two equal values', () => {
    const a = new Dec('1.50');
    expect(extremeOfTwo(true, a, new Dec('1.5'))).toBe(a);
    expect(extremeOfTwo(false, a, new Dec('1.5'))).toBe(a);
  });
});
