import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compareDec, Dec, formatFigure, formatMoney, parseDecimalText } from './decimal.js';

describe('money', () => {
  it('rounds half-up to the fen, once', () => {
    expect(formatMoney(new Dec('0.005'))).toBe('0.01');
    expect(formatMoney(new Dec('0.0049999'))).toBe('0.00');
    expect(formatMoney(new Dec('28666.665'))).toBe('28666.67');
    expect(formatMoney(new Dec('-0.001'))).toBe('0.00');
    // Rounding each part first would give 0.01 + 0.01 = 0.02; the sum is rounded once: 0.01
    expect(formatMoney(new Dec('0.004').plus('0.004'))).toBe('0.01');
  });

  it('is exact where binary floating point is not', () => {
    expect(new Dec('0.1').plus('0.2').toString()).toBe('0.3');
    expect(formatMoney(new Dec('1.005').times(1))).toBe('1.01');
    expect((1.005).toFixed(2)).toBe('1.00'); // what a float would have said
  });

  it('keeps 60 significant digits, so large products stay exact', () => {
    const big = new Dec('999999999999999999.99').times('0.4');
    expect(big.toFixed()).toBe('399999999999999999.996');
  });

  it('reads only plain decimal text', () => {
    expect(parseDecimalText('1234.56')).toEqual(new Dec('1234.56'));
    expect(parseDecimalText('-80000')).toEqual(new Dec('-80000'));
    expect(parseDecimalText('1e5')).toMatch(/exponent/);
    expect(parseDecimalText('1,000.00')).toMatch(/comma/);
    expect(parseDecimalText('NaN')).toMatch(/not a decimal/);
    expect(parseDecimalText('Infinity')).toMatch(/not a decimal/);
    expect(parseDecimalText(' 1')).toMatch(/spaces/);
    expect(parseDecimalText('0.123456789012345678901234567890')).toEqual(new Dec('0.123456789012345678901234567890'));
    expect(parseDecimalText('1.1234567890123456789012345678901')).toMatch(/more than 30 decimals/);
  });

  it('prints figures exactly with at least two decimals', () => {
    expect(formatFigure(new Dec('0.1'))).toBe('0.10');
    expect(formatFigure(new Dec('16666.665'))).toBe('16666.665');
    expect(formatFigure(new Dec('3000000'))).toBe('3000000.00');
    expect(formatFigure(new Dec('1e-7'))).toBe('0.0000001');
  });
});

describe('compareDec', () => {
  // Values that meet each branch of the comparison: signs, zeros, infinities, NaN, equal exponents
  // with digits differing late, digit lists of different lengths, and exponents far apart.
  const edge = fc.constantFrom('0', '-0', '1', '-1', 'Infinity', '-Infinity', 'NaN', '10000000', '9999999', '10000000.0000001',
    '10000000.00000010000001', '0.00000001', '-0.00000001', '123456789012345678901234567890', '1e-40', '-1e40');
  const plain = fc.tuple(fc.boolean(), fc.bigInt({ min: 0n, max: 10n ** 30n }), fc.integer({ min: 0, max: 25 }))
    .map(([neg, digits, scale]) => `${neg ? '-' : ''}${digits.toString().padStart(scale + 1, '0').replace(new RegExp(`(\\d{${scale}})$`), '.$1')}`);
  const value = fc.oneof(edge, plain).map((t) => new Dec(t));

  it('agrees with decimal.js cmp on any two values', () => {
    fc.assert(fc.property(value, value, (a, b) => {
      expect(compareDec(a, b)).toBe(a.cmp(b));
    }), { numRuns: 3000 });
    // Near equal: the same digits but for the last one.
    fc.assert(fc.property(fc.bigInt({ min: 1n, max: 10n ** 25n }), fc.integer({ min: 0, max: 20 }), (n, scale) => {
      const a = new Dec(n.toString()).div(new Dec(10).pow(scale));
      const b = new Dec((n + 1n).toString()).div(new Dec(10).pow(scale));
      expect([compareDec(a, b), compareDec(b, a), compareDec(a, a), compareDec(a.neg(), b.neg())]).toEqual([-1, 1, 0, 1]);
    }));
  });
});
