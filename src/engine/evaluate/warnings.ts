import type { CalendarDate } from '../support/dates.js';
import type { Profile } from '../profile/profile-schema.js';
import type { Warning } from './result.js';
import { canonicalDistrict } from '../profile/districts.js';
import { divisionCode } from '../profile/credit-code.js';
import type { ParameterStore } from '../rules/parameters.js';
import type { Dec } from '../support/decimal.js';

/**
 * The longest grant term of each land use (《城镇国有土地使用权出让和转让暂行条例》第十二条), as
 * P21 picks it: a lease beyond it is counted at that term, and said so here.
 */
const LAND_TERM_PARAMETER: Readonly<Record<string, string>> = {
  residential: 'land.max_term.residential',
  industrial: 'land.max_term.industrial',
  'education-science-culture-health-sports': 'land.max_term.education_science_culture_health_sports',
  comprehensive: 'land.max_term.comprehensive',
  commercial: 'land.max_term.commercial_tourism_entertainment',
  'tourism-entertainment': 'land.max_term.commercial_tourism_entertainment',
};

/** Years further than this from every other fiscal year of the profile are probably a typo (2108 for 2018). */
const FAR_YEARS = 10;

/**
 * Input that is usable but doubtful: evaluated, and said so in the output, rather than refused.
 */
export function profileWarnings(p: Profile, year: number | undefined, asOf: CalendarDate, params?: ParameterStore): Warning[] {
  const out: Warning[] = [];
  out.push(...dateWarnings(p, year, asOf), ...figureWarnings(p));
  if (params) out.push(...leaseWarnings(p, asOf, params));
  if (year !== undefined && p.fiscalYears && !Object.hasOwn(p.fiscalYears, String(year))) {
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
          zh: `缴税日期 ${t.date} 晚于评估日 ${asOf}：评估日尚未缴纳，不计入补贴`,
          en: `Tax paid on ${t.date}, after the as-of date ${asOf}: not yet paid on that date, so not counted`,
        },
      });
    }
  });
  return out;
}

/** A registration after the as-of date, and a fiscal year far from the others or not yet begun. */
function dateWarnings(p: Profile, year: number | undefined, asOf: CalendarDate): Warning[] {
  const out: Warning[] = [];
  if (p.registrationDate > asOf) {
    out.push({
      path: 'registrationDate',
      message: {
        zh: `登记注册日 ${p.registrationDate} 晚于评估日 ${asOf}，请核对`,
        en: `The registration date ${p.registrationDate} is after the as-of date ${asOf}: check the date`,
      },
    });
  }
  const years = Object.keys(p.fiscalYears ?? {}).map(Number);
  const asOfYear = Number(asOf.slice(0, 4));
  for (const y of years) {
    const others = years.filter((o) => o !== y);
    // With one other year either could be the typo; from two on, the one far from all is.
    const far = others.length >= 2 && others.every((o) => Math.abs(o - y) > FAR_YEARS);
    if (!far && y <= asOfYear) continue;
    const used = y === year ? { zh: '；它是评估的年度', en: '; it is the year evaluated' } : { zh: '', en: '' };
    out.push({
      path: `fiscalYears.${y}`,
      message: far
        ? {
            zh: `财务年度 ${y} 与档案中其他年度（${others.join('、')}）相距超过 ${FAR_YEARS} 年，可能是笔误${used.zh}`,
            en: `The fiscal year ${y} is more than ${FAR_YEARS} years from the profile's other years (${others.join(', ')}): probably a typo${used.en}`,
          }
        : {
            zh: `财务年度 ${y} 在评估日 ${asOf} 尚未开始${used.zh}`,
            en: `The fiscal year ${y} has not begun on the as-of date ${asOf}${used.en}`,
          },
    });
  }
  return out;
}

/** Figures that contradict each other: a part above its whole. */
function figureWarnings(p: Profile): Warning[] {
  const out: Warning[] = [];
  const above = (part: Dec | undefined, whole: Dec | undefined) => part !== undefined && whole !== undefined && part.gt(whole);
  for (const [y, fy] of Object.entries(p.fiscalYears ?? {})) {
    if (above(fy.mainBusinessRevenue, fy.revenue)) {
      out.push({
        path: `fiscalYears.${y}.mainBusinessRevenue`,
        message: {
          zh: `${y} 年主营业务收入 ${fy.mainBusinessRevenue!.toFixed()} 高于收入总额 ${fy.revenue!.toFixed()}，请核对`,
          en: `In ${y} the main-business revenue ${fy.mainBusinessRevenue!.toFixed()} is above the revenue ${fy.revenue!.toFixed()}: check the figures`,
        },
      });
    }
    for (const [part, whole] of [['rdExpensedQ4', 'rdExpensed'], ['rdIntangibleAmortizationQ4', 'rdIntangibleAmortization']] as const) {
      if (!above(fy[part], fy[whole])) continue;
      out.push({
        path: `fiscalYears.${y}.${part}`,
        message: {
          zh: `${y} 年第四季度研发数额高于全年数额，请核对`,
          en: `In ${y} the fourth quarter's ${whole} (${part}) is above the year's: check the figures`,
        },
      });
    }
  }
  return out;
}

/** A lease longer than the longest grant term for its use: P21 counts the longest term. */
function leaseWarnings(p: Profile, asOf: CalendarDate, params: ParameterStore): Warning[] {
  const out: Warning[] = [];
  (p.land ?? []).forEach((parcel, i) => {
    const name = parcel.use !== undefined ? LAND_TERM_PARAMETER[parcel.use] : undefined;
    if (parcel.leaseYears === undefined || name === undefined || !params.has(name)) return;
    const term = params.at(name, asOf)?.value as Dec | undefined;
    if (term === undefined || term.gte(parcel.leaseYears)) return;
    out.push({
      path: `land[${i}].leaseYears`,
      message: {
        zh: `租期 ${parcel.leaseYears} 年超过该用途土地出让最高年限 ${term.toFixed()} 年（《城镇国有土地使用权出让和转让暂行条例》第十二条）：按 ${term.toFixed()} 年计算`,
        en: `The lease of ${parcel.leaseYears} years is longer than the longest grant term for the use, ${term.toFixed()} years (Interim Regulations on the Grant and Transfer of Urban State Land Use Rights, art. 12): counted as ${term.toFixed()} years`,
      },
    });
  });
  return out;
}
