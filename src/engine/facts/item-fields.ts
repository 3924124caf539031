import { hasOwn, own } from '../support/own.js';
import { Unknown } from '../support/unknown.js';
import { CATALOGUE, COLLECTIONS } from './catalogue/catalogue.js';
import type { FieldRead } from './catalogue/fact-entry.js';
import type { Scope } from './scope.js';

/**
 * Fields of the items of each collection, for `item.*` paths in rules: the fields the catalogue
 * says a rule reads (`land.use` is the field `use` of each parcel).
 */
export const ITEM_FIELDS: Readonly<Record<string, Readonly<Record<string, FieldRead>>>> = Object.fromEntries(
  COLLECTIONS.map((c) => [
    c,
    Object.fromEntries(
      Object.entries(CATALOGUE).flatMap(([key, e]) => (e.read && key.startsWith(`${c}.`) ? [[key.slice(c.length + 1), e.read]] : [])),
    ),
  ]),
);

/** Reads `item.<fieldPath>` of the scope's item; the path is split and its field looked up once, here. */
export function itemFieldReader(collection: string, fieldPath: string): (scope: Scope) => unknown {
  const parts = fieldPath.split('.');
  const absentIsNull = own(own(ITEM_FIELDS, collection), fieldPath)?.absentIsNull === true;
  return (scope) => {
    const item = scope.item;
    if (!item) return new Unknown([fieldPath]);
    let v: unknown = item.value;
    for (const part of parts) {
      v = v !== null && typeof v === 'object' && hasOwn(v as object, part) ? (v as Record<string, unknown>)[part] : undefined;
    }
    if (v === undefined) return absentIsNull ? null : new Unknown([`${item.path}.${fieldPath}`]);
    return v;
  };
}
