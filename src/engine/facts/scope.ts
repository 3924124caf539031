import { Dec } from '../support/decimal.js';
import type { CalendarDate, DateWindow } from '../support/dates.js';
import type { ParameterStore, ParameterValue } from '../rules/parameters.js';
import type { FiscalYear, Profile } from '../profile/profile-schema.js';
import { own } from '../support/own.js';
import { Unknown } from '../support/unknown.js';
import type { Trace } from '../evaluate/trace.js';

/**
 * The context a fact is read in: one profile's evaluation, one policy's scope within it, and the
 * helpers every fact reader shares (the year's figures, a cache, the parameters the engine reads).
 */

/** What one profile evaluation shares across its policies. */
export interface EvalEnv {
  profile: Profile;
  year: number | undefined;
  asOf: CalendarDate;
  /** `${year}-01-01`, made once: the parameter date of every yearly policy. */
  yearStart: CalendarDate | undefined;
  params: ParameterStore;
  /** Results of policies already evaluated that another policy's rule reads. */
  results: Map<string, { status: string }>;
  cache: Map<string, unknown>;
  /** The figures of the year evaluated, or what is missing to have them: found once, read by every yearly fact. */
  fiscalYear: FiscalYear | Unknown;
}

/** What one policy evaluation sees. */
export interface Scope {
  env: EvalEnv;
  /** The date whose parameter values apply; undefined when the fiscal year is unknown. */
  paramDate: CalendarDate | undefined;
  window?: DateWindow;
  item?: { value: Record<string, unknown>; path: string };
  defaults?: Readonly<Record<string, unknown>>;
  /** Totals of the policy's item groups, for its policy-level formulas. */
  groups?: ReadonlyMap<string, Dec | Unknown>;
  trace: Trace;
}

/**
 * Every scope is made here, with all its fields in one order: the closures that read scopes then
 * see one object shape, which V8 reads fastest (a spread or an added field makes a new shape).
 */
export function newScope(env: EvalEnv, paramDate: CalendarDate | undefined, defaults: Scope['defaults'], trace: Trace): Scope {
  return { env, paramDate, window: undefined, item: undefined, defaults, groups: undefined, trace };
}

/** `s` made as `newScope` makes a scope, for a caller that keeps nothing of its last use. */
export function reuseScope(s: Scope, env: EvalEnv, defaults: Scope['defaults'], trace: Trace): Scope {
  s.env = env;
  s.paramDate = undefined;
  s.window = undefined;
  s.item = undefined;
  s.defaults = defaults;
  s.groups = undefined;
  s.trace = trace;
  return s;
}

/** The scope with an item and the figures in reach (a copy; the scope is left as it is). */
export function scopeWith(s: Scope, item: Scope['item'], groups: Scope['groups']): Scope {
  return { env: s.env, paramDate: s.paramDate, window: s.window, item, defaults: s.defaults, groups, trace: s.trace };
}

export type FactType = 'money' | 'number' | 'ratio' | 'boolean' | 'enum' | 'string' | 'date' | 'list' | 'object';

export interface FactDef {
  type: FactType;
  values?: readonly string[];
  /** True where the fact reads the fiscal year evaluated. */
  yearly?: boolean;
  /** Parameters the fact reads: a rule set whose policies use the fact must define them. */
  needs?: string[];
  /** Of those, the ones the fact does without on a date they are not in force (`rules lint`). */
  copesWithout?: string[];
  resolve(scope: Scope): unknown;
}

export function yearStart(year: number | undefined): CalendarDate | undefined {
  return year === undefined ? undefined : `${year}-01-01`;
}

/** The figures of the year evaluated, or what is missing to have them (EvalEnv.fiscalYear holds it). */
export function fiscalYearOf(profile: Profile, year: number | undefined): FiscalYear | Unknown {
  if (year === undefined) return Unknown.of('fiscalYears');
  const fy = own(profile.fiscalYears, String(year));
  return fy ?? new Unknown([`fiscalYears.${year}`]);
}

/**
 * A derived fact computed once per profile evaluation, however many policies ask: `compute(arg)`
 * the first time. The argument is passed rather than captured, so that a read of the cached value
 * makes no closure.
 */
export function cached<A, T>(env: EvalEnv, key: string, compute: (arg: A) => T, arg: A): T {
  if (env.cache.has(key)) return env.cache.get(key) as T;
  const v = compute(arg);
  env.cache.set(key, v);
  return v;
}

/** Parameters the engine reads itself, in derived facts rather than through a rule. */
export const SIZE_TABLE_PARAMETER = 'sme.size_table';
export const RD_EXCLUDED_PARAMETER = 'rd.excluded_industries';
/** The months of a raised R&D rate (2022: October to December, 公告2022年第28号), a table {from, until}. */
export const RD_RAISED_PERIOD_PARAMETER = 'rd.raised.period';
/** The 小型微利企业 limits, for the note that its rates cannot be stacked with article 9's. */
export const SMALL_LOW_PROFIT_PARAMETER = 'cit.small_low_profit.limits';
/** The departments the article names and who holds their functions now (read by evaluate). */
export const DEPARTMENTS_PARAMETER = 'department.successors';

/** A parameter read by a derived fact, recorded in the trace like any other. */
export function param(scope: Scope, name: string, date: CalendarDate): ParameterValue | undefined {
  // A rule set without it (checked at load where a policy needs it): nothing to derive from.
  if (!scope.env.params.has(name)) return undefined;
  const v = scope.env.params.at(name, date);
  if (v) scope.trace.useParameter(name, v, scope.env.params.get(name));
  return v;
}

/** A number read from the profile or a rule as an exact decimal; anything else is not one. */
export function toDecimal(v: unknown): Dec | undefined {
  if (v instanceof Dec) return v;
  if (typeof v === 'number') return new Dec(v);
  return undefined;
}
