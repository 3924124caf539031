import { evaluateYears, type EvaluationResult, type Profile, type RuleSet, type Status, type YearsResult } from '../engine/index.js';
import { csvRow, lineResult, type Format, type InputRef } from './formats.js';
import { gateRecord, type Gate, type GateRecord } from './gates.js';

/**
 * `batch --year all`: each profile evaluated for every fiscal year (engine/evaluate/years.ts). NDJSON: one
 * line per enterprise, the `check --year all --format json` document with its input. CSV: one row
 * per enterprise and fiscal year; the policies counted once (two-year windows, land, utilities)
 * appear only in the row of the latest year, so that each row adds up to its total and the rows of
 * an enterprise add up to its total over all years.
 */
export interface YearsOutput {
  text: string;
  needsInfo: boolean;
  ineligible: boolean;
  gated?: GateRecord;
}

/** The CSV row of one year: its yearly policies, and on the latest year's row the once policies too. */
function yearRow(y: YearsResult, r: EvaluationResult, latest: boolean): EvaluationResult {
  const once = new Set(y.policies.filter((p) => p.basis === 'once').map((p) => p.id));
  const benefits = latest ? r.benefits : r.benefits.filter((b) => !once.has(b.id));
  const count = (s: Status) => benefits.filter((b) => b.status === s).length;
  const year = r.evaluation.year === null ? undefined : String(r.evaluation.year);
  const amount = year === undefined ? r.totals.amount : latest ? addMoney(y.totals.byYear[year]!, y.totals.once) : y.totals.byYear[year]!;
  return { ...r, benefits, totals: { ...r.totals, amount, eligible: count('eligible'), needsInfo: count('needs-info'), ineligible: count('ineligible') } };
}

/** Two amounts of exactly two decimals added in whole fen, so no float rounding enters. */
function addMoney(a: string, b: string): string {
  const fen = (s: string) => BigInt(s.replace('.', ''));
  const t = (fen(a) + fen(b)).toString().padStart(3, '0');
  return `${t.slice(0, -2)}.${t.slice(-2)}`;
}

/** Merges what the gates found in each year: a policy trips once, whichever years it trips in. */
function gatesOverYears(input: InputRef, y: YearsResult, gates: Gate[], all: boolean): GateRecord | undefined {
  const records = y.results.map((r) => gateRecord(input, r, gates, all)).filter((g): g is GateRecord => g !== undefined);
  if (!records.length) return undefined;
  const seen = new Set<string>();
  const trips = records.flatMap((g) => g.trips).filter((t) => !seen.has(`${t.gate} ${t.policy}`) && seen.add(`${t.gate} ${t.policy}`));
  return { ...records[0]!, trips };
}

export function yearsOutput(
  rules: RuleSet, profile: Profile, input: InputRef,
  cfg: { asOf: string; format: Format; compact: boolean; trace: boolean; gates?: Gate[]; everyEnterprise?: boolean }, columns: string[],
): YearsOutput {
  const y = evaluateYears(rules, profile, { asOf: cfg.asOf, trace: cfg.trace });
  const out: YearsOutput = {
    text: '',
    needsInfo: y.results.some((r) => r.totals.needsInfo > 0),
    ineligible: y.results.some((r) => r.totals.ineligible > 0),
  };
  const gated = cfg.gates && gatesOverYears(input, y, cfg.gates, cfg.everyEnterprise === true);
  if (gated) out.gated = gated;
  if (cfg.format === 'csv') {
    out.text = y.results.map((r, i) => csvRow(input, yearRow(y, r, i === y.results.length - 1), columns)).join('');
  } else {
    const doc = { ...y, results: y.results.map((r) => lineResult(r, cfg.compact)) };
    out.text = `${JSON.stringify({ input, ...doc })}\n`;
  }
  return out;
}
