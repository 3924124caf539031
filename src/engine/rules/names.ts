import type { Dec } from '../support/decimal.js';
import { FACTS, ITEM_FIELDS, itemFieldReader, toDecimal, type FactType, type Scope } from '../facts/facts.js';
import type { TextPair } from './rule-schema.js';
import { atLeastZero, Range } from '../evaluate/bounds.js';
import type { FigureInput, RuleRef } from '../evaluate/trace.js';
import type { NumFn } from './expression.js';
import { unitOfType, type Unit } from './units.js';
import { Unknown } from '../support/unknown.js';
import { didYouMean } from '../support/suggest.js';
import { factWords, valueWords } from '../facts/vocabulary.js';
import { hasOwn, own } from '../support/own.js';

/**
 * What a name in a rule means, decided once at compile time: a fact of the registry, an item's
 * field (`item.x`), a parameter (`param.x`) or another policy's result (`policies.P09.eligible`).
 * Conditions and formulas both resolve their names here; what cannot be resolved is reported
 * with its YAML path.
 */
export type YamlPath = (string | number)[];

export interface CompileContext {
  policyId: string;
  /** The collection whose items `item.*` reads, inside an item group. */
  itemCollection?: string;
  defaults: Readonly<Record<string, unknown>>;
  params: { has(name: string): boolean; get(name: string): { unit: string; description?: TextPair } | undefined };
  /** Policies this one reads, with where in the rule file it first reads each. */
  dependsOn: Map<string, YamlPath>;
  report(path: YamlPath, message: string): void;
  /** Where a node of the rule stands, for the decision tree. */
  ref(path: YamlPath): RuleRef;
  /** Numeric facts the policy declares never negative: missing, they bound the amount (`atLeast:`). */
  atLeast?: ReadonlySet<string>;
}

export type ValueFn = (s: Scope) => unknown;
export interface ResolvedFact {
  type: FactType;
  values?: readonly string[];
  read: ValueFn;
}

const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);
export const NUMERIC: readonly FactType[] = ['money', 'number', 'ratio'];
export const isNumeric = (type: FactType): boolean => NUMERIC.includes(type);
const POLICY_REF = /^policies\.(P\d{2})\.(eligible|status)$/;

/** Resolves a fact name used in a rule to a typed reader, or reports why it cannot. */
export function resolveFact(name: string, ctx: CompileContext, path: YamlPath): ResolvedFact | undefined {
  if (name.split('.').some((p) => FORBIDDEN.has(p))) {
    ctx.report(path, `fact "${name}" goes through a forbidden name (__proto__, constructor, prototype)`);
    return undefined;
  }
  if (name.startsWith('item.')) {
    const field = name.slice(5);
    const fields = ctx.itemCollection ? ITEM_FIELDS[ctx.itemCollection] : undefined;
    const def = own(fields, field);
    if (!def) {
      ctx.report(path, ctx.itemCollection ? `unknown field "${field}" of ${ctx.itemCollection} items` : `"${name}" is only available inside items`);
      return undefined;
    }
    const coll = ctx.itemCollection!;
    return { type: def.type, values: def.values, read: itemFieldReader(coll, field) };
  }
  if (name.startsWith('param.')) {
    const pname = name.slice(6);
    const p = parameterNamed(pname, ctx, path);
    if (!p) return undefined;
    const type: FactType = p.unit === 'list' ? 'list' : p.unit === 'table' ? 'object' : 'ratio';
    return { type, read: (s) => readParameter(s, pname) };
  }
  const ref = POLICY_REF.exec(name);
  if (ref) {
    const id = ref[1]!;
    if (!ctx.dependsOn.has(id)) ctx.dependsOn.set(id, path);
    const wantsEligible = ref[2] === 'eligible';
    return {
      type: wantsEligible ? 'boolean' : 'enum',
      values: wantsEligible ? undefined : ['eligible', 'ineligible', 'needs-info'],
      read: (s) => {
        const r = s.env.results.get(id);
        if (!r) return new Unknown([name]);
        if (!wantsEligible) return r.status;
        return r.status === 'needs-info' ? new Unknown([name]) : r.status === 'eligible';
      },
    };
  }
  const def = own(FACTS, name);
  if (!def) {
    ctx.report(path, `unknown fact "${name}"${didYouMean(name, Object.keys(FACTS))}`);
    return undefined;
  }
  for (const p of def.needs ?? []) {
    if (!ctx.params.has(p)) ctx.report(path, `fact "${name}" is derived from parameter "${p}", which the rule set does not define`);
  }
  return { type: def.type, values: def.values, read: (s) => def.resolve(s) };
}

function parameterNamed(name: string, ctx: CompileContext, path: YamlPath): ReturnType<CompileContext['params']['get']> {
  const p = ctx.params.get(name);
  if (!p) ctx.report(path, `unknown parameter "${name}"`);
  return p;
}

/** A parameter's value on the scope's date: Dec or list, null when not in force. */
export function readParameter(s: Scope, name: string): unknown {
  if (s.paramDate === undefined) return Unknown.of('fiscalYears');
  const v = s.env.params.at(name, s.paramDate);
  if (!v) return null;
  s.trace.useParameter(name, v, s.env.params.get(name));
  return v.value;
}

/** Records that a policy's declared default stood in for a missing fact, in words. */
export function assumeDefault(s: Scope, name: string, dv: unknown): void {
  if (!s.trace.keeps) return;
  const ref = POLICY_REF.exec(name);
  let message: TextPair;
  if (ref) {
    const n = Number(ref[1]!.slice(1));
    const applies = dv === true || dv === 'eligible';
    message = {
      zh: `第${n}条（${ref[1]}）是否适用尚未确定，暂按${applies ? '适用' : '不适用'}计算（它只决定适用的税率）`,
      en: `Whether article ${n} (${ref[1]}) applies is still open; taken as ${applies ? 'applying' : 'not applying'} (it only picks the rate)`,
    };
  } else {
    const words = factWords(name) ?? { zh: name, en: name };
    const value = typeof dv === 'boolean' ? { zh: dv ? '是' : '否', en: dv ? 'yes' : 'no' } : (valueWords(name, String(dv)) ?? { zh: String(dv), en: String(dv) });
    message = {
      zh: `未提供“${words.zh}”，暂按“${value.zh}”计算（它只决定适用的税率或价格），请补充以确认`,
      en: `Not given: ${words.en}; taken as “${value.en}” (it only picks a rate or price); supply it to confirm`,
    };
  }
  s.trace.assume({ fact: name, value: String(dv), message });
}

/** Wraps a reader so that a policy's declared default stands in for a missing fact, and says so. */
export function withDefault(name: string, read: ValueFn, ctx: CompileContext): ValueFn {
  if (!hasOwn(ctx.defaults, name)) return read;
  const dv = ctx.defaults[name];
  return (s) => {
    const v = read(s);
    if (!(v instanceof Unknown)) return v;
    assumeDefault(s, name, dv);
    return dv;
  };
}


export interface CompiledInput {
  name: string;
  kind: FigureInput['kind'];
  unit: Unit;
  fn: NumFn<Scope>;
}

/** Resolves a name used in a formula: a parameter or a numeric fact, with its unit and reader. */
export function resolveNumeric(name: string, ctx: CompileContext, path: YamlPath): CompiledInput | undefined {
  if (name.startsWith('param.')) {
    const pname = name.slice(6);
    const p = parameterNamed(pname, ctx, path);
    if (!p) return undefined;
    if (p.unit === 'list' || p.unit === 'table') {
      ctx.report(path, `parameter "${pname}" is a ${p.unit}, not a number`);
      return undefined;
    }
    return {
      name, kind: 'parameter', unit: unitOfType(p.unit),
      fn: (s) => {
        const v = readParameter(s, pname);
        if (v instanceof Unknown) return v;
        // A parameter that is not in force has no value to compute with: the policy reports it.
        return (v as Dec | null) ?? new Unknown([`param.${pname}`]);
      },
    };
  }
  const fact = resolveFact(name, ctx, path);
  if (!fact) return undefined;
  if (!isNumeric(fact.type)) {
    ctx.report(path, `"${name}" is a ${fact.type}, not a number; use it in a condition`);
    return undefined;
  }
  const read = withDefault(name, fact.read, ctx);
  const bounded = ctx.atLeast?.has(name) ?? false;
  const itemKey = name.startsWith('item.') && ctx.itemCollection ? `${ctx.itemCollection}.${name.slice(5)}` : undefined;
  return {
    name, kind: 'fact', unit: unitOfType(fact.type, itemKey),
    fn: (s) => {
      const v = read(s);
      if (v instanceof Range) return v;
      // A declared non-negative input that is missing bounds the amount instead of blocking it.
      if (v instanceof Unknown) return bounded ? atLeastZero(v.missing) : v;
      return toDecimal(v) ?? (bounded ? atLeastZero([name]) : new Unknown([name]));
    },
  };
}
