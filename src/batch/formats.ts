import { neutraliseFormula } from './csv-cell.js';
import type { Benefit, ErrorCode, EvaluationResult, Issue, LeanResult, Outcome, RuleSet, Status } from '../engine/index.js';
import { Dec } from '../engine/index.js';

/**
 * What batch writes: NDJSON (one result per line), CSV (one row per enterprise) and the JSON
 * summary. Workers format their own records, so these functions are pure and cheap to call per
 * record; the summary is built from partial sums that the main thread merges in input order.
 */
export interface InputRef {
  file: string;
  /** NDJSON line; absent for a whole JSON file. */
  line?: number;
}

export interface ErrorInfo {
  code: ErrorCode;
  issues: Issue[];
}

/** One invalid input, as a worker reports it to the main thread. */
export interface InvalidInput {
  input: InputRef;
  error: ErrorInfo;
  /** What the stderr summary counts it under: the error code, and the field of the first issue. */
  reason: string;
}

export const FORMATS = ['ndjson', 'csv', 'json', 'xlsx'] as const;
export type Format = (typeof FORMATS)[number];

export function inputLabel(input: InputRef): string {
  return input.line ? `${input.file}:${input.line}` : input.file;
}

/** `PROFILE_INVALID registrationDate`, `INPUT_JSON`: array indexes and years generalized so that alike errors count together. */
export function reasonOf(error: ErrorInfo): string {
  const path = error.code === 'PROFILE_INVALID' ? error.issues[0]?.path : undefined;
  if (!path) return error.code;
  return `${error.code} ${path.replace(/\[\d+\]/g, '[]').replace(/\.\d{4}(?=\.|$)/g, '.YYYY')}`;
}

// ---------------------------------------------------------------- NDJSON

/**
 * Drops the prose every line would repeat, the same for every enterprise: each benefit's summary,
 * what it grants, the rule's reading, and the citation's text (the article number, section and
 * responsible departments stay). What was found and decided stays whole.
 */
const STATIC_PROSE = new Set(['summary', 'grants', 'reading']);
function compactBenefit(b: Benefit): Partial<Benefit> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(b)) {
    if (STATIC_PROSE.has(k) || k === 'trace') continue;
    if (k === 'citation') {
      const { text: _text, ...cite } = v as Benefit['citation'];
      out[k] = cite;
    } else out[k] = v;
  }
  return out as Partial<Benefit>;
}

/** A benefit without its decision tree: a line carries the decisive reasons, not the whole tree. */
function withoutTrace(b: Benefit): Partial<Benefit> {
  const { trace: _trace, ...rest } = b;
  return rest;
}

/** A result as a `--full` line holds it: without decision trees, and with `compact` without the repeated prose. */
export function lineResult(result: EvaluationResult, compact: boolean): EvaluationResult {
  return { ...result, benefits: result.benefits.map(compact ? compactBenefit : withoutTrace) as Benefit[] };
}

/**
 * `--full`: the input first, then the contract's whole result, keys in the result's order; the
 * explanation trace is left out (it is `check --explain`'s, and would multiply the line).
 */
export function ndjsonFullLine(input: InputRef, result: EvaluationResult, compact: boolean): string {
  const r = lineResult(result, compact);
  return `${JSON.stringify({ input, ...r })}\n`;
}

/**
 * The default line: what a register of enterprises is read for, and nothing repeated. Written by
 * hand, field by field in a fixed order, rather than by JSON.stringify of a copied object: the
 * line is most of what batch costs once evaluation is lean. Strings go through JSON.stringify
 * (names are the enterprise's own text); ids, statuses and amounts are the engine's own tokens.
 */
export function ndjsonLine(input: InputRef, r: LeanResult): string {
  const e = r.enterprise;
  const v = r.evaluation;
  let s = `{"input":${inputJson(input)},"enterprise":{"name":${JSON.stringify(e.name)},"creditCode":${e.creditCode === null ? 'null' : JSON.stringify(e.creditCode)}}`;
  s += `,"evaluation":{"year":${v.year === null ? 'null' : v.year},"asOf":"${v.asOf}","rulesVersion":${JSON.stringify(v.rulesVersion)}},"benefits":[`;
  for (let i = 0; i < r.benefits.length; i++) {
    const b = r.benefits[i]!;
    s += `${i ? ',' : ''}{"id":${JSON.stringify(b.id)},"status":"${b.status}","amount":${b.amount === null ? 'null' : `"${b.amount}"`}`;
    s += `,"amountBound":${b.amountBound === null ? 'null' : `"${b.amountBound}"`}`;
    s += `,"countedInTotal":${b.countedInTotal},"missing":${b.missing.length ? JSON.stringify(b.missing) : '[]'}}`;
  }
  const t = r.totals;
  s += `],"totals":{"amount":"${t.amount}","amountBound":"${t.amountBound}","eligible":${t.eligible},"needsInfo":${t.needsInfo},"ineligible":${t.ineligible}}}\n`;
  return s;
}

/** The input reference, as JSON.stringify would write it (file names are the user's text). */
function inputJson(input: InputRef): string {
  return input.line ? `{"file":${JSON.stringify(input.file)},"line":${input.line}}` : `{"file":${JSON.stringify(input.file)}}`;
}

export function ndjsonErrorLine(input: InputRef, error: ErrorInfo): string {
  return `${JSON.stringify({ input, error })}\n`;
}

// ---------------------------------------------------------------- CSV

/** RFC 4180: quoted when it holds a comma, a quote or a line break; quotes doubled. Text that a spreadsheet would run as a formula is neutralised. */
export function csvField(v: string | number | null | undefined): string {
  if (v === null || v === undefined) return '';
  const s = typeof v === 'string' ? neutraliseFormula(v) : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function csvRecord(fields: (string | number | null | undefined)[]): string {
  return `${fields.map(csvField).join(',')}\r\n`;
}

/** The policies that get an amount column: the quantified ones, in article order. */
export function amountColumns(rules: RuleSet): string[] {
  return rules.policies.filter((p) => p.quantified).map((p) => p.def.id);
}

/**
 * Per quantified policy: its status, its amount, the part of it counted in the total (the amount,
 * or 0.00 where another benefit already pays the same money) and whether the amount is exact or
 * a lower bound. The counted columns of a row add up to its totalAmount.
 */
export const POLICY_CSV_FIELDS = ['status', 'amount', 'counted', 'bound'] as const;

export function csvHeader(columns: string[]): string {
  const policy = columns.flatMap((id) => POLICY_CSV_FIELDS.map((f) => `${id}_${f}`));
  return csvRecord(['input', 'creditCode', 'name', 'year', 'asOf', 'eligible', 'needsInfo', 'ineligible', 'totalAmount', 'totalBound', ...policy, 'error']);
}

/** `amountBound` from the engine where it gives one; before it did, every amount was exact. */
export function boundOf(x: { amount: string | null; amountBound?: string | null }): string | null {
  if (x.amount === null) return null;
  return x.amountBound ?? 'exact';
}

/** A benefit's amount as counted in the total: the amount, 0.00 when not counted, nothing when there is none. */
export function countedOf(b: Pick<Outcome, 'amount' | 'countedInTotal'>): string | null {
  if (b.amount === null) return null;
  return b.countedInTotal ? b.amount : '0.00';
}

export function csvRow(input: InputRef, r: LeanResult, columns: string[]): string {
  const byId = new Map(r.benefits.map((b) => [b.id, b]));
  const policy = columns.flatMap((id) => {
    const b = byId.get(id);
    return b ? [b.status, b.amount, countedOf(b), boundOf(b)] : [null, null, null, null];
  });
  const totals = r.totals as LeanResult['totals'] & { amountBound?: string };
  return csvRecord([
    inputLabel(input), r.enterprise.creditCode, r.enterprise.name, r.evaluation.year, r.evaluation.asOf,
    r.totals.eligible, r.totals.needsInfo, r.totals.ineligible, r.totals.amount, totals.amountBound ?? 'exact', ...policy, null,
  ]);
}

/** An invalid input's error in one cell: its code and first issue. */
export function errorCell(error: ErrorInfo): string {
  const first = error.issues[0];
  return `${error.code}: ${first ? `${first.path ? `${first.path}: ` : ''}${first.message}` : ''}`;
}

export function csvErrorRow(input: InputRef, error: ErrorInfo, columns: string[]): string {
  const message = errorCell(error);
  const empty = (n: number) => Array.from({ length: n }, () => null);
  return csvRecord([inputLabel(input), ...empty(9 + columns.length * POLICY_CSV_FIELDS.length), message]);
}

// ---------------------------------------------------------------- JSON summary

/** Sums of one batch, in a form that crosses the worker boundary (amounts as decimal text). */
export interface PartialSummary {
  evaluated: number;
  enterprisesWith: Record<Status, number>;
  statuses: Record<Status, number>;
  amount: string;
  policies: Record<string, { eligible: number; needsInfo: number; ineligible: number; amount: string; countedAmount: string }>;
}

const STATUS_KEY: Record<Status, 'eligible' | 'needsInfo' | 'ineligible'> = { eligible: 'eligible', 'needs-info': 'needsInfo', ineligible: 'ineligible' };

/** Accumulates results, or merges partial sums, into the summary. Amounts are exact decimals throughout. */
export class SummaryBuilder {
  evaluated = 0;
  readonly enterprisesWith: Record<Status, number> = { eligible: 0, 'needs-info': 0, ineligible: 0 };
  readonly statuses: Record<Status, number> = { eligible: 0, 'needs-info': 0, ineligible: 0 };
  private amount = new Dec(0);
  private readonly policies = new Map<string, { eligible: number; needsInfo: number; ineligible: number; amount: Dec; countedAmount: Dec }>();

  private policy(id: string) {
    let p = this.policies.get(id);
    if (!p) this.policies.set(id, (p = { eligible: 0, needsInfo: 0, ineligible: 0, amount: new Dec(0), countedAmount: new Dec(0) }));
    return p;
  }

  add(r: LeanResult): void {
    this.evaluated++;
    this.amount = this.amount.plus(r.totals.amount);
    const seen = new Set<Status>();
    for (const b of r.benefits) {
      seen.add(b.status);
      this.statuses[b.status]++;
      const p = this.policy(b.id);
      p[STATUS_KEY[b.status]]++;
      if (b.status === 'eligible' && b.amount !== null) {
        p.amount = p.amount.plus(b.amount);
        if (b.countedInTotal) p.countedAmount = p.countedAmount.plus(b.amount);
      }
    }
    for (const s of seen) this.enterprisesWith[s]++;
  }

  partial(): PartialSummary {
    return {
      evaluated: this.evaluated,
      enterprisesWith: { ...this.enterprisesWith },
      statuses: { ...this.statuses },
      amount: this.amount.toFixed(),
      policies: Object.fromEntries(
        [...this.policies].map(([id, p]) => [id, { ...p, amount: p.amount.toFixed(), countedAmount: p.countedAmount.toFixed() }]),
      ),
    };
  }

  merge(s: PartialSummary): void {
    this.evaluated += s.evaluated;
    this.amount = this.amount.plus(s.amount);
    for (const k of Object.keys(this.statuses) as Status[]) {
      this.statuses[k] += s.statuses[k];
      this.enterprisesWith[k] += s.enterprisesWith[k];
    }
    for (const [id, q] of Object.entries(s.policies)) {
      const p = this.policy(id);
      p.eligible += q.eligible;
      p.needsInfo += q.needsInfo;
      p.ineligible += q.ineligible;
      p.amount = p.amount.plus(q.amount);
      p.countedAmount = p.countedAmount.plus(q.countedAmount);
    }
  }

  /** The `--format json` document. */
  render(rules: RuleSet, evaluation: { year: number | null; asOf: string }, invalid: { count: number; byReason: Record<string, number>; listed: InvalidInput[] }): string {
    const money = (d: Dec) => d.toDecimalPlaces(2, Dec.ROUND_HALF_UP).toFixed(2);
    const doc = {
      evaluation: { ...evaluation, rulesVersion: rules.version },
      profiles: this.evaluated + invalid.count,
      evaluated: this.evaluated,
      invalid: invalid.count,
      totals: {
        amount: money(this.amount),
        eligible: this.statuses.eligible,
        needsInfo: this.statuses['needs-info'],
        ineligible: this.statuses.ineligible,
      },
      enterprisesWith: { eligible: this.enterprisesWith.eligible, needsInfo: this.enterprisesWith['needs-info'], ineligible: this.enterprisesWith.ineligible },
      policies: rules.policies.map((p) => {
        const s = this.policies.get(p.def.id);
        return {
          id: p.def.id,
          article: p.def.article,
          title: p.def.title,
          quantified: p.quantified,
          eligible: s?.eligible ?? 0,
          needsInfo: s?.needsInfo ?? 0,
          ineligible: s?.ineligible ?? 0,
          amount: p.quantified ? money(s?.amount ?? new Dec(0)) : null,
          countedAmount: p.quantified ? money(s?.countedAmount ?? new Dec(0)) : null,
        };
      }),
      invalidInputs: {
        byReason: invalid.byReason,
        listed: invalid.listed.length,
        inputs: invalid.listed.map(({ input, error }) => ({ input, error })),
      },
    };
    return `${JSON.stringify(doc, null, 2)}\n`;
  }
}
