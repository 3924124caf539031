import { formatMoney, ZERO } from '../support/decimal.js';
import { evaluate } from './evaluate.js';
import type { Profile } from '../profile/profile-schema.js';
import type { Benefit, EvaluationResult, Status } from './result.js';
import type { RuleSet } from '../rules/rule-set.js';
import type { CalendarDate } from '../support/dates.js';

/**
 * Every fiscal year of a profile at once (`check --year all`): the yearly policies (period
 * `fiscal-year`) are evaluated for each year of `fiscalYears`; the others, the two-year windows
 * and the policies without a period, do not depend on the year and are counted once, from the
 * evaluation of the latest year. `evaluate` is called once per year; nothing else is recomputed.
 */
export interface YearOutcome {
  status: Status;
  amount: string | null;
  /** 'exact' or 'at-least' where the engine says so; null without an amount. */
  amountBound: string | null;
  countedInTotal: boolean;
}

export interface YearsPolicy {
  id: string;
  title: Benefit['title'];
  quantified: boolean;
  /** `yearly`: one outcome per year; `once`: one outcome for the whole profile. */
  basis: 'yearly' | 'once';
  /** yearly: the outcome of each year, keyed by the year. */
  years?: Record<string, YearOutcome>;
  /** once: the outcome. */
  outcome?: YearOutcome;
}

export interface YearsResult {
  enterprise: EvaluationResult['enterprise'];
  evaluation: { years: number[]; asOf: string; rulesVersion: string };
  policies: YearsPolicy[];
  totals: {
    /** The counted amounts of the yearly policies, per year. */
    byYear: Record<string, string>;
    /** The counted amounts of the policies counted once. */
    once: string;
    /** Every year's total and the once total together. */
    amount: string;
    /** 'at-least' when any counted amount is. */
    amountBound: 'exact' | 'at-least';
  };
  /** The contract's result of each year, in year order. */
  results: EvaluationResult[];
}

function outcome(b: Benefit): YearOutcome {
  return { status: b.status, amount: b.amount, amountBound: b.amount === null ? null : b.amountBound ?? 'exact', countedInTotal: b.countedInTotal };
}

export function fiscalYearsOf(profile: Profile): number[] {
  return Object.keys(profile.fiscalYears ?? {}).map(Number).sort((a, b) => a - b);
}

export function evaluateYears(rules: RuleSet, profile: Profile, opts: { asOf: CalendarDate; trace?: boolean }): YearsResult {
  const years = fiscalYearsOf(profile);
  // Without any fiscal year, one evaluation (its yearly policies need information) stands for all.
  const results = years.length ? years.map((year) => evaluate(rules, profile, { year, asOf: opts.asOf, trace: opts.trace })) : [evaluate(rules, profile, { asOf: opts.asOf, trace: opts.trace })];
  const latest = results.at(-1)!;
  const yearly = new Set(rules.policies.filter((p) => p.def.period?.kind === 'fiscal-year').map((p) => p.def.id));
  const byYear = new Map(years.map((y) => [String(y), ZERO]));
  let once = ZERO;
  let atLeast = false;
  const counts = (b: Benefit) => b.countedInTotal && b.amount !== null && ((atLeast ||= b.amountBound === 'at-least'), true);
  const policies: YearsPolicy[] = latest.benefits.map((b) => {
    const base = { id: b.id, title: b.title, quantified: b.quantified };
    if (yearly.has(b.id) && years.length) {
      const perYear: Record<string, YearOutcome> = {};
      results.forEach((r, i) => {
        const yb = r.benefits.find((x) => x.id === b.id)!;
        const key = String(years[i]);
        perYear[key] = outcome(yb);
        if (counts(yb)) byYear.set(key, byYear.get(key)!.plus(yb.amount!));
      });
      return { ...base, basis: 'yearly', years: perYear };
    }
    if (counts(b)) once = once.plus(b.amount!);
    return { ...base, basis: 'once', outcome: outcome(b) };
  });
  let total = once;
  for (const v of byYear.values()) total = total.plus(v);
  return {
    enterprise: latest.enterprise,
    evaluation: { years, asOf: opts.asOf, rulesVersion: latest.evaluation.rulesVersion },
    policies,
    totals: { byYear: Object.fromEntries([...byYear].map(([y, v]) => [y, formatMoney(v)])), once: formatMoney(once), amount: formatMoney(total), amountBound: atLeast ? 'at-least' : 'exact' },
    results,
  };
}
