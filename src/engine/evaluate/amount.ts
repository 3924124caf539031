import { formatFigure, formatMoney, ZERO, type Dec } from '../support/decimal.js';
import { addCalendarDays, addCalendarYears, type CalendarDate, type DateWindow } from '../support/dates.js';
import { scopeWith, type Scope } from '../facts/scope.js';
import { sumOrUnknown, type CompiledFigure, type CompiledItemGroup, type CompiledPolicy } from '../rules/compile.js';
import { truthValue } from '../rules/conditions.js';
import { lower, Range, type Num } from './bounds.js';
import { traceNumber, type ConditionNode, type FigureNode, type GroupTrace, type ItemTrace, type Trace } from './trace.js';
import { factWords } from '../facts/vocabulary.js';
import type { Period, Status } from './result.js';
import type { Outcome } from './evaluate.js';
import { or, Unknown, type Truth } from '../support/unknown.js';

/**
 * The money side of a policy's evaluation: its items (parcels, utility lines) matched and
 * computed, its figures computed once in order, the amount settled as exact, a lower bound or
 * unknown. evaluate.ts decides eligibility and assembles the benefit; this file computes.
 */

export function periodOf(w: DateWindow, asOf: CalendarDate, withOpen: boolean): Period {
  const to = addCalendarDays(w.until, -1);
  // Two literals rather than a conditional spread, which V8 builds on a slow path.
  return withOpen ? { from: w.from, to, endExclusive: w.until, open: asOf < w.until } : { from: w.from, to, endExclusive: w.until };
}

export interface Computed {
  figures: FigureNode[];
  amount: Num | Unknown | undefined;
}

/**
 * The amount's status: unknown is needs-info; a range is an at-least amount (its lower bound) with
 * the facts that would complete it, or exact where its bounds agree; an open window's amount is
 * at least what has been paid so far; never negative.
 */
export function settleAmount(amount: Num | Unknown | undefined, b: Outcome, trace: Trace, openWindow: boolean): Status {
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
    if (trace.keeps) for (const fact of amount.missing) {
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

export interface ItemMatch {
  items: { value: Record<string, unknown>; path: string; truth: Truth; node?: ConditionNode; figures: FigureNode[]; amount?: Num | Unknown }[];
  collection: Truth;
}

export function matchItems(g: CompiledItemGroup, scope: Scope, explain: boolean): ItemMatch {
  const list = scope.env.profile[g.of] as Record<string, unknown>[] | undefined;
  if (list === undefined) return { items: [], collection: new Unknown([g.of]) };
  const items = list.map((value, i) => {
    const path = `${g.of}[${i}]`;
    const out: ConditionNode[] | undefined = explain ? [] : undefined;
    const truth = g.where(scopeWith(scope, { value, path }, scope.groups), out);
    return { value, path, truth, node: out?.[0], figures: [] };
  });
  return { items, collection: true };
}

/** Some item of the group counts: true; none can: false; otherwise unknown. */
export function groupTruth(m: ItemMatch): Truth {
  return m.collection instanceof Unknown ? m.collection : or(m.items.map((it) => it.truth));
}

export function groupTrace(g: CompiledItemGroup, m: ItemMatch): GroupTrace {
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

/** Where the figures and item periods of a policy are shown (a Benefit); the lean evaluation has none. */
export interface Shown {
  figures: Record<string, string>;
  itemPeriods: Period[];
}

export function computeAmount(p: CompiledPolicy, scope: Scope, matches: ItemMatch[], b: Outcome, shown: Shown | undefined, explain: boolean, out: Computed): void {
  const groups = new Map<string, Num | Unknown>();
  p.groups.forEach((g, gi) => {
    const values: (Num | Unknown)[] = [];
    for (const it of matches[gi]!.items) {
      if (it.truth === false) continue;
      if (it.truth instanceof Unknown) {
        values.push(it.truth);
        continue;
      }
      const itemScope: Scope = scopeWith(scope, { value: it.value, path: it.path }, scope.groups);
      const figs = computeFigures(g.figures, itemScope, shown, `${it.path}.`, explain ? it.figures : undefined);
      if (g.period) {
        const from = g.period.from(itemScope);
        if (typeof from === 'string') {
          shown?.itemPeriods.push({ ...periodOf({ from, until: addCalendarYears(from, g.period.years) }, scope.env.asOf, true), item: it.path });
        } else if (from instanceof Unknown) values.push(from);
      }
      if (g.amount) {
        it.amount = g.amount(scopeWith(itemScope, itemScope.item, figs));
        values.push(it.amount);
      }
    }
    if (g.amount) groups.set(g.name, values.length ? sumOrUnknown(values) : ZERO);
    else if (values.some((v) => v instanceof Unknown)) groups.set(g.name, sumOrUnknown(values));
  });
  scope.groups = groups;
  if (shown) for (const [name, v] of groups) if (!(v instanceof Unknown) && exactValue(v)) shown.figures[name] = formatFigure(exactValue(v)!);
  // The amount reads the figures just computed, never a second computation of them.
  scope.groups = computeFigures(p.figures, scope, shown, '', explain ? out.figures : undefined);
  const pending = [...groups.values()].filter((v): v is Unknown => v instanceof Unknown);
  if (!p.amount) {
    out.amount = pending.length ? Unknown.merge(pending) : undefined;
    return;
  }
  const amount = p.amount(scope);
  out.amount = pending.length && !(amount instanceof Unknown) ? Unknown.merge(pending) : amount;
}

const NO_GROUPS: ReadonlyMap<string, Num | Unknown> = new Map();

const exactValue = (v: Num): Dec | undefined => (v instanceof Range ? (v.exact ? v.lo : undefined) : v);

/** Computes figures in order; exact ones go to the output, each later one may read earlier ones. */
function computeFigures(figures: CompiledFigure[], scope: Scope, shown: Shown | undefined, prefix: string, nodes: FigureNode[] | undefined): ReadonlyMap<string, Num | Unknown> {
  // Nothing to add: the figures in reach are all there are (nothing changes them once made).
  if (!figures.length) return scope.groups ?? NO_GROUPS;
  const local = new Map<string, Num | Unknown>(scope.groups ?? []);
  const s: Scope = scopeWith(scope, scope.item, local);
  for (const f of figures) {
    const v = f.fn(s);
    local.set(f.name, v);
    if (shown && !(v instanceof Unknown)) {
      const exact = exactValue(v);
      if (exact) shown.figures[prefix + f.name] = formatFigure(exact);
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
