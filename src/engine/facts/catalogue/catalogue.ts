import type { TextPair } from '../../rules/rule-schema.js';
import type { Status } from '../../evaluate/result.js';
import { own } from '../../support/own.js';
import type { Catalogue, FactEntry } from './fact-entry.js';
import { ACTIVITIES } from './activities.js';
import { ENTERPRISE } from './enterprise.js';
import { FISCAL_YEARS } from './fiscal-years.js';
import { LAND } from './land.js';
import { TAX_PAYMENTS } from './tax-payments.js';
import { UTILITIES } from './utilities.js';

/** The areas, each declaring its own facts; a key is declared in one area only (catalogue.test.ts). */
export const AREAS: Readonly<Record<string, Catalogue>> = {
  ENTERPRISE, FISCAL_YEARS, LAND, UTILITIES, TAX_PAYMENTS, ACTIVITIES,
};

export const CATALOGUE: Catalogue = Object.assign({}, ...Object.values(AREAS)) as Catalogue;

/** What is declared about a fact (keyed as `vocabularyKey` gives it), or undefined. */
export function factEntry(key: string): FactEntry | undefined {
  return own(CATALOGUE, key);
}

/** The lists whose items people count ("land parcel 2"): the facts that declare how an item is named. */
export const COLLECTIONS: readonly string[] = Object.keys(CATALOGUE).filter((k) => CATALOGUE[k]!.each?.name);

/** A policy's status as the value of a fact (`policies.P10.status`): the words every output builds on. */
export const STATUS_WORDS: Readonly<Record<Status, TextPair>> = {
  eligible: { zh: '符合', en: 'eligible' },
  ineligible: { zh: '不符合', en: 'ineligible' },
  'needs-info': { zh: '需补充信息', en: 'needs information' },
};
