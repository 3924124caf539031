import { Dec, formatFigure, formatMoney, ZERO } from './decimal.js';
import { addCalendarDays, addCalendarYears, type CalendarDate, type DateWindow } from './dates.js';
import { functionalRegion, sizeInfo, yearStart, type EvalEnv, type Scope } from './facts.js';
import type { CompiledFigure, CompiledItemGroup, CompiledPolicy } from './compile.js';
import { sumOrUnknown } from './compile.js';
import { and, or, truthValue } from './conditions.js';
import { FormulaError, lower, Range, type Num } from './bounds.js';
import { decisiveReasons } from './decisive.js';
import { traceNumber, type ConditionNode, type FigureNode, type GroupTrace, type ItemTrace, type PolicyTrace } from './trace.js';
import { factWords } from './vocabulary.js';
import type { Profile } from './profile-schema.js';
import type { Benefit, EvaluationResult, Period, Status, Warning } from './result.js';
import type { RuleSet } from './rule-set.js';
import { Trace } from './trace.js';
import { Unknown, type Truth } from './unknown.js';
import { profileWarnings } from './warnings.js';
import { regionPriority } from './regions.js';
import { applyDepartments, notesInForce } from './law-in-force.js';

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

function periodOf(w: DateWindow, asOf: CalendarDate, withOpen: boolean): Period {
  return {
    from: w.from,
    to: addCalendarDays(w.until, -1),
    endExclusive: w.until,
    ...(withOpen ? { open: asOf < w.until } : {}),
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

interface Computed {
  figures: FigureNode[];
  amount: Num | Unknown | undefined;
}

/**
 * The amount's status: unknown is needs-info; a range is an at-least amount (its lower bound) with
 * the facts that would complete it, or exact where its bounds agree; an open window's amount is
 * at least what has been paid so far; never negative.
 */
function settleAmount(amount: Num | Unknown | undefined, b: Benefit, trace: Trace, openWindow: boolean): Status {
  if (amount === undefined) return 'eligible';
  if (amount instanceof Unknown) {
    b.missing = [...amount.missing];
    return 'needs-info';
  }
  const lo = lower(amount);
  if (!lo.isFinite()) {
    b.missing = amount instanceof Range ? [...amount.missing] : [];
    return 'needs-info';
  }
  b.amount = formatMoney(lo.isNegative() ? ZERO : lo);
  b.countedInTotal = true;
  const bounded = amount instanceof Range && !amount.exact;
  // Taxes paid later in a window still open can only add to the subsidy.
  b.amountBound = bounded || openWindow ? 'at-least' : 'exact';
  if (amount instanceof Range) {
    for (const fact of amount.missing) {
      const words = factWords(fact) ?? { zh: fact, en: fact };
      trace.assume({
        fact,
        value: bounded ? '0' : 'not needed',
        message: bounded
          ? { zh: `未提供${words.zh}，按 0 计算：金额至少为此数，补充后可能更高`, en: `${capitalize(words.en)} is not given and is counted as 0: the amount is at least this, and may be higher once it is supplied` }
          : { zh: `未提供${words.zh}，但它不会改变金额`, en: `${capitalize(words.en)} is not given, but it cannot change the amount` },
      });
    }
    if (bounded) b.missing = [...amount.missing];
  }
  return 'eligible';
}

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

interface ItemMatch {
  items: { value: Record<string, unknown>; path: string; truth: Truth; node?: ConditionNode; figures: FigureNode[]; amount?: Num | Unknown }[];
  collection: Truth;
}

function matchItems(g: CompiledItemGroup, scope: Scope, explain: boolean): ItemMatch {
  const list = scope.env.profile[g.of] as Record<string, unknown>[] | undefined;
  if (list === undefined) return { items: [], collection: new Unknown([g.of]) };
  const items = list.map((value, i) => {
    const path = `${g.of}[${i}]`;
    const out: ConditionNode[] | undefined = explain ? [] : undefined;
    const truth = g.where({ ...scope, item: { value, path } }, out);
    return { value, path, truth, node: out?.[0], figures: [] };
  });
  return { items, collection: true };
}

/** Some item of the group counts: true; none can: false; otherwise unknown. */
function groupTruth(m: ItemMatch): Truth {
  if (m.collection instanceof Unknown) return m.collection;
  const unknown: Unknown[] = [];
  for (const it of m.items) {
    if (it.truth === true) return true;
    if (it.truth instanceof Unknown) unknown.push(it.truth);
  }
  return unknown.length ? Unknown.merge(unknown) : false;
}

function groupTrace(g: CompiledItemGroup, m: ItemMatch): GroupTrace {
  const t: GroupTrace = {
    name: g.name, of: g.of, result: truthValue(groupTruth(m)),
    items: m.collection instanceof Unknown ? null : m.items.map((it) => {
      const item: ItemTrace = { path: it.path, result: truthValue(it.truth), figures: it.figures };
      const { id, kind, tax } = it.value;
      if (typeof id === 'string') item.id = id;
      if (typeof kind === 'string' || typeof tax === 'string') item.kind = (kind ?? tax) as string;
      if (it.node) item.condition = it.node;
      if (it.amount !== undefined) item.amount = traceNumber(it.amount);
      return item;
    }),
    rule: g.rule,
  };
  if (g.label) t.label = g.label;
  return t;
}

function computeAmount(p: CompiledPolicy, scope: Scope, matches: ItemMatch[], b: Benefit, explain: boolean, out: Computed): void {
  const groups = new Map<string, Num | Unknown>();
  p.groups.forEach((g, gi) => {
    const values: (Num | Unknown)[] = [];
    for (const it of matches[gi]!.items) {
      if (it.truth === false) continue;
      if (it.truth instanceof Unknown) {
        values.push(it.truth);
        continue;
      }
      const itemScope: Scope = { ...scope, item: { value: it.value, path: it.path } };
      const figs = computeFigures(g.figures, itemScope, b, `${it.path}.`, explain ? it.figures : undefined);
      if (g.period) {
        const from = g.period.from(itemScope);
        if (typeof from === 'string') {
          b.itemPeriods.push({ ...periodOf({ from, until: addCalendarYears(from, g.period.years) }, scope.env.asOf, true), item: it.path });
        } else if (from instanceof Unknown) values.push(from);
      }
      if (g.amount) {
        it.amount = g.amount({ ...itemScope, groups: figs });
        values.push(it.amount);
      }
    }
    if (g.amount) groups.set(g.name, values.length ? sumOrUnknown(values) : ZERO);
    else if (values.some((v) => v instanceof Unknown)) groups.set(g.name, sumOrUnknown(values));
  });
  scope.groups = groups;
  for (const [name, v] of groups) if (!(v instanceof Unknown) && exactValue(v)) b.figures[name] = formatFigure(exactValue(v)!);
  // The amount reads the figures just computed, never a second computation of them.
  scope.groups = computeFigures(p.figures, scope, b, '', explain ? out.figures : undefined);
  const pending = [...groups.values()].filter((v): v is Unknown => v instanceof Unknown);
  if (!p.amount) {
    out.amount = pending.length ? Unknown.merge(pending) : undefined;
    return;
  }
  const amount = p.amount(scope);
  out.amount = pending.length && !(amount instanceof Unknown) ? Unknown.merge(pending) : amount;
}

const exactValue = (v: Num): Dec | undefined => (v instanceof Range ? (v.exact ? v.lo : undefined) : v);

/** Computes figures in order; exact ones go to the output, each later one may read earlier ones. */
function computeFigures(figures: CompiledFigure[], scope: Scope, b: Benefit, prefix: string, nodes: FigureNode[] | undefined): Map<string, Num | Unknown> {
  const local = new Map<string, Num | Unknown>(scope.groups ?? []);
  const s: Scope = { ...scope, groups: local };
  for (const f of figures) {
    const v = f.fn(s);
    local.set(f.name, v);
    if (!(v instanceof Unknown)) {
      const exact = exactValue(v);
      if (exact) b.figures[prefix + f.name] = formatFigure(exact);
    }
    if (nodes) nodes.push(figureNode(f, v, s));
  }
  return local;
}

function figureNode(f: CompiledFigure, v: Num | Unknown, s: Scope): FigureNode {
  const node: FigureNode = {
    name: f.name, unit: f.unit, ...traceNumber(v),
    inputs: f.inputs.map((i) => ({ name: i.name, kind: i.kind, unit: i.unit, ...traceNumber(i.fn(s)) })),
    rule: f.rule,
  };
  if (f.formula !== undefined) node.formula = f.formula;
  if (f.pick) node.pick = f.pick(s);
  return node;
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
