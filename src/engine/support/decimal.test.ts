import { describe, expect, it } from 'vitest';
import { Dec, formatFigure, formatMoney, parseDecimalText } from './decimal.js';

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
