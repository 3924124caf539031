import { COLLECTIONS, factEntry } from '../engine/index.js';
import { fill, type Lang } from './i18n.js';

/**
 * Missing facts as questions a consultant can put to the client. A fact path as the engine names
 * it (`encouragedCatalog`, `fiscalYears.2017.revenue`, `land[1].leaseYears`,
 * `utilities[0].referencePrices.industrial`) becomes one plain question in each language, the one
 * declared beside the fact (src/engine/facts/catalogue/); paths the catalogue does not know get a
 * generic question that still names the fact, so nothing is ever dropped.
 */

/** "land[1]" as people count it: "land parcel 2". */
export function itemName(path: string, lang: Lang): string | undefined {
  const m = /^(\w+)\[(\d+)\]$/.exec(path);
  const name = m ? factEntry(m[1]!)?.each?.name : undefined;
  return name ? fill(name[lang], { n: Number(m![2]) + 1 }) : undefined;
}

/** `year.revenue`, `land.use`: fields asked about one year or one item, their questions templates. */
function isPerElement(key: string): boolean {
  return key.startsWith('year.') || COLLECTIONS.some((c) => key.startsWith(`${c}.`));
}

export function questionFor(fact: string, lang: Lang): string {
  const year = /^fiscalYears\.(\d{4})(?:\.(\w+))?$/.exec(fact);
  if (year) {
    const [, y, field] = year;
    const asked = field === undefined ? factEntry('fiscalYears')?.each?.question : factEntry(`year.${field}`)?.question;
    if (asked) return fill(asked[lang], { y: y! });
  }

  const item = /^(\w+)\[(\d+)\]\.([\w.]+)$/.exec(fact);
  if (item) {
    const which = itemName(`${item[1]}[${item[2]}]`, lang);
    const field = factEntry(`${item[1]}.${item[3]}`)?.question;
    if (which && field) return fill(field[lang], { item: which });
  }

  // A fact asked by its own name; a field of a year or of an item is asked only with the year or the item.
  const asked = isPerElement(fact) ? undefined : factEntry(fact)?.question;
  if (asked) return asked[lang];

  return lang === 'zh' ? `请提供“${fact}”这一信息。` : `Please provide “${fact}”.`;
}
