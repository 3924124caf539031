import { Dec, formatMoney, ZERO } from '../support/decimal.js';
import { addCalendarYears, type CalendarDate } from '../support/dates.js';
import { functionalRegion, sizeInfo, yearStart, type EvalEnv, type Scope } from '../facts/facts.js';
import type { CompiledPolicy } from '../rules/compile.js';
import { FormulaError } from './bounds.js';
import { decisiveReasons } from './decisive.js';
import { traceNumber, type ConditionNode, type PolicyTrace } from './trace.js';
import { computeAmount, groupTrace, groupTruth, matchItems, periodOf, settleAmount, type Computed } from './amount.js';
import type { Profile } from '../profile/profile-schema.js';
import type { Benefit, EvaluationResult, Period, Status, Warning } from './result.js';
import type { RuleSet } from '../rules/rule-set.js';
import { Trace } from './trace.js';
import { and, or, Unknown, type Truth } from '../support/unknown.js';
import { profileWarnings } from './warnings.js';
import { regionPriority } from '../facts/regions.js';
import { applyDepartments, notesInForce } from '../rules/law-in-force.js';

export interface EvaluateOptions {
  /** Fiscal year for the yearly policies; default: the latest in the profile. */
  year?: number;
  /** Date of the evaluation; decides only whether windows are still open. */
  asOf: CalendarDate;
  /**
   * Build each policy's decision tree (`trace`) and its decisive `reasons`; default true. Off, the
   * statuses, amounts, bounds, missing facts, figures, assumptions, parameters and notes are the
   * same, and nothing is built for explanations (batch pays only for what it prints).
   */
  trace?: boolean;
}

export function defaultYear(profile: Profile): number | undefined {
  const years = Object.keys(profile.fiscalYears ?? {}).map(Number);
  return years.length ? Math.max(...years) : undefined;
}

export function evaluate(rules: RuleSet, profile: Profile, opts: EvaluateOptions): EvaluationResult {
  const year = opts.year ?? defaultYear(profile);
  const env: EvalEnv = { profile, year, asOf: opts.asOf, params: rules.params, results: new Map(), cache: new Map() };
  const byId = new Map<string, Benefit>();
  const explain = opts.trace !== false;
  for (const p of rules.order) {
    const b = evaluatePolicy(p, env, explain);
    byId.set(b.id, b);
    env.results.set(b.id, b);
  }
  const benefits = rules.policies.map((p) => byId.get(p.def.id)!);
  resolveStacking(benefits, rules);
  applyDepartments(benefits, rules.params, opts.asOf);

  let total = ZERO;
  const totals: EvaluationResult['totals'] = { amount: '0.00', amountBound: 'exact', eligible: 0, needsInfo: 0, ineligible: 0 };
  for (const b of benefits) {
    if (b.countedInTotal && b.amount !== null) {
      total = total.plus(b.amount);
      if (b.amountBound === 'at-least') totals.amountBound = 'at-least';
    }
    if (b.status === 'eligible') totals.eligible++;
    else if (b.status === 'needs-info') totals.needsInfo++;
    else totals.ineligible++;
  }
  totals.amount = formatMoney(total);

  const sizeScope: Scope = { env, paramDate: yearStart(env), trace: new Trace() };
  const size = sizeInfo(sizeScope);
  const region = functionalRegion(profile);
  const warnings: Warning[] = profileWarnings(profile, year, opts.asOf, rules.params);
  return {
    enterprise: {
      name: profile.name,
      creditCode: profile.creditCode ?? null,
      district: profile.district ?? null,
      region: typeof region === 'string' ? region : null,
      industry: profile.industry ?? null,
      size: size.size ?? null,
      sizeDerived: size.derived,
      ...(size.basis ? { sizeBasis: size.basis } : {}),
      ...(rules.regions ? { regionPriority: regionPriority(rules.regions, profile) } : {}),
    },
    evaluation: { year: year ?? null, asOf: opts.asOf, rulesVersion: rules.version },
    benefits,
    totals,
    warnings,
  };
}


function evaluatePolicy(p: CompiledPolicy, env: EvalEnv, explain: boolean): Benefit {
  const def = p.def;
  const trace = new Trace();
  const scope: Scope = { env, paramDate: undefined, defaults: def.defaults, trace };
  let period: Period | null = null;
  const kind = def.period?.kind ?? 'none';
  if (kind === 'fiscal-year') {
    scope.paramDate = yearStart(env);
    if (env.year !== undefined) period = periodOf({ from: `${env.year}-01-01`, until: `${env.year + 1}-01-01` }, env.asOf, false);
  } else if (kind === 'window' && p.windowFrom) {
    const from = p.windowFrom(scope);
    if (typeof from === 'string') {
      scope.window = { from, until: addCalendarYears(from, def.period!.years!) };
      scope.paramDate = from;
      period = periodOf(scope.window, env.asOf, true);
    }
  } else {
    scope.paramDate = env.asOf;
  }

  const nodes: ConditionNode[] | undefined = explain ? [] : undefined;
  let truth: Truth = p.eligibility(scope, nodes);
  const matches = p.groups.map((g) => matchItems(g, scope, explain));
  // Eligible through items when some item of some group counts.
  if (p.groups.length) truth = and([truth, or(matches.map(groupTruth))]);

  // One shape for every benefit, whatever its status: fields are filled in, never added.
  const benefit: Benefit = {
    id: def.id,
    article: def.article,
    title: def.title,
    summary: def.summary,
    grants: def.grants,
    reading: def.reading,
    status: 'eligible',
    nature: def.nature,
    quantified: p.quantified,
    amount: null,
    amountBound: null,
    currency: 'CNY',
    period,
    itemPeriods: [],
    figures: {},
    reasons: [],
    missing: [],
    assumptions: trace.assumptions,
    parameters: [],
    notes: trace.notes,
    citation: { article: def.citation.article, section: def.citation.section, text: def.citation.text, responsible: def.citation.responsible },
    countedInTotal: false,
    overlapsWith: undefined,
    trace: undefined,
  };
  for (const n of notesInForce(def.notes, scope)) trace.note(n);

  let status: Status = 'eligible';
  const computed: Computed = { figures: [], amount: undefined };
  if (truth === false) status = 'ineligible';
  else if (truth instanceof Unknown) {
    benefit.missing = [...truth.missing];
    status = 'needs-info';
  } else {
    if (period?.open) {
      trace.note({
        zh: `补贴期至 ${period.to} 止，评估日 ${env.asOf} 尚未结束：金额为截至评估日已缴税款计算的数额，期满前还可能增加`,
        en: `The window runs to ${period.to} and is still open on ${env.asOf}: the amount counts the taxes paid so far and may still grow`,
      });
    }
    try {
      computeAmount(p, scope, matches, benefit, explain, computed);
      status = settleAmount(computed.amount, benefit, trace, period?.open === true);
    } catch (e) {
      if (!(e instanceof FormulaError)) throw e;
      trace.note({ zh: `无法计算金额：${e.message}`, en: `The amount cannot be computed: ${e.message}` });
      status = 'needs-info';
    }
  }
  benefit.status = status;
  benefit.parameters = [...trace.parameters.values()];
  if (status !== 'eligible') benefit.countedInTotal = false;
  if (explain) {
    const policyTrace: PolicyTrace = {
      file: p.file,
      eligibility: nodes![0]!,
      groups: p.groups.map((g, i) => groupTrace(g, matches[i]!)),
      figures: computed.figures,
    };
    if (computed.amount !== undefined) policyTrace.amount = { ...traceNumber(computed.amount), unit: p.amountUnit };
    benefit.trace = policyTrace;
    benefit.reasons = decisiveReasons(policyTrace, status, benefit.missing);
  }
  return benefit;
}

/** The same money counted once: within a stacking group only the largest eligible amount counts. */
function resolveStacking(benefits: Benefit[], rules: RuleSet): void {
  const groups = new Map<string, Benefit[]>();
  for (const p of rules.policies) {
    const g = p.def.stacking?.group;
    const b = benefits.find((x) => x.id === p.def.id)!;
    if (g && b.status === 'eligible' && b.amount !== null) groups.set(g, [...(groups.get(g) ?? []), b]);
  }
  for (const list of groups.values()) {
    if (list.length < 2) continue;
    const winner = list.reduce((best, b) => (new Dec(b.amount!).gt(best.amount!) ? b : best));
    for (const b of list) {
      if (b === winner) continue;
      b.countedInTotal = false;
      b.overlapsWith = winner.id;
      b.notes.push({
        zh: `与 ${winner.id} 补贴的是同一笔税款的地方留成，只计入较大的 ${winner.id}`,
        en: `Pays the same local share of tax as ${winner.id}; only the larger, ${winner.id}, counts in the total`,
      });
    }
  }
}
