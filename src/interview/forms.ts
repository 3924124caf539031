import { profileJsonSchema } from '../engine/index.js';
import { docPath } from '../engine/index.js';
import { fieldDocs } from '../engine/index.js';
import type { TextPair } from '../engine/index.js';

/**
 * How a missing fact is asked and stored: the form of its answer, from the JSON Schema (so a new
 * enum value or field is asked the day it is added). Whole lists and years are asked as a small
 * sequence of questions (interview.ts); everything else is one answer.
 */
export type Typed = 'money' | 'signed-money' | 'date' | 'integer' | 'text';

export type Form =
  | { kind: 'choice'; values: { value: string; label: TextPair }[] }
  | { kind: 'yes-no' }
  | { kind: 'typed'; type: Typed }
  | { kind: 'headquarters' }
  | { kind: 'fiscal-year'; year?: string }
  | { kind: 'list'; collection: Collection }
  | { kind: 'facilities' };

export type Collection = 'land' | 'utilities' | 'taxPayments';

/** What is asked for a new entry of a list; what the engine needs beyond it, it names later. */
export const ENTRY_FIELDS: Readonly<Record<Collection, readonly string[]>> = {
  land: ['use', 'areaSqm', 'basePricePerSqm', 'acquisition'],
  utilities: ['kind', 'quantity', 'unit', 'currentPrice'],
  taxPayments: ['date', 'tax', 'amount'],
};

/** Fields of a fiscal year, in the order they are asked. */
export const YEAR_FIELDS = ['revenue', 'mainBusinessRevenue', 'totalAssets', 'taxableIncome', 'rdExpensed', 'rdIntangibleAmortization'] as const;

type Node = Record<string, any>;
let nodes: Map<string, Node> | undefined;

function schemaNodes(): Map<string, Node> {
  if (nodes) return nodes;
  const out = new Map<string, Node>();
  const walk = (node: Node, path: string) => {
    for (const [k, child] of Object.entries<Node>(node.properties ?? {})) {
      const p = path ? `${path}.${k}` : k;
      out.set(p, child);
      walk(child, p);
    }
    if (node.items?.enum) out.set(`${path}[]`, node.items);
    else if (node.items) walk(node.items, `${path}[]`);
    if (node.additionalProperties && typeof node.additionalProperties === 'object') walk(node.additionalProperties, `${path}.{year}`);
    for (const b of node.anyOf ?? []) walk(b, path);
  };
  walk(profileJsonSchema(), '');
  return (nodes = out);
}

/** The schema path of an engine path: `land[0].use` → `land[].use`, `fiscalYears.2017.revenue` → `fiscalYears.{year}.revenue`. */
export function schemaPath(path: string): string {
  return docPath(path);
}

/** Whether a field must be there once its object is (a payment's date, a line's kind). */
export function isRequired(path: string): boolean {
  const m = /^(.*?)(?:\[\]|\.\{year\})?\.(\w+)$/.exec(schemaPath(path));
  if (!m) return ['name', 'registrationDate'].includes(path);
  const parent = schemaNodes().get(m[1]!);
  const holder = parent?.items ?? parent?.additionalProperties ?? parent?.anyOf?.find((b: Node) => b.properties) ?? parent;
  return Array.isArray(holder?.required) && holder.required.includes(m[2]);
}

export function formFor(path: string): Form | undefined {
  if (path === 'headquarters') return { kind: 'headquarters' };
  if (path === 'fiscalYears') return { kind: 'fiscal-year' };
  const year = /^fiscalYears\.(\d{4})$/.exec(path);
  if (year) return { kind: 'fiscal-year', year: year[1] };
  if (path === 'land' || path === 'utilities' || path === 'taxPayments') return { kind: 'list', collection: path };
  if (path === 'facilities') return { kind: 'facilities' };
  const key = schemaPath(path);
  const node = schemaNodes().get(key);
  if (!node) return undefined;
  if (Array.isArray(node.enum)) {
    const doc = fieldDocs()[key]?.values ?? {};
    return { kind: 'choice', values: (node.enum as string[]).map((v) => ({ value: v, label: doc[v] ?? { zh: v, en: v } })) };
  }
  if (node.type === 'boolean') return { kind: 'yes-no' };
  if (Array.isArray(node.anyOf) && node.anyOf.some((b: Node) => b.type === 'number')) {
    const negative = node.anyOf.some((b: Node) => b.type === 'string' && String(b.pattern).startsWith('^-?'));
    return { kind: 'typed', type: negative ? 'signed-money' : 'money' };
  }
  if (node.format === 'date') return { kind: 'typed', type: 'date' };
  if (node.type === 'integer') return { kind: 'typed', type: 'integer' };
  if (node.type === 'string') return { kind: 'typed', type: 'text' };
  return undefined;
}

/**
 * A typed answer as it goes into the file: money as the decimal text typed (spaces trimmed, so
 * that it stays exact), whole numbers as JSON numbers, the rest as text. Whether it is valid is
 * for the profile validator to say (draft.ts), in the same words as `check`.
 */
export function typedValue(type: Typed, text: string): unknown {
  const s = text.trim();
  if (type === 'integer') return /^-?\d+$/.test(s) && Number.isSafeInteger(Number(s)) ? Number(s) : s;
  return s;
}
