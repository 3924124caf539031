import { describe, expect, it } from 'vitest';
import { Dec } from '../support/decimal.js';
import { compileExpression, expressionText, FormulaError, parseExpression, ExpressionError } from './expression.js';
import { Unknown } from '../support/unknown.js';

describe('division by zero', () => {
  it('a literal zero divisor is refused when the formula is parsed', () => {
    expect(() => parseExpression('a / 0')).toThrow(ExpressionError);
    expect(() => parseExpression('a / 0.00')).toThrow(/division by zero/);
  });

  it('a divisor that is zero at run time throws FormulaError naming the divisor', () => {
    const values: Record<string, Dec> = { a: new Dec(10), b: new Dec(0), c: new Dec(3) };
    const fn = compileExpression<null>(parseExpression('a / (b * c)'), (n) => () => values[n]!);
    expect(() => fn(null)).toThrow(FormulaError);
    expect(() => fn(null)).toThrow('a formula divides by zero ((b * c) is 0)');
  });

  it('an unknown divisor stays unknown: nothing is divided', () => {
    const fn = compileExpression<null>(parseExpression('a / b'), (n) => () => (n === 'a' ? new Dec(1) : new Unknown(['b'])));
    expect(fn(null)).toBeInstanceOf(Unknown);
  });
});

describe('expressionText', () => {
  it('prints a formula back with explicit grouping', () => {
    expect(expressionText(parseExpression('max(a, 0) - -b * 2'))).toBe('(max(a, 0) - (-b * 2))');
  });
});
