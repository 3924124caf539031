import { defaultProblem } from './default-check.js';
import { extremeOfTwo, lower, sum, upper, type Num } from '../evaluate/bounds.js';
import { compileExpression, ExpressionError, namesIn, parseExpression, type NumFn } from './expression.js';
import { compileCondition, truthValue, type CondFn } from './conditions.js';
import { isNumeric, resolveFact, resolveNumeric, type CompileContext, type CompiledInput, type YamlPath } from './names.js';
import { ITEM_FIELDS, type Scope } from '../facts/facts.js';
import type { ItemGroupDef, PolicyDef, SelectDef, TextPair } from './rule-schema.js';
import { traceNumber, type ConditionNode, type PickOption, type PickTrace, type RuleRef } from '../evaluate/trace.js';
import { formulaUnit, type Unit } from './units.js';
import { factWords } from '../facts/vocabulary.js';
import { and, Unknown } from '../support/unknown.js';
import { own } from '../support/own.js';

/**
 * Compiles validated policy definitions into closures. Names are resolved here, once: a figure,
 * a parameter (`param.x`), an item field (`item.x`), or a fact of the registry. What cannot be
 * resolved is reported with its YAML path, and compilation goes on to report everything at once.
 * Each figure keeps what the decision tree shows of it: its formula, its inputs and its unit.
 */
export interface CompiledFigure {
  name: string;
  unit: Unit;
  /** The formula as written; absent for a choice among options. */
  formula?: string;
  inputs: CompiledInput[];
  fn: NumFn<Scope>;
  /** For a choice among options: each option with its condition and value, as the trace shows them. */
  pick?: (s: Scope) => PickTrace;
  rule: RuleRef;
}

export interface CompiledItemGroup {
  name: string;
  of: 'land' | 'utilities' | 'taxPayments';
  label?: TextPair;
  where: CondFn;
  figures: CompiledFigure[];
  amount?: NumFn<Scope>;
  period?: { from: (s: Scope) => unknown; years: number };
  rule: RuleRef;
}

export interface CompiledPolicy {
  def: PolicyDef;
  /** The rule file, relative to the rule directory. */
  file: string;
  eligibility: CondFn;
  groups: CompiledItemGroup[];
  figures: CompiledFigure[];
  amount?: NumFn<Scope>;
  amountUnit: Unit;
  quantified: boolean;
  windowFrom?: (s: Scope) => unknown;
  dependsOn: { id: string; path: YamlPath }[];
}

type Report = (path: YamlPath, message: string) => void;
type Known = Map<string, CompiledInput>;

export function compilePolicy(def: PolicyDef, params: CompileContext['params'], report: Report, ref: CompileContext['ref']): CompiledPolicy {
  const dependsOn = new Map<string, YamlPath>();
  const atLeast = new Set(def.atLeast ?? []);
  const base: CompileContext = { policyId: def.id, defaults: def.defaults ?? {}, params, dependsOn, report, ref, atLeast };
  for (const [fact, value] of Object.entries(def.defaults ?? {})) {
    const resolved = resolveFact(fact, base, ['defaults', fact]);
    const problem = resolved && defaultProblem(fact, resolved, value);
    if (problem) report(['defaults', fact], problem);
  }
  checkAtLeast(def, base);
  const eligibility = compileCondition(def.eligibility, base, ['eligibility']);

  const groups = (def.items ?? []).map((g, i) => compileGroup(g, { ...base, itemCollection: g.of }, ['items', i]));
  const groupNames: Known = new Map();
  for (const g of groups) {
    if (g.amount) groupNames.set(g.name, { name: g.name, kind: 'group', unit: 'money', fn: (s) => s.groups?.get(g.name) ?? new Unknown([g.name]) });
  }
  const figures = compileFigures(def.figures ?? {}, base, ['figures'], groupNames);
  const known: Known = new Map([...groupNames, ...figures.map((f): [string, CompiledInput] => [f.name, { name: f.name, kind: 'figure', unit: f.unit, fn: f.fn }])]);
  let amount: NumFn<Scope> | undefined;
  let amountUnit: Unit = 'money';
  if (def.amount) {
    const f = compileFormula(def.amount, base, ['amount'], known);
    amount = f.fn;
    amountUnit = f.unit;
  } else if (groupNames.size) {
    const parts = [...groupNames.values()].map((g) => g.fn);
    amount = (s) => sumOrUnknown(parts.map((p) => p(s)));
  }

  let windowFrom: CompiledPolicy['windowFrom'];
  if (def.period?.kind === 'window') {
    if (!def.period.from || !def.period.years) report(['period'], 'a window needs "from" (a date fact) and "years"');
    const f = def.period.from ? resolveFact(def.period.from, base, ['period', 'from']) : undefined;
    if (f && f.type !== 'date') report(['period', 'from'], `"${def.period.from}" is not a date`);
    windowFrom = f?.read;
  }
  return {
    def, file: ref([]).file, eligibility, groups, figures, amount, amountUnit, quantified: amount !== undefined, windowFrom,
    dependsOn: [...dependsOn].map(([id, path]) => ({ id, path })),
  };
}

/** `atLeast:` names numeric facts (or item fields of one of the policy's groups), each once. */
function checkAtLeast(def: PolicyDef, ctx: CompileContext): void {
  (def.atLeast ?? []).forEach((name, i) => {
    const path: YamlPath = ['atLeast', i];
    if (def.atLeast!.indexOf(name) !== i) ctx.report(path, `"${name}" is listed twice`);
    if (name.startsWith('item.')) {
      const field = name.slice(5);
      const ok = (def.items ?? []).some((g) => {
        const f = own(ITEM_FIELDS[g.of], field);
        return f !== undefined && isNumeric(f.type);
      });
      if (!ok) ctx.report(path, `"${name}" is not a numeric field of the items this policy reads`);
      return;
    }
    const f = resolveFact(name, ctx, path);
    if (f && !isNumeric(f.type)) ctx.report(path, `"${name}" is a ${f.type}; only numbers can bound an amount`);
  });
}

function compileGroup(g: ItemGroupDef, ctx: CompileContext, path: YamlPath): CompiledItemGroup {
  const where = g.where ? compileCondition(g.where, ctx, [...path, 'where']) : () => true;
  const figures = compileFigures(g.figures ?? {}, ctx, [...path, 'figures'], new Map());
  const known: Known = new Map(figures.map((f): [string, CompiledInput] => [f.name, { name: f.name, kind: 'figure', unit: f.unit, fn: f.fn }]));
  const amount = g.amount ? compileFormula(g.amount, ctx, [...path, 'amount'], known).fn : undefined;
  let period: CompiledItemGroup['period'];
  if (g.period) {
    const f = resolveFact(g.period.from, ctx, [...path, 'period', 'from']);
    if (f && f.type !== 'date') ctx.report([...path, 'period', 'from'], `"${g.period.from}" is not a date`);
    if (f) period = { from: f.read, years: g.period.years };
  }
  return { name: g.name, of: g.of, label: g.label, where, figures, amount, period, rule: ctx.ref(path) };
}

function compileFigures(defs: Record<string, string | SelectDef>, ctx: CompileContext, path: YamlPath, outer: Known): CompiledFigure[] {
  const known: Known = new Map(outer);
  const out: CompiledFigure[] = [];
  for (const [name, def] of Object.entries(defs)) {
    if (known.has(name)) ctx.report([...path, name], `figure "${name}" is defined twice`);
    const at = [...path, name];
    const f: CompiledFigure =
      typeof def === 'string'
        ? { name, ...compileFormula(def, ctx, at, known), formula: def, rule: ctx.ref(at) }
        : { name, ...compileSelect(name, def, ctx, at, known), rule: ctx.ref(at) };
    // Later formulas read the value already computed for this figure, not a second computation.
    const fn = f.fn;
    known.set(name, { name, kind: 'figure', unit: f.unit, fn: (s) => s.groups?.get(name) ?? fn(s) });
    out.push(f);
  }
  return out;
}

interface CompiledFormula {
  fn: NumFn<Scope>;
  unit: Unit;
  inputs: CompiledInput[];
}

/** Parses a formula and resolves each name, reporting unknown names with the formula's path. */
export function compileFormula(src: string, ctx: CompileContext, path: YamlPath, known: Known): CompiledFormula {
  const failed: CompiledFormula = { fn: () => new Unknown([]), unit: 'unknown', inputs: [] };
  let node;
  try {
    node = parseExpression(src);
  } catch (e) {
    if (e instanceof ExpressionError) {
      ctx.report(path, `formula "${src}": ${e.message} at column ${e.column}`);
      return failed;
    }
    throw e;
  }
  let ok = true;
  const resolved = new Map<string, CompiledInput>();
  for (const { name } of namesIn(node)) {
    if (resolved.has(name)) continue;
    const input = known.get(name) ?? resolveNumeric(name, ctx, path);
    if (!input) ok = false;
    else resolved.set(name, input);
  }
  if (!ok) return failed;
  return {
    fn: compileExpression(node, (name) => resolved.get(name)!.fn),
    unit: formulaUnit(node, (name) => resolved.get(name)!.unit),
    inputs: [...resolved.values()],
  };
}

interface CompiledSelect {
  fn: NumFn<Scope>;
  pick: (s: Scope) => PickTrace;
  unit: Unit;
  inputs: CompiledInput[];
}

/**
 * A choice among options: each applies when its condition holds and its value is in force.
 * Where some options are undecided but others apply, the choice is made among those that apply
 * and an assumption says what was left out.
 */
function compileSelect(name: string, def: SelectDef, ctx: CompileContext, path: YamlPath, known: Known): CompiledSelect {
  const options = def.options.map((o, i) => {
    const value = compileFormula(o.value, ctx, [...path, 'options', i, 'value'], known);
    return {
      when: o.when ? compileCondition(o.when, ctx, [...path, 'options', i, 'when']) : undefined,
      value: value.fn,
      unit: value.unit,
      label: o.label ?? optionLabel(o.value, ctx),
    };
  });
  const highest = def.pick === 'highest';
  // `picked` receives the decision tree's entry where it is wanted; without it nothing is made but the value.
  const run = (s: Scope, picked?: { pick?: PickTrace }): Num | Unknown => {
    const explain = picked !== undefined;
    let best: Num | undefined;
    let undecided: { label: TextPair; unknown: Unknown }[] | undefined;
    const shown: (PickOption & { raw?: Num })[] | undefined = explain ? [] : undefined;
    for (const o of options) {
      const nodes: ConditionNode[] | undefined = explain && o.when ? [] : undefined;
      const w = o.when ? o.when(s, nodes) : true;
      // The entries are the decision tree's: only `explain` reads them, and only it makes them.
      const entry: (PickOption & { raw?: Num }) | undefined = explain ? { label: o.label, applies: truthValue(w), value: null, chosen: false } : undefined;
      if (entry) {
        if (nodes?.[0]) entry.condition = nodes[0];
        shown!.push(entry);
      }
      if (w === false) continue;
      const v = o.value(s);
      if (entry) entry.value = traceNumber(v);
      if (w instanceof Unknown || v instanceof Unknown) {
        const u = w instanceof Unknown ? w : (v as Unknown);
        // A parameter not in force makes the option inapplicable, not unknown.
        if (u.missing.length && u.missing.every((m) => m.startsWith('param.'))) {
          if (entry) entry.applies = false;
          continue;
        }
        (undecided ??= []).push({ label: o.label, unknown: u });
        continue;
      }
      if (entry) entry.raw = v;
      best = best === undefined ? v : extremeOfTwo(highest, best, v);
    }
    if (best === undefined) return undecided ? Unknown.merge(undecided.map((u) => u.unknown)) : new Unknown([name]);
    if (undecided && s.trace.keeps) for (const u of undecided) s.trace.assume(notConsidered(u.label, u.unknown));
    if (!explain) return best;
    const b = best;
    // Of equal options, the one chosen is the first whose own condition holds (the more specific
    // reason: "technology-based SME rate" rather than "general rate"), else the first.
    const equal = shown!.filter((e) => e.raw !== undefined && lower(e.raw).eq(lower(b)) && upper(e.raw).eq(upper(b)));
    const chosen = equal.find((e) => e.condition) ?? equal[0];
    if (chosen) chosen.chosen = true;
    picked.pick = { pick: def.pick, options: shown!.map(({ raw: _raw, ...e }) => e) };
    return best;
  };
  return {
    fn: (s) => run(s),
    pick: (s) => {
      const picked: { pick?: PickTrace } = {};
      run(s, picked);
      return picked.pick ?? { pick: def.pick, options: [] };
    },
    unit: options[0]?.unit ?? 'number',
    inputs: [],
  };
}

/** An option without a label is named by the parameter it reads, else by its formula. */
function optionLabel(value: string, ctx: CompileContext): TextPair {
  const p = /^param\.([\w.]+)$/.exec(value.trim());
  const described = p ? ctx.params.get(p[1]!)?.description : undefined;
  return described ?? { zh: value, en: value };
}

function notConsidered(label: TextPair, u: Unknown): { fact: string; value: string; message: TextPair } {
  const words = u.missing.map((m) => factWords(m) ?? { zh: m, en: m });
  return {
    fact: u.missing.join(', '),
    value: 'not considered',
    message: {
      zh: `“${label.zh}”未纳入比较：${words.map((w) => w.zh).join('、')}尚不明确`,
      en: `“${label.en}” was not considered: ${words.map((w) => w.en).join(', ')} is not yet known`,
    },
  };
}

export function sumOrUnknown(values: (Num | Unknown)[]): Num | Unknown {
  const unknown = values.filter((v): v is Unknown => v instanceof Unknown);
  if (unknown.length) return Unknown.merge(unknown);
  return sum(values as Num[]);
}

export { and };
