import { z } from 'zod';
import { DECIMAL_TEXT } from './decimal.js';
import { profileSchema } from './profile-schema.js';

/**
 * The JSON Schema (draft 2020-12) of the profile, generated from the zod schema so that the two
 * cannot drift apart. It describes what may be written (zod's input side): money is decimal text
 * or a JSON number, dates are "YYYY-MM-DD", counts are integers in range. It is for editors and
 * standard validators; `policy-calc validate` is stricter (real calendar dates, credit code check
 * character, at most 18 integer digits of money), and its messages are better.
 */
const NON_NEGATIVE_DECIMAL = DECIMAL_TEXT.source.replace('^-?', '^');
const DATE_PATTERN = '^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$';
/** GB 32100-2015: 18 characters of the code's alphabet (no I, O, S, V, Z); the check character is not checked here. */
const CREDIT_CODE_PATTERN = '^[0-9A-HJ-NPQRTUWXY]{2}\\d{6}[0-9A-HJ-NPQRTUWXY]{10}$';

/** Hover text for editors: the meaning of each field, as contract.md section 1 gives it. */
const DESCRIPTIONS: Record<string, string> = {
  $schema: 'The JSON Schema this file is written against, e.g. "../schema/profile.schema.json"',
  name: 'Enterprise name',
  creditCode: '18-character unified social credit code (GB 32100-2015); characters 3-8 starting with 50 place the enterprise in Chongqing',
  registrationDate: 'Date of business registration (登记注册之日), YYYY-MM-DD',
  district: 'Chongqing district or county by its Chinese name, e.g. 渝北区',
  functionalRegion: 'Functional region, for the districts only partly in the core region',
  industry: 'Which of the ten strategic emerging service industries the main business belongs to, or "other"',
  nationalIndustryCode: 'GB/T 4754-2017 industry code of the main business, e.g. I6510',
  ownership: 'Ownership',
  establishment: 'new (newly set up), relocated or restructured',
  size: 'Enterprise size as declared; when absent it is derived from employees, revenue and assets',
  employees: 'Headcount',
  technologySme: 'Registered as a technology-based SME (科技型中小企业); picks the R&D rate',
  highTechEnterprise: 'Recognized as a high-tech enterprise (高新技术企业) in the year: ten years of loss carry-forward from 2018 (财税〔2018〕76号); its own 15% rate cannot be combined with the Western Development rate',
  encouragedCatalog: 'The main business is in the Western Region Encouraged Industries Catalogue',
  headquarters: 'Headquarters type and whether it is recognized; null for none',
  fiscalYears: 'Per fiscal year ("2017"): revenue, mainBusinessRevenue, totalAssets, taxableIncome (may be negative), rdExpensed, rdIntangibleAmortization, and for 2022 rdExpensedQ4 / rdIntangibleAmortizationQ4 (October to December; else 92/365 of the year); money as "1234.56"',
  taxPayments: 'Enterprise income tax (cit) and VAT actually paid, with the date paid',
  land: 'Land parcels: use, area, base price per square metre, how acquired, cluster, lease years, date filed',
  facilities: 'Facilities the enterprise runs (for utility prices)',
  utilities: 'Electricity, water and gas lines: quantity, current price, reference prices, purpose (bathing for a hot spring\'s bathing water, which article 22 excludes)',
  activities: 'Facts for the non-monetary policies, each true or false',
  manufacturingSector: 'For article 19: automotive, high-end-equipment, rail-transit, aviation or other',
};

interface Meta {
  format?: string;
  allowNegative?: boolean;
  minimum?: number;
  maximum?: number;
}

function replace(target: Record<string, unknown>, next: Record<string, unknown>): void {
  for (const k of Object.keys(target)) delete target[k];
  Object.assign(target, next);
}

export function profileJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(profileSchema, {
    target: 'draft-2020-12',
    io: 'input',
    override: (ctx) => {
      const js = ctx.jsonSchema as Record<string, unknown>;
      const meta = z.globalRegistry.get(ctx.zodSchema as unknown as z.ZodType) as Meta | undefined;
      switch (meta?.format) {
        case 'money':
          replace(js, {
            anyOf: [
              { type: 'string', pattern: meta.allowNegative ? DECIMAL_TEXT.source : NON_NEGATIVE_DECIMAL },
              meta.allowNegative ? { type: 'number' } : { type: 'number', minimum: 0 },
            ],
          });
          break;
        case 'integer':
          replace(js, {
            type: 'integer',
            minimum: meta.minimum ?? 0,
            ...(meta.maximum !== undefined && meta.maximum < Number.MAX_SAFE_INTEGER ? { maximum: meta.maximum } : {}),
          });
          break;
        case 'date':
          replace(js, { type: 'string', format: 'date', pattern: DATE_PATTERN });
          break;
      }
    },
  }) as Record<string, unknown>;
  const properties = schema.properties as Record<string, Record<string, unknown>>;
  Object.assign(properties.creditCode!, { pattern: CREDIT_CODE_PATTERN });
  for (const [k, d] of Object.entries(DESCRIPTIONS)) if (properties[k]) properties[k] = { description: d, ...properties[k] };
  return {
    $schema: schema.$schema,
    title: 'policy-calc enterprise profile',
    description: 'One enterprise, as `policy-calc check` reads it (contract.md section 1). Generated by `policy-calc schema`; do not edit.',
    ...Object.fromEntries(Object.entries(schema).filter(([k]) => k !== '$schema')),
  };
}
