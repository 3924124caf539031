import { LAND_ACQUISITIONS, LAND_USES, UTILITY_KINDS, UTILITY_PURPOSES } from '../profile/profile-schema.js';
import { own } from '../support/own.js';
import { Unknown } from '../support/unknown.js';
import type { FactType, Scope } from './scope.js';

const has = (o: object | undefined, k: string) => o !== undefined && Object.prototype.hasOwnProperty.call(o, k);

/** Fields of the items of each collection, for `item.*` paths in rules. */
export const ITEM_FIELDS: Readonly<Record<string, Readonly<Record<string, { type: FactType; values?: readonly string[]; absentIsNull?: boolean }>>>> = {
  land: {
    id: { type: 'string', absentIsNull: true },
    use: { type: 'enum', values: LAND_USES },
    areaSqm: { type: 'money' },
    basePricePerSqm: { type: 'money' },
    acquisition: { type: 'enum', values: LAND_ACQUISITIONS },
    inRecognizedCluster: { type: 'boolean' },
    leaseYears: { type: 'number' },
    filedOn: { type: 'date' },
  },
  utilities: {
    kind: { type: 'enum', values: UTILITY_KINDS },
    quantity: { type: 'money' },
    unit: { type: 'string', absentIsNull: true },
    currentPrice: { type: 'money' },
    // Purpose is only stated where it matters (bathing water); absent means no special purpose.
    purpose: { type: 'enum', values: UTILITY_PURPOSES, absentIsNull: true },
    'referencePrices.industrial': { type: 'money' },
    'referencePrices.residential': { type: 'money' },
    'referencePrices.publicMedical': { type: 'money' },
  },
  taxPayments: {
    date: { type: 'date' },
    tax: { type: 'enum', values: ['cit', 'vat'] },
    amount: { type: 'money' },
  },
};

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
