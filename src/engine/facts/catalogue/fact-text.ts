import type { TextPair } from '../../rules/rule-schema.js';

/**
 * Everything said about one fact, declared once beside it: the words for it, the question that
 * asks for it, what the profile field means, its unit, an example, and the words for its values.
 * The views read these declarations: the engine's vocabulary (vocabulary.ts), the JSON Schema and
 * docs/profile.md (profile-fields.ts), the questions of every renderer (src/render/questions.ts).
 *
 * A fact is keyed as rules name it, with item indices and the evaluated year left out: `industry`,
 * `land.use`, `utilities.referencePrices.industrial`, `year.revenue`, `activities.firstLoan`.
 * Adding a profile field is its zod schema plus one entry here.
 */
export interface FactText {
  /** The fact as a noun phrase, as a tax adviser says it: every output prints it instead of a path. */
  label?: TextPair;
  /**
   * The question a consultant puts to the client when the fact is missing. A field of a year says
   * `{y}` for the year, a field of a list item `{item}` for the item ("land parcel 2").
   */
  question?: TextPair;
  /** What the profile field means: the JSON Schema's description and docs/profile.md. */
  about?: TextPair;
  /** The unit of a number: money is always 元. */
  unit?: TextPair;
  /** One typical value, as it is written in the JSON file. */
  example?: unknown;
  /** What each enum value means, in the order the choices are offered. */
  values?: Words;
  /** One element of the list or the years: what it means, how it is asked for, how people count it. */
  each?: {
    about?: TextPair;
    example?: unknown;
    /** The question for one year of the figures; `{y}` is the year. */
    question?: TextPair;
    /** An item as people count it; `{n}` counts from 1 ("land parcel {n}"). */
    name?: TextPair;
  };
}

export type Words = Readonly<Record<string, TextPair>>;
export type Catalogue = Readonly<Record<string, FactText>>;

export const YUAN: TextPair = { zh: '元', en: 'yuan (元)' };
export const SQM: TextPair = { zh: '平方米', en: 'square metres (平方米)' };
export const YUAN_PER_SQM: TextPair = { zh: '元/平方米', en: 'yuan per square metre (元/平方米)' };
export const YUAN_PER_UNIT: TextPair = { zh: '元/计量单位（见 unit）', en: 'yuan per unit of the line (元 per `unit`)' };
export const YEARS: TextPair = { zh: '年', en: 'years (年)' };
