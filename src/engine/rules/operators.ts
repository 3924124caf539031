import type { Operator } from './rule-schema.js';
import { toDecimal } from '../facts/facts.js';
import { compareDec } from '../support/decimal.js';

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
    // Loops rather than `some` with a closure: a check makes no function object per evaluation.
    case 'in': return holds(e as unknown[], v);
    case 'notIn': return !holds(e as unknown[], v);
    case 'contains': return Array.isArray(v) && holds(v, e);
    case 'containsAny': {
      if (!Array.isArray(v)) return false;
      for (const x of e as unknown[]) if (holds(v, x)) return true;
      return false;
    }
    case 'startsWithAny': {
      if (typeof v !== 'string') return false;
      for (const p of e as string[]) if (v.startsWith(p)) return true;
      return false;
    }
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

/**
 * `apply` for a rule's constant text or true/false, made once: a number is never equal to text, so
 * the comparison is one lookup, with no decimal made of either side. Undefined for any other
 * operator or constant, which `apply` takes as it is.
 */
export function literalTest(op: Operator, constant: unknown): ((v: unknown) => boolean) | undefined {
  if ((op === 'in' || op === 'notIn') && Array.isArray(constant) && constant.every((x) => typeof x === 'string')) {
    const set = new Set<unknown>(constant);
    return op === 'in' ? (v) => v !== null && set.has(v) : (v) => v !== null && !set.has(v);
  }
  if ((op === 'eq' || op === 'ne') && (typeof constant === 'string' || typeof constant === 'boolean')) {
    return op === 'eq' ? (v) => v !== null && v === constant : (v) => v !== null && v !== constant;
  }
  // A list (facilities) holding a constant text, or one of several.
  if (op === 'contains' && typeof constant === 'string') return (v) => Array.isArray(v) && v.includes(constant);
  if (op === 'containsAny' && Array.isArray(constant) && constant.every((x) => typeof x === 'string')) {
    const set = new Set<unknown>(constant);
    return (v) => {
      if (!Array.isArray(v)) return false;
      for (const y of v) if (set.has(y)) return true;
      return false;
    };
  }
  return undefined;
}

/** Whether `list` holds a value equal to `x`. */
function holds(list: readonly unknown[], x: unknown): boolean {
  for (const y of list) if (equal(y, x)) return true;
  return false;
}

function equal(a: unknown, b: unknown): boolean {
  const da = toDecimal(a);
  const db = toDecimal(b);
  if (da && db) return compareDec(da, db) === 0;
  return a === b;
}

function compare(a: unknown, b: unknown): number {
  const da = toDecimal(a);
  const db = toDecimal(b);
  if (da && db) return compareDec(da, db);
  return String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0;
}
