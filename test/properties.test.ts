import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { Dec } from '../src/engine/index.js';
import { namesIn, parseExpression } from '../src/engine/index.js';
import { FACTS } from '../src/engine/index.js';
import { anyoneQualifies, evaluate, isPolicyCalcError, loadRules, parseProfile, type Benefit, type ConditionNode, type EvaluationResult, type RuleSet } from '../src/engine/index.js';
import type { ConditionDef, PolicyDef, SelectDef } from '../src/engine/index.js';
import { renderJson } from '../src/render/json.js';
import {
  anyDate, deletableKeys, FIRST_YEAR, LAST_YEAR, pathText, profileTree, shuffler, toJson, withoutKey, withoutKeys, type Tree,
} from './profile-arbitraries.js';

/**
 * Properties of the engine over generated valid profiles (see test/profile-arbitraries.ts),
 * called directly (no CLI) with the shipped rules loaded once. Runs per property are below;
 * together they generate 10,000 profiles per run of the suite (PROPERTY_SCALE multiplies them).
 *
 * Three-valued logic, as tested here. Deleting a key makes the facts read from it unknown.
 * Kleene's logic is monotone: where a policy is decided (eligible or ineligible) without the
 * key, the key cannot change that decision. Some facts fall back to another source when absent
 * (district -> credit code, a declared size -> the derived one, a code -> the industry's row,
 * functionalRegion -> the district's region, absent item purpose -> none): deleting those
 * replaces a fact rather than removing it, so for them the weaker property is tested, for
 * every key: a policy that is ineligible without the key and not ineligible with it has a
 * check reading that key whose result changed (a check that now passes, or fails under `not`).
 */
const SCALE = Number(process.env.PROPERTY_SCALE ?? 1);
const RUNS = {
  evaluates: Math.round(4500 * SCALE),
  identical: Math.round(1000 * SCALE),
  threeValued: Math.round(2500 * SCALE),
  unusedFact: Math.round(2000 * SCALE),
  // Not counted in the 10,000: these are mostly not profiles.
  brokenText: Math.round(3000 * SCALE),
};

const rules: RuleSet = loadRules('rules');
const AS_OF = anyDate.map((d) => d.replace(/^\d{4}/, (y) => String(Number(y) + 1)));
const YEAR = fc.integer({ min: FIRST_YEAR, max: LAST_YEAR });

function run(tree: { [k: string]: Tree }, opts: { year?: number; asOf: string; trace?: boolean }, order?: (k: string[]) => string[]): EvaluationResult {
  return evaluate(rules, parseProfile(toJson(tree, order), 'generated.json'), opts);
}

/** A statement about generated data is only worth something if the data reach it: count them. */
const seen = new Map<string, number>();
const count = (what: string) => seen.set(what, (seen.get(what) ?? 0) + 1);

afterAll(() => console.log('property coverage:', Object.fromEntries([...seen].sort())));

describe('generated valid profiles', () => {
  it(`always evaluate; amounts are two-decimal and never negative; the total is the exact sum (${RUNS.evaluates} profiles)`, () => {
    fc.assert(
      fc.property(profileTree, fc.option(YEAR, { nil: undefined }), AS_OF, (tree, year, asOf) => {
        // Amounts and totals need no decision tree (test/explanations.test.ts checks the tree).
        const r = run(tree, { year, asOf, trace: false });
        expect(r.benefits.map((b) => b.id)).toEqual(rules.policies.map((p) => p.def.id));
        let sum = new Dec(0);
        for (const b of r.benefits) {
          count(`${b.id} ${b.status}`);
          if (b.amount !== null) {
            expect(b.amount).toMatch(/^\d+\.\d{2}$/);
            if (new Dec(b.amount).gt(0)) count(`${b.id} amount > 0`);
          }
          if (b.countedInTotal) {
            expect(b.status).toBe('eligible');
            expect(b.amount).not.toBeNull();
            sum = sum.plus(b.amount!);
          }
          // Never guess silently: a policy that cannot be decided says what it needs, or why.
          if (b.status === 'needs-info') expect(b.missing.length + b.notes.filter((n) => n.en.startsWith('The amount cannot be computed')).length).toBeGreaterThan(0);
          if (b.status === 'eligible') {
            // Only an at-least amount names what would complete it (contract section 1).
            if (b.amountBound !== 'at-least') expect(b.missing).toEqual([]);
            if (b.quantified) expect(b.amount).not.toBeNull();
          }
          for (const v of Object.values(b.figures)) expect(v).toMatch(/^-?\d+\.\d{2,}$/);
        }
        expect(r.totals.amount).toMatch(/^\d+\.\d{2}$/);
        expect(new Dec(r.totals.amount).eq(sum)).toBe(true);
        const t = r.totals;
        expect(t.eligible + t.needsInfo + t.ineligible).toBe(r.benefits.length);
      }),
      { numRuns: RUNS.evaluates },
    );
    // Every policy was reached in every status it can have with the shipped data, and most paid.
    // A policy that anyone qualifies for (P03, P04) can only be eligible, and must never be anything else.
    for (const p of rules.policies) {
      const possible = anyoneQualifies(p.def.eligibility) ? ['eligible'] : ['eligible', 'ineligible', 'needs-info'];
      for (const s of possible) expect(seen.get(`${p.def.id} ${s}`) ?? 0, `${p.def.id} ${s}`).toBeGreaterThan(0);
      if (possible.length === 1) for (const s of ['ineligible', 'needs-info']) expect(seen.get(`${p.def.id} ${s}`) ?? 0, `${p.def.id} ${s}`).toBe(0);
    }
    const paying = rules.policies.filter((p) => p.quantified && (seen.get(`${p.def.id} amount > 0`) ?? 0) > 0);
    expect(paying.length).toBe(rules.policies.filter((p) => p.quantified).length);
  });

  it(`give byte-identical JSON for the same input, again and with keys in another order (${RUNS.identical} profiles)`, () => {
    fc.assert(
      fc.property(profileTree, fc.option(YEAR, { nil: undefined }), AS_OF, fc.integer({ min: 1 }), (tree, year, asOf, seed) => {
        const text = toJson(tree);
        const profile = parseProfile(text, 'generated.json');
        const first = renderJson(evaluate(rules, profile, { year, asOf }));
        // The same parsed profile again: evaluation changes nothing it reads, keeps no state.
        expect(renderJson(evaluate(rules, profile, { year, asOf }))).toBe(first);
        const shuffled = toJson(tree, shuffler(seed));
        expect(renderJson(evaluate(rules, parseProfile(shuffled, 'generated.json'), { year, asOf }))).toBe(first);
      }),
      { numRuns: RUNS.identical },
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Which profile keys a fact reads. A fact missing here fails the test: a new fact must say what
// it reads before the properties can trust it.
const FALLBACK = [/^district$/, /^functionalRegion$/, /^size$/, /^nationalIndustryCode$/, /^land\[\d+\]\.id$/, /^utilities\[\d+\]\.(unit|purpose)$/];

function keysRead(fact: string, year: number): string[] {
  const y = `fiscalYears.${year}`;
  if (/^(land|utilities|taxPayments)\[\d+\]/.test(fact)) return [fact];
  if (fact.startsWith('activities.')) return [fact];
  if (fact === 'year.rdExpensedRaisedPeriod') return [`${y}.rdExpensed`, `${y}.rdExpensedQ4`];
  if (fact === 'year.rdAmortizationRaisedPeriod') return [`${y}.rdIntangibleAmortization`, `${y}.rdIntangibleAmortizationQ4`];
  if (fact.startsWith('year.')) return [`${y}.${fact.slice(5)}`];
  if (fact.startsWith('param.')) return [];
  const derived: Record<string, string[]> = {
    'headquarters.type': ['headquarters'],
    'headquarters.recognized': ['headquarters'],
    isSesi: ['industry'],
    inChongqing: ['district', 'creditCode'],
    region: ['district', 'functionalRegion'],
    mainBusinessShare: [`${y}.revenue`, `${y}.mainBusinessRevenue`],
    size: ['size', 'employees', 'industry', 'nationalIndustryCode', `${y}.revenue`, `${y}.totalAssets`],
    // The size at opening reads the fiscal years of the window, whichever the profile has.
    sizeAtOpening: ['size', 'employees', 'industry', 'nationalIndustryCode', 'registrationDate', 'fiscalYears'],
    nationalRateMayApply: ['highTechEnterprise', 'employees', `${y}.taxableIncome`, `${y}.totalAssets`],
    isManufacturer: ['nationalIndustryCode'],
    rdIndustryExcluded: ['nationalIndustryCode'],
    hasRd: [`${y}.rdExpensed`, `${y}.rdIntangibleAmortization`],
    citPaidInWindow: ['taxPayments'],
    vatPaidInWindow: ['taxPayments'],
  };
  if (Object.prototype.hasOwnProperty.call(derived, fact)) return derived[fact]!;
  if (Object.prototype.hasOwnProperty.call(FACTS, fact) && !fact.includes('.')) return [fact];
  throw new Error(`the properties do not know what fact "${fact}" reads: add it to keysRead`);
}

/** One key path contains the other: deleting either affects what the other names. */
const related = (a: string, b: string) => a === b || a.startsWith(`${b}.`) || a.startsWith(`${b}[`) || b.startsWith(`${a}.`) || b.startsWith(`${a}[`);

// ---------------------------------------------------------------------------------------------
// What each policy reads, from its rule definition: the facts of its conditions, the names in its
// formulas, its window's start, its item collections; and, through `policies.Pnn.*` and a shared
// stacking group, what the policies it depends on read.
function factsOfPolicy(def: PolicyDef): Set<string> {
  const out = new Set<string>();
  const formula = (src: string) => namesIn(parseExpression(src)).forEach((n) => out.add(n.name));
  const condition = (c: ConditionDef): void => {
    if ('all' in c) c.all.forEach(condition);
    else if ('any' in c) c.any.forEach(condition);
    else if ('not' in c) condition(c.not);
    else {
      out.add(c.fact);
      if (c.value && typeof c.value === 'object' && !Array.isArray(c.value) && 'fact' in c.value) out.add(c.value.fact);
    }
  };
  const figures = (f: Record<string, string | SelectDef> | undefined) => {
    for (const v of Object.values(f ?? {})) {
      if (typeof v === 'string') formula(v);
      else for (const o of v.options) (o.when && condition(o.when), formula(o.value));
    }
  };
  condition(def.eligibility);
  figures(def.figures);
  if (def.amount) formula(def.amount);
  if (def.period?.from) out.add(def.period.from);
  for (const k of Object.keys(def.defaults ?? {})) out.add(k);
  // A note given only where a fact holds reads that fact.
  for (const n of def.notes ?? []) if (n.if) out.add(n.if);
  for (const g of def.items ?? []) {
    out.add(g.of);
    if (g.where) condition(g.where);
    figures(g.figures);
    if (g.amount) formula(g.amount);
    if (g.period) out.add(g.period.from);
  }
  // Keep facts; drop figure names, group names, parameters and item fields (covered by `of`).
  return new Set([...out].filter((n) => !n.startsWith('param.') && !n.startsWith('item.') && (n.startsWith('policies.') || n.startsWith('year.') || Object.prototype.hasOwnProperty.call(FACTS, n))));
}

const direct = new Map(rules.policies.map((p) => [p.def.id, factsOfPolicy(p.def)]));
function usedFacts(id: string, seenIds = new Set<string>()): Set<string> {
  if (seenIds.has(id)) return new Set();
  seenIds.add(id);
  const out = new Set<string>();
  const def = rules.policies.find((p) => p.def.id === id)!.def;
  for (const f of direct.get(id)!) {
    const ref = /^policies\.(P\d{2})\./.exec(f);
    if (ref) usedFacts(ref[1]!, seenIds).forEach((x) => out.add(x));
    else out.add(f);
  }
  // countedInTotal and the overlap note depend on the other amounts of the stacking group.
  const group = def.stacking?.group;
  if (group) for (const p of rules.policies) if (p.def.stacking?.group === group) usedFacts(p.def.id, seenIds).forEach((x) => out.add(x));
  return out;
}
const USED = new Map(rules.policies.map((p) => [p.def.id, usedFacts(p.def.id)]));

/**
 * A profile with at least one deletable key, and one of them; half of the time one whose fact
 * falls back to another source, the keys where a decision can turn (rare among 30-60 keys).
 */
const profileAndKey = profileTree
  .filter((t) => deletableKeys(t).length > 0)
  .chain((tree) => {
    const all = deletableKeys(tree);
    const fallback = all.filter((p) => FALLBACK.some((re) => re.test(pathText(p))));
    const key = fallback.length ? fc.oneof(fc.constantFrom(...all), fc.constantFrom(...fallback)) : fc.constantFrom(...all);
    return fc.record({ tree: fc.constant(tree), key });
  });

const reasonKey = (r: { check: string; fact: string }) => `${r.check}\u0000${r.fact}`;

/** Every check of a policy's decision tree (not only the decisive ones), with its profile path. */
function allChecks(b: Benefit): { check: string; fact: string; result: boolean | null }[] {
  const out: { check: string; fact: string; result: boolean | null }[] = [];
  const walk = (n: ConditionNode | undefined): void => {
    if (!n) return;
    if (n.kind === 'check') out.push({ check: n.check, fact: n.path, result: n.result });
    else if (n.kind === 'not') walk(n.child);
    else n.children.forEach(walk);
  };
  walk(b.trace?.eligibility);
  for (const g of b.trace?.groups ?? []) {
    if (g.items === null) out.push({ check: g.name, fact: g.of, result: null });
    for (const it of g.items ?? []) walk(it.condition);
  }
  return out;
}

describe('three-valued logic: a deleted key makes its facts unknown, never false', () => {
  it(`decided policies stay decided; ineligible turns only through a changed check on that key (${RUNS.threeValued} profiles)`, () => {
    fc.assert(
      fc.property(profileAndKey, YEAR, AS_OF, ({ tree, key }, year, asOf) => {
        const k = pathText(key);
        const withKey = run(tree, { year, asOf });
        const without = run(withoutKey(tree, key), { year, asOf });
        const fallback = FALLBACK.some((re) => re.test(k));
        const statusWithout = new Map(without.benefits.map((b) => [b.id, b]));
        for (const b of withKey.benefits) {
          const a = statusWithout.get(b.id)!;
          if (!fallback && a.status !== 'needs-info') {
            count(`decided ${a.status}`);
            expect(b.status, `${b.id} with ${k}`).toBe(a.status);
          }
          if (a.status === 'ineligible' && b.status !== 'ineligible') {
            count('ineligible turned');
            const before = new Map(allChecks(a).map((r) => [reasonKey(r), r.result]));
            const changedPolicies = new Set(withKey.benefits.filter((x) => statusWithout.get(x.id)!.status !== x.status).map((x) => x.id));
            const reads = (fact: string) => {
              const ref = /^policies\.(P\d{2})\./.exec(fact);
              return ref ? changedPolicies.has(ref[1]!) : keysRead(fact, year).some((r) => related(r, k));
            };
            const turned = allChecks(b).filter((r) => reads(r.fact) && before.get(reasonKey(r)) !== r.result);
            expect(turned.length, `${b.id}: ineligible without ${k}, ${b.status} with it, yet no check on ${k} changed`).toBeGreaterThan(0);
          }
        }
      }),
      { numRuns: RUNS.threeValued },
    );
    expect(seen.get('decided eligible') ?? 0).toBeGreaterThan(RUNS.threeValued / 10);
    expect(seen.get('decided ineligible') ?? 0).toBeGreaterThan(RUNS.threeValued / 10);
    expect(seen.get('ineligible turned') ?? 0).toBeGreaterThan(RUNS.threeValued / 300);
  });
});

describe('an eligible policy depends only on what it reads', () => {
  it(`deleting every key none of its facts read leaves its result unchanged (${RUNS.unusedFact} profiles)`, () => {
    fc.assert(
      fc.property(profileTree, YEAR, AS_OF, (tree, year, asOf) => {
        const full = run(tree, { year, asOf, trace: false });
        // The profile's keys, listed once for all its policies.
        const keys = deletableKeys(tree).map((k) => ({ k, text: pathText(k) }));
        for (const b of full.benefits) {
          if (b.status !== 'eligible') continue;
          const reads = [...USED.get(b.id)!].flatMap((f) => keysRead(f, year));
          const unread = keys.filter(({ text }) => !reads.some((r) => related(r, text))).map(({ k }) => k);
          if (!unread.length) continue;
          // Deepest first, so that a parent is deleted after (and with) its children.
          const pruned = withoutKeys(tree, unread.reverse());
          count('unused facts removed');
          count(`unused facts removed: ${unread.length > 10 ? 'more than 10' : '1 to 10'}`);
          const after = run(pruned, { year, asOf, trace: false }).benefits.find((x) => x.id === b.id);
          expect(JSON.stringify(after), `${b.id} without ${unread.map(pathText).join(', ')}`).toBe(JSON.stringify(b));
        }
      }),
      { numRuns: RUNS.unusedFact },
    );
    expect(seen.get('unused facts removed') ?? 0).toBeGreaterThan(RUNS.unusedFact / 4);
  });

  it('knows what every policy reads (so the property above tests something)', () => {
    expect([...USED.get('P09')!].sort()).toEqual(['encouragedCatalog', 'inChongqing', 'isSesi', 'mainBusinessShare', 'nationalRateMayApply', 'year.taxableIncome']);
    // P12 reads P09's eligibility for its rate: it depends on what P09 reads.
    expect(USED.get('P12')!.has('encouragedCatalog')).toBe(true);
    // P10 and P11 share a stacking group: each depends on what the other reads.
    expect(USED.get('P10')!.has('headquarters.recognized')).toBe(true);
    expect(USED.get('P11')!.has('establishment')).toBe(true);
  });
});


describe('broken input never crashes the reader', () => {
  /** A valid profile's text, broken one way or another; or a JSON value in place of a field. */
  const broken = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 200 }),
    fc.jsonValue().map((v) => JSON.stringify(v)),
    fc.record({ tree: profileTree, at: fc.nat(), cut: fc.nat({ max: 40 }), insert: fc.string({ unit: 'binary', maxLength: 3 }) }).map(({ tree, at, cut, insert }) => {
      const text = toJson(tree);
      const i = at % (text.length + 1);
      return text.slice(0, i) + insert + text.slice(i + cut);
    }),
    fc.record({ tree: profileTree, value: fc.jsonValue({ maxDepth: 2 }), pick: fc.nat() }).map(({ tree, value, pick }) => {
      const keys = deletableKeys(tree);
      if (!keys.length) return toJson(tree);
      const key = keys[pick % keys.length]!;
      const t = withoutKey(tree, []);
      let node = t as Record<string | number, Tree>;
      for (const k of key.slice(0, -1)) node = node[k] as Record<string | number, Tree>;
      node[key.at(-1)!] = value as Tree;
      return toJson(t);
    }),
  );

  it(`any text is a profile, or refused with located messages; never another error (${RUNS.brokenText} texts)`, () => {
    fc.assert(
      fc.property(broken, AS_OF, (text, asOf) => {
        let profile;
        try {
          profile = parseProfile(text, 'broken.json');
        } catch (e) {
          expect(isPolicyCalcError(e), String(e)).toBe(true);
          if (!isPolicyCalcError(e)) return;
          count('broken text refused');
          expect(e.issues.length).toBeGreaterThan(0);
          for (const i of e.issues) {
            expect(i.file).toBe('broken.json');
            expect(i.message).toMatch(/\S/);
            expect(i.message).not.toMatch(/undefined|\[object |Invalid input|Too small|Too big|received/);
          }
          return;
        }
        count('broken text still a profile');
        evaluate(rules, profile, { asOf });
      }),
      { numRuns: RUNS.brokenText },
    );
    expect(seen.get('broken text refused') ?? 0).toBeGreaterThan(RUNS.brokenText / 2);
  });
});
