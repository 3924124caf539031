import { layoutOf, resolveStacking, type Layout } from './stacking.js';
import { addCalendarYears, type CalendarDate } from '../support/dates.js';
import { fiscalYearOf, newScope, yearStart, type EvalEnv, type Scope } from '../facts/scope.js';
import { sizeInfo } from '../facts/size-facts.js';
import { functionalRegion, regionPriority } from '../facts/regions.js';
import type { CompiledPolicy } from '../rules/compile.js';
import { FormulaError } from './bounds.js';
import { decisiveReasons } from './decisive.js';
import { Trace, traceNumber, type ConditionNode, type PolicyTrace } from './trace.js';
import { computeAmount, groupTrace, groupTruth, matchItems, NO_FIGURES, periodOf, settleAmount, type Computed, type ItemMatch, type Shown } from './amount.js';
import type { Profile } from '../profile/profile-schema.js';
import type { Benefit, EvaluationResult, Outcome, Period, Status, Warning } from './result.js';
import type { RuleSet } from '../rules/rule-set.js';
import { and, or, Unknown, type Truth } from '../support/unknown.js';
import { profileWarnings } from './warnings.js';
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
  let latest: number | undefined;
  // Object.keys rather than for-in: year keys are array indexes, which for-in walks slowly.
  const keys = profile.fiscalYears ? Object.keys(profile.fiscalYears) : [];
  for (const key of keys) {
    const y = Number(key);
    if (latest === undefined || y > latest) latest = y;
  }
  return latest;
}

/** What one profile's policies share: its year, dates, parameters and the facts found once. */
export function newEnv(rules: RuleSet, profile: Profile, opts: EvaluateOptions): EvalEnv {
  const year = opts.year ?? defaultYear(profile);
  return { profile, year, asOf: opts.asOf, yearStart: yearStart(year), params: rules.params, results: new Map(), cache: new Map(), fiscalYear: fiscalYearOf(profile, year) };
}

/** A profile's outcomes once all are decided (in the rule set's order): the same money counted once, and the totals. */
export function settle<B extends Outcome>(benefits: B[], layout: Layout, onOverlap?: (b: B, winner: B) => void): EvaluationResult['totals'] {
  resolveStacking(benefits, layout, onOverlap);
  // Each amount is money to the fen ("1234.50", never negative): the total is exact in integer fen.
  let fen = 0n;
  const totals: EvaluationResult['totals'] = { amount: '0.00', amountBound: 'exact', eligible: 0, needsInfo: 0, ineligible: 0 };
  for (const b of benefits) {
    if (b.countedInTotal && b.amount !== null) {
      fen += BigInt(b.amount.replace('.', ''));
      if (b.amountBound === 'at-least') totals.amountBound = 'at-least';
    }
    if (b.status === 'eligible') totals.eligible++;
    else if (b.status === 'needs-info') totals.needsInfo++;
    else totals.ineligible++;
  }
  totals.amount = fenText(fen);
  return totals;
}

export function evaluate(rules: RuleSet, profile: Profile, opts: EvaluateOptions): EvaluationResult {
  const explain = opts.trace !== false;
  const env = newEnv(rules, profile, opts);
  const year = env.year;
  const layout = layoutOf(rules);
  const benefits: Benefit[] = new Array<Benefit>(rules.policies.length);
  for (let k = 0; k < rules.order.length; k++) {
    const b = evaluatePolicy(rules.order[k]!, env, explain);
    benefits[layout.slot[k]!] = b;
    if (layout.read[k]) env.results.set(b.id, b);
  }
  const totals = settle(benefits, layout, overlapNote);
  applyDepartments(benefits, rules.params, opts.asOf);

  const sizeScope: Scope = newScope(env, env.yearStart, undefined, new Trace());
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
    period: null,
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
  const d: Decided = { period: null, matches: NO_MATCHES, computed: { figures: explain ? [] : NO_FIGURES, amount: undefined }, nodes: undefined };
  decide(p, env, benefit, trace, benefit, explain, newScope(env, undefined, def.defaults, trace), d.computed, d);
  benefit.period = d.period;
  benefit.parameters = [...trace.parameters.values()];
  if (explain) {
    const policyTrace: PolicyTrace = {
      file: p.file,
      eligibility: d.nodes![0]!,
      groups: p.groups.map((g, i) => groupTrace(g, d.matches[i]!)),
      figures: d.computed.figures,
    };
    if (d.computed.amount !== undefined) policyTrace.amount = { ...traceNumber(d.computed.amount), unit: p.amountUnit };
    benefit.trace = policyTrace;
    benefit.reasons = decisiveReasons(policyTrace, benefit.status, benefit.missing);
  }
  return benefit;
}

interface Decided {
  period: Period | null;
  matches: ItemMatch[];
  computed: Computed;
  nodes: ConditionNode[] | undefined;
}

/** The item matches of a policy without items, or of one whose items decide nothing: never added to. */
const NO_MATCHES: ItemMatch[] = Object.freeze([]) as unknown as ItemMatch[];

/**
 * A policy's decision, the one definition of it: its period, eligibility, items and amount, set on
 * `b`, in `scope` (fresh: the policy's defaults, no date yet). The trace keeps the notes and
 * assumptions where it keeps anything; `shown` receives the figures and item periods where they are
 * shown; `explain` builds the decision tree; `computed` receives the amount (and the figures'
 * nodes where explained), `kept` the period, items and tree where the caller keeps them.
 */
export function decide(
  p: CompiledPolicy, env: EvalEnv, b: Outcome, trace: Trace, shown: Shown | undefined, explain: boolean, scope: Scope, computed: Computed, kept?: Decided,
): void {
  const def = p.def;
  let period: Period | null = null;
  // Whether the window is still running on the as-of date: all the lean evaluation needs of its period.
  let open = false;
  const kind = def.period?.kind ?? 'none';
  if (kind === 'fiscal-year') {
    scope.paramDate = env.yearStart;
    // The lean evaluation prints no period, and a fiscal year's is never open.
    if (env.year !== undefined && trace.keeps) period = periodOf({ from: `${env.year}-01-01`, until: `${env.year + 1}-01-01` }, env.asOf, false);
  } else if (kind === 'window' && p.windowFrom) {
    const from = p.windowFrom(scope);
    if (typeof from === 'string') {
      scope.window = { from, until: addCalendarYears(from, def.period!.years!) };
      scope.paramDate = from;
      open = env.asOf < scope.window.until;
      // The lean evaluation prints no period.
      if (trace.keeps) period = periodOf(scope.window, env.asOf, true);
    }
  } else {
    scope.paramDate = env.asOf;
  }

  const nodes: ConditionNode[] | undefined = explain ? [] : undefined;
  let truth: Truth = p.eligibility(scope, nodes);
  // An ineligible policy's items decide nothing: only what is kept (the trace's notes, the tree) reads them.
  const matches = p.groups.length === 0 || (truth === false && !trace.keeps) ? NO_MATCHES : p.groups.map((g) => matchItems(g, scope, explain));
  // Eligible through items when some item of some group counts.
  if (p.groups.length && truth !== false) truth = and([truth, or(matches.map(groupTruth))]);
  if (trace.keeps) for (const n of notesInForce(def.notes, scope)) trace.note(n);

  let status: Status = 'eligible';
  if (truth === false) status = 'ineligible';
  else if (truth instanceof Unknown) {
    b.missing = [...truth.missing];
    status = 'needs-info';
  } else {
    if (open && period) {
      trace.note({
        zh: `补贴期至 ${period.to} 止，评估日 ${env.asOf} 尚未结束：金额为截至评估日已缴税款计算的数额，期满前还可能增加`,
        en: `The window runs to ${period.to} and is still open on ${env.asOf}: the amount counts the taxes paid so far and may still grow`,
      });
    }
    try {
      computeAmount(p, scope, matches, b, shown, explain, computed);
      status = settleAmount(computed.amount, b, trace, open);
    } catch (e) {
      if (!(e instanceof FormulaError)) throw e;
      if (trace.keeps) trace.note({ zh: `无法计算金额：${e.message}`, en: `The amount cannot be computed: ${e.message}` });
      status = 'needs-info';
    }
  }
  b.status = status;
  if (status !== 'eligible') b.countedInTotal = false;
  if (kept) {
    kept.period = period;
    kept.matches = matches;
    kept.nodes = nodes;
  }
}

/** The note a benefit whose money another already pays carries. */
function overlapNote(b: Benefit, winner: Benefit): void {
  b.notes.push({
    zh: `与 ${winner.id} 补贴的是同一笔税款的地方留成，只计入较大的 ${winner.id}`,
    en: `Pays the same local share of tax as ${winner.id}; only the larger, ${winner.id}, counts in the total`,
  });
}

/** Integer fen as money text: 123450n is "1234.50", 0n "0.00". */
function fenText(fen: bigint): string {
  const digits = fen.toString().padStart(3, '0');
  return `${digits.slice(0, -2)}.${digits.slice(-2)}`;
}
