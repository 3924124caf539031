import { Decimal as DecimalJs } from 'decimal.js';

/**
 * One Decimal constructor for the whole engine, cloned so that nothing else in the process can
 * change its precision. 60 significant digits keep every product of money and rates exact;
 * rounding to the fen happens once, in `roundMoney`.
 */
export const Dec = DecimalJs.clone({
  precision: 60,
  rounding: DecimalJs.ROUND_HALF_UP,
  toExpNeg: -40,
  toExpPos: 60,
});
export type Dec = DecimalJs;

export const ZERO = new Dec(0);

/** Plain decimal text: optional minus, digits, optional fraction. No exponent, no sign '+'. */
export const DECIMAL_TEXT = /^-?(0|[1-9]\d*)(\.\d+)?$/;
const MAX_INTEGER_DIGITS = 18; // 10^18 CNY is far beyond any enterprise; more is a data error.
const MAX_FRACTION_DIGITS = 30;

/** An exponent form ("6.2e6"); unambiguous, so it runs in linear time on any text. */
const EXPONENT_TEXT = /^-?(?:\d+(?:\.\d*)?|\.\d+)e[+-]?\d+$/i;
/** Sign, point and the most digits an amount may have: anything longer is refused by its length. */
const MAX_TEXT_LENGTH = 2 + MAX_INTEGER_DIGITS + MAX_FRACTION_DIGITS;

/**
 * Parses decimal text exactly, or returns a message saying what was wrong with it. The text may
 * be megabytes long (a hostile profile): the length is looked at first, and every pattern used
 * is linear, so the cost is one pass over the text whatever it holds.
 */
export function parseDecimalText(text: string): Dec | string {
  // The usual case first: plain decimal text of a sane length is a number as it stands.
  if (text.length <= MAX_INTEGER_DIGITS && DECIMAL_TEXT.test(text)) return new Dec(text);
  const t = text.trim();
  if (t !== text) return 'has surrounding spaces';
  if (t.length > MAX_TEXT_LENGTH) return tooLong(t);
  if (EXPONENT_TEXT.test(t)) return 'uses exponent notation; write the plain decimal, e.g. "1234.56"';
  if (t.includes(',')) return 'contains a comma; write "1234567.89" without separators';
  if (!DECIMAL_TEXT.test(t)) return 'is not a decimal number like "1234.56"';
  const [intPart = '', frac = ''] = t.replace('-', '').split('.');
  if (intPart.length > MAX_INTEGER_DIGITS) return `has more than ${MAX_INTEGER_DIGITS} integer digits`;
  if (frac.length > MAX_FRACTION_DIGITS) return `has more than ${MAX_FRACTION_DIGITS} decimals`;
  return new Dec(t);
}

/** Why a text longer than any amount is refused; each pattern is linear. */
function tooLong(t: string): string {
  const plain = /^-?(\d*)(?:\.\d*)?$/.exec(t);
  if (plain) return plain[1]!.length > MAX_INTEGER_DIGITS ? `has more than ${MAX_INTEGER_DIGITS} integer digits` : `has more than ${MAX_FRACTION_DIGITS} decimals`;
  if (EXPONENT_TEXT.test(t)) return 'uses exponent notation; write the plain decimal, e.g. "1234.56"';
  if (t.includes(',')) return 'contains a comma; write "1234567.89" without separators';
  return 'is not a decimal number like "1234.56"';
}

/** Rounds half-up to the fen and prints exactly two decimals. */
export function formatMoney(d: Dec): string {
  const r = d.toDecimalPlaces(2, DecimalJs.ROUND_HALF_UP);
  // -0.00 must never be printed
  return r.isZero() ? '0.00' : r.toFixed(2);
}

/** A figure as exact decimal text with at least two decimals, never in exponent notation. */
export function formatFigure(d: Dec): string {
  const text = d.toFixed(Math.max(2, d.decimalPlaces()));
  return text.startsWith('-') && new Dec(text).isZero() ? text.slice(1) : text;
}

export function isDec(v: unknown): v is Dec {
  return v instanceof Dec;
}

/**
 * `a.cmp(b)` without its copy of `b`: decimal.js makes a new Decimal of its argument on every
 * comparison, which on the batch path is a heap object per check. This reads the digits, exponent
 * and sign that decimal.js declares as read-only properties, in the order `cmp` compares them;
 * NaN compares as NaN. test: decimal.test.ts holds it to `cmp` over random and edge values.
 */
export function compareDec(a: Dec, b: Dec): number {
  const ad = a.d;
  const bd = b.d;
  const as = a.s;
  const bs = b.s;
  // NaN or an infinity.
  if (!ad || !bd) return !as || !bs ? NaN : as !== bs ? as : ad === bd ? 0 : !ad !== as < 0 ? 1 : -1;
  // A zero.
  if (!ad[0] || !bd[0]) return ad[0] ? as : bd[0] ? -bs : 0;
  if (as !== bs) return as;
  if (a.e !== b.e) return a.e > b.e !== as < 0 ? 1 : -1;
  const n = ad.length < bd.length ? ad.length : bd.length;
  for (let i = 0; i < n; i++) {
    if (ad[i] !== bd[i]) return ad[i]! > bd[i]! !== as < 0 ? 1 : -1;
  }
  return ad.length === bd.length ? 0 : ad.length > bd.length !== as < 0 ? 1 : -1;
}
