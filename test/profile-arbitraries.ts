import fc from 'fast-check';
import { creditCodeCheckCharacter } from '../src/engine/index.js';
import { DISTRICT_ALIASES, DISTRICTS, FUNCTIONAL_REGIONS } from '../src/engine/index.js';
import {
  ACTIVITIES, ESTABLISHMENTS, FACILITIES, HQ_TYPES, INDUSTRIES, LAND_ACQUISITIONS, LAND_USES, MANUFACTURING_SECTORS,
  OWNERSHIPS, SIZES, TAX_KINDS, UTILITY_KINDS,
} from '../src/engine/index.js';

/**
 * fast-check arbitraries for valid profiles: every field of contract.md section 1, each key
 * absent or present, headquarters null, empty arrays, money as strings or as JSON numbers with
 * up to 4 decimals, dates in 2015-2024. Values lean towards what makes policies eligible (a
 * Chongqing SESI enterprise registered in P10's window), so that properties about eligible
 * policies are not vacuous; the rest of the space is still drawn.
 *
 * A profile is generated as a tree whose money leaves may be `RawNumber`s: the serializer writes
 * them as JSON numbers exactly as given (e.g. `1234.5600`), which JSON.stringify cannot do.
 */
export class RawNumber {
  constructor(readonly text: string) {}
}
export type Tree = string | number | boolean | null | RawNumber | Tree[] | { [k: string]: Tree };

export const FIRST_YEAR = 2015;
export const LAST_YEAR = 2024;

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
function dateFromDay(day: number): string {
  const d = new Date(Date.UTC(FIRST_YEAR, 0, 1) + day * 86_400_000);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}
const DAYS = Math.round((Date.UTC(LAST_YEAR + 1, 0, 1) - Date.UTC(FIRST_YEAR, 0, 1)) / 86_400_000);
/** A calendar date from `from` (inclusive) to `until` (exclusive), as YYYY-MM-DD. */
export function dateBetween(from = `${FIRST_YEAR}-01-01`, until = `${LAST_YEAR + 1}-01-01`): fc.Arbitrary<string> {
  const day = (s: string) => Math.round((Date.UTC(+s.slice(0, 4), +s.slice(5, 7) - 1, +s.slice(8, 10)) - Date.UTC(FIRST_YEAR, 0, 1)) / 86_400_000);
  return fc.integer({ min: day(from), max: Math.min(day(until), DAYS) - 1 }).map(dateFromDay);
}
export const anyDate = dateBetween();

/** Decimal text with up to 4 decimals, as a JSON string or a JSON number. */
export function money(maxInteger: number, opts: { negative?: boolean } = {}): fc.Arbitrary<Tree> {
  return fc
    .record({
      int: fc.oneof({ arbitrary: fc.integer({ min: 0, max: maxInteger }), weight: 5 }, { arbitrary: fc.constantFrom(0, 1, maxInteger), weight: 1 }),
      decimals: fc.integer({ min: 0, max: 4 }),
      frac: fc.integer({ min: 0, max: 9999 }),
      negative: opts.negative ? fc.boolean() : fc.constant(false),
      asNumber: fc.boolean(),
    })
    .map(({ int, decimals, frac, negative, asNumber }) => {
      const fraction = decimals ? `.${pad(frac, 4).slice(0, decimals)}` : '';
      const text = `${negative && (int > 0 || frac > 0) ? '-' : ''}${int}${fraction}`;
      return asNumber ? new RawNumber(text) : text;
    });
}

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const codeChar = fc.constantFrom(...ALPHABET.split(''));
export const creditCode: fc.Arbitrary<string> = fc
  .record({
    head: fc.constantFrom('91', '92', '93', '11', '12', '51', '52', 'Y1'),
    division: fc.oneof(
      { arbitrary: fc.constantFrom('500112', '500103', '500107', '500240', '500101'), weight: 4 },
      { arbitrary: fc.constantFrom('510107', '110105', '330203'), weight: 1 },
    ),
    body: fc.array(codeChar, { minLength: 9, maxLength: 9 }),
  })
  .map(({ head, division, body }) => {
    const first17 = `${head}${division}${body.join('')}`;
    return first17 + creditCodeCheckCharacter(first17)!;
  });

export const district = fc.oneof(
  { arbitrary: fc.constantFrom(...Object.keys(DISTRICTS)), weight: 8 },
  { arbitrary: fc.constantFrom(...Object.keys(DISTRICT_ALIASES)), weight: 1 },
  { arbitrary: fc.constantFrom('四川省成都市武侯区', '北京市朝阳区', '浙江省宁波市江北区', '贵州省贵阳市南明区'), weight: 1 },
);

const industryCode = fc.oneof(
  fc.constantFrom('I6510', 'I6540', 'I64', 'L7244', 'L72', 'H6110', 'K7010', 'C3670', 'C16', 'F5191', 'G5430', 'G59', 'R9011', 'M7320', 'J66', 'E47'),
  fc.tuple(fc.constantFrom(...'ABCDEFGHIJKLMNOPQRST'.split('')), fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 2, max: 4 })).map(
    ([letter, n, digits]) => `${letter}${pad(n, 4).slice(0, digits)}`,
  ),
);

const enumOf = <T extends string>(values: readonly T[]) => fc.constantFrom(...values);
const optionalKeys = <T>(model: { [K in keyof T]: fc.Arbitrary<T[K]> }) => fc.record(model, { requiredKeys: [] });

export const fiscalYear = optionalKeys<Record<string, Tree>>({
  revenue: money(50_000_000),
  mainBusinessRevenue: money(50_000_000),
  totalAssets: money(200_000_000),
  taxableIncome: money(10_000_000, { negative: true }),
  rdExpensed: money(3_000_000),
  rdIntangibleAmortization: money(500_000),
});

const years = fc.uniqueArray(fc.integer({ min: FIRST_YEAR, max: LAST_YEAR }), { maxLength: 4 });
export const fiscalYears = years.chain((ys) =>
  fc.tuple(...ys.map(() => fiscalYear)).map((fys) => Object.fromEntries(ys.map((y, i) => [String(y), fys[i]!])) as Tree),
);

export const taxPayment = fc.record({
  date: fc.oneof(dateBetween('2016-11-01', '2020-01-01'), anyDate),
  tax: enumOf(TAX_KINDS),
  amount: money(200_000),
});

export const parcel = optionalKeys<Record<string, Tree>>({
  id: fc.constantFrom('A-1', 'B-07', '地块3'),
  use: enumOf(LAND_USES),
  areaSqm: money(100_000),
  basePricePerSqm: money(20_000),
  acquisition: enumOf(LAND_ACQUISITIONS),
  inRecognizedCluster: fc.boolean(),
  leaseYears: fc.integer({ min: 1, max: 70 }),
  filedOn: anyDate,
});

function withoutId(p: Record<string, Tree | undefined>): Record<string, Tree | undefined> {
  const { id: _id, ...rest } = p;
  return rest;
}

export const utility = fc.record(
  {
    kind: enumOf(UTILITY_KINDS),
    quantity: money(2_000_000),
    unit: fc.constantFrom('kWh', 'm3', 'Nm3'),
    currentPrice: money(10),
    purpose: fc.constantFrom('bathing', 'heating', 'operations'),
    referencePrices: optionalKeys<Record<string, Tree>>({ industrial: money(10), residential: money(10), publicMedical: money(10) }),
  },
  { requiredKeys: ['kind'] },
);

export const activities = optionalKeys<Record<string, Tree>>(Object.fromEntries(ACTIVITIES.map((a) => [a, fc.boolean()])));

export const headquarters = fc.oneof(
  fc.constant(null),
  fc.record({ type: enumOf(HQ_TYPES), recognized: fc.boolean() }, { requiredKeys: ['type'] }),
);

const often = <T>(a: fc.Arbitrary<T>, preferred: fc.Arbitrary<T>) => fc.oneof({ arbitrary: preferred, weight: 3 }, { arbitrary: a, weight: 1 });

/** A valid profile as a tree, every key but name and registrationDate possibly absent. */
export const profileTree: fc.Arbitrary<{ [k: string]: Tree }> = fc.record(
  {
    $schema: fc.constant('../schema/profile.schema.json'),
    name: fc.oneof(fc.string({ minLength: 1, maxLength: 12 }), fc.constantFrom('重庆云数智联科技有限公司', 'Chongqing "Quoted" Ltd.', '渝\\中\n测试')),
    creditCode,
    registrationDate: often(anyDate, dateBetween('2016-11-02', '2018-01-01')),
    district,
    functionalRegion: enumOf(FUNCTIONAL_REGIONS),
    industry: often(enumOf(INDUSTRIES), enumOf(INDUSTRIES.filter((i) => i !== 'other'))),
    nationalIndustryCode: industryCode,
    ownership: enumOf(OWNERSHIPS),
    establishment: often(enumOf(ESTABLISHMENTS), fc.constant('new' as const)),
    size: enumOf(SIZES),
    employees: fc.oneof(fc.integer({ min: 0, max: 400 }), fc.integer({ min: 0, max: 5000 })),
    technologySme: fc.boolean(),
    highTechEnterprise: fc.boolean(),
    encouragedCatalog: often(fc.boolean(), fc.constant(true)),
    headquarters,
    fiscalYears,
    taxPayments: fc.array(taxPayment, { maxLength: 6 }),
    // Parcel ids are unique in a valid profile: a repeated one is given to no later parcel.
    land: fc.array(parcel, { maxLength: 3 }).map((ps) => ps.map((p, i) => (ps.slice(0, i).some((q) => q.id !== undefined && q.id === p.id) ? withoutId(p) : p))),
    facilities: fc.array(enumOf(FACILITIES), { maxLength: 3 }),
    utilities: fc.array(utility, { maxLength: 3 }),
    activities,
    manufacturingSector: enumOf(MANUFACTURING_SECTORS),
  },
  { requiredKeys: ['name', 'registrationDate'] },
) as fc.Arbitrary<{ [k: string]: Tree }>;

/**
 * Serializes a tree as JSON text. `order` permutes the keys of every object (the same data in
 * another key order); arrays keep their order, which is data.
 */
export function toJson(t: Tree, order: (keys: string[]) => string[] = (k) => k, indent = ''): string {
  if (t instanceof RawNumber) return t.text;
  if (t === null || typeof t !== 'object') return JSON.stringify(t);
  const inner = `${indent}  `;
  if (Array.isArray(t)) return t.length ? `[\n${t.map((v) => inner + toJson(v, order, inner)).join(',\n')}\n${indent}]` : '[]';
  const keys = order(Object.keys(t));
  return keys.length ? `{\n${keys.map((k) => `${inner}${JSON.stringify(k)}: ${toJson(t[k]!, order, inner)}`).join(',\n')}\n${indent}}` : '{}';
}

/** A deterministic key shuffle from a seed (a small LCG: reproducible from the fast-check seed). */
export function shuffler(seed: number): (keys: string[]) => string[] {
  let s = seed >>> 0 || 1;
  return (keys) => {
    const out = [...keys];
    for (let i = out.length - 1; i > 0; i--) {
      s = (Math.imul(s, 1_664_525) + 1_013_904_223) >>> 0;
      const j = s % (i + 1);
      [out[i], out[j]] = [out[j]!, out[i]!];
    }
    return out;
  };
}

export type KeyPath = (string | number)[];

/** Path text as the engine prints it: `fiscalYears.2017.revenue`, `land[0].use`. */
export function pathText(p: KeyPath): string {
  return p.reduce<string>((s, k) => (typeof k === 'number' ? `${s}[${k}]` : s ? `${s}.${k}` : k), '');
}

/** Keys whose value is a required part of their parent: deleting them would make the profile invalid. */
function required(path: KeyPath): boolean {
  const t = pathText(path);
  return t === 'name' || t === 'registrationDate' || t === 'headquarters.type' || /^utilities\[\d+\]\.kind$/.test(t) || /^taxPayments\[\d+\]\.\w+$/.test(t);
}

/** Every key of a profile that can be deleted with the profile staying valid. */
export function deletableKeys(tree: Tree, prefix: KeyPath = []): KeyPath[] {
  if (tree === null || typeof tree !== 'object' || tree instanceof RawNumber) return [];
  const out: KeyPath[] = [];
  const entries: [string | number, Tree][] = Array.isArray(tree) ? tree.map((v, i) => [i, v]) : Object.entries(tree);
  for (const [k, v] of entries) {
    const p = [...prefix, k];
    // An array item is not a key: removing it changes a fact (a sum, a list), it does not remove one.
    if (typeof k === 'string' && !required(p)) out.push(p);
    out.push(...deletableKeys(v, p));
  }
  return out;
}

function clone(t: Tree): Tree {
  if (t === null || typeof t !== 'object' || t instanceof RawNumber) return t;
  if (Array.isArray(t)) return t.map(clone);
  return Object.fromEntries(Object.entries(t).map(([k, v]) => [k, clone(v)]));
}

/** A deep copy without the key at `path`. */
export function withoutKey(tree: { [k: string]: Tree }, path: KeyPath): { [k: string]: Tree } {
  return withoutKeys(tree, [path]);
}

/** A copy without each of `paths`, deleted in the order given (children before their parents): one copy, not one per key. */
export function withoutKeys(tree: { [k: string]: Tree }, paths: KeyPath[]): { [k: string]: Tree } {
  const copy = clone(tree) as { [k: string]: Tree };
  for (const path of paths) {
    let node: Tree = copy;
    for (const k of path.slice(0, -1)) node = (node as Record<string | number, Tree>)[k]!;
    delete (node as Record<string, Tree>)[path.at(-1) as string];
  }
  return copy;
}
