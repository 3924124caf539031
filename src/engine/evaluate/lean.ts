import { decide, newEnv, settle, type EvaluateOptions } from './evaluate.js';
import { layoutOf } from './stacking.js';
import { newScope, reuseScope, type EvalEnv, type Scope } from '../facts/scope.js';
import { Trace } from './trace.js';
import { NO_FIGURES, type Computed } from './amount.js';
import type { CompiledPolicy } from '../rules/compile.js';
import type { Profile } from '../profile/profile-schema.js';
import type { LeanResult, Outcome } from './result.js';
import type { RuleSet } from '../rules/rule-set.js';

/**
 * The batch's evaluation: the same decisions, by the same code (`decide`), as `evaluate`, with
 * nothing kept for explanations (no trace, no assumptions, parameters, notes, figures or warnings)
 * and each outcome a small object of one shape. Its lean line is byte for byte `evaluate`'s
 * (test/ndjson-line.test.ts holds them to it).
 */
export function evaluateLean(rules: RuleSet, profile: Profile, opts: EvaluateOptions): LeanResult {
  return evaluateLeanMany(rules, [profile], opts)[0]!;
}

/**
 * `evaluateLean` of each profile, all at once: policy by policy across the profiles rather than
 * profile by profile. Each policy's closures then run for every profile while they are in the
 * processor's caches, where 25 policies in turn for each profile would push one another out
 * (batch hands it 8 profiles at a time; BENCHMARKS.md, 2026-12-04). Each profile's
 * policies are still decided in the rule set's order, so a policy reads the results it depends on.
 */
export function evaluateLeanMany(rules: RuleSet, profiles: readonly Profile[], opts: EvaluateOptions): LeanResult[] {
  const layout = layoutOf(rules);
  const n = profiles.length;
  const envs: EvalEnv[] = new Array<EvalEnv>(n);
  const outcomes: Outcome[][] = new Array<Outcome[]>(n);
  for (let i = 0; i < n; i++) {
    envs[i] = newEnv(rules, profiles[i]!, opts);
    outcomes[i] = new Array<Outcome>(rules.policies.length);
  }
  for (let k = 0; k < rules.order.length; k++) {
    const p = rules.order[k]!;
    const slot = layout.slot[k]!;
    const read = layout.read[k];
    for (let i = 0; i < n; i++) {
      const b = leanPolicy(p, envs[i]!);
      outcomes[i]![slot] = b;
      if (read) envs[i]!.results.set(b.id, b);
    }
  }
  const results: LeanResult[] = new Array<LeanResult>(n);
  for (let i = 0; i < n; i++) {
    const profile = profiles[i]!;
    results[i] = {
      enterprise: { name: profile.name, creditCode: profile.creditCode ?? null },
      evaluation: { year: envs[i]!.year ?? null, asOf: opts.asOf, rulesVersion: rules.version },
      benefits: outcomes[i]!,
      totals: settle(outcomes[i]!, layout),
    };
  }
  return results;
}

// Nothing of a lean decision outlives it: one scope and one record of its amount serve every policy.
let leanScope: Scope | undefined;
const LEAN_COMPUTED: Computed = { figures: NO_FIGURES, amount: undefined };

/** A lean outcome's missing facts until some are found: replaced then, never added to. */
const NONE_MISSING: string[] = Object.freeze([]) as unknown as string[];

function leanPolicy(p: CompiledPolicy, env: EvalEnv): Outcome {
  const b: Outcome = { id: p.def.id, status: 'eligible', amount: null, amountBound: null, countedInTotal: false, missing: NONE_MISSING, overlapsWith: undefined };
  leanScope = leanScope ? reuseScope(leanScope, env, p.def.defaults, Trace.silent) : newScope(env, undefined, p.def.defaults, Trace.silent);
  LEAN_COMPUTED.amount = undefined;
  decide(p, env, b, Trace.silent, undefined, false, leanScope, LEAN_COMPUTED);
  return b;
}
