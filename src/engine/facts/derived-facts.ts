import type { Dec } from '../support/decimal.js';
import { ZERO } from '../support/decimal.js';
import { addCalendarDays, daysBetween, inWindow, type CalendarDate } from '../support/dates.js';
import { Unknown } from '../support/unknown.js';
import {
  param, RD_RAISED_PERIOD_PARAMETER, SMALL_LOW_PROFIT_PARAMETER, type FactDef, type Scope,
} from './scope.js';

/** Facts derived from the year's figures, the tax payments and the parameters in force. */

/**
 * R&D of the months a raised rate applies to (公告2022年第28号: 2022-10-01 to 2022-12-31): the
 * amount given for them, else the year's in proportion of days, said as an assumption. Zero in a
 * year without such months, so that the raised part of the formula vanishes exactly.
 */
const RD_ZH = { rdExpensed: '费用化研发费用', rdIntangibleAmortization: '研发形成无形资产的摊销额' } as const;

export function rdRaisedPeriod(whole: 'rdExpensed' | 'rdIntangibleAmortization', part: 'rdExpensedQ4' | 'rdIntangibleAmortizationQ4'): FactDef {
  return {
    type: 'money',
    yearly: true,
    needs: [RD_RAISED_PERIOD_PARAMETER],
    copesWithout: [RD_RAISED_PERIOD_PARAMETER],
    resolve: (scope) => {
      const { env } = scope;
      if (env.year === undefined || scope.paramDate === undefined) return Unknown.of('fiscalYears');
      const period = param(scope, RD_RAISED_PERIOD_PARAMETER, scope.paramDate);
      if (!period) return ZERO;
      const fy = env.fiscalYear;
      if (fy instanceof Unknown) return fy;
      if (fy[part] !== undefined) return fy[part];
      const amount = fy[whole];
      if (amount === undefined) return new Unknown([`fiscalYears.${env.year}.${whole}`]);
      if (amount.isZero()) return ZERO;
      const { from, until } = period.value as { from: CalendarDate; until: CalendarDate };
      const start = from > `${env.year}-01-01` ? from : `${env.year}-01-01`;
      const end = until < `${env.year + 1}-01-01` ? until : `${env.year + 1}-01-01`;
      const days = Math.max(daysBetween(start, end), 0);
      const yearDays = daysBetween(`${env.year}-01-01`, `${env.year + 1}-01-01`);
      if (scope.trace.keeps) scope.trace.assume({
        fact: `fiscalYears.${env.year}.${part}`,
        value: `${days}/${yearDays}`,
        message: {
          zh: `未提供 ${start} 至 ${addCalendarDays(end, -1)} 的${RD_ZH[whole]}，按全年数额的 ${days}/${yearDays}（按天数比例）计算；请提供实际数额`,
          en: `The amount of ${start} to ${addCalendarDays(end, -1)} (${part}) is not given; taken as ${days}/${yearDays} of the year's ${whole} (in proportion of days); supply the actual amount`,
        },
      });
      return amount.times(days).div(yearDays);
    },
  };
}

export function taxPaidInWindow(kind: 'cit' | 'vat'): FactDef {
  return {
    type: 'money',
    resolve: (scope) => {
      const payments = scope.env.profile.taxPayments;
      if (payments === undefined) return Unknown.of('taxPayments');
      const w = scope.window;
      if (!w) return Unknown.of('window');
      let sum: Dec = ZERO;
      // Only what was paid by the as-of date: a later payment is warned about, never counted.
      for (const t of payments) if (t.tax === kind && inWindow(t.date, w) && t.date <= scope.env.asOf) sum = sum.plus(t.amount);
      return sum;
    },
  };
}

/**
 * Whether another national rate may apply instead of article 9's: a high-tech enterprise (15%), or
 * figures within the 小型微利企业 limits in force for the year. Such preferences cannot be combined
 * with the Western Development rate: only a note says so (P09, P12); nothing is computed from it.
 */
export function nationalRateMayApply(scope: Scope): unknown {
  const p = scope.env.profile;
  if (p.highTechEnterprise === true) return true;
  const date = scope.paramDate;
  if (date === undefined) return Unknown.of('fiscalYears');
  const limits = param(scope, SMALL_LOW_PROFIT_PARAMETER, date)?.value as { taxableIncome: number; employees: number; totalAssets: number } | undefined;
  if (!limits) return p.highTechEnterprise === undefined ? Unknown.of('highTechEnterprise') : false;
  const fy = scope.env.fiscalYear;
  const y = scope.env.year;
  const income = fy instanceof Unknown ? undefined : fy.taxableIncome;
  const assets = fy instanceof Unknown ? undefined : fy.totalAssets;
  const checks: (boolean | string)[] = [
    income === undefined ? `fiscalYears.${y}.taxableIncome` : income.gt(0) && income.lte(limits.taxableIncome),
    p.employees === undefined ? 'employees' : p.employees <= limits.employees,
    assets === undefined ? `fiscalYears.${y}.totalAssets` : assets.lte(limits.totalAssets),
  ];
  if (checks.includes(false)) return p.highTechEnterprise === undefined ? Unknown.of('highTechEnterprise') : false;
  const missing = checks.filter((c): c is string => typeof c === 'string');
  return missing.length ? new Unknown(missing) : true;
}
