import { describe, expect, it } from 'vitest';
import { AREAS, CATALOGUE, COLLECTIONS } from './catalogue.js';
import {
  profileSchemas, ACTIVITIES, ESTABLISHMENTS, FACILITIES, HQ_TYPES, INDUSTRIES, LAND_ACQUISITIONS, LAND_USES, MANUFACTURING_SECTORS,
  OWNERSHIPS, SIZES, TAX_KINDS, UTILITY_KINDS, UTILITY_PURPOSES,
} from '../../profile/profile-schema.js';
import { FUNCTIONAL_REGIONS } from '../../profile/districts.js';
import type { TextPair } from '../../rules/rule-schema.js';

/** Every pair of texts an entry declares, with where it is. */
function pairs(): [string, TextPair][] {
  return Object.entries(CATALOGUE).flatMap(([k, f]) => [
    ...(['label', 'question', 'about', 'unit'] as const).flatMap((p): [string, TextPair][] => (f[p] ? [[`${k}.${p}`, f[p]]] : [])),
    ...Object.entries(f.values ?? {}).map(([v, w]): [string, TextPair] => [`${k}.values.${v}`, w]),
    ...Object.entries(f.each ?? {}).flatMap(([p, w]): [string, TextPair][] => (typeof w === 'object' && w && 'zh' in w ? [[`${k}.each.${p}`, w as TextPair]] : [])),
  ]);
}

describe('the fact catalogue', () => {
  it('declares each fact in one area only', () => {
    const seen = new Map<string, string[]>();
    for (const [area, entries] of Object.entries(AREAS)) for (const k of Object.keys(entries)) seen.set(k, [...(seen.get(k) ?? []), area]);
    expect([...seen].filter(([, areas]) => areas.length > 1)).toEqual([]);
    expect(Object.keys(CATALOGUE)).toHaveLength(seen.size);
  });

  it('says everything in both languages', () => {
    const all = pairs();
    expect(all.length).toBeGreaterThan(300);
    expect(all.filter(([, p]) => !p.zh.trim() || !p.en.trim()).map(([where]) => where)).toEqual([]);
  });

  it('has words for exactly the values the profile schema allows', () => {
    const enums: Record<string, readonly string[]> = {
      industry: INDUSTRIES, ownership: OWNERSHIPS, establishment: ESTABLISHMENTS, size: SIZES, sizeAtOpening: SIZES,
      'headquarters.type': HQ_TYPES, facilities: FACILITIES, 'land.use': LAND_USES, 'land.acquisition': LAND_ACQUISITIONS,
      'utilities.kind': UTILITY_KINDS, 'utilities.purpose': UTILITY_PURPOSES, manufacturingSector: MANUFACTURING_SECTORS,
      'taxPayments.tax': TAX_KINDS, region: FUNCTIONAL_REGIONS, functionalRegion: FUNCTIONAL_REGIONS,
    };
    for (const [k, values] of Object.entries(enums)) expect(Object.keys(CATALOGUE[k]?.values ?? {}).sort(), k).toEqual([...values].sort());
    expect(Object.keys(CATALOGUE).filter((k) => CATALOGUE[k]!.values && !Object.hasOwn(enums, k))).toEqual([]);
  });

  it('words, asks and describes every activity', () => {
    const incomplete = ACTIVITIES.filter((a) => {
      const f = CATALOGUE[`activities.${a}`];
      return !f?.label || !f.question || !f.about;
    });
    expect(incomplete).toEqual([]);
  });

  it('asks about a year with {y} and about an item with {item}, and about nothing else with a placeholder', () => {
    const wrong = Object.entries(CATALOGUE).filter(([k, f]) => {
      if (!f.question) return false;
      const want = k.startsWith('year.') ? '{y}' : COLLECTIONS.some((c) => k.startsWith(`${c}.`)) ? '{item}' : undefined;
      const said = [f.question.zh, f.question.en].map((q) => q.match(/\{\w+\}/g) ?? []);
      return said.some((s) => (want ? s.length !== 1 || s[0] !== want : s.length > 0));
    });
    expect(wrong.map(([k]) => k)).toEqual([]);
    expect(COLLECTIONS).toEqual(['land', 'utilities', 'taxPayments']);
  });

  it('reads only fields the profile schema has, and words every value it reads', () => {
    const s = profileSchemas();
    const shapes: Record<string, object> = {
      '': s.profile.shape, year: s.fiscalYear.shape, land: s.parcel.shape, utilities: s.utility.shape, taxPayments: s.taxPayment.shape,
    };
    const read = Object.entries(CATALOGUE).filter(([, e]) => e.read);
    expect(read.length).toBeGreaterThan(35);
    const strays = read.filter(([k]) => {
      const dot = k.indexOf('.');
      const [scope, field] = dot < 0 ? ['', k] : [k.slice(0, dot), k.slice(dot + 1).split('.')[0]!];
      return !Object.hasOwn(shapes, scope) || !Object.hasOwn(shapes[scope]!, field);
    });
    expect(strays.map(([k]) => k)).toEqual([]);
    for (const [k, e] of read) if (e.read!.values) expect(Object.keys(e.values ?? {}).sort(), k).toEqual([...e.read!.values].sort());
  });
});
