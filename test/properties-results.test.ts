import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { anyoneQualifies, Dec, evaluate, isPolicyCalcError, parseProfile } from '../src/engine/index.js';
import { renderJson } from '../src/render/json.js';
import { deletableKeys, profileTree, shuffler, toJson, withoutKey, type Tree } from './profile-arbitraries.js';
import { AS_OF, coverage, rules, run, RUNS, YEAR } from './property-setup.js';

/**
 * Properties of the engine's results over generated valid profiles (see test/profile-arbitraries.ts),
 * called directly (no CLI): every profile evaluates, to exact amounts and totals, the same bytes
 * whatever the key order; and any text is read as a profile or refused with located messages.
 * What a policy reads, and three-valued logic: properties.test.ts.
 */
const { seen, count, report } = coverage();
afterAll(report);

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
