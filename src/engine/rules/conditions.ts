import { Dec } from '../support/decimal.js';
import { parseCalendarDate } from '../support/dates.js';
import type { FactType, Scope } from '../facts/facts.js';
import { assumeDefault, NUMERIC, readParameter, resolveFact, type CompileContext, type ResolvedFact, type ValueFn, type YamlPath } from './names.js';
import type { CheckDef, ConditionDef, Operand, Operator } from './rule-schema.js';
import { Range } from '../evaluate/bounds.js';
import { apply, literalTest } from './operators.js';
import { traceData, type CheckNode, type ConditionNode, type NotCondition, type TruthValue } from '../evaluate/trace.js';
import { and, firstDecisive, or, Unknown, type Truth } from '../support/unknown.js';
import { hasOwn } from '../support/own.js';

/**
 * Conditions compile into closures returning true, false or Unknown. `all` fails on any failure
 * whatever else is unknown; `any` passes on any pass; otherwise what is unknown is reported.
 * Given `out`, a condition also appends its node of the decision tree there; without it, it builds
 * nothing. Children are evaluated without short-circuit either way, so that the defaults and
 * parameters a result lists do not depend on whether a tree was asked for.
 */
export type CondFn = (s: Scope, out?: ConditionNode[]) => Truth;
export const truthValue = (t: Truth): TruthValue => (t instanceof Unknown ? null : t);

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
  const operand = def.value === undefined ? undefined : compileOperand(def.value, fact, def.op, ctx, [...path, 'value']);
  const test = (operand && 'constant' in operand && literalTest(def.op, operand.constant)) || ((v: unknown, e: unknown) => apply(op, v, e));
  const read = fact.read;
  const name = def.fact;
  const hasDefault = hasOwn(ctx.defaults, name);
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
    const exp = operand ? settled(operand.read(s), name) : undefined;
    let result: Truth;
    if (v instanceof Unknown) result = v;
    else if (exp instanceof Unknown) result = exp;
    else result = test(v, exp);
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

/** What a check compares with: read per scope (a parameter, another fact), or a constant of the rule. */
type CompiledOperand = { read: ValueFn } | { read: ValueFn; constant: unknown };
const NOTHING: CompiledOperand = { read: () => undefined };

function compileOperand(value: Operand, fact: ResolvedFact, op: Operator, ctx: CompileContext, path: YamlPath): CompiledOperand {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    if ('param' in value) {
      if (!ctx.params.has(value.param)) {
        ctx.report([...path, 'param'], `unknown parameter "${value.param}"`);
        return NOTHING;
      }
      const name = value.param;
      return { read: (s) => readParameter(s, name) };
    }
    const other = resolveFact(value.fact, ctx, [...path, 'fact']);
    return other ? { read: other.read } : NOTHING;
  }
  const list = op === 'in' || op === 'notIn' || op === 'containsAny' || op === 'startsWithAny' || op === 'between';
  if (list !== Array.isArray(value)) {
    ctx.report(path, list ? `operator "${op}" needs a list` : `operator "${op}" needs a single value`);
    return NOTHING;
  }
  if (op === 'between' && (value as unknown[]).length !== 2) {
    ctx.report(path, '"between" needs [from, until]: from included, until excluded');
    return NOTHING;
  }
  const items = (Array.isArray(value) ? value : [value]).map((v, i) => literal(v, fact, op, ctx, Array.isArray(value) ? [...path, i] : path));
  const constant = Array.isArray(value) ? items : items[0];
  return { read: () => constant, constant };
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
