import { compareDec, Dec, ZERO } from '../support/decimal.js';

/**
 * A number known only within bounds: [lo, hi], either end possibly infinite. It arises where a
 * rule declares an input of the amount as never negative (`atLeast:`) and the profile does not give
 * it ([0, ∞)), or where a window is still open (the tax paid so far, and possibly more). Formulas
 * are evaluated over these intervals, so a missing input that cannot change the result (an extra
 * deduction already above the taxable income) leaves the amount exact.
 */
/** Raised at run time when a divisor is zero; the policy then reports it instead of a number. */
export class FormulaError extends Error {}

export class Range {
  constructor(
    readonly lo: Dec,
    readonly hi: Dec,
    /** The facts that would narrow it; empty where only time will (an open window). */
    readonly missing: readonly string[],
  ) {}

  get exact(): boolean {
    return compareDec(this.lo, this.hi) === 0;
  }
}

export type Num = Dec | Range;

export const INFINITY = new Dec(Infinity);
const NEG_INFINITY = new Dec(-Infinity);

export const atLeastZero = (missing: readonly string[]): Range => new Range(ZERO, INFINITY, missing);

export const lower = (v: Num): Dec => (v instanceof Range ? v.lo : v);
export const upper = (v: Num): Dec => (v instanceof Range ? v.hi : v);
const missingOf = (v: Num): readonly string[] => (v instanceof Range ? v.missing : []);

function merged(a: Num, b: Num): readonly string[] {
  const ma = missingOf(a);
  const mb = missingOf(b);
  // The usual case, one missing fact on one side or the same on both: that list as it is (never changed once made).
  if (ma.length <= 1 && (mb.length === 0 || (mb.length === 1 && mb[0] === ma[0]))) return ma;
  if (ma.length === 0 && mb.length === 1) return mb;
  return [...new Set([...ma, ...mb])];
}

/** An end point product where 0 × ∞ is 0: the infinite end is never reached. */
function times(a: Dec, b: Dec): Dec {
  return a.isZero() || b.isZero() ? ZERO : a.times(b);
}

const minOf = (xs: Dec[]): Dec => xs.reduce((m, x) => (compareDec(x, m) < 0 ? x : m));
const maxOf = (xs: Dec[]): Dec => xs.reduce((m, x) => (compareDec(x, m) > 0 ? x : m));

export function arithmetic(op: '+' | '-' | '*' | '/', a: Num, b: Num, divisor: string): Num {
  if (!(a instanceof Range) && !(b instanceof Range)) {
    switch (op) {
      case '+': return a.plus(b);
      case '-': return a.minus(b);
      case '*': return a.times(b);
      case '/':
        if (b.isZero()) throw new FormulaError(`a formula divides by zero (${divisor} is 0)`);
        return a.div(b);
    }
  }
  const [al, ah, bl, bh] = [lower(a), upper(a), lower(b), upper(b)];
  const missing = merged(a, b);
  switch (op) {
    case '+': return new Range(al.plus(bl), ah.plus(bh), missing);
    case '-': return new Range(al.minus(bh), ah.minus(bl), missing);
    case '*': {
      const p = [times(al, bl), times(al, bh), times(ah, bl), times(ah, bh)];
      return new Range(minOf(p), maxOf(p), missing);
    }
    case '/': {
      if (bl.isZero() && bh.isZero()) throw new FormulaError(`a formula divides by zero (${divisor} is 0)`);
      // A divisor that may be zero leaves the quotient unbounded.
      if (bl.lte(0) && bh.gte(0)) return new Range(NEG_INFINITY, INFINITY, missing);
      const inv = (x: Dec) => (x.isFinite() ? new Dec(1).div(x) : ZERO);
      return arithmetic('*', a, new Range(inv(bh), inv(bl), missingOf(b)), divisor);
    }
  }
}

export function negate(v: Num): Num {
  return v instanceof Range ? new Range(v.hi.neg(), v.lo.neg(), v.missing) : v.neg();
}

/** max or min of several: bound by bound. */
export function extreme(isMax: boolean, values: Num[]): Num {
  if (values.every((v) => !(v instanceof Range))) {
    return (values as Dec[]).reduce((m, v) => extremeOfTwo(isMax, m, v) as Dec);
  }
  const pick = isMax ? maxOf : minOf;
  const missing = [...new Set(values.flatMap(missingOf))];
  return new Range(pick(values.map(lower)), pick(values.map(upper)), missing);
}

/** `extreme` of two values: the one comparison, of which `extreme` is the fold (the first of equal values is kept). */
export function extremeOfTwo(isMax: boolean, a: Num, b: Num): Num {
  if (a instanceof Range || b instanceof Range) return extreme(isMax, [a, b]);
  const c = compareDec(b, a);
  return isMax ? (c > 0 ? b : a) : c < 0 ? b : a;
}

export function sum(values: Num[]): Num {
  return values.reduce((a, b) => arithmetic('+', a, b, ''), ZERO as Num);
}
