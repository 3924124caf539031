import { Dec } from '../support/decimal.js';
import { ACTIVITIES, HQ_TYPES, SIZES } from '../profile/profile-schema.js';
import { canonicalDistrict, FUNCTIONAL_REGIONS } from '../profile/districts.js';
import { divisionCode } from '../profile/credit-code.js';
import { Unknown, type Truth } from '../support/unknown.js';
import type { Profile } from '../profile/profile-schema.js';
import {
  cached, DEPARTMENTS_PARAMETER, param, RD_EXCLUDED_PARAMETER, SIZE_TABLE_PARAMETER,
  SMALL_LOW_PROFIT_PARAMETER, type FactDef,
} from './scope.js';
import { CATALOGUE, COLLECTIONS } from './catalogue/catalogue.js';
import type { FieldRead } from './catalogue/fact-entry.js';
import { sizeAtOpening, sizeInfo } from './size-facts.js';
import { nationalRateMayApply, rdRaisedPeriod, taxPaidInWindow } from './derived-facts.js';
import { functionalRegion } from './regions.js';

/**
 * The fact registry: every fact a rule can name, its type and how it is read from the profile.
 * A field read as it stands is declared in catalogue/ (with its words, question and schema text);
 * the facts derived from other fields are here. The context a fact is read in is scope.ts.
 */
// What the rules read beside the registry, from where it is declared.
export { toDecimal, DEPARTMENTS_PARAMETER, type Scope, type FactType } from './scope.js';
export { ITEM_FIELDS, itemFieldReader } from './item-fields.js';

/** A field of the profile as it stands; absent is unknown. */
function field(key: string, read: FieldRead): FactDef {
  // An Unknown is never changed once made: every read of the absent field can share one.
  const missing = new Unknown([key]);
  return {
    type: read.type,
    values: read.values,
    resolve: ({ env }) => {
      const v = (env.profile as Readonly<Record<string, unknown>>)[key];
      return v === undefined ? missing : v;
    },
  };
}

/** A figure of the year evaluated, as the profile gives it. */
function yearField(key: string): FactDef {
  return {
    type: 'money',
    yearly: true,
    resolve: ({ env }) => {
      const fy = env.fiscalYear;
      if (fy instanceof Unknown) return fy;
      return (fy as Readonly<Record<string, unknown>>)[key] ?? new Unknown([`fiscalYears.${env.year}.${key}`]);
    },
  };
}

/** The fields the catalogue says a rule reads as they stand: the enterprise's, and the year's figures. */
function declaredFields(): Record<string, FactDef> {
  const out: Record<string, FactDef> = {};
  for (const [key, e] of Object.entries(CATALOGUE)) {
    if (!e.read || COLLECTIONS.some((c) => key.startsWith(`${c}.`))) continue;
    out[key] = key.startsWith('year.') ? yearField(key.slice(5)) : field(key, e.read);
  }
  return out;
}

/** Whether the enterprise is in Chongqing: by its district, else by its credit code's division. */
function inChongqing(p: Profile): Truth {
  if (p.district !== undefined) return canonicalDistrict(p.district) !== undefined;
  if (p.creditCode !== undefined) return divisionCode(p.creditCode).startsWith('50');
  return Unknown.of('district');
}

export const FACTS: Readonly<Record<string, FactDef>> = {
  ...declaredFields(),
  'headquarters.type': {
    type: 'enum',
    values: HQ_TYPES,
    resolve: ({ env }) => {
      const hq = env.profile.headquarters;
      return hq === undefined ? Unknown.of('headquarters') : hq === null ? null : hq.type;
    },
  },
  'headquarters.recognized': {
    type: 'boolean',
    resolve: ({ env }) => {
      const hq = env.profile.headquarters;
      if (hq === undefined) return Unknown.of('headquarters');
      if (hq === null) return null;
      return hq.recognized ?? Unknown.of('headquarters.recognized');
    },
  },
  ...Object.fromEntries(
    ACTIVITIES.map((a): [string, FactDef] => {
      const missing = Unknown.of(`activities.${a}`);
      return [`activities.${a}`, { type: 'boolean', resolve: ({ env }) => env.profile.activities?.[a] ?? missing }];
    }),
  ),
  'year.rdExpensedRaisedPeriod': rdRaisedPeriod('rdExpensed', 'rdExpensedQ4'),
  'year.rdAmortizationRaisedPeriod': rdRaisedPeriod('rdIntangibleAmortization', 'rdIntangibleAmortizationQ4'),

  isSesi: {
    type: 'boolean',
    resolve: ({ env }) => (env.profile.industry === undefined ? Unknown.of('industry') : env.profile.industry !== 'other'),
  },
  inChongqing: {
    type: 'boolean',
    // Twenty policies ask; the answer is the profile's, once.
    resolve: ({ env }) => cached(env, 'inChongqing', inChongqing, env.profile),
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
      const s = cached(scope.env, 'size', sizeInfo, scope);
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
      return c === undefined ? Unknown.of('nationalIndustryCode') : c.startsWith('C');
    },
  },
  rdIndustryExcluded: {
    type: 'boolean',
    yearly: true,
    needs: [RD_EXCLUDED_PARAMETER],
    resolve: (scope) => {
      const c = scope.env.profile.nationalIndustryCode;
      if (c === undefined) return Unknown.of('nationalIndustryCode');
      const date = scope.paramDate;
      if (date === undefined) return Unknown.of('fiscalYears');
      const list = param(scope, RD_EXCLUDED_PARAMETER, date);
      return list ? (list.value as string[]).some((prefix) => c.startsWith(prefix)) : false;
    },
  },
  hasRd: {
    type: 'boolean',
    yearly: true,
    resolve: (scope) => {
      const values = [FACTS['year.rdExpensed']!.resolve(scope), FACTS['year.rdIntangibleAmortization']!.resolve(scope)];
      if (values.some((v) => v instanceof Dec && v.gt(0))) return true;
      const unknown = values.filter((v): v is Unknown => v instanceof Unknown);
      return unknown.length ? Unknown.merge(unknown) : false;
    },
  },
  citPaidInWindow: taxPaidInWindow('cit'),
  vatPaidInWindow: taxPaidInWindow('vat'),
};

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
