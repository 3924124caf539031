import type { EvaluationResult } from '../evaluate/result.js';

/**
 * Which missing fact would decide the most: the pure core of the interview (`policy-calc ask`)
 * and of the questions under `check`'s table. A fact is open when a policy names it in
 * `missing`: a needs-info policy waits for it, or an eligible one has only an at-least amount
 * without it. Facts are ranked by
 *   1. the needs-info policies that name it (an answer can settle each of them),
 *   2. the policies with money among them, and the eligible ones whose amount it completes
 *      (the amount is not known before the answer, so money counts as policies that have one),
 *   3. closeness: the sum over those policies of 1 / (facts they miss), so that a fact that is
 *      all a policy still lacks comes before one of five,
 *   4. the order in which the policies name them (article order), so that ties are stable.
 */
export interface OpenFact {
  /** The fact's path as the engine names it: `industry`, `activities.firstLoan`, `fiscalYears.2017.revenue`. */
  path: string;
  /** The needs-info policies that name it, in article order. */
  policies: string[];
  /** The policies with an amount among those, plus the eligible ones whose amount it completes. */
  money: string[];
  closeness: number;
}

export function openFacts(r: EvaluationResult, skip: ReadonlySet<string> = new Set()): OpenFact[] {
  const byPath = new Map<string, OpenFact & { first: number }>();
  let order = 0;
  for (const b of r.benefits) {
    if (!b.missing.length) continue;
    const waiting = b.status === 'needs-info';
    if (!waiting && b.status !== 'eligible') continue;
    for (const path of new Set(b.missing)) {
      if (skip.has(path)) continue;
      let f = byPath.get(path);
      if (!f) byPath.set(path, (f = { path, policies: [], money: [], closeness: 0, first: order++ }));
      if (waiting) f.policies.push(b.id);
      if (b.quantified) f.money.push(b.id);
      f.closeness += 1 / b.missing.length;
    }
  }
  return [...byPath.values()]
    .sort((a, b) => b.policies.length - a.policies.length || b.money.length - a.money.length || b.closeness - a.closeness || a.first - b.first)
    .map(({ first: _first, ...f }) => f);
}

/** The needs-info policies, and the eligible ones with an amount still incomplete. */
export function openCount(r: EvaluationResult): number {
  return r.benefits.filter((b) => b.status === 'needs-info' || (b.status === 'eligible' && b.missing.length > 0)).length;
}
