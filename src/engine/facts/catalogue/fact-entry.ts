import type { TextPair } from '../../rules/rule-schema.js';
import type { FactType } from '../scope.js';

/**
 * Everything about one fact, declared once: how a rule reads the profile field, the words for it,
 * the question that asks for it, what the field means, its unit, an example, and the words for its
 * values. The views read these declarations: the fact registry and the item fields (facts.ts,
 * item-fields.ts), the engine's vocabulary (vocabulary.ts), the JSON Schema and docs/profile.md
 * (profile-fields.ts), the questions of every renderer (src/render/questions.ts).
 *
 * A fact is keyed as rules name it, with item indices and the evaluated year left out: `industry`,
 * `land.use`, `utilities.referencePrices.industrial`, `year.revenue`, `activities.firstLoan`.
 * Adding a profile field is its zod schema (and the validator beside it) plus one entry here.
 */
export interface FactEntry {
  /**
   * How a rule reads the field as the profile gives it: its type and, for an enum, the values the
   * schema allows. A derived fact (computed from other fields) has its reader in facts.ts instead.
   */
  read?: FieldRead;
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

export interface FieldRead {
  type: FactType;
  values?: readonly string[];
  /** An item field whose absence means none (no identifier, no special purpose), not unknown. */
  absentIsNull?: boolean;
}

export type Words = Readonly<Record<string, TextPair>>;
export type Catalogue = Readonly<Record<string, FactEntry>>;

export const YUAN: TextPair = { zh: '元', en: 'yuan (元)' };
export const SQM: TextPair = { zh: '平方米', en: 'square metres (平方米)' };
export const YUAN_PER_SQM: TextPair = { zh: '元/平方米', en: 'yuan per square metre (元/平方米)' };
export const YUAN_PER_UNIT: TextPair = { zh: '元/计量单位（见 unit）', en: 'yuan per unit of the line (元 per `unit`)' };
export const YEARS: TextPair = { zh: '年', en: 'years (年)' };
