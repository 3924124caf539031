import { Dec, formatFigure } from '../support/decimal.js';
import { Range, type Num } from './bounds.js';
import type { Parameter, ParameterValue } from '../rules/parameters.js';
import type { Operator, TextPair } from '../rules/rule-schema.js';
import type { Unit } from '../rules/units.js';
import { Unknown } from '../support/unknown.js';

/**
 * What a policy evaluation looked at, in two parts. The ledger (assumptions, parameters, notes) is
 * always kept: it is part of every result. The decision tree (PolicyTrace) is built only when
 * asked for (`evaluate(..., { trace: true })`): it keeps the rule's structure, each check with its
 * typed value and the value needed, each figure with its inputs, unit and choice, each item with
 * its own result, so that renderers explain a decision without re-parsing strings.
 */

/** Three-valued: true passed, false failed, null unknown (a fact is missing). */
export type TruthValue = boolean | null;

/** Where a node stands in the rule files: file (relative to the rule directory), YAML path and line. */
export interface RuleRef {
  file: string;
  path: string;
  line?: number;
}

/** A value as the trace keeps it: decimals as exact text, lists as arrays, null for "none". */
export type TraceData = { known: false } | { known: true; value: string | boolean | string[] | null };

export interface CheckNode {
  kind: 'check';
  /** The check's id in the rule file (or "fact op" where it has none). */
  check: string;
  label?: TextPair;
  /** The fact as the rule names it: `industry`, `item.kind`, `policies.P09.eligible`. */
  fact: string;
  /** The fact's path in the profile: `utilities[0].kind`, `fiscalYears.2018.revenue`. */
  path: string;
  op: Operator;
  /** The fact's type: money, ratio, date, enum, boolean, list, ... */
  type: string;
  value: TraceData;
  expected?: TraceData;
  result: TruthValue;
  /** What would decide it, when result is null. */
  missing: string[];
  /** The value is the rule's default, the profile not giving it. */
  assumed?: boolean;
  rule: RuleRef;
}

export interface GroupCondition {
  kind: 'all' | 'any';
  result: TruthValue;
  children: ConditionNode[];
  rule: RuleRef;
}

export interface NotCondition {
  kind: 'not';
  /** With a label, the negation is explained as one check of its own. */
  id?: string;
  label?: TextPair;
  result: TruthValue;
  child: ConditionNode;
  rule: RuleRef;
}

export type ConditionNode = CheckNode | GroupCondition | NotCondition;

export type Bound = 'exact' | 'at-least' | 'unknown';

/** A number in the trace: exact text, or the lower and upper bound of a range. */
export interface TraceNumber {
  value: string | null;
  /** Upper bound of a range; null where unbounded. Present only when bound is 'at-least'. */
  upTo?: string | null;
  bound: Bound;
  missing: string[];
}

export interface FigureInput extends TraceNumber {
  name: string;
  kind: 'figure' | 'fact' | 'parameter' | 'group';
  unit: Unit;
}

export interface PickOption {
  label: TextPair;
  /** Whether the option's condition holds (true where it has none). */
  applies: TruthValue;
  condition?: ConditionNode;
  value: TraceNumber | null;
  chosen: boolean;
}

export interface PickTrace {
  pick: 'highest' | 'lowest';
  options: PickOption[];
}

export interface FigureNode extends TraceNumber {
  name: string;
  unit: Unit;
  /** The formula as written in the rule file; absent for a choice among options. */
  formula?: string;
  inputs: FigureInput[];
  pick?: PickTrace;
  rule: RuleRef;
}

export interface ItemTrace {
  /** `land[1]`, `utilities[0]`. */
  path: string;
  id?: string;
  /** A utility line's kind, a tax payment's tax: what names the item to a reader. */
  kind?: string;
  result: TruthValue;
  condition?: ConditionNode;
  figures: FigureNode[];
  amount?: TraceNumber;
}

export interface GroupTrace {
  name: string;
  of: 'land' | 'utilities' | 'taxPayments';
  label?: TextPair;
  /** Whether some item counts: true, false, or null when it depends on what is missing. */
  result: TruthValue;
  /** Null when the collection itself is not given. */
  items: ItemTrace[] | null;
  total?: TraceNumber;
  rule: RuleRef;
}

export interface PolicyTrace {
  /** The rule file, relative to the rule directory. */
  file: string;
  eligibility: ConditionNode;
  groups: GroupTrace[];
  figures: FigureNode[];
  amount?: TraceNumber & { unit: Unit };
}

/** One decisive check as the contract's `reasons` list it. */
export interface Reason {
  check: string;
  fact: string;
  op: string;
  value: string | null;
  expected: string | null;
  /** true: passed; false: failed; null: unknown (the fact is missing). */
  result: boolean | null;
  label?: TextPair;
  /** The fact's type, so that a renderer writes 75% or 1,000.00 元 without guessing. */
  type?: string;
  /** The profile facts that would decide an unknown check. */
  missing?: string[];
  /** For a check on one item: its path (`land[1]`); for an item group's summary, the collection. */
  item?: string;
  /** The check is read in the negative (it stands under a `not`): `result` is that of the requirement. */
  negated?: boolean;
}

export interface Assumption {
  fact: string;
  value: string;
  message: TextPair;
}

export interface ParameterUse {
  name: string;
  value: string;
  since: string;
  source: string;
  /** What the parameter is, in both languages, and its unit: a renderer prints 75% and words, not the name. */
  description?: TextPair;
  unit?: Parameter['unit'];
}

/** The part of what an evaluation looked at that every result carries. */
export class Trace {
  readonly assumptions: Assumption[] = [];
  readonly parameters = new Map<string, ParameterUse>();
  readonly notes: TextPair[] = [];

  /**
   * The lean evaluation's ledger: it keeps nothing, so that a batch line, which prints none of it,
   * pays for none of it. Callers that build a message first ask `keeps`.
   */
  static readonly silent = new Trace(false);

  constructor(readonly keeps = true) {}

  useParameter(name: string, v: ParameterValue, p: Parameter | undefined): void {
    if (this.keeps && !this.parameters.has(name)) {
      // A table is too large to repeat in every result; its name, date and source identify it.
      const isTable = v.value !== null && typeof v.value === 'object' && !Array.isArray(v.value) && !(v.value instanceof Dec);
      const value = isTable ? 'table' : display(v.value) ?? 'null';
      const use: ParameterUse = { name, value, since: v.since, source: v.source };
      if (p) {
        use.description = p.description;
        use.unit = p.unit;
      }
      this.parameters.set(name, use);
    }
  }

  assume(a: Assumption): void {
    if (this.keeps && !this.assumptions.some((x) => x.message.en === a.message.en)) this.assumptions.push(a);
  }

  note(n: TextPair): void {
    if (this.keeps && !this.notes.some((x) => x.en === n.en)) this.notes.push(n);
  }
}

/** How a value is written in reasons: exact decimals, lists joined, unknown as null. */
export function display(v: unknown): string | null {
  if (v instanceof Unknown || v === undefined) return null;
  if (v instanceof Dec) return formatFigure(v);
  if (v instanceof Range) return v.exact ? formatFigure(v.lo) : null;
  if (v === null) return 'null';
  if (Array.isArray(v)) return v.map((x) => display(x)).join(', ');
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

/** A value as the trace keeps it. */
export function traceData(v: unknown): TraceData {
  if (v instanceof Unknown || v === undefined) return { known: false };
  if (v instanceof Dec) return { known: true, value: formatFigure(v) };
  if (v instanceof Range) return v.exact ? { known: true, value: formatFigure(v.lo) } : { known: false };
  if (v === null || typeof v === 'boolean' || typeof v === 'string') return { known: true, value: v };
  if (Array.isArray(v)) return { known: true, value: v.map((x) => display(x) ?? '') };
  return { known: true, value: display(v) };
}

/** A computed number as the trace keeps it. */
export function traceNumber(v: Num | Unknown): TraceNumber {
  if (v instanceof Unknown) return { value: null, bound: 'unknown', missing: [...v.missing] };
  if (v instanceof Range) {
    if (v.exact) return { value: formatFigure(v.lo), bound: 'exact', missing: [] };
    if (!v.lo.isFinite()) return { value: null, bound: 'unknown', missing: [...v.missing] };
    return { value: formatFigure(v.lo), upTo: v.hi.isFinite() ? formatFigure(v.hi) : null, bound: 'at-least', missing: [...v.missing] };
  }
  return { value: formatFigure(v), bound: 'exact', missing: [] };
}
