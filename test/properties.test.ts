import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { FACTS, namesIn, parseExpression, type Benefit, type ConditionDef, type ConditionNode, type PolicyDef, type SelectDef } from '../src/engine/index.js';
import { deletableKeys, pathText, profileTree, withoutKey, withoutKeys } from './profile-arbitraries.js';
import { AS_OF, coverage, rules, run, RUNS, YEAR } from './property-setup.js';

/**
 * Properties of the engine over generated valid profiles (see test/profile-arbitraries.ts),
 * called directly (no CLI) with the shipped rules loaded once (test/property-setup.ts); the
 * results themselves: properties-results.test.ts.
 *
 * Three-valued logic, as tested here. Deleting a key makes the facts read from it unknown.
 * Kleene's logic is monotone: where a policy is decided (eligible or ineligible) without the
 * key, the key cannot change that decision. Some facts fall back to another source when absent
 * (district -> credit code, a declared size -> the derived one, a code -> the industry's row,
 * functionalRegion -> the district's region, absent item purpose -> none, a fiscal year -> the
 * window's next year for the size at opening): deleting those replaces a fact rather than
 * removing it, so for them the weaker property is tested, for every key: a policy that is
 * ineligible without the key and not ineligible with it has a check reading that key whose
 * result changed (a check that now passes, or fails under `not`).
 */
const { seen, count, report } = coverage();
afterAll(report);

// ---------------------------------------------------------------------------------------------
// Which profile keys a fact reads. A fact missing here fails the test: a new fact must say what
// it reads before the properties can trust it.
// A whole fiscal year: article 10's size at opening is read from the first year of its window that
// the profile has, so deleting that year moves the reading to the next one.
const FALLBACK = [/^district$/, /^fiscalYears\.\d{4}$/, /^functionalRegion$/, /^size$/, /^nationalIndustryCode$/, /^land\[\d+\]\.id$/, /^utilities\[\d+\]\.(unit|purpose)$/];

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
