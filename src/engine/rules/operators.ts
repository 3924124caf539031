import type { Operator } from './rule-schema.js';
import { toDecimal } from '../facts/facts.js';

/** An operator applied to a known value and what it is compared with. */
export function apply(op: Operator, v: unknown, e: unknown): boolean {
  switch (op) {
    case 'exists': return v !== null;
    case 'isNull': return v === null;
    case 'isTrue': return v === true;
    case 'isFalse': return v === false;
    case 'nonEmpty': return Array.isArray(v) && v.length > 0;
  }
  if (v === null || e === null || e === undefined) return false;
  switch (op) {
    case 'eq': return equal(v, e);
    case 'ne': return !equal(v, e);
    case 'in': return (e as unknown[]).some((x) => equal(v, x));
    case 'notIn': return !(e as unknown[]).some((x) => equal(v, x));
    case 'contains': return Array.isArray(v) && v.some((x) => equal(x, e));
    case 'containsAny': return Array.isArray(v) && (e as unknown[]).some((x) => v.some((y) => equal(y, x)));
    case 'startsWithAny': return typeof v === 'string' && (e as string[]).some((p) => v.startsWith(p));
    case 'between': {
      const [from, until] = e as unknown[];
      return compare(v, from) >= 0 && compare(v, until) < 0;
    }
    case 'gt': return compare(v, e) > 0;
    case 'gte': return compare(v, e) >= 0;
    case 'lt': return compare(v, e) < 0;
    case 'lte': return compare(v, e) <= 0;
  }
  return false;
}

function equal(a: unknown, b: unknown): boolean {
  const da = toDecimal(a);
  const db = toDecimal(b);
  if (da && db) return da.eq(db);
  return a === b;
}

function compare(a: unknown, b: unknown): number {
  const da = toDecimal(a);
  const db = toDecimal(b);
  if (da && db) return da.cmp(db);
  return String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0;
}
