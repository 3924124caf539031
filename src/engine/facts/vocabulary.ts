import type { TextPair } from '../rules/rule-schema.js';
import { own } from '../support/own.js';
import { factEntry, STATUS_WORDS } from './catalogue/catalogue.js';
import type { Words } from './catalogue/fact-entry.js';

/**
 * The words for facts and their values, in both languages, as a tax adviser says them: a view of
 * the catalogue (catalogue/), where each fact's words are declared beside its question and its
 * schema text. The engine words its own messages (assumptions, notes) with these, and every
 * renderer prints them instead of paths and codes.
 */

/**
 * The key of a fact or profile path in the catalogue: `utilities[0].kind` -> `utilities.kind`,
 * `fiscalYears.2018.revenue` -> `year.revenue`, `item.kind` inside utilities -> `utilities.kind`.
 */
export function vocabularyKey(fact: string, collection?: string): string {
  if (fact.startsWith('item.') && collection) return `${collection}.${fact.slice(5)}`;
  const year = /^fiscalYears\.\d{4}\.(\w+)$/.exec(fact);
  if (year) return `year.${year[1]}`;
  return fact.replace(/\[\d+\]/g, '');
}

/** A fact as a noun phrase, or undefined where the catalogue does not know it. */
export function factWords(fact: string, collection?: string): TextPair | undefined {
  const key = vocabularyKey(fact, collection);
  const policy = /^policies\.(P(\d{2}))\.(eligible|status)$/.exec(key);
  if (policy) {
    const n = Number(policy[2]);
    return { zh: `第${n}条政策（${policy[1]}）是否适用`, en: `whether article ${n} (${policy[1]}) applies` };
  }
  return factEntry(key)?.label;
}

/** An enum value in words, or undefined where the catalogue does not know it. */
export function valueWords(fact: string, value: string, collection?: string): TextPair | undefined {
  const key = vocabularyKey(fact, collection);
  if (/^policies\.P\d{2}\.status$/.test(key)) return own(STATUS_WORDS, value);
  return own(enumWords(key), value);
}

/** Every enum and its value words, for renderers that list the choices (the interview, the schema). */
export function enumWords(key: string): Words | undefined {
  return factEntry(key)?.values;
}
