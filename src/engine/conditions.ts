import { Dec } from './decimal.js';
import { parseCalendarDate } from './dates.js';
import { FACTS, ITEM_FIELDS, readItemField, toDecimal, type FactType, type Scope } from './facts.js';
import type { CheckDef, ConditionDef, Operand, Operator } from './rule-schema.js';
import { display } from './trace.js';
import { Unknown, type Truth } from './unknown.js';
import { didYouMean } from './suggest.js';

/**
 * Conditions compile into closures returning true, false or Unknown. `all` fails on any failure
 * whatever else is unknown; `any` passes on any pass; otherwise what is unknown is reported.
 * Every leaf records its reason, so children are evaluated without short-circuit.
 */
export type CondFn = (s: Scope) => Truth;
export type YamlPath = (string | number)[];

export interface CompileContext {
  policyId: string;
  /** The collection whose items `item.*` reads, inside an item group. */
  itemCollection?: string;
  defaults: Readonly<Record<string, unknown>>;
  params: { has(name: string): boolean; get(name: string): { unit: string } | undefined };
  /** Policies this one reads, with where in the rule file it first reads each. */
  dependsOn: Map<string, YamlPath>;
  report(path: YamlPath, message: string): void;
}

export type ValueFn = (s: Scope) => unknown;
export interface ResolvedFact {
  type: FactType;
  values?: readonly string[];
  read: ValueFn;
}

const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);
const NUMERIC: FactType[] = ['money', 'number', 'ratio'];
const POLICY_REF = /^policies\.(P\d{2})\.(eligible|status)$/;

export function and(values: Truth[]): Truth {
  const unknown: Unknown[] = [];
  for (const v of values) {
    if (v === false) return false;
    if (v instanceof Unknown) unknown.push(v);
  }
  return unknown.length ? Unknown.merge(unknown) : true;
}

export function or(values: Truth[]): Truth {
  const unknown: Unknown[] = [];
  for (const v of values) {
    if (v === true) return true;
    if (v instanceof Unknown) unknown.push(v);
  }
  return unknown.length ? Unknown.merge(unknown) : false;
}

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
    return { type: def.type, values: def.values, read: (s) => readItemField(s, coll, field) };
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
  s.trace.useParameter(name, v);
  return v.value;
}

/** Wraps a reader so that a policy's declared default stands in for a missing fact, and says so. */
export function withDefault(name: string, read: ValueFn, ctx: CompileContext): ValueFn {
  if (!Object.prototype.hasOwnProperty.call(ctx.defaults, name)) return read;
  const dv = ctx.defaults[name];
  return (s) => {
    const v = read(s);
    if (!(v instanceof Unknown)) return v;
    s.trace.assume({
      fact: name,
      value: String(dv),
      message: {
        zh: `未提供 ${name}，按 ${String(dv)} 计算（该事实只决定适用的税率或价格）`,
        en: `${name} not given; taken as ${String(dv)} (it only picks a rate or price); supply it to confirm`,
      },
    });
    return dv;
  };
}

export function compileCondition(def: ConditionDef, ctx: CompileContext, path: YamlPath): CondFn {
  if ('all' in def) {
    const parts = def.all.map((d, i) => compileCondition(d, ctx, [...path, 'all', i]));
    return (s) => and(parts.map((p) => p(s)));
  }
  if ('any' in def) {
    const parts = def.any.map((d, i) => compileCondition(d, ctx, [...path, 'any', i]));
    return (s) => or(parts.map((p) => p(s)));
  }
  if ('not' in def) {
    const inner = compileCondition(def.not, ctx, [...path, 'not']);
    return (s) => {
      const v = inner(s);
      return v instanceof Unknown ? v : !v;
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
  const read = withDefault(def.fact, fact.read, ctx);
  const op = def.op;
  const check = def.id ?? `${def.fact} ${op}`;
  const label = def.label;
  return (s) => {
    const v = read(s);
    const factPath = def.fact.startsWith('item.') && s.item ? `${s.item.path}.${def.fact.slice(5)}` : def.fact;
    const exp = expected(s);
    let result: Truth;
    if (v instanceof Unknown) result = v;
    else if (exp instanceof Unknown) result = exp;
    else result = apply(op, v, exp);
    s.trace.reasons.push({
      check, fact: factPath, op, value: display(v), expected: display(exp),
      result: result instanceof Unknown ? null : result, ...(label ? { label } : {}),
    });
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

function apply(op: Operator, v: unknown, e: unknown): boolean {
  switch (op) {
    case 'exists': return v !== null;
    case 'isNull': return v === null;
    case 'isTrue': return v === true;
    case 'isFalse': return v === false;
    case 'nonEmpty': return Array.isArray(v) && v.length > 0;
  }
  if (v === null || e === null || e === undefined) return false;
  switch (op) {
    case 'eq': return equal(v, e);
    case 'ne': return !equal(v, e);
    case 'in': return (e as unknown[]).some((x) => equal(v, x));
    case 'notIn': return !(e as unknown[]).some((x) => equal(v, x));
    case 'contains': return Array.isArray(v) && v.some((x) => equal(x, e));
    case 'containsAny': return Array.isArray(v) && (e as unknown[]).some((x) => v.some((y) => equal(y, x)));
    case 'startsWithAny': return typeof v === 'string' && (e as string[]).some((p) => v.startsWith(p));
    case 'between': {
      const [from, until] = e as unknown[];
      return compare(v, from) >= 0 && compare(v, until) < 0;
    }
    case 'gt': return compare(v, e) > 0;
    case 'gte': return compare(v, e) >= 0;
    case 'lt': return compare(v, e) < 0;
    case 'lte': return compare(v, e) <= 0;
  }
  return false;
}

function equal(a: unknown, b: unknown): boolean {
  const da = toDecimal(a);
  const db = toDecimal(b);
  if (da && db) return da.eq(db);
  return a === b;
}

function compare(a: unknown, b: unknown): number {
  const da = toDecimal(a);
  const db = toDecimal(b);
  if (da && db) return da.cmp(db);
  return String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0;
}
