import { PLACEHOLDERS } from './placeholders.js';
import { parseDecimalText, type Dec } from '../support/decimal.js';
import { parseCalendarDate } from '../support/dates.js';
import { creditCodeProblem } from './credit-code.js';
import { ExactNumber } from './json-reader.js';
import { districtProblem, FUNCTIONAL_REGIONS } from './districts.js';
import {
  ACTIVITIES, ESTABLISHMENTS, FACILITIES, HQ_TYPES, INDUSTRIES, LAND_ACQUISITIONS, LAND_USES, MANUFACTURING_SECTORS,
  OWNERSHIPS, SIZES, TAX_KINDS, UTILITY_KINDS, UTILITY_PURPOSES, type Profile,
} from './profile-schema.js';

/**
 * The profile schema as plain code, for the hot path: it accepts exactly what the zod schema of
 * profile-schema.ts accepts, and gives exactly its output (money as Dec, keys in the schema's
 * order), or `undefined` for anything the schema would refuse. It says nothing about why: the
 * caller then runs zod, which words the issues. zod costs most of a batch's validation time
 * (a parse per value through generic machinery); this walks the profile once.
 *
 * test/profile-validate.test.ts holds the two to each other over generated valid profiles and
 * mutations of them, and checks that the key lists here are the schema's.
 */
type Obj = Record<string, unknown>;
const INVALID = Symbol('invalid');
type Invalid = typeof INVALID;

const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const oneOf = (values: readonly string[]) => {
  const set = new Set(values);
  return (v: unknown): boolean => typeof v === 'string' && set.has(v);
};

const isIndustry = oneOf(INDUSTRIES);
const isRegion = oneOf(FUNCTIONAL_REGIONS);
const isOwnership = oneOf(OWNERSHIPS);
const isEstablishment = oneOf(ESTABLISHMENTS);
const isSize = oneOf(SIZES);
const isHqType = oneOf(HQ_TYPES);
const isLandUse = oneOf(LAND_USES);
const isAcquisition = oneOf(LAND_ACQUISITIONS);
const isFacility = oneOf(FACILITIES);
const isUtilityKind = oneOf(UTILITY_KINDS);
const isUtilityPurpose = oneOf(UTILITY_PURPOSES);
const isTaxKind = oneOf(TAX_KINDS);
const isSector = oneOf(MANUFACTURING_SECTORS);

/** The keys of each object of the schema, in its order. */
export const PROFILE_KEYS = [
  '$schema', 'name', 'creditCode', 'registrationDate', 'district', 'functionalRegion', 'industry', 'nationalIndustryCode',
  'ownership', 'establishment', 'size', 'employees', 'technologySme', 'highTechEnterprise', 'encouragedCatalog', 'headquarters', 'fiscalYears',
  'taxPayments', 'land', 'facilities', 'utilities', 'activities', 'manufacturingSector',
] as const;
export const FISCAL_YEAR_KEYS = [
  'revenue', 'mainBusinessRevenue', 'totalAssets', 'taxableIncome', 'rdExpensed', 'rdIntangibleAmortization', 'rdExpensedQ4', 'rdIntangibleAmortizationQ4',
] as const;
export const TAX_PAYMENT_KEYS = ['date', 'tax', 'amount'] as const;
export const PARCEL_KEYS = ['id', 'use', 'areaSqm', 'basePricePerSqm', 'acquisition', 'inRecognizedCluster', 'leaseYears', 'filedOn'] as const;
export const UTILITY_KEYS = ['kind', 'quantity', 'unit', 'currentPrice', 'purpose', 'referencePrices'] as const;
export const REFERENCE_PRICE_KEYS = ['industrial', 'residential', 'publicMedical'] as const;
export const HEADQUARTERS_KEYS = ['type', 'recognized'] as const;

const keySet = (keys: readonly string[]) => new Set(keys);
const PROFILE = keySet(PROFILE_KEYS);
const FISCAL_YEAR = keySet(FISCAL_YEAR_KEYS);
const TAX_PAYMENT = keySet(TAX_PAYMENT_KEYS);
const PARCEL = keySet(PARCEL_KEYS);
const UTILITY = keySet(UTILITY_KEYS);
const REFERENCE_PRICES = keySet(REFERENCE_PRICE_KEYS);
const HEADQUARTERS = keySet(HEADQUARTERS_KEYS);
const ACTIVITY = keySet(ACTIVITIES);

/** A strict object: no key outside the schema's (the reader has already refused prototype keys). */
function onlyKnown(o: Obj, known: Set<string>): boolean {
  for (const k in o) if (!known.has(k)) return false;
  return true;
}

/** As `money()`: decimal text, or a JSON number read from its text; non-negative unless allowed. */
function money(v: unknown, allowNegative = false): Dec | Invalid {
  const text = typeof v === 'string' ? v : v instanceof ExactNumber ? v.text : typeof v === 'number' && Number.isFinite(v) ? String(v) : undefined;
  if (text === undefined) return INVALID;
  const d = parseDecimalText(text);
  if (typeof d === 'string' || (!allowNegative && d.isNegative())) return INVALID;
  return d;
}

const isDate = (v: unknown): v is string => typeof v === 'string' && parseCalendarDate(v) === v;
const isInteger = (v: unknown, min: number, max: number): v is number => typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;

/** Copies the optional money fields `keys` of `o` into `out`; false when one is not money. */
function moneyFields(o: Obj, keys: readonly string[], out: Obj, negative?: string): boolean {
  for (const k of keys) {
    const v = o[k];
    if (v === undefined) continue;
    const d = money(v, k === negative);
    if (d === INVALID) return false;
    out[k] = d;
  }
  return true;
}

function fiscalYears(v: unknown): Obj | Invalid {
  if (!isObject(v)) return INVALID;
  const out: Obj = {};
  for (const year in v) {
    const fy = v[year];
    if (!/^(19|20|21)\d{2}$/.test(year) || !isObject(fy) || !onlyKnown(fy, FISCAL_YEAR)) return INVALID;
    const o: Obj = {};
    if (!moneyFields(fy, FISCAL_YEAR_KEYS, o, 'taxableIncome')) return INVALID;
    out[year] = o;
  }
  return out;
}

function taxPayment(v: unknown): Obj | Invalid {
  if (!isObject(v) || !onlyKnown(v, TAX_PAYMENT) || !isDate(v.date) || !isTaxKind(v.tax)) return INVALID;
  const amount = money(v.amount);
  return amount === INVALID ? INVALID : { date: v.date, tax: v.tax, amount };
}

function parcel(v: unknown): Obj | Invalid {
  if (!isObject(v) || !onlyKnown(v, PARCEL)) return INVALID;
  const o: Obj = {};
  if (v.id !== undefined) {
    if (typeof v.id !== 'string' || v.id.length < 1) return INVALID;
    o.id = v.id;
  }
  if (v.use !== undefined) {
    if (!isLandUse(v.use)) return INVALID;
    o.use = v.use;
  }
  if (!moneyFields(v, ['areaSqm', 'basePricePerSqm'], o)) return INVALID;
  if (v.acquisition !== undefined) {
    if (!isAcquisition(v.acquisition)) return INVALID;
    o.acquisition = v.acquisition;
  }
  if (v.inRecognizedCluster !== undefined) {
    if (typeof v.inRecognizedCluster !== 'boolean') return INVALID;
    o.inRecognizedCluster = v.inRecognizedCluster;
  }
  if (v.leaseYears !== undefined) {
    if (!isInteger(v.leaseYears, 1, 70)) return INVALID;
    o.leaseYears = v.leaseYears;
  }
  if (v.filedOn !== undefined) {
    if (!isDate(v.filedOn)) return INVALID;
    o.filedOn = v.filedOn;
  }
  return o;
}

function utility(v: unknown): Obj | Invalid {
  if (!isObject(v) || !onlyKnown(v, UTILITY) || !isUtilityKind(v.kind)) return INVALID;
  const o: Obj = { kind: v.kind };
  if (!moneyFields(v, ['quantity'], o)) return INVALID;
  if (v.unit !== undefined) {
    if (typeof v.unit !== 'string') return INVALID;
    o.unit = v.unit;
  }
  if (!moneyFields(v, ['currentPrice'], o)) return INVALID;
  if (v.purpose !== undefined) {
    if (!isUtilityPurpose(v.purpose)) return INVALID;
    o.purpose = v.purpose;
  }
  const ref = v.referencePrices;
  if (ref !== undefined) {
    if (!isObject(ref) || !onlyKnown(ref, REFERENCE_PRICES)) return INVALID;
    const r: Obj = {};
    if (!moneyFields(ref, REFERENCE_PRICE_KEYS, r)) return INVALID;
    o.referencePrices = r;
  }
  return o;
}

function list(v: unknown, item: (x: unknown) => unknown): unknown[] | Invalid {
  if (!Array.isArray(v)) return INVALID;
  const out: unknown[] = new Array(v.length);
  for (let i = 0; i < v.length; i++) {
    const x = item(v[i]);
    if (x === INVALID) return INVALID;
    out[i] = x;
  }
  return out;
}

const asIs = (ok: (x: unknown) => boolean) => (x: unknown) => (ok(x) ? x : INVALID);
const isString = (x: unknown) => typeof x === 'string';
const isBool = (x: unknown) => typeof x === 'boolean';

/** Per top-level key, what it takes; in the schema's order, as zod writes the output. */
const FIELDS: [(typeof PROFILE_KEYS)[number], (v: unknown) => unknown][] = [
  ['$schema', asIs(isString)],
  // init's placeholder is refused as the schema refuses it (src/engine/profile/placeholders.ts).
  ['name', asIs((x) => typeof x === 'string' && x.length >= 1 && x !== PLACEHOLDERS.name)],
  ['creditCode', asIs((x) => typeof x === 'string' && creditCodeProblem(x) === undefined)],
  ['registrationDate', asIs(isDate)],
  ['district', asIs((x) => typeof x === 'string' && districtProblem(x) === undefined)],
  ['functionalRegion', asIs(isRegion)],
  ['industry', asIs(isIndustry)],
  ['nationalIndustryCode', asIs((x) => typeof x === 'string' && /^[A-T](\d{2,4})?$/.test(x))],
  ['ownership', asIs(isOwnership)],
  ['establishment', asIs(isEstablishment)],
  ['size', asIs(isSize)],
  ['employees', asIs((x) => isInteger(x, 0, Number.MAX_SAFE_INTEGER))],
  ['technologySme', asIs(isBool)],
  ['highTechEnterprise', asIs(isBool)],
  ['encouragedCatalog', asIs(isBool)],
  ['headquarters', (x) => {
    if (x === null) return null;
    if (!isObject(x) || !onlyKnown(x, HEADQUARTERS) || !isHqType(x.type)) return INVALID;
    if (x.recognized === undefined) return { type: x.type };
    return typeof x.recognized === 'boolean' ? { type: x.type, recognized: x.recognized } : INVALID;
  }],
  ['fiscalYears', fiscalYears],
  ['taxPayments', (x) => list(x, taxPayment)],
  ['land', (x) => {
    const parcels = list(x, parcel);
    if (parcels === INVALID) return INVALID;
    // The same parcel listed twice would be counted twice: a repeated id is refused.
    const ids = new Set<unknown>();
    for (const p of parcels as Obj[]) {
      if (p.id === undefined) continue;
      if (ids.has(p.id)) return INVALID;
      ids.add(p.id);
    }
    return parcels;
  }],
  ['facilities', (x) => list(x, asIs(isFacility))],
  ['utilities', (x) => list(x, utility)],
  ['activities', (x) => {
    if (!isObject(x) || !onlyKnown(x, ACTIVITY)) return INVALID;
    const o: Obj = {};
    for (const a of ACTIVITIES) {
      const b = x[a];
      if (b === undefined) continue;
      if (typeof b !== 'boolean') return INVALID;
      o[a] = b;
    }
    return o;
  }],
  ['manufacturingSector', asIs(isSector)],
];
const REQUIRED = new Set(['name', 'registrationDate']);

/** The profile as zod would give it, or undefined when zod would refuse it (run zod then, for the issues). */
export function quickProfile(value: unknown): Profile | undefined {
  if (!isObject(value) || !onlyKnown(value, PROFILE)) return undefined;
  const out: Obj = {};
  for (const [key, check] of FIELDS) {
    const v = value[key];
    if (v === undefined) {
      if (REQUIRED.has(key)) return undefined;
      continue;
    }
    const r = check(v);
    if (r === INVALID) return undefined;
    out[key] = r;
  }
  return out as Profile;
}
