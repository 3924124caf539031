import { Dec } from '../support/decimal.js';
import type { Outcome } from './result.js';
import type { RuleSet } from '../rules/rule-set.js';

/** Where each policy of the evaluation order goes in the output, and the stacking groups: the rule set's, worked out once. */
export interface Layout {
  /** For each policy in `order`, its index in `policies`. */
  slot: number[];
  /** For each policy in `order`, whether another policy's rule reads its result (only those are kept for reading). */
  read: boolean[];
  /** Each stacking group's policies, as indexes in `policies`, in article order. */
  stacking: number[][];
}

const layouts = new WeakMap<RuleSet, Layout>();

export function layoutOf(rules: RuleSet): Layout {
  let layout = layouts.get(rules);
  if (!layout) {
    const groups = new Map<string, number[]>();
    rules.policies.forEach((p, i) => {
      const g = p.def.stacking?.group;
      if (g) groups.set(g, [...(groups.get(g) ?? []), i]);
    });
    const read = new Set(rules.policies.flatMap((p) => p.dependsOn.map((d) => d.id)));
    layout = { slot: rules.order.map((p) => rules.policies.indexOf(p)), read: rules.order.map((p) => read.has(p.def.id)), stacking: [...groups.values()].filter((g) => g.length > 1) };
    layouts.set(rules, layout);
  }
  return layout;
}

/** The same money counted once: within a stacking group only the largest eligible amount counts (the first of equal ones). */
export function resolveStacking<B extends Outcome>(benefits: B[], layout: Layout, onOverlap?: (b: B, winner: B) => void): void {
  const paid = (b: B) => b.status === 'eligible' && b.amount !== null;
  for (const members of layout.stacking) {
    let winner: B | undefined;
    let count = 0;
    for (const i of members) {
      const b = benefits[i]!;
      if (!paid(b)) continue;
      count++;
      if (!winner || new Dec(b.amount!).gt(winner.amount!)) winner = b;
    }
    if (count < 2) continue;
    for (const i of members) {
      const b = benefits[i]!;
      if (b === winner || !paid(b)) continue;
      b.countedInTotal = false;
      b.overlapsWith = winner!.id;
      onOverlap?.(b, winner!);
    }
  }
}
