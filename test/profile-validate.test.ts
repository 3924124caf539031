import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Dec } from '../src/engine/index.js';
import { readJson } from '../src/engine/index.js';
import {
  profileSchemas,
  ACTIVITIES, FACILITIES, HQ_TYPES, INDUSTRIES, LAND_USES, TAX_KINDS, UTILITY_KINDS,
} from '../src/engine/index.js';
import {
  FISCAL_YEAR_KEYS, HEADQUARTERS_KEYS, PARCEL_KEYS, PROFILE_KEYS, quickProfile, REFERENCE_PRICE_KEYS, TAX_PAYMENT_KEYS, UTILITY_KEYS,
} from '../src/engine/index.js';
import { FORBIDDEN_KEYS } from '../src/engine/profile/json-reader.js';
import { creditCode, profileTree, RawNumber, toJson, type KeyPath, type Tree } from './profile-arbitraries.js';

const {
  activities: activitiesSchema, fiscalYear: fiscalYearSchema, headquarters: headquartersSchema, parcel: parcelSchema,
  profile: profileSchema, taxPayment: taxPaymentSchema, utility: utilitySchema,
} = profileSchemas();

/**
 * The plain validator of the hot path against the zod schema it stands in for: the same verdict
 * on every profile, valid or not, and on the valid ones the same output, key order and exact
 * decimals included. The values go through the strict JSON reader first, as in a real run, so
 * numbers arrive as numbers or ExactNumbers.
 */

/** Every value as text, objects with their keys in order, decimals marked as such. */
function canonical(v: unknown): string {
  if (v instanceof Dec) return `Dec(${v.toString()})`;
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v !== null && typeof v === 'object') return `{${Object.entries(v).map(([k, x]) => `${JSON.stringify(k)}:${canonical(x)}`).join(',')}}`;
  return JSON.stringify(v) ?? 'undefined';
}

function verdicts(tree: Tree): { zod: string | undefined; quick: string | undefined } {
  const value = readJson(toJson(tree));
  const z = profileSchema.safeParse(value);
  const q = quickProfile(value);
  return { zod: z.success ? canonical(z.data) : undefined, quick: q === undefined ? undefined : canonical(q) };
}

/** Values that sit on the edges of what the schema takes, from every field's point of view. */
const EDGE: Tree[] = [
  null, true, false, 0, 1, -1, 70, 71, 0.5, 1e21, Number.MAX_SAFE_INTEGER, 9007199254740992,
  new RawNumber('1e2'), new RawNumber('1.0'), new RawNumber('-0'), new RawNumber('12345678901234567890'), new RawNumber('0.1234567890123456789012345678901'),
  '', ' ', 'x', '0', '-0', '-5.00', '12.5', ' 12.5', '1,000', '1e3', '.5', '5.', '0012', '1234567890123456789', '2017-02-30', '2017-02-28',
  '2016-2-1', '1899-12-31', '2201-01-01', '2017', '1899', 'I6510', 'U12', 'I65100', '渝中区', '成都市武侯区', '火星区', '91500112MA5U7K3X23',
  '91500112MA5U7K3X24', 'core', 'nowhere', 'other', 'large', 'new', 'state', 'enterprise-hq', 'commercial', 'transfer', 'hot-spring',
  'electricity', 'cit', 'vat', 'automotive', [], [1], ['hot-spring'], {}, { a: 1 }, { type: 'rd-hq' },
  ...INDUSTRIES.slice(0, 2), ...LAND_USES.slice(0, 2), ...FACILITIES.slice(0, 2), ...HQ_TYPES.slice(0, 2), ...TAX_KINDS, ...UTILITY_KINDS,
];
/** Per key, the values on either side of its own limits. */
const MONEY_EDGES: Tree[] = ['0', '-0', '-0.01', '0.01', '1e3', new RawNumber('1e3'), new RawNumber('-1'), new RawNumber('1.50'), 1.5, '123456789012345678', '1234567890123456789', `1.${'1'.repeat(30)}`, `1.${'1'.repeat(31)}`, ' 1', '+1', '1.', ''];
const KEY_EDGES: Record<string, Tree[]> = {
  leaseYears: [0, 1, 70, 71, 1.5, new RawNumber('1e1'), new RawNumber('7e1'), '10', -1],
  employees: [-1, 0, 1, Number.MAX_SAFE_INTEGER, 9007199254740992, 1.5, new RawNumber('1e2'), new RawNumber('10.0'), '10'],
  name: ['', ' ', 'a', 0, null],
  id: ['', 'a', 0, 'A-1', 'B-07'],
  purpose: ['bathing', 'bath', '洗浴', 'office', '', 'heating'],
  registrationDate: ['2017-02-29', '2016-02-29', '1900-01-01', '1899-12-31', '2200-12-31', '2201-01-01', '2017-13-01', '2017-00-10', '2017-01-00', '2017-1-01', ' 2017-01-01'],
  nationalIndustryCode: ['A', 'T', 'U', 'A1', 'A12', 'A1234', 'A12345', 'a12', 'I6510 '],
  creditCode: ['91500112MA5U7K3X2', '91500112MA5U7K3X233', '91500112MA5U7K3XI3', '91500112MA5U7K3X24', '9150011AMA5U7K3X23'],
  taxableIncome: [...MONEY_EDGES, '-1', new RawNumber('-1.5'), '-0.001'],
  headquarters: [null, {}, { type: 'rd-hq', recognized: 'yes' }, { type: 'rd-hq', extra: 1 }, { recognized: true }, []],
  fiscalYears: [{}, { 1899: {} }, { 1900: {} }, { 2199: {} }, { 2200: {} }, { '02017': {} }, { 2017: [] }, { 2017: null }, []],
  referencePrices: [{}, { industrial: '1' }, { gas: '1' }, null, []],
};
for (const k of ['revenue', 'mainBusinessRevenue', 'totalAssets', 'rdExpensed', 'rdIntangibleAmortization', 'rdExpensedQ4', 'rdIntangibleAmortizationQ4', 'areaSqm', 'basePricePerSqm', 'quantity', 'currentPrice', 'amount', 'industrial', 'residential', 'publicMedical']) KEY_EDGES[k] = MONEY_EDGES;
for (const k of ['filedOn', 'date']) KEY_EDGES[k] = KEY_EDGES.registrationDate!;

const EXTRA_KEYS = ['foo', 'Name', '2017', '1899', '2200', 'revenue', 'type', 'kind', 'industrial', 'recognized', 'date', ...ACTIVITIES.slice(0, 3), 'constructor2'];

/** Every place in a tree: each object (where a key can be added) and each value (which can be replaced or dropped). */
function places(t: Tree, at: KeyPath = [], out: { objects: KeyPath[]; values: KeyPath[] } = { objects: [], values: [] }) {
  if (t === null || typeof t !== 'object' || t instanceof RawNumber) return out;
  if (!Array.isArray(t)) out.objects.push(at);
  const entries: [string | number, Tree][] = Array.isArray(t) ? t.map((v, i) => [i, v]) : Object.entries(t);
  for (const [k, v] of entries) {
    out.values.push([...at, k]);
    places(v, [...at, k], out);
  }
  return out;
}

function clone(t: Tree): Tree {
  if (t === null || typeof t !== 'object' || t instanceof RawNumber) return t;
  if (Array.isArray(t)) return t.map(clone);
  return Object.fromEntries(Object.entries(t).map(([k, v]) => [k, clone(v)]));
}

type Mutation = { kind: 'replace' | 'drop' | 'add'; pick: number; value: Tree; key: string; ownEdge: number | undefined };

function mutate(tree: Tree, ms: Mutation[]): Tree {
  let t = clone(tree);
  for (const m of ms) {
    const p = places(t);
    if (m.kind === 'add') {
      const at = p.objects[m.pick % p.objects.length]!;
      let node = t as Record<string | number, Tree>;
      for (const k of at) node = node[k] as Record<string | number, Tree>;
      if (!Object.hasOwn(node, m.key)) node[m.key] = m.value;
      continue;
    }
    // A replacement by a key's own edge values goes to a key that has some.
    const edged = m.ownEdge === undefined ? [] : p.values.filter((v) => typeof v.at(-1) === 'string' && Object.hasOwn(KEY_EDGES, v.at(-1) as string));
    const candidates = m.kind === 'replace' && edged.length ? edged : p.values;
    if (!candidates.length) continue;
    const path = candidates[m.pick % candidates.length]!;
    let node = t as Record<string | number, Tree>;
    for (const k of path.slice(0, -1)) node = node[k] as Record<string | number, Tree>;
    const last = path.at(-1)!;
    const own = typeof last === 'string' ? KEY_EDGES[last] : undefined;
    if (m.kind === 'replace') node[last] = own && m.ownEdge !== undefined ? own[m.ownEdge % own.length]! : m.value;
    else if (Array.isArray(node)) node.splice(last as number, 1);
    else delete node[last];
    if (path.length === 0) t = m.value;
  }
  return t;
}

/** Whether a key the strict reader refuses stands anywhere in the value: such text never reaches a validator. */
function holdsForbiddenKey(v: unknown): boolean {
  if (Array.isArray(v)) return v.some(holdsForbiddenKey);
  if (v === null || typeof v !== 'object') return false;
  return Object.entries(v).some(([k, x]) => FORBIDDEN_KEYS.has(k) || holdsForbiddenKey(x));
}
const anyJson = fc.jsonValue({ maxDepth: 2 }).filter((v) => !holdsForbiddenKey(v)) as fc.Arbitrary<Tree>;

const mutation: fc.Arbitrary<Mutation> = fc.record({
  kind: fc.constantFrom('replace', 'replace', 'drop', 'add'),
  pick: fc.nat(),
  value: fc.oneof({ arbitrary: fc.constantFrom(...EDGE), weight: 4 }, { arbitrary: creditCode as fc.Arbitrary<Tree>, weight: 1 }, { arbitrary: anyJson, weight: 1 }),
  key: fc.constantFrom(...EXTRA_KEYS),
  ownEdge: fc.option(fc.nat(), { nil: undefined, freq: 2 }),
});

describe('the plain profile validator', () => {
  it('has the zod schema keys, in its order', () => {
    expect(PROFILE_KEYS).toEqual(Object.keys(profileSchema.shape));
    expect(FISCAL_YEAR_KEYS).toEqual(Object.keys(fiscalYearSchema.shape));
    expect(TAX_PAYMENT_KEYS).toEqual(Object.keys(taxPaymentSchema.shape));
    expect(PARCEL_KEYS).toEqual(Object.keys(parcelSchema.shape));
    expect(UTILITY_KEYS).toEqual(Object.keys(utilitySchema.shape));
    expect(HEADQUARTERS_KEYS).toEqual(Object.keys(headquartersSchema.shape));
    expect(REFERENCE_PRICE_KEYS).toEqual(Object.keys(utilitySchema.shape.referencePrices.unwrap().shape));
    expect(Object.keys(activitiesSchema.shape)).toEqual([...ACTIVITIES]);
  });

  it('accepts every valid profile, with the output zod gives', () => {
    fc.assert(
      fc.property(profileTree, (tree) => {
        const v = verdicts(tree);
        expect(v.zod).toBeDefined();
        expect(v.quick).toBe(v.zod);
      }),
      { numRuns: 1000 },
    );
  });

  it('takes and refuses what zod takes and refuses, over mutated profiles', () => {
    let refused = 0;
    fc.assert(
      fc.property(profileTree, fc.array(mutation, { minLength: 1, maxLength: 3 }), (tree, ms) => {
        const v = verdicts(mutate(tree, ms));
        if (v.zod === undefined) refused++;
        expect(v.quick).toBe(v.zod);
      }),
      { numRuns: 3000 },
    );
    // Not vacuous: most mutations break the profile, and some leave it valid.
    expect(refused).toBeGreaterThan(1500);
    expect(refused).toBeLessThan(3000);
  });

  it('refuses what is not a profile at all, as zod does', () => {
    for (const v of [null, [], 'x', 1, { name: 'A' }, { registrationDate: '2017-01-01' }]) {
      expect(quickProfile(v)).toBeUndefined();
      expect(profileSchema.safeParse(v).success).toBe(false);
    }
  });
});
