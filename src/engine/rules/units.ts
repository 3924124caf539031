import type { ExprNode } from './expression.js';

/**
 * The unit of a figure, worked out from its formula once, at compile time, so that renderers
 * print 75% for a rate, 1,485,000.00 元 for money and 60 years for a term without guessing from
 * the figure's name. Units are products of powers of 元, 平方米, a utility's unit, years and a count.
 */
export type Unit = 'money' | 'ratio' | 'years' | 'area' | 'quantity' | 'money-per-area' | 'money-per-unit' | 'number' | 'unknown';

interface Dims {
  yuan: number;
  sqm: number;
  qty: number;
  year: number;
  count: number;
  /** A bare literal: takes the unit of whatever it is added to. */
  neutral?: boolean;
}

const DIMLESS: Dims = { yuan: 0, sqm: 0, qty: 0, year: 0, count: 0 };
const KEYS = ['yuan', 'sqm', 'qty', 'year', 'count'] as const;

const BY_UNIT: Record<Unit, Dims> = {
  money: { ...DIMLESS, yuan: 1 },
  ratio: DIMLESS,
  years: { ...DIMLESS, year: 1 },
  area: { ...DIMLESS, sqm: 1 },
  quantity: { ...DIMLESS, qty: 1 },
  'money-per-area': { ...DIMLESS, yuan: 1, sqm: -1 },
  'money-per-unit': { ...DIMLESS, yuan: 1, qty: -1 },
  number: { ...DIMLESS, count: 1 },
  unknown: DIMLESS,
};

/** Item fields whose unit their fact type (a decimal) does not say. */
const ITEM_UNITS = new Map<string, Unit>([
  ['land.areaSqm', 'area'],
  ['land.basePricePerSqm', 'money-per-area'],
  ['land.leaseYears', 'years'],
  ['utilities.quantity', 'quantity'],
  ['utilities.currentPrice', 'money-per-unit'],
  ['utilities.referencePrices.industrial', 'money-per-unit'],
  ['utilities.referencePrices.residential', 'money-per-unit'],
  ['utilities.referencePrices.publicMedical', 'money-per-unit'],
]);

/** The unit of a fact or parameter as the rules type it. */
export function unitOfType(type: string, itemKey?: string): Unit {
  const byItem = itemKey === undefined ? undefined : ITEM_UNITS.get(itemKey);
  if (byItem) return byItem;
  if (type === 'money') return 'money';
  if (type === 'ratio') return 'ratio';
  if (type === 'years') return 'years';
  return 'number';
}

function unitOf(d: Dims): Unit {
  for (const [unit, dims] of Object.entries(BY_UNIT) as [Unit, Dims][]) {
    if (unit !== 'unknown' && KEYS.every((k) => dims[k] === d[k])) return unit;
  }
  return 'number';
}

function combine(a: Dims, b: Dims, sign: 1 | -1): Dims {
  const out = { ...DIMLESS };
  for (const k of KEYS) out[k] = a[k] + sign * b[k];
  return out;
}

/** The unit of a formula, given the units of the names it reads; 'unknown' where one of them is (a formula that failed to compile). */
export function formulaUnit(node: ExprNode, unitOfName: (name: string) => Unit): Unit {
  let unknown = false;
  const walk = (n: ExprNode): Dims => {
    switch (n.k) {
      case 'num': return { ...DIMLESS, neutral: true };
      case 'name': {
        const u = unitOfName(n.name);
        if (u === 'unknown') unknown = true;
        return BY_UNIT[u];
      }
      case 'neg': return walk(n.e);
      case 'call': {
        const args = n.args.map(walk);
        return args.find((a) => !a.neutral) ?? args[0]!;
      }
      case 'bin': {
        const l = walk(n.l);
        const r = walk(n.r);
        if (n.op === '*') return l.neutral && r.neutral ? l : combine(l, r, 1);
        if (n.op === '/') return l.neutral && r.neutral ? l : combine(l, r, -1);
        return l.neutral ? r : l;
      }
    }
  };
  const dims = walk(node);
  return unknown ? 'unknown' : unitOf(dims);
}
