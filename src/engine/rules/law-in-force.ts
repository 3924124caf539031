import { z } from 'zod';
import type { CalendarDate } from '../support/dates.js';
import { DEPARTMENTS_PARAMETER, FACTS, type Scope } from '../facts/facts.js';
import type { ParameterStore, ParameterValue } from './parameters.js';
import type { NoteDef, TextPair } from './rule-schema.js';
import type { ParameterUse } from '../evaluate/trace.js';
import type { Benefit } from '../evaluate/result.js';
import { Unknown } from '../support/unknown.js';

/**
 * What holds on the as-of date, beside the article's own words: notes that are dated (a procedure
 * the State Taxation Administration replaced) or that apply only where a fact holds, and the
 * departments to apply to now that some the article names were merged or renamed. The citation
 * keeps the article's words; these say what a client should do today, each with its source.
 */

/** `department.successors`: for each department the article names, who holds its functions. */
export const departmentSuccessorsSchema = () => z.record(z.string().min(1), z.array(z.string().min(1)).min(1));

export interface ApplyTo {
  /** The departments in charge on the as-of date, in the article's order, each once. */
  departments: string[];
  /** Each department of the article that another now stands for, with the date and source. */
  changes: { named: string; now: string[]; since: string; source: string }[];
}

function inForce(n: { from?: string; until?: string }, asOf: CalendarDate): boolean {
  // `until` is excluded, as everywhere: the day a new procedure starts, the old one no longer holds.
  return (n.from === undefined || n.from <= asOf) && (n.until === undefined || asOf < n.until);
}

/** The notes in force on the as-of date whose condition (`if`, a boolean fact) is true. */
export function notesInForce(notes: readonly NoteDef[] | undefined, scope: Scope): TextPair[] {
  const out: TextPair[] = [];
  for (const n of notes ?? []) {
    if (!inForce(n, scope.env.asOf)) continue;
    if (n.if !== undefined) {
      const fact = Object.hasOwn(FACTS, n.if) ? FACTS[n.if] : undefined;
      // Unknown or false: the note is not given; a note never guesses.
      const v = fact?.resolve(scope);
      if (v instanceof Unknown || v !== true) continue;
    }
    out.push(n.source ? { zh: `${n.zh}（依据：${n.source}）`, en: `${n.en} (source: ${n.source})` } : { zh: n.zh, en: n.en });
  }
  return out;
}

/** The departments to apply to on the as-of date, and the parameter value that says so. */
export function applyTo(responsible: readonly string[], params: ParameterStore, asOf: CalendarDate): { applyTo: ApplyTo; parameter?: ParameterUse } {
  return applyWith(responsible, params, params.has(DEPARTMENTS_PARAMETER) ? params.at(DEPARTMENTS_PARAMETER, asOf) : undefined);
}

function applyWith(responsible: readonly string[], params: ParameterStore, v: ParameterValue | undefined): { applyTo: ApplyTo; parameter?: ParameterUse } {
  const table = (v?.value ?? {}) as Record<string, string[]>;
  const departments: string[] = [];
  const changes: ApplyTo['changes'] = [];
  for (const named of responsible) {
    const now = Object.hasOwn(table, named) ? table[named]! : [named];
    if (now.length !== 1 || now[0] !== named) changes.push({ named, now: [...now], ...firstSaid(params, named, now, v!) });
    for (const d of now) if (!departments.includes(d)) departments.push(d);
  }
  const parameter = changes.length && v ? { name: DEPARTMENTS_PARAMETER, value: 'table', since: v.since, source: v.source } : undefined;
  return { applyTo: { departments, changes }, ...(parameter ? { parameter } : {}) };
}

/** A note's condition names a boolean fact the rule set can derive; its dates are in order. */
export function checkNotes(notes: readonly NoteDef[] | undefined, params: ParameterStore, report: (path: (string | number)[], message: string) => void): void {
  (notes ?? []).forEach((n, i) => {
    if (n.from !== undefined && n.until !== undefined && n.until <= n.from) report(['notes', i, 'until'], `the note ends (${n.until}) before it starts (${n.from})`);
    if (n.if === undefined) return;
    const fact = Object.hasOwn(FACTS, n.if) ? FACTS[n.if] : undefined;
    if (!fact) return report(['notes', i, 'if'], `unknown fact "${n.if}"`);
    if (fact.type !== 'boolean') return report(['notes', i, 'if'], `"${n.if}" is a ${fact.type}; a note's condition is a boolean fact`);
    for (const p of fact.needs ?? []) {
      if (!params.has(p)) report(['notes', i, 'if'], `fact "${n.if}" is derived from parameter "${p}", which the rule set does not define`);
    }
  });
}

/** The earliest value from which the mapping of `named` has been what it is now: its date and source. */
function firstSaid(params: ParameterStore, named: string, now: readonly string[], current: ParameterValue): { since: string; source: string } {
  const values = params.get(DEPARTMENTS_PARAMETER)!.values;
  let first = current;
  for (let i = values.indexOf(current) - 1; i >= 0; i--) {
    const t = values[i]!.value as Record<string, string[]> | null;
    const then = t && Object.hasOwn(t, named) ? t[named]! : undefined;
    if (!then || then.join('、') !== now.join('、')) break;
    first = values[i]!;
  }
  return { since: first.since, source: first.source };
}

/** Sets each benefit's `applyTo`, and lists the departments parameter where it changed a name. */
export function applyDepartments(benefits: Benefit[], params: ParameterStore, asOf: CalendarDate): void {
  // One value for the whole evaluation: the as-of date is the same for every benefit.
  const v = params.has(DEPARTMENTS_PARAMETER) ? params.at(DEPARTMENTS_PARAMETER, asOf) : undefined;
  for (const b of benefits) {
    const r = applyWith(b.citation.responsible, params, v);
    b.applyTo = r.applyTo;
    if (r.parameter) b.parameters.push(r.parameter);
  }
}
