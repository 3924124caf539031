import { describe, expect, it } from 'vitest';
import { Dec } from '../support/decimal.js';
import { compileExpression, ExpressionError, FormulaError, namesIn, parseExpression } from './expression.js';
import { Unknown } from '../support/unknown.js';

function run(src: string, vars: Record<string, string | Unknown> = {}) {
  const fn = compileExpression<null>(parseExpression(src), (name) => {
    const v = vars[name];
    return () => (v instanceof Unknown ? v : new Dec(v ?? 'NaN'));
  });
  return fn(null);
}

describe('formula language', () => {
  it('follows arithmetic precedence, exactly', () => {
    expect(run('1 + 2 * 3').toString()).toBe('7');
    expect(run('(1 + 2) * 3').toString()).toBe('9');
    expect(run('1 - 2 - 3').toString()).toBe('-4');
    expect(run('-2 * -3').toString()).toBe('6');
    expect(run('0.1 + 0.2').toString()).toBe('0.3');
    expect(run('10 / 4').toString()).toBe('2.5');
    expect(run('max(a, 0) * rate', { a: '-5', rate: '0.1' }).toString()).toBe('0');
    expect(run('min(a, b, c)', { a: '3', b: '1.5', c: '2' }).toString()).toBe('1.5');
  });

  it('lists the names it reads, dotted paths included', () => {
    expect(namesIn(parseExpression('param.cit.standard_rate - x * item.areaSqm')).map((n) => n.name)).toEqual([
      'param.cit.standard_rate', 'x', 'item.areaSqm',
    ]);
  });

  it('propagates unknowns with every missing fact', () => {
    const r = run('a * b + c', { a: new Unknown(['a']), b: '2', c: new Unknown(['c']) });
    expect(r).toBeInstanceOf(Unknown);
    expect((r as Unknown).missing).toEqual(['a', 'c']);
  });

  it('refuses what it does not understand, with a column', () => {
    const error = (src: string) => {
      try {
        parseExpression(src);
      } catch (e) {
        return e as ExpressionError;
      }
      throw new Error('parsed');
    };
    expect(error('1 +').message).toMatch(/ends too early/);
    expect(error('a ; b').message).toMatch(/unexpected character ";"/);
    expect(error('eval(1)').message).toMatch(/unknown function "eval"/);
    expect(error('x / 0').message).toMatch(/division by zero/);
    expect(error('x / 0').column).toBe(3);
    expect(error('('.repeat(60) + '1' + ')'.repeat(60)).message).toMatch(/nested deeper/);
  });

  it('turns a run-time division by zero into a FormulaError, not Infinity', () => {
    expect(() => run('a / b', { a: '1', b: '0' })).toThrow(FormulaError);
  });
});
