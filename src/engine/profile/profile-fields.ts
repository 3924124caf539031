import type { TextPair } from '../rules/rule-schema.js';
import { CATALOGUE, COLLECTIONS } from '../facts/catalogue/catalogue.js';
import type { FactEntry } from '../facts/catalogue/fact-entry.js';
import { builtOnce } from '../support/built-once.js';

/**
 * What each field of the profile means, in both languages: a view of the fact catalogue
 * (facts/catalogue/), the one source of the JSON Schema's descriptions (profile-json-schema.ts)
 * and of docs/profile.md (src/render/profile-doc.ts). Keys are paths as the schema nests them:
 * `fiscalYears.{year}.revenue` for any year, `land[].use` for every parcel, `facilities[]` for
 * the items of a list. Generating the schema fails when a property has no entry here, so a new
 * field cannot go undescribed.
 */
export interface FieldDoc {
  zh: string;
  en: string;
  /** The unit of a number: money is always 元. */
  unit?: TextPair;
  /** What each enum value means. */
  values?: Readonly<Record<string, TextPair>>;
  /** One typical value, as it is written in the JSON file. */
  example?: unknown;
}

/** The schema's path of a catalogue key: `year.revenue` -> `fiscalYears.{year}.revenue`, `land.use` -> `land[].use`. */
function schemaPath(key: string): string {
  if (key.startsWith('year.')) return `fiscalYears.{year}.${key.slice(5)}`;
  const list = COLLECTIONS.find((c) => key.startsWith(`${c}.`));
  return list ? `${list}[].${key.slice(list.length + 1)}` : key;
}

function doc(about: TextPair, f: Pick<FactEntry, 'unit' | 'values' | 'example'>): FieldDoc {
  return {
    zh: about.zh,
    en: about.en,
    ...(f.unit ? { unit: f.unit } : {}),
    ...(f.values ? { values: f.values } : {}),
    ...(f.example !== undefined ? { example: f.example } : {}),
  };
}

function buildFieldDocs(): Record<string, FieldDoc> {
  const out: Record<string, FieldDoc> = {};
  for (const [key, f] of Object.entries(CATALOGUE)) {
    if (!f.about) continue;
    const each = f.each?.about;
    // A list of enum values: the list says what it holds, each item what its values mean.
    out[schemaPath(key)] = doc(f.about, each ? { unit: f.unit, example: f.example } : f);
    if (each) out[`${key}[]`] = doc(each, { values: f.values, example: f.each!.example });
  }
  return out;
}

/** Every field's documentation by schema path, built on first use: evaluating never reads it. */
export const fieldDocs: () => Readonly<Record<string, FieldDoc>> = builtOnce(buildFieldDocs);

/** The hover text of a field: Chinese, then English, the unit, and what each value means. */
export function fieldDescription(d: FieldDoc): string {
  const parts = [`${d.zh}。${d.en}.`];
  if (d.unit) parts.push(`单位 Unit: ${d.unit.zh === d.unit.en ? d.unit.zh : `${d.unit.zh}, ${d.unit.en}`}.`);
  if (d.values) parts.push(`Values: ${Object.entries(d.values).map(([v, m]) => `${v} = ${m.zh} ${m.en}`).join('; ')}.`);
  return parts.join(' ');
}
