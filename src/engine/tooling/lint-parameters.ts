import { ExpressionError, namesIn, parseExpression } from '../rules/expression.js';
import { ENGINE_PARAMETERS, OPTIONAL_ENGINE_PARAMETERS } from '../facts/facts.js';
import { ruleSchemas, type ConditionDef, type PolicyDef, type SelectDef } from '../rules/rule-schema.js';

/**
 * What `rules lint` checks about parameters: which policies read which parameter (and whether
 * they can do without it on some date), when each policy first needs its parameters, and the
 * dated values themselves. Definitions, as the README states them:
 *
 * - overlap: two values of a parameter taking effect on the same date. Values are keyed by date,
 *   so the YAML reader refuses the duplicate key; lint reports it as `parameter-overlap`.
 * - gap (`parameter-gap`): a `null` value (the parameter ends) followed later by a non-null value
 *   (it returns): between the two there is no value. A parameter whose values are all null has no
 *   value at all. A trailing null is an end, not a gap.
 * - late start (`parameter-gap`): a policy reads the parameter where it must have a value, and the
 *   parameter's first value takes effect after the first date the policy is evaluated on. That
 *   date is the policy's `effective.from`, else the document's issue date (manifest
 *   `document.issued`); for a fiscal-year policy, 1 January of that date's year, since a fiscal
 *   year reads the values in force on its first day. A policy can do without a parameter where it
 *   reads it in a conditional option of a `pick` (one with `when`: an option not in force does not
 *   apply) or guards it with `exists` / `isNull`; an option without `when` is the pick's fallback
 *   and is needed. A policy with `effective.until` also needs the parameter up to that date.
 * - unused (`unused-parameter`): defined in parameters/ but read by no policy, and not one the
 *   engine reads itself (ENGINE_PARAMETERS in facts.ts: `sme.size_table`, `rd.excluded_industries`).
 */
export interface ParameterRef {
  param: string;
  policy: string;
  file: string;
  path: (string | number)[];
  /** The policy copes when the parameter has no value on the date (pick option, exists guard). */
  optional: boolean;
}

type Path = (string | number)[];

export function parameterRefs(def: PolicyDef, file: string): ParameterRef[] {
  const refs: ParameterRef[] = [];
  const add = (param: string, path: Path, optional: boolean) => refs.push({ param, policy: def.id, file, path, optional });
  const addFact = (fact: string, path: Path, optional: boolean) => {
    if (fact.startsWith('param.')) add(fact.slice(6), path, optional);
    for (const [param, facts] of Object.entries(ENGINE_PARAMETERS)) {
      if (facts.includes(fact)) add(param, path, optional || OPTIONAL_ENGINE_PARAMETERS.has(param));
    }
  };
  const formula = (src: string, path: Path, optional: boolean) => {
    try {
      for (const { name } of namesIn(parseExpression(src))) addFact(name, path, optional);
    } catch (e) {
      if (!(e instanceof ExpressionError)) throw e; // the compiler reports bad formulas
    }
  };
  const condition = (c: ConditionDef, path: Path, optional: boolean): void => {
    if ('all' in c) return c.all.forEach((x, i) => condition(x, [...path, 'all', i], optional));
    if ('any' in c) return c.any.forEach((x, i) => condition(x, [...path, 'any', i], optional));
    if ('not' in c) return condition(c.not, [...path, 'not'], optional);
    const guard = c.op === 'exists' || c.op === 'isNull';
    addFact(c.fact, [...path, 'fact'], optional || guard);
    const v = c.value;
    if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
      if ('param' in v) add(v.param, [...path, 'value', 'param'], optional);
      else addFact(v.fact, [...path, 'value', 'fact'], optional);
    }
  };
  const figures = (defs: Record<string, string | SelectDef> | undefined, path: Path) => {
    for (const [name, f] of Object.entries(defs ?? {})) {
      if (typeof f === 'string') {
        formula(f, [...path, name], false);
        continue;
      }
      f.options.forEach((o, i) => {
        if (o.when) condition(o.when, [...path, name, 'options', i, 'when'], true);
        // An option without `when` is the pick's fallback: the pick relies on it being in force.
        formula(o.value, [...path, name, 'options', i, 'value'], o.when !== undefined);
      });
    }
  };
  condition(def.eligibility, ['eligibility'], false);
  figures(def.figures, ['figures']);
  if (def.amount) formula(def.amount, ['amount'], false);
  def.items?.forEach((g, i) => {
    if (g.where) condition(g.where, ['items', i, 'where'], false);
    figures(g.figures, ['items', i, 'figures']);
    if (g.amount) formula(g.amount, ['items', i, 'amount'], false);
  });
  return refs;
}

/** The first date a policy is evaluated on, as defined above. */
export function firstNeeded(def: PolicyDef, issued: string): string {
  const from = def.effective?.from ?? issued;
  return def.period?.kind === 'fiscal-year' ? `${from.slice(0, 4)}-01-01` : from;
}

export interface DatedValue {
  since: string;
  isNull: boolean;
}

/** The parameter's values by date, or undefined where the loader refuses the parameter anyway. */
export function datedValues(raw: unknown): DatedValue[] | undefined {
  const r = ruleSchemas().parameterSchema.safeParse(raw);
  if (!r.success) return undefined;
  return Object.entries(r.data.values)
    .map(([since, v]) => ({ since, isNull: v.value === null }))
    .sort((a, b) => (a.since < b.since ? -1 : a.since > b.since ? 1 : 0));
}

export interface ParameterFinding {
  /** The parameter's own YAML path below its name (`values.2018-01-01`), or [] for the name. */
  at: Path;
  message: string;
}

/** Gaps within the values: a null followed by a value, or no value at all. */
export function valueGaps(values: DatedValue[]): ParameterFinding[] {
  if (values.every((v) => v.isNull)) {
    return [{ at: ['values'], message: 'every value is null: the parameter is never in force' }];
  }
  const out: ParameterFinding[] = [];
  values.forEach((v, i) => {
    if (!v.isNull) return;
    const next = values.slice(i + 1).find((w) => !w.isNull);
    if (next) {
      out.push({
        at: ['values', v.since],
        message: `gap: no value from ${v.since} (null) until ${next.since}, when a value takes effect again; a null ends a parameter, so give the value in force in between or split the parameter`,
      });
    }
  });
  return out;
}

/** Where a required reference finds no value: before the first value, or after the end. */
export function coverageGaps(values: DatedValue[], need: { from: string; until?: string }): { at: Path; message: string } | undefined {
  const first = values.find((v) => !v.isNull);
  if (!first) return undefined; // reported by valueGaps
  if (first.since > need.from) {
    return { at: ['values', first.since], message: `gap: the first value takes effect on ${first.since}, but it is needed from ${need.from}` };
  }
  const last = values.at(-1)!;
  if (need.until && last.isNull && last.since < need.until) {
    return { at: ['values', last.since], message: `gap: the parameter ends on ${last.since} (null), but it is needed until ${need.until}` };
  }
  return undefined;
}
