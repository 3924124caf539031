import type { CalendarDate } from './dates.js';
import type { Profile } from './profile-schema.js';
import type { Warning } from './result.js';

/**
 * Input that is usable but doubtful: evaluated, and said so in the output, rather than refused.
 */
export function profileWarnings(p: Profile, year: number | undefined, asOf: CalendarDate): Warning[] {
  const out: Warning[] = [];
  if (year !== undefined && p.fiscalYears && !(String(year) in p.fiscalYears)) {
    out.push({
      path: 'fiscalYears',
      message: {
        zh: `评估年度 ${year} 不在 fiscalYears 中：按年度计算的政策需要补充该年数据`,
        en: `The evaluated year ${year} is not in fiscalYears: the yearly policies need that year's figures`,
      },
    });
  }
  if (year === undefined) {
    out.push({
      path: 'fiscalYears',
      message: { zh: '没有财务年度数据，按年度计算的政策无法评估', en: 'No fiscal year given: the yearly policies cannot be evaluated' },
    });
  }
  (p.taxPayments ?? []).forEach((t, i) => {
    if (t.date < p.registrationDate) {
      out.push({
        path: `taxPayments[${i}].date`,
        message: {
          zh: `缴税日期 ${t.date} 早于登记注册日 ${p.registrationDate}，请核对`,
          en: `Tax paid on ${t.date}, before the registration date ${p.registrationDate}: check the date`,
        },
      });
    }
    if (t.date > asOf) {
      out.push({
        path: `taxPayments[${i}].date`,
        message: {
          zh: `缴税日期 ${t.date} 晚于评估日 ${asOf}`,
          en: `Tax paid on ${t.date}, after the as-of date ${asOf}`,
        },
      });
    }
  });
  return out;
}
