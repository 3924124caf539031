import { Dec, formatFigure } from './decimal.js';
import type { ParameterValue } from './parameters.js';
import type { TextPair } from './rule-schema.js';
import { Unknown } from './unknown.js';

/** One check as the output explains it: the fact, the value found, what was needed, the result. */
export interface Reason {
  check: string;
  fact: string;
  op: string;
  value: string | null;
  expected: string | null;
  /** true: passed; false: failed; null: unknown (the fact is missing). */
  result: boolean | null;
  label?: TextPair;
}

export interface Assumption {
  fact: string;
  value: string;
  message: TextPair;
}

export interface ParameterUse {
  name: string;
  value: string;
  since: string;
  source: string;
}

/** Collects what a policy evaluation looked at, so that every number can be explained. */
export class Trace {
  readonly reasons: Reason[] = [];
  readonly assumptions: Assumption[] = [];
  readonly parameters = new Map<string, ParameterUse>();
  readonly notes: TextPair[] = [];

  useParameter(name: string, v: ParameterValue): void {
    if (!this.parameters.has(name)) {
      // A table is too large to repeat in every result; its name, date and source identify it.
      const isTable = v.value !== null && typeof v.value === 'object' && !Array.isArray(v.value) && !(v.value instanceof Dec);
      const value = isTable ? 'table' : display(v.value) ?? 'null';
      this.parameters.set(name, { name, value, since: v.since, source: v.source });
    }
  }

  assume(a: Assumption): void {
    if (!this.assumptions.some((x) => x.message.en === a.message.en)) this.assumptions.push(a);
  }

  note(n: TextPair): void {
    if (!this.notes.some((x) => x.en === n.en)) this.notes.push(n);
  }
}

/** How a value is written in reasons: exact decimals, lists joined, unknown as null. */
export function display(v: unknown): string | null {
  if (v instanceof Unknown || v === undefined) return null;
  if (v instanceof Dec) return formatFigure(v);
  if (v === null) return 'null';
  if (Array.isArray(v)) return v.map((x) => display(x)).join(', ');
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}
