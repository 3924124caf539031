import type { Dec } from '../support/decimal.js';
import { Dec as D, ZERO } from '../support/decimal.js';
import { addCalendarDays, addCalendarYears, daysBetween, inWindow, type CalendarDate, type DateWindow } from '../support/dates.js';
import type { ParameterStore, ParameterValue } from '../rules/parameters.js';
import {
  ACTIVITIES, ESTABLISHMENTS, FACILITIES, HQ_TYPES, INDUSTRIES, LAND_ACQUISITIONS, LAND_USES,
  MANUFACTURING_SECTORS, OWNERSHIPS, SIZES, UTILITY_KINDS, UTILITY_PURPOSES, type FiscalYear, type Profile,
} from '../profile/profile-schema.js';
import { canonicalDistrict, DISTRICTS, FUNCTIONAL_REGIONS, type FunctionalRegion } from '../profile/districts.js';
import { divisionCode } from '../profile/credit-code.js';
import { own } from '../support/own.js';
import { classify, openingYear, pickRow, unsizedIndustry, type SizeTable } from './sme-size.js';
import { Unknown } from '../support/unknown.js';
import type { Trace } from '../evaluate/trace.js';

/** What one profile evaluation shares across its policies. */
export interface EvalEnv {
  profile: Profile;
  year: number | undefined;
  asOf: CalendarDate;
  params: ParameterStore;
  /** Results of policies already evaluated, for rules that depend on another policy. */
  results: Map<string, { status: string }>;
  cache: Map<string, unknown>;
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
  groups?: Map<string, Dec | Unknown>;
  trace: Trace;
}

/**
 * Every scope is made here, with all its fields in one order: the closures that read scopes then
 * see one object shape, which V8 reads fastest (a spread or an added field makes a new shape).
 */
export function newScope(env: EvalEnv, paramDate: CalendarDate | undefined, defaults: Scope['defaults'], trace: Trace): Scope {
  return { env, paramDate, window: undefined, item: undefined, defaults, groups: undefined, trace };
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

const has = (o: object | undefined, k: string) => o !== undefined && Object.prototype.hasOwnProperty.call(o, k);

function field<K extends keyof Profile>(key: K, type: FactType, values?: readonly string[]): FactDef {
  return {
    type,
    values,
    resolve: ({ env }) => (env.profile[key] === undefined ? new Unknown([key]) : env.profile[key]),
  };
}

export function yearStart(env: EvalEnv): CalendarDate | undefined {
  return env.year === undefined ? undefined : `${env.year}-01-01`;
}

function fiscalYear(env: EvalEnv): FiscalYear | Unknown {
  if (env.year === undefined) return new Unknown(['fiscalYears']);
  const fy = own(env.profile.fiscalYears, String(env.year));
  return fy ?? new Unknown([`fiscalYears.${env.year}`]);
}

function yearField(key: keyof FiscalYear): FactDef {
  return {
    type: 'money',
    yearly: true,
    resolve: ({ env }) => {
      const fy = fiscalYear(env);
      if (fy instanceof Unknown) return fy;
      return fy[key] ?? new Unknown([`fiscalYears.${env.year}.${key}`]);
    },
  };
}

function cached<T>(env: EvalEnv, key: string, compute: () => T): T {
  if (env.cache.has(key)) return env.cache.get(key) as T;
  const v = compute();
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
function param(scope: Scope, name: string, date: CalendarDate): ParameterValue | undefined {
  // A rule set without it (checked at load where a policy needs it): nothing to derive from.
  if (!scope.env.params.has(name)) return undefined;
  const v = scope.env.params.at(name, date);
  if (v) scope.trace.useParameter(name, v, scope.env.params.get(name));
  return v;
}

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
function sizeAtOpening(scope: Scope): unknown {
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

/**
 * R&D of the months a raised rate applies to (公告2022年第28号: 2022-10-01 to 2022-12-31): the
 * amount given for them, else the year's in proportion of days, said as an assumption. Zero in a
 * year without such months, so that the raised part of the formula vanishes exactly.
 */
const RD_ZH = { rdExpensed: '费用化研发费用', rdIntangibleAmortization: '研发形成无形资产的摊销额' } as const;

function rdRaisedPeriod(whole: 'rdExpensed' | 'rdIntangibleAmortization', part: 'rdExpensedQ4' | 'rdIntangibleAmortizationQ4'): FactDef {
  return {
    type: 'money',
    yearly: true,
    needs: [RD_RAISED_PERIOD_PARAMETER],
    copesWithout: [RD_RAISED_PERIOD_PARAMETER],
    resolve: (scope) => {
      const { env } = scope;
      if (env.year === undefined || scope.paramDate === undefined) return new Unknown(['fiscalYears']);
      const period = param(scope, RD_RAISED_PERIOD_PARAMETER, scope.paramDate);
      if (!period) return ZERO;
      const fy = fiscalYear(env);
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

function taxPaidInWindow(kind: 'cit' | 'vat'): FactDef {
  return {
    type: 'money',
    resolve: (scope) => {
      const payments = scope.env.profile.taxPayments;
      if (payments === undefined) return new Unknown(['taxPayments']);
      const w = scope.window;
      if (!w) return new Unknown(['window']);
      let sum: Dec = ZERO;
      // Only what was paid by the as-of date: a later payment is warned about, never counted.
      for (const t of payments) if (t.tax === kind && inWindow(t.date, w) && t.date <= scope.env.asOf) sum = sum.plus(t.amount);
      return sum;
    },
  };
}

export const FACTS: Readonly<Record<string, FactDef>> = {
  name: field('name', 'string'),
  creditCode: field('creditCode', 'string'),
  registrationDate: field('registrationDate', 'date'),
  district: field('district', 'string'),
  industry: field('industry', 'enum', INDUSTRIES),
  nationalIndustryCode: field('nationalIndustryCode', 'string'),
  ownership: field('ownership', 'enum', OWNERSHIPS),
  establishment: field('establishment', 'enum', ESTABLISHMENTS),
  employees: field('employees', 'number'),
  technologySme: field('technologySme', 'boolean'),
  highTechEnterprise: field('highTechEnterprise', 'boolean'),
  encouragedCatalog: field('encouragedCatalog', 'boolean'),
  manufacturingSector: field('manufacturingSector', 'enum', MANUFACTURING_SECTORS),
  facilities: field('facilities', 'list', FACILITIES),
  land: field('land', 'list'),
  utilities: field('utilities', 'list'),
  taxPayments: field('taxPayments', 'list'),
  headquarters: field('headquarters', 'object'),
  'headquarters.type': {
    type: 'enum',
    values: HQ_TYPES,
    resolve: ({ env }) => {
      const hq = env.profile.headquarters;
      return hq === undefined ? new Unknown(['headquarters']) : hq === null ? null : hq.type;
    },
  },
  'headquarters.recognized': {
    type: 'boolean',
    resolve: ({ env }) => {
      const hq = env.profile.headquarters;
      if (hq === undefined) return new Unknown(['headquarters']);
      if (hq === null) return null;
      return hq.recognized ?? new Unknown(['headquarters.recognized']);
    },
  },
  ...Object.fromEntries(
    ACTIVITIES.map((a): [string, FactDef] => [
      `activities.${a}`,
      { type: 'boolean', resolve: ({ env }) => env.profile.activities?.[a] ?? new Unknown([`activities.${a}`]) },
    ]),
  ),
  'year.revenue': yearField('revenue'),
  'year.mainBusinessRevenue': yearField('mainBusinessRevenue'),
  'year.totalAssets': yearField('totalAssets'),
  'year.taxableIncome': yearField('taxableIncome'),
  'year.rdExpensed': yearField('rdExpensed'),
  'year.rdIntangibleAmortization': yearField('rdIntangibleAmortization'),
  'year.rdExpensedRaisedPeriod': rdRaisedPeriod('rdExpensed', 'rdExpensedQ4'),
  'year.rdAmortizationRaisedPeriod': rdRaisedPeriod('rdIntangibleAmortization', 'rdIntangibleAmortizationQ4'),

  isSesi: {
    type: 'boolean',
    resolve: ({ env }) => (env.profile.industry === undefined ? new Unknown(['industry']) : env.profile.industry !== 'other'),
  },
  inChongqing: {
    type: 'boolean',
    // Twenty policies ask; the answer is the profile's, once.
    resolve: ({ env }) =>
      cached(env, 'inChongqing', () => {
        const p = env.profile;
        if (p.district !== undefined) return canonicalDistrict(p.district) !== undefined;
        if (p.creditCode !== undefined) return divisionCode(p.creditCode).startsWith('50');
        return new Unknown(['district']);
      }),
  },
  region: {
    type: 'enum',
    values: FUNCTIONAL_REGIONS,
    resolve: ({ env }) => functionalRegion(env.profile),
  },
  mainBusinessShare: {
    type: 'ratio',
    yearly: true,
    resolve: (scope) => {
      const rev = FACTS['year.revenue']!.resolve(scope);
      const main = FACTS['year.mainBusinessRevenue']!.resolve(scope);
      if (rev instanceof Unknown || main instanceof Unknown) return Unknown.merge([rev, main].filter((v) => v instanceof Unknown));
      // With no revenue there is no share to speak of; the check then fails rather than divides by zero.
      return (rev as Dec).isZero() ? null : (main as Dec).div(rev as Dec);
    },
  },
  size: {
    type: 'enum',
    values: SIZES,
    yearly: true,
    needs: [SIZE_TABLE_PARAMETER],
    resolve: (scope) => {
      const s = cached(scope.env, 'size', () => sizeInfo(scope));
      return s.size ?? new Unknown(s.missing);
    },
  },
  sizeAtOpening: {
    type: 'enum',
    values: SIZES,
    needs: [SIZE_TABLE_PARAMETER],
    resolve: sizeAtOpening,
  },
  nationalRateMayApply: {
    type: 'boolean',
    yearly: true,
    needs: [SMALL_LOW_PROFIT_PARAMETER],
    copesWithout: [SMALL_LOW_PROFIT_PARAMETER],
    resolve: nationalRateMayApply,
  },
  isManufacturer: {
    type: 'boolean',
    resolve: ({ env }) => {
      const c = env.profile.nationalIndustryCode;
      return c === undefined ? new Unknown(['nationalIndustryCode']) : c.startsWith('C');
    },
  },
  rdIndustryExcluded: {
    type: 'boolean',
    yearly: true,
    needs: [RD_EXCLUDED_PARAMETER],
    resolve: (scope) => {
      const c = scope.env.profile.nationalIndustryCode;
      if (c === undefined) return new Unknown(['nationalIndustryCode']);
      const date = scope.paramDate;
      if (date === undefined) return new Unknown(['fiscalYears']);
      const list = param(scope, RD_EXCLUDED_PARAMETER, date);
      return list ? (list.value as string[]).some((prefix) => c.startsWith(prefix)) : false;
    },
  },
  hasRd: {
    type: 'boolean',
    yearly: true,
    resolve: (scope) => {
      const values = [FACTS['year.rdExpensed']!.resolve(scope), FACTS['year.rdIntangibleAmortization']!.resolve(scope)];
      if (values.some((v) => v instanceof D && v.gt(0))) return true;
      const unknown = values.filter((v): v is Unknown => v instanceof Unknown);
      return unknown.length ? Unknown.merge(unknown) : false;
    },
  },
  citPaidInWindow: taxPaidInWindow('cit'),
  vatPaidInWindow: taxPaidInWindow('vat'),
};

/**
 * Whether another national rate may apply instead of article 9's: a high-tech enterprise (15%), or
 * figures within the 小型微利企业 limits in force for the year. Such preferences cannot be combined
 * with the Western Development rate: only a note says so (P09, P12); nothing is computed from it.
 */
function nationalRateMayApply(scope: Scope): unknown {
  const p = scope.env.profile;
  if (p.highTechEnterprise === true) return true;
  const date = scope.paramDate;
  if (date === undefined) return new Unknown(['fiscalYears']);
  const limits = param(scope, SMALL_LOW_PROFIT_PARAMETER, date)?.value as { taxableIncome: number; employees: number; totalAssets: number } | undefined;
  if (!limits) return p.highTechEnterprise === undefined ? new Unknown(['highTechEnterprise']) : false;
  const fy = fiscalYear(scope.env);
  const y = scope.env.year;
  const income = fy instanceof Unknown ? undefined : fy.taxableIncome;
  const assets = fy instanceof Unknown ? undefined : fy.totalAssets;
  const checks: (boolean | string)[] = [
    income === undefined ? `fiscalYears.${y}.taxableIncome` : income.gt(0) && income.lte(limits.taxableIncome),
    p.employees === undefined ? 'employees' : p.employees <= limits.employees,
    assets === undefined ? `fiscalYears.${y}.totalAssets` : assets.lte(limits.totalAssets),
  ];
  if (checks.includes(false)) return p.highTechEnterprise === undefined ? new Unknown(['highTechEnterprise']) : false;
  const missing = checks.filter((c): c is string => typeof c === 'string');
  return missing.length ? new Unknown(missing) : true;
}

export function functionalRegion(p: Profile): FunctionalRegion | Unknown | null {
  if (p.district === undefined) return p.functionalRegion ?? new Unknown(['district']);
  const d = canonicalDistrict(p.district);
  if (d === undefined) return null;
  const info = DISTRICTS[d]!;
  if (p.functionalRegion === 'core' && info.alsoCore) return 'core';
  return info.region;
}

/** Fields of the items of each collection, for `item.*` paths in rules. */
export const ITEM_FIELDS: Readonly<Record<string, Readonly<Record<string, { type: FactType; values?: readonly string[]; absentIsNull?: boolean }>>>> = {
  land: {
    id: { type: 'string', absentIsNull: true },
    use: { type: 'enum', values: LAND_USES },
    areaSqm: { type: 'money' },
    basePricePerSqm: { type: 'money' },
    acquisition: { type: 'enum', values: LAND_ACQUISITIONS },
    inRecognizedCluster: { type: 'boolean' },
    leaseYears: { type: 'number' },
    filedOn: { type: 'date' },
  },
  utilities: {
    kind: { type: 'enum', values: UTILITY_KINDS },
    quantity: { type: 'money' },
    unit: { type: 'string', absentIsNull: true },
    currentPrice: { type: 'money' },
    // Purpose is only stated where it matters (bathing water); absent means no special purpose.
    purpose: { type: 'enum', values: UTILITY_PURPOSES, absentIsNull: true },
    'referencePrices.industrial': { type: 'money' },
    'referencePrices.residential': { type: 'money' },
    'referencePrices.publicMedical': { type: 'money' },
  },
  taxPayments: {
    date: { type: 'date' },
    tax: { type: 'enum', values: ['cit', 'vat'] },
    amount: { type: 'money' },
  },
};

/** Reads `item.<fieldPath>` of the scope's item; the path is split and its field looked up once, here. */
export function itemFieldReader(collection: string, fieldPath: string): (scope: Scope) => unknown {
  const parts = fieldPath.split('.');
  const absentIsNull = own(own(ITEM_FIELDS, collection), fieldPath)?.absentIsNull === true;
  return (scope) => {
    const item = scope.item;
    if (!item) return new Unknown([fieldPath]);
    let v: unknown = item.value;
    for (const part of parts) {
      v = v !== null && typeof v === 'object' && has(v as object, part) ? (v as Record<string, unknown>)[part] : undefined;
    }
    if (v === undefined) return absentIsNull ? null : new Unknown([`${item.path}.${fieldPath}`]);
    return v;
  };
}

export function toDecimal(v: unknown): Dec | undefined {
  if (v instanceof D) return v;
  if (typeof v === 'number') return new D(v);
  return undefined;
}

/** Read by the evaluation itself, not by a fact: the departments to apply to (law-in-force.ts). */
export const APPLY_TO_READER = 'applyTo';

/**
 * Each engine-read parameter and the derived facts that read it, from the facts' own `needs`.
 * `rules lint` counts these parameters as used, and as needed by every policy that uses the facts.
 */
export const ENGINE_PARAMETERS: Readonly<Record<string, readonly string[]>> = Object.entries(FACTS).reduce<Record<string, string[]>>(
  (acc, [fact, def]) => {
    for (const p of def.needs ?? []) (acc[p] ??= []).push(fact);
    return acc;
  },
  { [DEPARTMENTS_PARAMETER]: [APPLY_TO_READER] },
);

/** Engine-read parameters that the facts reading them do without where they are not in force. */
export const OPTIONAL_ENGINE_PARAMETERS: ReadonlySet<string> = new Set(Object.values(FACTS).flatMap((d) => d.copesWithout ?? []));
