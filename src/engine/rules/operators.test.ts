import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Dec } from '../support/decimal.js';
import { apply, literalTest } from './operators.js';

const text = fc.constantFrom('tech-sme', 'other', '', '1', '1.0', 'true', 'null');
const value = fc.oneof(text, fc.boolean(), fc.constant(null), fc.constant(undefined), fc.integer({ min: -2, max: 2 }), fc.constantFrom(new Dec(1), new Dec('1.0')), fc.array(text, { maxLength: 2 }));

describe('literalTest', () => {
  it('answers as apply does for every value, against constant text or true/false', () => {
    fc.assert(
      fc.property(fc.constantFrom('eq', 'ne'), fc.oneof(text, fc.boolean()), value, (op, constant, v) => {
        expect(literalTest(op, constant)!(v)).toBe(apply(op, v, constant));
      }),
    );
    fc.assert(
      fc.property(fc.constantFrom('in', 'notIn', 'containsAny'), fc.array(text, { maxLength: 4 }), value, (op, constant, v) => {
        expect(literalTest(op, constant)!(v)).toBe(apply(op, v, constant));
      }),
    );
    // A list holding the constant: lists of text, numbers, decimals and nulls, or no list at all.
    const list = fc.oneof(fc.array(fc.oneof(text, fc.integer({ min: -1, max: 1 }), fc.constant(new Dec(1)), fc.constant(null)), { maxLength: 4 }), value);
    fc.assert(
      fc.property(text, list, (constant, v) => {
        expect(literalTest('contains', constant)!(v)).toBe(apply('contains', v, constant));
      }),
    );
    fc.assert(
      fc.property(fc.array(text, { maxLength: 4 }), list, (constant, v) => {
        expect(literalTest('containsAny', constant)!(v)).toBe(apply('containsAny', v, constant));
      }),
    );
  });

  it('leaves numbers, dates as numbers and every other operator to apply', () => {
    expect(literalTest('eq', new Dec(1))).toBeUndefined();
    expect(literalTest('in', [new Dec(1), 'a'])).toBeUndefined();
    expect(literalTest('gte', 'a')).toBeUndefined();
    expect(literalTest('contains', new Dec(1))).toBeUndefined();
    expect(literalTest('containsAny', ['a', new Dec(1)])).toBeUndefined();
    expect(literalTest('startsWithAny', ['a'])).toBeUndefined();
    expect(literalTest('isTrue', undefined)).toBeUndefined();
  });
});
