import { addCalendarYears } from '../support/dates.js';
import type { SIZES } from '../profile/profile-schema.js';
import { Unknown } from '../support/unknown.js';
import { classify, openingYear, pickRow, unsizedIndustry, type SizeTable } from './sme-size.js';
import { param, SIZE_TABLE_PARAMETER, type Scope } from './scope.js';

export interface SizeInfo {
  size?: (typeof SIZES)[number];
  derived: boolean;
  missing: string[];
  basis?: string;
}

/** Declared size wins; else the national standard applied to the year evaluated. */
export function sizeInfo(scope: Scope): SizeInfo {
  const p = scope.env.profile;
  if (p.size) return { size: p.size, derived: false, missing: [] };
  if (scope.env.year === undefined) return { derived: true, missing: ['size', 'fiscalYears'] };
  return derivedSize(scope, scope.env.year);
}

/** The national standard applied to one fiscal year's figures (and the profile's headcount). */
function derivedSize(scope: Scope, year: number): SizeInfo {
  const p = scope.env.profile;
  const tableValue = param(scope, SIZE_TABLE_PARAMETER, `${year}-01-01`);
  if (!tableValue) return { derived: true, missing: ['size'] };
  const table = tableValue.value as SizeTable;
  // Finance (银发〔2015〕309号) and railway transport are outside the table: only a declared size will do.
  const unsized = unsizedIndustry(table, p.nationalIndustryCode);
  if (unsized) return { derived: true, missing: ['size'], basis: `${unsized.label}: ${unsized.standard}` };
  const row = pickRow(table, p.nationalIndustryCode, p.industry);
  if (!row) return { derived: true, missing: ['size', 'nationalIndustryCode'] };
  const fy = p.fiscalYears?.[String(year)];
  const r = classify(row, { employees: p.employees, revenue: fy?.revenue, assets: fy?.totalAssets });
  const names: Record<string, string> = {
    employees: 'employees', revenue: `fiscalYears.${year}.revenue`, assets: `fiscalYears.${year}.totalAssets`,
  };
  return {
    size: r.size,
    derived: true,
    missing: r.size ? [] : ['size', ...r.missing.map((m) => names[m]!)],
    basis: `${row.id}: ${row.label}`,
  };
}

const SIZE_ZH: Record<(typeof SIZES)[number], string> = { large: '大型企业', medium: '中型企业', small: '小型企业', micro: '微型企业' };

/**
 * Article 10's "newly opened SME" is a size at opening: the registration year's figures, else the
 * first fiscal year of the window the profile has. A declared size is taken as the size at opening.
 */
export function sizeAtOpening(scope: Scope): unknown {
  const p = scope.env.profile;
  if (p.size) return p.size;
  const until = scope.window?.until ?? addCalendarYears(p.registrationDate, 2);
  const regYear = Number(p.registrationDate.slice(0, 4));
  const year = openingYear(p.registrationDate, until, Object.keys(p.fiscalYears ?? {}));
  if (year === undefined) return new Unknown(['size', `fiscalYears.${regYear}`]);
  const info = derivedSize(scope, year);
  if (!info.size) return new Unknown(info.missing);
  if (!scope.trace.keeps) return info.size;
  const which = year === regYear
    ? { zh: `登记注册年度（${year}年）`, en: `the registration year, ${year}` }
    : { zh: `期内第一个有数据的年度（${year}年；档案没有登记注册年度${regYear}年的数据）`, en: `the first year of the window with figures, ${year} (the profile has none for the registration year, ${regYear})` };
  scope.trace.note({
    zh: `新开办时的企业规模按${which.zh}的数据判定：${SIZE_ZH[info.size]}`,
    en: `The size at opening is judged on ${which.en}: ${info.size}`,
  });
  return info.size;
}
