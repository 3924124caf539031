import { Dec } from '../support/decimal.js';
import { parseCalendarDate } from '../support/dates.js';
import { FACTS, ITEM_FIELDS, itemFieldReader, type FactType, type Scope } from '../facts/facts.js';
import type { CheckDef, ConditionDef, Operand, Operator, TextPair } from './rule-schema.js';
import { Range } from '../evaluate/bounds.js';
import { apply } from './operators.js';
import { traceData, type CheckNode, type ConditionNode, type NotCondition, type RuleRef, type TruthValue } from '../evaluate/trace.js';
import { and, firstDecisive, or, Unknown, type Truth } from '../support/unknown.js';
import { didYouMean } from '../support/suggest.js';
import { factWords, valueWords } from '../facts/vocabulary.js';

/**
 * Conditions compile into closures returning true, false or Unknown. `all` fails on any failure
 * whatever else is unknown; `any` passes on any pass; otherwise what is unknown is reported.
 * Given `out`, a condition also appends its node of the decision tree there; without it, it builds
 * nothing. Children are evaluated without short-circuit either way, so that the defaults and
 * parameters a result lists do not depend on whether a tree was asked for.
 */
export type CondFn = (s: Scope, out?: ConditionNode[]) => Truth;
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

export const truthValue = (t: Truth): TruthValue => (t instanceof Unknown ? null : t);

export type ValueFn = (s: Scope) => unknown;
export interface ResolvedFact {
  type: FactType;
  values?: readonly string[];
  read: ValueFn;
}

const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);
const NUMERIC: FactType[] = ['money', 'number', 'ratio'];
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
    const def = fields && Object.prototype.hasOwnProperty.call(fields, field) ? fields[field] : undefined;
    if (!def) {
      ctx.report(path, ctx.itemCollection ? `unknown field "${field}" of ${ctx.itemCollection} items` : `"${name}" is only available inside items`);
      return undefined;
    }
    const coll = ctx.itemCollection!;
    return { type: def.type, values: def.values, read: itemFieldReader(coll, field) };
  }
  if (name.startsWith('param.')) {
    const pname = name.slice(6);
    const p = ctx.params.get(pname);
    if (!p) {
      ctx.report(path, `unknown parameter "${pname}"`);
      return undefined;
    }
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
  const def = Object.prototype.hasOwnProperty.call(FACTS, name) ? FACTS[name] : undefined;
  if (!def) {
    ctx.report(path, `unknown fact "${name}"${didYouMean(name, Object.keys(FACTS))}`);
    return undefined;
  }
  for (const p of def.needs ?? []) {
    if (!ctx.params.has(p)) ctx.report(path, `fact "${name}" is derived from parameter "${p}", which the rule set does not define`);
  }
  return { type: def.type, values: def.values, read: (s) => def.resolve(s) };
}

/** A parameter's value on the scope's date: Dec or list, null when not in force. */
export function readParameter(s: Scope, name: string): unknown {
  if (s.paramDate === undefined) return new Unknown(['fiscalYears']);
  const v = s.env.params.at(name, s.paramDate);
  if (!v) return null;
  s.trace.useParameter(name, v, s.env.params.get(name));
  return v.value;
}

/** Records that a policy's declared default stood in for a missing fact, in words. */
function assumeDefault(s: Scope, name: string, dv: unknown): void {
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
  if (!Object.prototype.hasOwnProperty.call(ctx.defaults, name)) return read;
  const dv = ctx.defaults[name];
  return (s) => {
    const v = read(s);
    if (!(v instanceof Unknown)) return v;
    assumeDefault(s, name, dv);
    return dv;
  };
}

export function compileCondition(def: ConditionDef, ctx: CompileContext, path: YamlPath): CondFn {
  if ('all' in def || 'any' in def) {
    const isAll = 'all' in def;
    const list = isAll ? (def as { all: ConditionDef[] }).all : (def as { any: ConditionDef[] }).any;
    const parts = list.map((d, i) => compileCondition(d, ctx, [...path, isAll ? 'all' : 'any', i]));
    const combine = isAll ? and : or;
    const rule = ctx.ref(path);
    return (s, out) => {
      if (!out) {
        // Where nothing is kept (the lean evaluation), the first decisive child decides.
        if (!s.trace.keeps) return firstDecisive(parts, s, !isAll);
        return combine(parts.map((p) => p(s)));
      }
      const children: ConditionNode[] = [];
      const v = combine(parts.map((p) => p(s, children)));
      out.push({ kind: isAll ? 'all' : 'any', result: truthValue(v), children, rule });
      return v;
    };
  }
  if ('not' in def) {
    const inner = compileCondition(def.not, ctx, [...path, 'not']);
    const rule = ctx.ref(path);
    const { id, label } = def;
    return (s, out) => {
      const below: ConditionNode[] | undefined = out ? [] : undefined;
      const v = inner(s, below);
      const r = v instanceof Unknown ? v : !v;
      if (out) {
        const node: NotCondition = { kind: 'not', result: truthValue(r), child: below![0]!, rule };
        if (id) node.id = id;
        if (label) node.label = label;
        out.push(node);
      }
      return r;
    };
  }
  return compileCheck(def, ctx, path);
}

const OPS_BY_TYPE: Record<Operator, FactType[] | 'any'> = {
  eq: 'any', ne: 'any', in: ['enum', 'string'], notIn: ['enum', 'string'],
  gt: [...NUMERIC, 'date'], gte: [...NUMERIC, 'date'], lt: [...NUMERIC, 'date'], lte: [...NUMERIC, 'date'],
  between: [...NUMERIC, 'date'], isTrue: ['boolean'], isFalse: ['boolean'], exists: 'any', isNull: 'any',
  nonEmpty: ['list'], contains: ['list'], containsAny: ['list'], startsWithAny: ['string'],
};
const NO_VALUE: Operator[] = ['isTrue', 'isFalse', 'exists', 'isNull', 'nonEmpty'];

/** A bounded number is used in a condition only where its bounds agree. */
function settled(v: unknown, fact: string): unknown {
  if (!(v instanceof Range)) return v;
  return v.exact ? v.lo : new Unknown(v.missing.length ? v.missing : [fact]);
}

function compileCheck(def: CheckDef, ctx: CompileContext, path: YamlPath): CondFn {
  const fact = resolveFact(def.fact, ctx, [...path, 'fact']);
  if (!fact) return () => false;
  const allowed = OPS_BY_TYPE[def.op];
  if (allowed !== 'any' && !allowed.includes(fact.type)) {
    ctx.report([...path, 'op'], `operator "${def.op}" does not apply to ${def.fact}, a ${fact.type}`);
    return () => false;
  }
  if (NO_VALUE.includes(def.op) !== (def.value === undefined)) {
    ctx.report(path, NO_VALUE.includes(def.op) ? `operator "${def.op}" takes no value` : `operator "${def.op}" needs a value`);
    return () => false;
  }
  const expected = def.value === undefined ? () => undefined : compileOperand(def.value, fact, def.op, ctx, [...path, 'value']);
  const read = fact.read;
  const name = def.fact;
  const hasDefault = Object.prototype.hasOwnProperty.call(ctx.defaults, name);
  const dv = hasDefault ? ctx.defaults[name] : undefined;
  const op = def.op;
  const check = def.id ?? `${def.fact} ${op}`;
  const label = def.label;
  const type = fact.type;
  const rule = ctx.ref(path);
  return (s, out) => {
    let v = settled(read(s), name);
    let assumed = false;
    if (v instanceof Unknown && hasDefault) {
      assumeDefault(s, name, dv);
      v = dv;
      assumed = true;
    }
    const exp = settled(expected(s), name);
    let result: Truth;
    if (v instanceof Unknown) result = v;
    else if (exp instanceof Unknown) result = exp;
    else result = apply(op, v, exp);
    if (out) {
      const node: CheckNode = {
        kind: 'check', check, fact: name,
        path: name.startsWith('item.') && s.item ? `${s.item.path}.${name.slice(5)}` : name,
        op, type, value: traceData(v), result: truthValue(result),
        missing: result instanceof Unknown ? [...result.missing] : [], rule,
      };
      if (label) node.label = label;
      if (def.value !== undefined) node.expected = traceData(exp);
      if (assumed) node.assumed = true;
      out.push(node);
    }
    return result;
  };
}

function compileOperand(value: Operand, fact: ResolvedFact, op: Operator, ctx: CompileContext, path: YamlPath): ValueFn {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    if ('param' in value) {
      if (!ctx.params.has(value.param)) {
        ctx.report([...path, 'param'], `unknown parameter "${value.param}"`);
        return () => undefined;
      }
      const name = value.param;
      return (s) => readParameter(s, name);
    }
    const other = resolveFact(value.fact, ctx, [...path, 'fact']);
    return other ? other.read : () => undefined;
  }
  const list = op === 'in' || op === 'notIn' || op === 'containsAny' || op === 'startsWithAny' || op === 'between';
  if (list !== Array.isArray(value)) {
    ctx.report(path, list ? `operator "${op}" needs a list` : `operator "${op}" needs a single value`);
    return () => undefined;
  }
  if (op === 'between' && (value as unknown[]).length !== 2) {
    ctx.report(path, '"between" needs [from, until]: from included, until excluded');
    return () => undefined;
  }
  const items = (Array.isArray(value) ? value : [value]).map((v, i) => literal(v, fact, op, ctx, Array.isArray(value) ? [...path, i] : path));
  const constant = Array.isArray(value) ? items : items[0];
  return () => constant;
}

function literal(v: unknown, fact: ResolvedFact, op: Operator, ctx: CompileContext, path: YamlPath): unknown {
  const type = op === 'contains' || op === 'containsAny' ? 'enum' : fact.type;
  if (NUMERIC.includes(type)) {
    const d = typeof v === 'number' || (typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v)) ? new Dec(String(v)) : undefined;
    if (!d) ctx.report(path, `expected a number, got ${JSON.stringify(v)}`);
    return d;
  }
  if (type === 'date') {
    const r = typeof v === 'string' ? parseCalendarDate(v) : 'is not a string';
    if (r !== v) ctx.report(path, `bad date ${JSON.stringify(v)}: ${r}`);
    return v;
  }
  if (type === 'boolean' && typeof v !== 'boolean') ctx.report(path, `expected true or false, got ${JSON.stringify(v)}`);
  if (fact.values && typeof v === 'string' && !fact.values.includes(v)) {
    ctx.report(path, `"${v}" is not a value of this fact; expected one of ${fact.values.join(', ')}`);
  }
  return v;
}
