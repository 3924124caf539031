import { defaultProblem } from './default-check.js';
import type { Dec } from './decimal.js';
import { compileExpression, ExpressionError, namesIn, parseExpression, type NumFn } from './expression.js';
import { and, compileCondition, readParameter, resolveFact, withDefault, type CompileContext, type CondFn, type YamlPath } from './conditions.js';
import { toDecimal, type Scope } from './facts.js';
import type { ItemGroupDef, PolicyDef, SelectDef, TextPair } from './rule-schema.js';
import { Unknown } from './unknown.js';

/**
 * Compiles validated policy definitions into closures. Names are resolved here, once: a figure,
 * a parameter (`param.x`), an item field (`item.x`), or a fact of the registry. What cannot be
 * resolved is reported with its YAML path, and compilation goes on to report everything at once.
 */
export interface CompiledFigure {
  name: string;
  fn: NumFn<Scope>;
}

export interface CompiledItemGroup {
  name: string;
  of: 'land' | 'utilities' | 'taxPayments';
  label?: TextPair;
  where: CondFn;
  figures: CompiledFigure[];
  amount?: NumFn<Scope>;
  period?: { from: (s: Scope) => unknown; years: number };
}

export interface CompiledPolicy {
  def: PolicyDef;
  eligibility: CondFn;
  groups: CompiledItemGroup[];
  figures: CompiledFigure[];
  amount?: NumFn<Scope>;
  quantified: boolean;
  windowFrom?: (s: Scope) => unknown;
  dependsOn: { id: string; path: YamlPath }[];
}

type Report = (path: YamlPath, message: string) => void;

export function compilePolicy(def: PolicyDef, params: CompileContext['params'], report: Report): CompiledPolicy {
  const dependsOn = new Map<string, YamlPath>();
  const base: CompileContext = { policyId: def.id, defaults: def.defaults ?? {}, params, dependsOn, report };
  for (const [fact, value] of Object.entries(def.defaults ?? {})) {
    const resolved = resolveFact(fact, base, ['defaults', fact]);
    const problem = resolved && defaultProblem(fact, resolved, value);
    if (problem) report(['defaults', fact], problem);
  }
  const eligibility = compileCondition(def.eligibility, base, ['eligibility']);

  const groups = (def.items ?? []).map((g, i) => compileGroup(g, { ...base, itemCollection: g.of }, ['items', i]));
  const groupNames = new Map<string, NumFn<Scope>>();
  for (const g of groups) {
    if (g.amount) groupNames.set(g.name, (s) => s.groups?.get(g.name) ?? new Unknown([g.name]));
  }
  const figures = compileFigures(def.figures ?? {}, base, ['figures'], groupNames);
  const known = new Map([...groupNames, ...figures.map((f): [string, NumFn<Scope>] => [f.name, f.fn])]);
  let amount: NumFn<Scope> | undefined;
  if (def.amount) amount = compileFormula(def.amount, base, ['amount'], known);
  else if (groupNames.size) {
    const parts = [...groupNames.values()];
    amount = (s) => sumOrUnknown(parts.map((p) => p(s)));
  }

  let windowFrom: CompiledPolicy['windowFrom'];
  if (def.period?.kind === 'window') {
    if (!def.period.from || !def.period.years) report(['period'], 'a window needs "from" (a date fact) and "years"');
    const f = def.period.from ? resolveFact(def.period.from, base, ['period', 'from']) : undefined;
    if (f && f.type !== 'date') report(['period', 'from'], `"${def.period.from}" is not a date`);
    windowFrom = f?.read;
  }
  return { def, eligibility, groups, figures, amount, quantified: amount !== undefined, windowFrom, dependsOn: [...dependsOn].map(([id, path]) => ({ id, path })) };
}

function compileGroup(g: ItemGroupDef, ctx: CompileContext, path: YamlPath): CompiledItemGroup {
  const where = g.where ? compileCondition(g.where, ctx, [...path, 'where']) : () => true;
  const figures = compileFigures(g.figures ?? {}, ctx, [...path, 'figures'], new Map());
  const known = new Map(figures.map((f): [string, NumFn<Scope>] => [f.name, f.fn]));
  const amount = g.amount ? compileFormula(g.amount, ctx, [...path, 'amount'], known) : undefined;
  let period: CompiledItemGroup['period'];
  if (g.period) {
    const f = resolveFact(g.period.from, ctx, [...path, 'period', 'from']);
    if (f && f.type !== 'date') ctx.report([...path, 'period', 'from'], `"${g.period.from}" is not a date`);
    if (f) period = { from: f.read, years: g.period.years };
  }
  return { name: g.name, of: g.of, label: g.label, where, figures, amount, period };
}

function compileFigures(
  defs: Record<string, string | SelectDef>,
  ctx: CompileContext,
  path: YamlPath,
  outer: Map<string, NumFn<Scope>>,
): CompiledFigure[] {
  const known = new Map(outer);
  const out: CompiledFigure[] = [];
  for (const [name, def] of Object.entries(defs)) {
    if (known.has(name)) ctx.report([...path, name], `figure "${name}" is defined twice`);
    const fn = typeof def === 'string' ? compileFormula(def, ctx, [...path, name], known) : compileSelect(name, def, ctx, [...path, name], known);
    // Later formulas read the value already computed for this figure, not a second computation.
    known.set(name, (s) => s.groups?.get(name) ?? fn(s));
    out.push({ name, fn });
  }
  return out;
}

/** Parses a formula and resolves each name, reporting unknown names with the formula's path. */
export function compileFormula(src: string, ctx: CompileContext, path: YamlPath, known: Map<string, NumFn<Scope>>): NumFn<Scope> {
  let node;
  try {
    node = parseExpression(src);
  } catch (e) {
    if (e instanceof ExpressionError) {
      ctx.report(path, `formula "${src}": ${e.message} at column ${e.column}`);
      return () => new Unknown([]);
    }
    throw e;
  }
  let ok = true;
  const resolved = new Map<string, NumFn<Scope>>();
  for (const { name } of namesIn(node)) {
    if (resolved.has(name)) continue;
    const fn = known.get(name) ?? resolveNumeric(name, ctx, path);
    if (!fn) ok = false;
    else resolved.set(name, fn);
  }
  if (!ok) return () => new Unknown([]);
  return compileExpression(node, (name) => resolved.get(name)!);
}

function resolveNumeric(name: string, ctx: CompileContext, path: YamlPath): NumFn<Scope> | undefined {
  if (name.startsWith('param.')) {
    const pname = name.slice(6);
    const p = ctx.params.get(pname);
    if (!p) {
      ctx.report(path, `unknown parameter "${pname}"`);
      return undefined;
    }
    if (p.unit === 'list' || p.unit === 'table') {
      ctx.report(path, `parameter "${pname}" is a ${p.unit}, not a number`);
      return undefined;
    }
    return (s) => {
      const v = readParameter(s, pname);
      if (v instanceof Unknown) return v;
      // A parameter that is not in force has no value to compute with: the policy reports it.
      return (v as Dec | null) ?? new Unknown([`param.${pname}`]);
    };
  }
  const fact = resolveFact(name, ctx, path);
  if (!fact) return undefined;
  if (fact.type !== 'money' && fact.type !== 'number' && fact.type !== 'ratio') {
    ctx.report(path, `"${name}" is a ${fact.type}, not a number; use it in a condition`);
    return undefined;
  }
  const read = withDefault(name, fact.read, ctx);
  return (s) => {
    const v = read(s);
    if (v instanceof Unknown) return v;
    return toDecimal(v) ?? new Unknown([name]);
  };
}

/**
 * A choice among options: each applies when its condition holds and its value is in force.
 * Where some options are undecided but others apply, the choice is made among those that apply
 * and an assumption says what was left out.
 */
function compileSelect(name: string, def: SelectDef, ctx: CompileContext, path: YamlPath, known: Map<string, NumFn<Scope>>): NumFn<Scope> {
  const options = def.options.map((o, i) => ({
    when: o.when ? compileCondition(o.when, ctx, [...path, 'options', i, 'when']) : () => true as const,
    value: compileFormula(o.value, ctx, [...path, 'options', i, 'value'], known),
    label: o.label ?? { zh: o.value, en: o.value },
  }));
  const highest = def.pick === 'highest';
  return (s) => {
    let best: Dec | undefined;
    const undecided: { label: TextPair; unknown: Unknown }[] = [];
    for (const o of options) {
      const w = o.when(s);
      if (w === false) continue;
      const v = o.value(s);
      if (w instanceof Unknown || v instanceof Unknown) {
        const u = w instanceof Unknown ? w : (v as Unknown);
        // A parameter not in force makes the option inapplicable, not unknown.
        if (u.missing.length && u.missing.every((m) => m.startsWith('param.'))) continue;
        undecided.push({ label: o.label, unknown: u });
        continue;
      }
      if (!best || (highest ? v.gt(best) : v.lt(best))) best = v;
    }
    if (!best) return undecided.length ? Unknown.merge(undecided.map((u) => u.unknown)) : new Unknown([name]);
    for (const u of undecided) {
      s.trace.assume({
        fact: u.unknown.missing.join(', '),
        value: 'not considered',
        message: {
          zh: `${name}：因缺少 ${u.unknown.missing.join('、')}，未考虑“${u.label.zh}”`,
          en: `${name}: "${u.label.en}" not considered because ${u.unknown.missing.join(', ')} is missing`,
        },
      });
    }
    return best;
  };
}

export function sumOrUnknown(values: (Dec | Unknown)[]): Dec | Unknown {
  const unknown = values.filter((v): v is Unknown => v instanceof Unknown);
  if (unknown.length) return Unknown.merge(unknown);
  return (values as Dec[]).reduce((a, b) => a.plus(b));
}

/**
 * Orders policies so that each comes after those it reads. A cycle is reported at the reference
 * that closes it in the policy where the walk entered it; a reference to a policy that does not
 * exist, at that reference.
 */
export function dependencyOrder(policies: CompiledPolicy[], report: (id: string, path: YamlPath, message: string) => void): CompiledPolicy[] {
  const byId = new Map(policies.map((p) => [p.def.id, p]));
  const state = new Map<string, 'visiting' | 'done'>();
  const out: CompiledPolicy[] = [];
  const visit = (p: CompiledPolicy, chain: CompiledPolicy[]) => {
    const st = state.get(p.def.id);
    if (st === 'done') return;
    if (st === 'visiting') {
      const start = chain.findIndex((c) => c.def.id === p.def.id);
      const cycle = [...chain.slice(start), p];
      const edge = cycle[0]!.dependsOn.find((d) => d.id === cycle[1]!.def.id)!;
      report(cycle[0]!.def.id, edge.path, `circular dependency between policies: ${cycle.map((c) => c.def.id).join(' -> ')}`);
      return;
    }
    state.set(p.def.id, 'visiting');
    for (const d of p.dependsOn) {
      const dep = byId.get(d.id);
      if (!dep) report(p.def.id, d.path, `depends on policy ${d.id}, which is not in the rule set`);
      else visit(dep, [...chain, p]);
    }
    state.set(p.def.id, 'done');
    out.push(p);
  };
  for (const p of policies) visit(p, []);
  return out;
}

export { and };
