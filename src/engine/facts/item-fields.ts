import { own } from '../support/own.js';
import { Unknown } from '../support/unknown.js';
import { CATALOGUE, COLLECTIONS } from './catalogue/catalogue.js';
import type { FieldRead } from './catalogue/fact-entry.js';
import type { Scope } from './scope.js';

const has = (o: object | undefined, k: string) => o !== undefined && Object.prototype.hasOwnProperty.call(o, k);

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

export function readItemField(scope: Scope, collection: string, fieldPath: string): unknown {
  const item = scope.item;
  if (!item) return new Unknown([fieldPath]);
  let v: unknown = item.value;
  for (const part of fieldPath.split('.')) {
    v = v !== null && typeof v === 'object' && has(v as object, part) ? (v as Record<string, unknown>)[part] : undefined;
  }
  if (v === undefined) {
    return own(own(ITEM_FIELDS, collection), fieldPath)?.absentIsNull ? null : new Unknown([`${item.path}.${fieldPath}`]);
  }
  return v;
}
