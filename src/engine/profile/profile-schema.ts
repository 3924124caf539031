import { z } from 'zod';
import { Dec, parseDecimalText } from '../support/decimal.js';
import { parseCalendarDate } from '../support/dates.js';
import { creditCodeProblem } from './credit-code.js';
import { ExactNumber } from './json-reader.js';
import { quoteInput } from '../support/errors.js';
import { didYouMean } from '../support/suggest.js';
import { districtProblem, FUNCTIONAL_REGIONS } from './districts.js';
import { PLACEHOLDER_MESSAGES, PLACEHOLDERS } from './placeholders.js';
import { builtOnce } from '../support/built-once.js';

/**
 * The enterprise profile of contract.md section 1. Types are inferred from these schemas and
 * nowhere else. Money arrives as a JSON string or number and leaves as an exact Decimal.
 */

export const INDUSTRIES = [
  'new-finance', 'service-outsourcing', 'big-health', 'culture-tourism', 'professional-services',
  'logistics', 'ecommerce', 'bonded-trade', 'cloud-bigdata', 'hq-transit-trade', 'other',
] as const;
export const SESI_INDUSTRIES = INDUSTRIES.filter((i) => i !== 'other');
export const OWNERSHIPS = ['private', 'state', 'collective', 'foreign', 'mixed'] as const;
export const ESTABLISHMENTS = ['new', 'relocated', 'restructured'] as const;
export const SIZES = ['large', 'medium', 'small', 'micro'] as const;
export const HQ_TYPES = [
  'enterprise-hq', 'regional-hq', 'procurement-hq', 'rd-hq', 'back-office-center', 'settlement-center',
] as const;
export const LAND_USES = [
  'commercial', 'tourism-entertainment', 'industrial', 'comprehensive',
  'education-science-culture-health-sports', 'residential',
] as const;
export const LAND_ACQUISITIONS = ['transfer', 'lease-then-transfer', 'old-town-stock'] as const;
export const FACILITIES = [
  'cultural-venue', 'sports-venue', 'star-hotel', 'cruise-ship', 'hot-spring', 'elderly-care',
  'public-museum', 'training-teaching', 'student-living', 'private-medical',
] as const;
export const UTILITY_KINDS = ['electricity', 'water', 'gas'] as const;
/**
 * What a utility line is used for, where it matters: article 22 excludes a hot spring's bathing
 * water (洗浴用水) from the price parity. Free text let "bath" or "洗浴" drop the exclusion unseen.
 */
export const UTILITY_PURPOSES = ['bathing', 'heating', 'cooling', 'cooking', 'laundry', 'landscape', 'operations'] as const;
/** Words people write for a purpose, in English and Chinese, and the value each means. */
export const UTILITY_PURPOSE_ALIASES: Readonly<Record<string, (typeof UTILITY_PURPOSES)[number]>> = {
  bath: 'bathing', baths: 'bathing', shower: 'bathing', 'hot-spring-bathing': 'bathing',
  洗浴: 'bathing', 洗浴用水: 'bathing', 沐浴: 'bathing', 泡澡: 'bathing', 温泉洗浴: 'bathing',
  供暖: 'heating', 采暖: 'heating', 制冷: 'cooling', 空调: 'cooling', 餐饮: 'cooking', 厨房: 'cooking',
  洗涤: 'laundry', 洗衣: 'laundry', 景观: 'landscape', 绿化: 'landscape', 经营: 'operations', 办公: 'operations',
};
export const TAX_KINDS = ['cit', 'vat'] as const;
export const MANUFACTURING_SECTORS = ['automotive', 'high-end-equipment', 'rail-transit', 'aviation', 'other'] as const;
export const ACTIVITIES = [
  'publicServiceProvider', 'inPurchaseCatalog', 'foreignCooperationProject', 'crossBorderEcommerceExport',
  'exportTaxRefund', 'globalFortune500', 'china500', 'majorInvestmentProject', 'supportedProject',
  'guidanceFundProject', 'noCollateralLoan', 'firstLoan', 'seekingDirectFinancing',
  'financialInstitutionServingSesi', 'overseasAfterSalesCenter', 'recruitingTalent', 'trainingTalent',
  'nursingStaffTraining', 'qualifiedTalent',
] as const;

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (v === undefined) return 'nothing';
  if (v instanceof ExactNumber) return v.text;
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'object') return 'an object';
  return typeof v === 'string' && v.length > 80 ? quoteInput(v) : JSON.stringify(v);
}

export function enumOf<const T extends readonly [string, ...string[]]>(values: T, what: string, aliases: Readonly<Record<string, string>> = {}) {
  const suggestion = (input: string) =>
    Object.hasOwn(aliases, input.trim().toLowerCase()) ? ` (did you mean "${aliases[input.trim().toLowerCase()]}"?)` : didYouMean(input, values);
  return z.enum(values, {
    error: (iss) =>
      iss.input === undefined
        ? 'is required'
        : typeof iss.input === 'string'
        ? `${quoteInput(iss.input)} is not a known ${what}${suggestion(iss.input)}; expected one of ${values.join(', ')}`
        : `expected ${/^[aeio]/.test(what) ? 'an' : 'a'} ${what} (one of ${values.join(', ')}), got ${describe(iss.input)}`,
  });
}

/** Money: decimal text or a JSON number, read from its text, never via float arithmetic. */
export function money(opts: { allowNegative?: boolean } = {}) {
  return z
    .unknown()
    .transform((v, ctx): Dec => {
      let text: string | undefined;
      if (typeof v === 'string') text = v;
      else if (v instanceof ExactNumber) text = v.text;
      else if (typeof v === 'number' && Number.isFinite(v)) text = String(v);
      if (text === undefined) {
        ctx.addIssue({ code: 'custom', message: `expected money as a decimal string like "1234.56", got ${describe(v)}` });
        return z.NEVER;
      }
      const d = parseDecimalText(text);
      if (typeof d === 'string') {
        ctx.addIssue({ code: 'custom', message: `money ${quoteInput(text)} ${d}` });
        return z.NEVER;
      }
      if (!opts.allowNegative && d.isNegative()) {
        ctx.addIssue({ code: 'custom', message: `money ${quoteInput(text)} is negative; this amount cannot be below zero` });
        return z.NEVER;
      }
      return d;
    })
    // The JSON Schema generator (profile-json-schema.ts) reads these to describe the input.
    .meta({ format: 'money', allowNegative: opts.allowNegative === true });
}

function integer(what: string, min = 0, max = Number.MAX_SAFE_INTEGER) {
  return z.unknown().transform((v, ctx): number => {
    const text = v instanceof ExactNumber ? v.text : undefined;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) {
      const got = text ?? describe(v);
      ctx.addIssue({ code: 'custom', message: `expected ${what}: a whole number from ${min} to ${max}, got ${got}` });
      return z.NEVER;
    }
    return v;
  }).meta({ format: 'integer', minimum: min, maximum: max });
}

const bool = (what: string) =>
  z.boolean({ error: (iss) => `expected true or false for ${what}, got ${describe(iss.input)}` });

/**
 * The schemas are built on first use, not at import: building them costs a `check` ~14 ms of its
 * start (issue 11), and a valid profile never needs them (profile-validate.ts quickProfile takes
 * it); zod is wanted only to word a refusal, and by the JSON Schema, the interview and tests.
 */
function buildSchemas() {
  /** A non-negative decimal quantity (an area, a meter reading). */
  const quantity = money();

  const calendarDate = z
    .string({ error: (iss) => `expected a date "YYYY-MM-DD", got ${describe(iss.input)}` })
    .superRefine((s, ctx) => {
      if (s === PLACEHOLDERS.date) return void ctx.addIssue({ code: 'custom', message: PLACEHOLDER_MESSAGES.date });
      const r = parseCalendarDate(s);
      if (r !== s) ctx.addIssue({ code: 'custom', message: `date ${quoteInput(s)} ${r}` });
    })
    .meta({ format: 'date' });

  const creditCode = z
    .string({ error: (iss) => `expected the 18-character credit code as a string, got ${describe(iss.input)}` })
    .superRefine((s, ctx) => {
      const p = creditCodeProblem(s);
      if (p) ctx.addIssue({ code: 'custom', message: `credit code ${quoteInput(s)} ${p}` });
    });

  const fiscalYearSchema = z.strictObject({
    revenue: money().optional(),
    mainBusinessRevenue: money().optional(),
    totalAssets: money().optional(),
    taxableIncome: money({ allowNegative: true }).optional(),
    rdExpensed: money().optional(),
    rdIntangibleAmortization: money().optional(),
    /** R&D expensed from 1 October to 31 December (财政部 税务总局 科技部公告2022年第28号); else 92/365 of the year's. */
    rdExpensedQ4: money().optional(),
    /** R&D amortization of the same months; else 92/365 of the year's. */
    rdIntangibleAmortizationQ4: money().optional(),
  });

  const taxPaymentSchema = z.strictObject({
    date: calendarDate,
    tax: enumOf(TAX_KINDS, 'tax kind'),
    amount: money(),
  });

  const parcelSchema = z.strictObject({
    id: z.string().min(1, 'is empty; leave the key out where the parcel has no id').optional(),
    use: enumOf(LAND_USES, 'land use').optional(),
    areaSqm: quantity.optional(),
    basePricePerSqm: money().optional(),
    acquisition: enumOf(LAND_ACQUISITIONS, 'land acquisition').optional(),
    inRecognizedCluster: bool('inRecognizedCluster').optional(),
    leaseYears: integer('lease years', 1, 70).optional(),
    filedOn: calendarDate.optional(),
  });

  const utilitySchema = z.strictObject({
    kind: enumOf(UTILITY_KINDS, 'utility kind'),
    quantity: quantity.optional(),
    unit: z.string().optional(),
    currentPrice: money().optional(),
    purpose: enumOf(UTILITY_PURPOSES, 'utility purpose', UTILITY_PURPOSE_ALIASES).optional(),
    referencePrices: z
      .strictObject({
        industrial: money().optional(),
        residential: money().optional(),
        publicMedical: money().optional(),
      })
      .optional(),
  });

  const headquartersSchema = z.strictObject({
    type: enumOf(HQ_TYPES, 'headquarters type'),
    recognized: bool('headquarters.recognized').optional(),
  });

  const activitiesSchema = z.strictObject(
    Object.fromEntries(ACTIVITIES.map((a) => [a, bool(a).optional()])) as Record<
      (typeof ACTIVITIES)[number],
      z.ZodOptional<z.ZodBoolean>
    >,
  );

  const profileSchema = z.strictObject({
    $schema: z.string().optional(),
    name: z.string({ error: (iss) => (iss.input === undefined ? 'the enterprise name is required' : `expected the name as a string, got ${describe(iss.input)}`) }).min(1, 'the enterprise name is empty').refine((s) => s !== PLACEHOLDERS.name, PLACEHOLDER_MESSAGES.name),
    creditCode: creditCode.optional(),
    registrationDate: calendarDate,
    district: z
      .string({ error: (iss) => `expected the district's Chinese name as a string, got ${describe(iss.input)}` })
      .superRefine((s, ctx) => {
        const p = districtProblem(s);
        if (p) ctx.addIssue({ code: 'custom', message: p });
      })
      .optional(),
    functionalRegion: enumOf(FUNCTIONAL_REGIONS, 'functional region').optional(),
    industry: enumOf(INDUSTRIES, 'industry').optional(),
    nationalIndustryCode: z
      .string()
      .regex(/^[A-T](\d{2,4})?$/, 'expected a GB/T 4754-2017 code: a section letter A-T and 2 to 4 digits, e.g. "I6510"')
      .optional(),
    ownership: enumOf(OWNERSHIPS, 'ownership').optional(),
    establishment: enumOf(ESTABLISHMENTS, 'establishment').optional(),
    size: enumOf(SIZES, 'size').optional(),
    employees: integer('the headcount').optional(),
    technologySme: bool('technologySme').optional(),
    highTechEnterprise: bool('highTechEnterprise').optional(),
    encouragedCatalog: bool('encouragedCatalog').optional(),
    headquarters: headquartersSchema.nullable().optional(),
    fiscalYears: z
      .record(z.string().regex(/^(19|20|21)\d{2}$/, 'a fiscal year key must be a year like "2017"'), fiscalYearSchema)
      .optional(),
    taxPayments: z.array(taxPaymentSchema).optional(),
    land: z
      .array(parcelSchema)
      .superRefine((parcels, ctx) => {
        // The same parcel listed twice would be counted twice.
        const seen = new Map<string, number>();
        parcels.forEach((p, i) => {
          if (p.id === undefined) return;
          const first = seen.get(p.id);
          if (first === undefined) seen.set(p.id, i);
          else ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `parcel id "${p.id}" is also the id of land[${first}]; a parcel is listed once` });
        });
      })
      .optional(),
    facilities: z.array(enumOf(FACILITIES, 'facility')).optional(),
    utilities: z.array(utilitySchema).optional(),
    activities: activitiesSchema.optional(),
    manufacturingSector: enumOf(MANUFACTURING_SECTORS, 'manufacturing sector').optional(),
  });

  return {
    profile: profileSchema, fiscalYear: fiscalYearSchema, taxPayment: taxPaymentSchema, parcel: parcelSchema,
    utility: utilitySchema, headquarters: headquartersSchema, activities: activitiesSchema,
  };
}

export type ProfileSchemas = ReturnType<typeof buildSchemas>;

/** The profile's zod schemas, built once, on the first call. */
export const profileSchemas: () => ProfileSchemas = builtOnce(buildSchemas);

export type Profile = z.infer<ProfileSchemas['profile']>;
export type FiscalYear = z.infer<ProfileSchemas['fiscalYear']>;
export type TaxPayment = z.infer<ProfileSchemas['taxPayment']>;
export type Parcel = z.infer<ProfileSchemas['parcel']>;
export type Utility = z.infer<ProfileSchemas['utility']>;
export type Industry = (typeof INDUSTRIES)[number];
export type Size = (typeof SIZES)[number];
