import { z } from 'zod';
import { Dec } from '../support/decimal.js';
import { sizeTableSchema } from '../facts/sme-size.js';
import { departmentSuccessorsSchema } from './law-in-force.js';
import type { CalendarDate } from '../support/dates.js';
import type { TextPair } from './rule-schema.js';

/**
 * Parameters in the manner of OpenFisca: each value has the date it takes effect and its source;
 * a value of null ends the parameter (no longer in force). The value used for a date is the last
 * one that took effect on or before it.
 */
export interface ParameterValue {
  since: CalendarDate;
  /** Dec for ratio/money/years, string[] for list, an object for table, null when not in force. */
  value: unknown;
  source: string;
  note?: string;
}

export interface Parameter {
  name: string;
  unit: 'ratio' | 'money' | 'years' | 'list' | 'table';
  description: TextPair;
  values: ParameterValue[];
  file?: string;
}

export class ParameterStore {
  constructor(readonly all: ReadonlyMap<string, Parameter>) {}

  has(name: string): boolean {
    return this.all.has(name);
  }

  get(name: string): Parameter | undefined {
    return this.all.get(name);
  }

  /** The entry in force on `date`, or undefined when the parameter is not in force then. */
  at(name: string, date: CalendarDate): ParameterValue | undefined {
    const p = this.all.get(name);
    if (!p) throw new Error(`unknown parameter ${name}`); // compile-time checks make this unreachable
    let found: ParameterValue | undefined;
    for (const v of p.values) {
      if (v.since <= date) found = v;
      else break;
    }
    return found && found.value !== null ? found : undefined;
  }
}

/** Converts a YAML value to the parameter's unit, or returns a message saying why it cannot. */
export function convertParameterValue(unit: Parameter['unit'], raw: unknown): unknown {
  if (raw === null) return null;
  switch (unit) {
    case 'ratio':
    case 'money':
    case 'years': {
      const text = typeof raw === 'number' ? String(raw) : typeof raw === 'string' ? raw : undefined;
      if (text === undefined || !/^-?\d+(\.\d+)?$/.test(text)) return new Error(`expected a decimal number, got ${JSON.stringify(raw)}`);
      return new Dec(text);
    }
    case 'list':
      if (!Array.isArray(raw) || raw.some((x) => typeof x !== 'string')) return new Error('expected a list of strings');
      return raw;
    case 'table':
      if (typeof raw !== 'object' || Array.isArray(raw)) return new Error('expected a table (a mapping)');
      return raw;
  }
}

const dateText = () => z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date YYYY-MM-DD');

/** The shape each value of an engine-read parameter (ENGINE_PARAMETERS in facts.ts) must have; each schema built when asked for, as only a validation of the rules asks. */
export const ENGINE_PARAMETER_SHAPES: Readonly<Record<string, { unit: Parameter['unit']; schema?: () => z.ZodType }>> = {
  'sme.size_table': { unit: 'table', schema: sizeTableSchema },
  'rd.excluded_industries': { unit: 'list' },
  'rd.raised.period': { unit: 'table', schema: () => z.strictObject({ from: dateText(), until: dateText() }) },
  'cit.small_low_profit.limits': {
    unit: 'table',
    schema: () => z.strictObject({ taxableIncome: z.number().positive(), employees: z.number().int().positive(), totalAssets: z.number().positive() }),
  },
  'department.successors': { unit: 'table', schema: departmentSuccessorsSchema },
};
