import { Dec, formatFigure, formatMoney, ZERO } from './decimal.js';
import { addCalendarDays, addCalendarYears, type CalendarDate, type DateWindow } from './dates.js';
import { functionalRegion, sizeInfo, yearStart, type EvalEnv, type Scope } from './facts.js';
import type { CompiledPolicy } from './compile.js';
import { sumOrUnknown } from './compile.js';
import { and } from './conditions.js';
import { FormulaError } from './expression.js';
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
}

export function defaultYear(profile: Profile): number | undefined {
  const years = Object.keys(profile.fiscalYears ?? {}).map(Number);
  return years.length ? Math.max(...years) : undefined;
}

export function evaluate(rules: RuleSet, profile: Profile, opts: EvaluateOptions): EvaluationResult {
  const year = opts.year ?? defaultYear(profile);
  const env: EvalEnv = { profile, year, asOf: opts.asOf, params: rules.params, results: new Map(), cache: new Map() };
  const byId = new Map<string, Benefit>();
  for (const p of rules.order) {
    const b = evaluatePolicy(p, env);
    byId.set(b.id, b);
    env.results.set(b.id, b);
  }
  const benefits = rules.policies.map((p) => byId.get(p.def.id)!);
  resolveStacking(benefits, rules);
  applyDepartments(benefits, rules.params, opts.asOf);

  let total = ZERO;
  const totals = { amount: '0.00', eligible: 0, needsInfo: 0, ineligible: 0 };
  for (const b of benefits) {
    if (b.countedInTotal && b.amount !== null) total = total.plus(b.amount);
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

function evaluatePolicy(p: CompiledPolicy, env: EvalEnv): Benefit {
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

  let truth: Truth = p.eligibility(scope);
  const matches = p.groups.map((g) => matchItems(g, scope));
  if (p.groups.length) truth = and([truth, anyItem(matches)]);

  const benefit: Benefit = {
    id: def.id,
    article: def.article,
    title: def.title,
    summary: def.summary,
    ...(def.grants ? { grants: def.grants } : {}),
    ...(def.reading ? { reading: def.reading } : {}),
    status: 'eligible',
    nature: def.nature,
    quantified: p.quantified,
    amount: null,
    currency: 'CNY',
    period,
    itemPeriods: [],
    figures: {},
    reasons: trace.reasons,
    missing: [],
    assumptions: trace.assumptions,
    parameters: [],
    notes: trace.notes,
    citation: { article: def.citation.article, ...(def.citation.section ? { section: def.citation.section } : {}), text: def.citation.text, responsible: def.citation.responsible },
    countedInTotal: false,
  };
  for (const n of notesInForce(def.notes, scope)) trace.note(n);

  if (truth === false) return finish(benefit, 'ineligible', trace);
  if (truth instanceof Unknown) {
    benefit.missing = [...truth.missing];
    return finish(benefit, 'needs-info', trace);
  }
  if (period?.open) {
    trace.note({
      zh: `补贴期至 ${period.to} 止，评估日 ${env.asOf} 尚未结束：金额为截至目前已缴税款计算的数额`,
      en: `The window runs to ${period.to} and is still open on ${env.asOf}: the amount counts the taxes paid so far`,
    });
  }
  try {
    const amount = computeAmount(p, scope, matches, benefit);
    if (amount instanceof Unknown) {
      benefit.missing = [...amount.missing];
      return finish(benefit, 'needs-info', trace);
    }
    if (amount) {
      // Never negative: a benefit cannot take money away.
      benefit.amount = formatMoney(amount.isNegative() ? ZERO : amount);
      benefit.countedInTotal = true;
    }
  } catch (e) {
    if (!(e instanceof FormulaError)) throw e;
    trace.note({ zh: `无法计算金额：${e.message}`, en: `The amount cannot be computed: ${e.message}` });
    return finish(benefit, 'needs-info', trace);
  }
  return finish(benefit, 'eligible', trace);
}

function finish(b: Benefit, status: Status, trace: Trace): Benefit {
  b.status = status;
  b.parameters = [...trace.parameters.values()];
  if (status !== 'eligible') b.countedInTotal = false;
  return b;
}

interface ItemMatch {
  items: { value: Record<string, unknown>; path: string; truth: Truth }[];
  collection: Truth;
}

function matchItems(g: CompiledPolicy['groups'][number], scope: Scope): ItemMatch {
  const list = scope.env.profile[g.of] as Record<string, unknown>[] | undefined;
  if (list === undefined) return { items: [], collection: new Unknown([g.of]) };
  const items = list.map((value, i) => {
    const path = `${g.of}[${i}]`;
    const truth = g.where({ ...scope, item: { value, path } });
    return { value, path, truth };
  });
  return { items, collection: true };
}

/** Eligible through items when some item of some group matches. */
function anyItem(matches: ItemMatch[]): Truth {
  const unknown: Unknown[] = [];
  for (const m of matches) {
    if (m.collection instanceof Unknown) {
      unknown.push(m.collection);
      continue;
    }
    for (const it of m.items) {
      if (it.truth === true) return true;
      if (it.truth instanceof Unknown) unknown.push(it.truth);
    }
  }
  return unknown.length ? Unknown.merge(unknown) : false;
}

function computeAmount(p: CompiledPolicy, scope: Scope, matches: ItemMatch[], b: Benefit): Dec | Unknown | undefined {
  const groups = new Map<string, Dec | Unknown>();
  p.groups.forEach((g, gi) => {
    const values: (Dec | Unknown)[] = [];
    for (const it of matches[gi]!.items) {
      if (it.truth === false) continue;
      if (it.truth instanceof Unknown) {
        values.push(it.truth);
        continue;
      }
      const itemScope: Scope = { ...scope, item: { value: it.value, path: it.path } };
      const figs = computeFigures(g.figures, itemScope, b, `${it.path}.`);
      if (g.period) {
        const from = g.period.from(itemScope);
        if (typeof from === 'string') {
          b.itemPeriods.push({ ...periodOf({ from, until: addCalendarYears(from, g.period.years) }, scope.env.asOf, true), item: it.path });
        } else if (from instanceof Unknown) values.push(from);
      }
      if (g.amount) {
        values.push(g.amount({ ...itemScope, groups: figs }));
      }
    }
    if (g.amount) groups.set(g.name, values.length ? sumOrUnknown(values) : ZERO);
    else if (values.some((v) => v instanceof Unknown)) groups.set(g.name, sumOrUnknown(values));
  });
  scope.groups = groups;
  for (const [name, v] of groups) if (!(v instanceof Unknown)) b.figures[name] = formatFigure(v);
  computeFigures(p.figures, scope, b, '');
  const pending = [...groups.values()].filter((v): v is Unknown => v instanceof Unknown);
  if (!p.amount) return pending.length ? Unknown.merge(pending) : undefined;
  const amount = p.amount(scope);
  if (pending.length && !(amount instanceof Unknown)) return Unknown.merge(pending);
  return amount;
}

/** Computes figures in order; known ones go to the output, each later one may read earlier ones. */
function computeFigures(figures: CompiledPolicy['figures'], scope: Scope, b: Benefit, prefix: string): Map<string, Dec | Unknown> {
  const local = new Map<string, Dec | Unknown>(scope.groups ?? []);
  const s: Scope = { ...scope, groups: local };
  for (const f of figures) {
    const v = f.fn(s);
    local.set(f.name, v);
    if (!(v instanceof Unknown)) b.figures[prefix + f.name] = formatFigure(v);
  }
  return local;
}

/** The same money counted once: within a stacking group only the largest eligible amount counts. */
function resolveStacking(benefits: Benefit[], rules: RuleSet): void {
  const groups = new Map<string, Benefit[]>();
  for (const p of rules.policies) {
    const g = p.def.stacking?.group;
    const b = benefits.find((x) => x.id === p.def.id)!;
    if (g && b.status === 'eligible' && b.amount !== null) groups.set(g, [...(groups.get(g) ?? []), b]);
  }
  for (const [group, list] of groups) {
    if (list.length < 2) continue;
    const winner = list.reduce((best, b) => (new Dec(b.amount!).gt(best.amount!) ? b : best));
    for (const b of list) {
      if (b === winner) continue;
      b.countedInTotal = false;
      b.overlapsWith = winner.id;
      b.notes.push({
        zh: `与 ${winner.id} 补贴同一笔税款的地方留成（${group}），只计入较大的 ${winner.id}`,
        en: `Pays the same local share of tax as ${winner.id} (${group}); only the larger, ${winner.id}, counts in the total`,
      });
    }
  }
}
