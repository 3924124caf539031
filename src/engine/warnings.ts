import type { CalendarDate } from './dates.js';
import type { Profile } from './profile-schema.js';
import type { Warning } from './result.js';
import { canonicalDistrict } from './districts.js';
import { divisionCode } from './credit-code.js';
import { hasOwn } from './own.js';

/**
 * Input that is usable but doubtful: evaluated, and said so in the output, rather than refused.
 */
export function profileWarnings(p: Profile, year: number | undefined, asOf: CalendarDate): Warning[] {
  const out: Warning[] = [];
  if (year !== undefined && p.fiscalYears && !hasOwn(p.fiscalYears, String(year))) {
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
  if (p.district !== undefined && p.creditCode !== undefined) {
    // An enterprise that moved keeps its code, so a disagreement is possible; the district decides.
    const byDistrict = canonicalDistrict(p.district) !== undefined;
    const code = divisionCode(p.creditCode);
    if (byDistrict !== code.startsWith('50')) {
      out.push({
        path: 'district',
        message: byDistrict
          ? { zh: `区县 ${p.district} 在重庆，但统一社会信用代码的登记机关代码 ${code} 不在重庆；按区县判断`, en: `The district ${p.district} is in Chongqing but the credit code was issued outside it (division ${code}); the district decides` }
          : { zh: `区县 ${p.district} 不在重庆，但统一社会信用代码的登记机关代码 ${code} 在重庆；按区县判断`, en: `The district ${p.district} is outside Chongqing but the credit code was issued in it (division ${code}); the district decides` },
      });
    }
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
