import { formatFigure, formatMoney, ZERO, type Dec } from '../support/decimal.js';
import { addCalendarDays, addCalendarYears, type CalendarDate, type DateWindow } from '../support/dates.js';
import { scopeWith, type Scope } from '../facts/scope.js';
import { sumOrUnknown, type CompiledFigure, type CompiledItemGroup, type CompiledPolicy } from '../rules/compile.js';
import { truthValue } from '../rules/conditions.js';
import { lower, Range, type Num } from './bounds.js';
import { traceNumber, type ConditionNode, type FigureNode, type GroupTrace, type ItemTrace, type Trace } from './trace.js';
import { factWords } from '../facts/vocabulary.js';
import type { Period, Status } from './result.js';
import type { Outcome } from './result.js';
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

/** Figures of the decision tree (a policy's or an item's), which only `explain` fills: one empty list for all the others. */
export const NO_FIGURES: FigureNode[] = Object.freeze([]) as unknown as FigureNode[];

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

/** An item matched: it is also the scope's `item` (value and path) wherever the item is read. */
export interface MatchedItem {
  value: Record<string, unknown>;
  path: string;
  truth: Truth;
  node: ConditionNode | undefined;
  figures: FigureNode[];
  amount: Num | Unknown | undefined;
}

export interface ItemMatch {
  items: MatchedItem[];
  collection: Truth;
}

/** Each collection's item paths ("land[0]"), made once: a profile has at most MAX_ITEMS items of each. */
const PATHS = new Map<string, string[]>();

function itemPath(of: string, i: number): string {
  let paths = PATHS.get(of);
  if (!paths) PATHS.set(of, (paths = []));
  return (paths[i] ??= `${of}[${i}]`);
}


export function matchItems(g: CompiledItemGroup, scope: Scope, explain: boolean): ItemMatch {
  const list = scope.env.profile[g.of] as Record<string, unknown>[] | undefined;
  if (list === undefined) return { items: [], collection: new Unknown([g.of]) };
  // One scope for the items in turn: a condition keeps nothing of the scope it is read in.
  const itemScope: Scope = scopeWith(scope, undefined, scope.groups);
  const items = list.map((value, i) => {
    const it: MatchedItem = { value, path: itemPath(g.of, i), truth: true, node: undefined, figures: explain ? [] : NO_FIGURES, amount: undefined };
    const out: ConditionNode[] | undefined = explain ? [] : undefined;
    itemScope.item = it;
    it.truth = g.where(itemScope, out);
    it.node = out?.[0];
    return it;
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
  for (let gi = 0; gi < p.groups.length; gi++) {
    const g = p.groups[gi]!;
    const values: (Num | Unknown)[] = [];
    // One scope for the group's items in turn: nothing computed for an item keeps it.
    const itemScope: Scope = scopeWith(scope, undefined, scope.groups);
    for (const it of matches[gi]!.items) {
      if (it.truth === false) continue;
      if (it.truth instanceof Unknown) {
        values.push(it.truth);
        continue;
      }
      itemScope.item = it;
      itemScope.groups = scope.groups;
      computeFigures(g.figures, itemScope, shown, shown ? `${it.path}.` : '', explain ? it.figures : undefined);
      if (g.period) {
        const from = g.period.from(itemScope);
        if (typeof from === 'string') {
          shown?.itemPeriods.push({ ...periodOf({ from, until: addCalendarYears(from, g.period.years) }, scope.env.asOf, true), item: it.path });
        } else if (from instanceof Unknown) values.push(from);
      }
      if (g.amount) {
        it.amount = g.amount(itemScope);
        values.push(it.amount);
      }
    }
    if (g.amount) groups.set(g.name, values.length ? sumOrUnknown(values) : ZERO);
    else if (values.some((v) => v instanceof Unknown)) groups.set(g.name, sumOrUnknown(values));
  }
  scope.groups = groups;
  if (shown) for (const [name, v] of groups) if (!(v instanceof Unknown) && exactValue(v)) shown.figures[name] = formatFigure(exactValue(v)!);
  // The amount reads the figures just computed, never a second computation of them.
  computeFigures(p.figures, scope, shown, '', explain ? out.figures : undefined);
  let pending: Unknown[] | undefined;
  for (const v of groups.values()) if (v instanceof Unknown) (pending ??= []).push(v);
  if (!p.amount) {
    out.amount = pending ? Unknown.merge(pending) : undefined;
    return;
  }
  const amount = p.amount(scope);
  out.amount = pending && !(amount instanceof Unknown) ? Unknown.merge(pending) : amount;
}

const exactValue = (v: Num): Dec | undefined => (v instanceof Range ? (v.exact ? v.lo : undefined) : v);

/**
 * Computes figures in order into `s.groups` (a new map, over the figures already in reach): each
 * later one, and the amount after them, reads the earlier ones there. Exact ones go to the output.
 */
function computeFigures(figures: CompiledFigure[], s: Scope, shown: Shown | undefined, prefix: string, nodes: FigureNode[] | undefined): void {
  // Nothing to add: the figures in reach are all there are (nothing changes them once made).
  if (!figures.length) return;
  const local = new Map<string, Num | Unknown>(s.groups ?? []);
  s.groups = local;
  for (const f of figures) {
    const v = f.fn(s);
    local.set(f.name, v);
    if (shown && !(v instanceof Unknown)) {
      const exact = exactValue(v);
      if (exact) shown.figures[prefix + f.name] = formatFigure(exact);
    }
    if (nodes) nodes.push(figureNode(f, v, s));
  }
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
