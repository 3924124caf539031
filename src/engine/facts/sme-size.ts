import { z } from 'zod';
import { compareDec, Dec } from '../support/decimal.js';
import { and, Unknown, type Truth } from '../support/unknown.js';
import { builtOnce } from '../support/built-once.js';

/**
 * SME classification of 工信部联企业〔2011〕300号. The thresholds are data (rules/parameters);
 * this module only applies them. Limits are in people, and in 10,000 CNY for money.
 */
export type Measure = 'employees' | 'revenue' | 'assets';
export type Limits = Partial<Record<Measure, number>>;

export interface SizeRow {
  id: string;
  label: string;
  /** GB/T 4754 prefixes this row covers, most specific match wins. */
  codes: string[];
  /** SME when below any one of these. */
  smeBelow: Limits;
  mediumFrom: Limits;
  smallFrom: Limits;
}

/** Industries the standard does not size (finance has its own standard): a size must be declared. */
export interface UnsizedIndustry {
  codes: string[];
  label: string;
  /** Why, with its source: the standard that applies instead, or the words that leave it out. */
  standard: string;
}

export interface SizeTable {
  rows: SizeRow[];
  /** Industry enum values that map to one row unambiguously. */
  byIndustry: Record<string, string>;
  unsized?: UnsizedIndustry[];
}

function buildSizeTableSchema() {
  const limits = z.strictObject({
    employees: z.number().nonnegative().optional(),
    revenue: z.number().nonnegative().optional(),
    assets: z.number().nonnegative().optional(),
  });
  return z
    .strictObject({
      byIndustry: z.record(z.string(), z.string()),
      rows: z
        .array(z.strictObject({ id: z.string().min(1), label: z.string(), codes: z.array(z.string()), smeBelow: limits, mediumFrom: limits, smallFrom: limits }))
        .min(1),
      unsized: z.array(z.strictObject({ codes: z.array(z.string().min(1)).min(1), label: z.string().min(1), standard: z.string().min(1) })).optional(),
    })
    .superRefine((t, ctx) => {
      const ids = new Set(t.rows.map((r) => r.id));
      for (const [industry, id] of Object.entries(t.byIndustry)) {
        if (!ids.has(id)) ctx.addIssue({ code: 'custom', path: ['byIndustry', industry], message: `no row with id "${id}"` });
      }
    });
}

/** The table's shape, checked when the rules load (built then, not at import): the engine reads it without further checks. */
export const sizeTableSchema = builtOnce(buildSizeTableSchema);

/** The industry the table leaves out that the code falls in, if any (longest prefix as for rows). */
export function unsizedIndustry(table: SizeTable, code: string | undefined): UnsizedIndustry | undefined {
  if (!code) return undefined;
  return table.unsized?.find((u) => u.codes.some((prefix) => code.startsWith(prefix)));
}

/**
 * The fiscal year whose figures size an enterprise at its opening: the registration year where the
 * profile has it, else the first year of the window [registration, registration + years) it has.
 */
export function openingYear(registrationDate: string, windowUntil: string, years: readonly string[]): number | undefined {
  const first = Number(registrationDate.slice(0, 4));
  // The window's last day is the day before `windowUntil`; a window ending on 1 January stops the year before.
  const last = Number(windowUntil.slice(0, 4)) - (windowUntil.slice(5) === '01-01' ? 1 : 0);
  for (let y = first; y <= last; y++) if (years.includes(String(y))) return y;
  return undefined;
}

export function pickRow(table: SizeTable, code: string | undefined, industry: string | undefined): SizeRow | undefined {
  if (code) {
    let best: SizeRow | undefined;
    let bestLength = -1;
    for (const row of table.rows) {
      for (const prefix of row.codes) {
        if (code.startsWith(prefix) && prefix.length > bestLength) {
          best = row;
          bestLength = prefix.length;
        }
      }
    }
    return best ?? table.rows.find((r) => r.id === 'other');
  }
  const id = industry ? table.byIndustry[industry] : undefined;
  return id ? table.rows.find((r) => r.id === id) : undefined;
}

export type SizeFacts = Partial<Record<Measure, Dec | number>>;

export interface SizeResult {
  size?: 'large' | 'medium' | 'small' | 'micro';
  /** Facts that would decide the size when it could not be decided. */
  missing: Measure[];
}

const TEN_THOUSAND = 10_000;

/** Each limit as the decimal it is compared with, made once per table row rather than per comparison. */
const thresholdsOf = new WeakMap<Limits, [Measure, Dec][]>();

function thresholds(limits: Limits): [Measure, Dec][] {
  let t = thresholdsOf.get(limits);
  if (!t) {
    t = (Object.keys(limits) as Measure[]).map((m) => [m, new Dec(m === 'employees' ? limits[m]! : limits[m]! * TEN_THOUSAND)]);
    thresholdsOf.set(limits, t);
  }
  return t;
}

function meets(limits: Limits, facts: SizeFacts, atLeast: boolean): Truth[] {
  return thresholds(limits).map(([m, threshold]) => {
    const v = facts[m];
    if (v === undefined) return new Unknown([m]);
    const ge = compareDec(typeof v === 'number' ? new Dec(v) : v, threshold) >= 0;
    return atLeast ? ge : !ge;
  });
}

/** Large unless below a ceiling; then medium or small when all lower limits are met; else micro. */
export function classify(row: SizeRow, facts: SizeFacts): SizeResult {
  const measures = new Set<Measure>([
    ...(Object.keys(row.smeBelow) as Measure[]), ...(Object.keys(row.mediumFrom) as Measure[]),
    ...(Object.keys(row.smallFrom) as Measure[]),
  ]);
  const missing = [...measures].filter((m) => facts[m] === undefined);
  const large = and(meets(row.smeBelow, facts, true));
  if (large === true) return { size: 'large', missing: [] };
  if (large instanceof Unknown) return { missing };
  const medium = and(meets(row.mediumFrom, facts, true));
  if (medium === true) return { size: 'medium', missing: [] };
  if (medium instanceof Unknown) return { missing };
  const small = and(meets(row.smallFrom, facts, true));
  if (small === true) return { size: 'small', missing: [] };
  if (small instanceof Unknown) return { missing };
  return { size: 'micro', missing: [] };
}
