import { decodeUtf8, evaluate, evaluateLeanMany, isPolicyCalcError, parseProfile, type EvaluationResult, type LeanResult, type Profile } from '../engine/index.js';
import { loadRuleSet } from '../cli/rules.js';
import type { Batch } from './inputs.js';
import {
  csvErrorRow, csvRow, inputLabel, ndjsonErrorLine, ndjsonFullLine, reasonOf, SummaryBuilder, amountColumns,
  type ErrorInfo, type Format, type InputRef, type InvalidInput, type PartialSummary,
} from './formats.js';
import { diffResults, renderDiffJson, renderDiffText, type DiffFormat } from './diff.js';
import { ByteSink, EMPTY } from './byte-sink.js';
import { writeNdjsonLine } from './ndjson-bytes.js';
import { xlsxErrorLine, xlsxLine } from './xlsx-record.js';
import { yearsOutput } from './years-format.js';
import { gateRecord, type Gate, type GateRecord } from './gates.js';

/**
 * The work done on each batch, the same in a worker thread and in-process (`--jobs 1`): decode,
 * parse, validate, evaluate, format. A batch goes in as bytes and comes out as the bytes to write,
 * with the little the main thread needs besides (invalid inputs, statuses seen, partial sums).
 */
export type ProcessorConfig =
  | { mode: 'batch'; rules: string; year?: number | 'all'; asOf: string; format: Format; full: boolean; compact: boolean; gates?: Gate[]; everyEnterprise?: boolean }
  | { mode: 'diff'; rules: string; newRules: string; year?: number; asOf: string; format: DiffFormat };

export interface BatchResult {
  /** The batch's output, UTF-8. */
  output: Uint8Array;
  records: number;
  invalid: InvalidInput[];
  /** Enterprises with at least one policy in that status. */
  withNeedsInfo: number;
  withIneligible: number;
  summary?: PartialSummary;
  /** diff: enterprises whose results differ. */
  changed?: number;
  /** batch with gates: the enterprises that tripped one (with `everyEnterprise`, all of them). */
  gated?: GateRecord[];
}

export interface Processor {
  run(batch: Batch): BatchResult;
  /** Hands a result's output buffer back once written (see ByteSink). */
  recycle(output: Uint8Array): void;
}

/** The error of an input, with NDJSON line numbers made relative to the file rather than the line. */
function errorOf(e: unknown, input: InputRef): ErrorInfo {
  if (!isPolicyCalcError(e)) throw e;
  const issues = e.issues.map((i) => {
    const issue = { ...i, file: input.file };
    if (input.line) issue.line = input.line;
    return issue;
  });
  return { code: e.code, issues };
}

/**
 * Records are read, evaluated and handed on this many at a time. Reading a few records, then
 * evaluating them, then writing them, runs each stage's code over several records while it is in
 * the processor's caches (taking turns for every record pushed them out). With batch's small
 * young generations (4 MiB semi-spaces with one job, 2 MiB in all for a worker) more records only
 * hold more profiles alive across its collections, which copy them: of 1, 8, 32 and 128, 8 was
 * the fastest in a worker and with one job (BENCHMARKS.md, 2026-12-04).
 */
const RECORDS_PER_STAGE = 8;

export function forEachProfile<R = undefined>(
  batch: Batch,
  onProfile: (input: InputRef, profile: Profile, result: R) => void,
  onInvalid: (input: InputRef, error: ErrorInfo) => void,
  evaluateAll?: (profiles: Profile[]) => R[],
): void {
  const readErrors = new Map(batch.readErrors.map((r) => [r.index, r]));
  const n = batch.ends.length;
  const inputs: InputRef[] = new Array<InputRef>(RECORDS_PER_STAGE);
  const read: (Profile | ErrorInfo)[] = new Array<Profile | ErrorInfo>(RECORDS_PER_STAGE);
  let start = 0;
  for (let first = 0; first < n; first += RECORDS_PER_STAGE) {
    const last = Math.min(first + RECORDS_PER_STAGE, n);
    for (let i = first; i < last; i++) {
      const end = batch.ends[i]!;
      const file = batch.files[batch.fileOf[i]!]!;
      const line = batch.lines[i]!;
      const input: InputRef = line ? { file, line } : { file };
      inputs[i - first] = input;
      const readError = readErrors.get(i);
      if (readError) {
        read[i - first] = { code: readError.code, issues: [{ file, ...(line ? { line } : {}), message: readError.message }] };
      } else {
        try {
          const profile = parseProfile(decodeUtf8(batch.bytes.subarray(start, end), file), file);
          read[i - first] = profile;
        } catch (e) {
          read[i - first] = errorOf(e, input);
        }
      }
      start = end;
    }
    const results = evaluateAll ? evaluateEach(inputs, read, last - first, evaluateAll) : undefined;
    let j = 0;
    for (let k = 0; k < last - first; k++) {
      const input = inputs[k]!;
      const r = read[k]!;
      if (isErrorInfo(r)) {
        onInvalid(input, r);
        continue;
      }
      try {
        onProfile(input, r, (results ? results[j++] : undefined) as R);
      } catch (e) {
        throw whileEvaluating(e, input);
      }
    }
  }
}

/**
 * `evaluateAll` of the profiles among a stage's first `count` records, at once. Should it fail,
 * which is a bug, each profile is evaluated alone to find the input to report.
 */
function evaluateEach<R>(inputs: InputRef[], read: (Profile | ErrorInfo)[], count: number, evaluateAll: (profiles: Profile[]) => R[]): R[] {
  const profiles: Profile[] = [];
  for (let k = 0; k < count; k++) {
    const r = read[k]!;
    if (!isErrorInfo(r)) profiles.push(r);
  }
  try {
    return evaluateAll(profiles);
  } catch (e) {
    for (let k = 0; k < count; k++) {
      const r = read[k]!;
      if (isErrorInfo(r)) continue;
      try {
        evaluateAll([r]);
      } catch (alone) {
        throw whileEvaluating(alone, inputs[k]!);
      }
    }
    throw e;
  }
}

/** A bug, not the input's fault: it stops the run (exit 3), saying which input to report. */
function whileEvaluating(e: unknown, input: InputRef): unknown {
  if (e instanceof Error) e.stack = `${e.stack ?? e.message}\n    while evaluating ${inputLabel(input)}`;
  return e;
}

/** A record's refusal rather than its profile: a profile has a name and no issues. */
const isErrorInfo = (r: Profile | ErrorInfo): r is ErrorInfo => 'issues' in r;

export function createProcessor(cfg: ProcessorConfig): Processor {
  const rules = loadRuleSet(cfg.rules);
  // Only the --full line (and the several-years document, which holds whole results) shows reasons;
  // the lean line, CSV, the workbook, the summary and diff read decisions and amounts, which are the
  // same without them, and pay for no explanation.
  const opts = { year: cfg.year === 'all' ? undefined : cfg.year, asOf: cfg.asOf, trace: cfg.mode === 'batch' && cfg.format === 'ndjson' && cfg.full };
  const yearsTrace = cfg.mode === 'batch' && cfg.format === 'ndjson';
  if (cfg.mode === 'diff') {
    const newRules = loadRuleSet(cfg.newRules);
    const sink = new ByteSink();
    const run = (batch: Batch): BatchResult => {
      const out: BatchResult = { output: EMPTY, records: batch.ends.length, invalid: [], withNeedsInfo: 0, withIneligible: 0, changed: 0 };
      forEachProfile(
        batch,
        (input, profile) => {
          const d = diffResults(evaluate(rules, profile, opts), evaluate(newRules, profile, opts));
          if (!d) return;
          const ent = { name: profile.name, creditCode: profile.creditCode ?? null };
          // JSON items are separated here, and between batches by the caller: one array in the end.
          if (cfg.format === 'json') sink.push(`${sink.count ? ',\n' : ''}${renderDiffJson(input, ent, d)}`);
          else sink.push(renderDiffText(input, ent, d));
        },
        (input, error) => out.invalid.push({ input, error, reason: reasonOf(error) }),
      );
      out.changed = sink.count;
      out.output = sink.take();
      return out;
    };
    return { run, recycle: (b) => sink.recycle(b) };
  }
  const columns = amountColumns(rules);
  // The lean line, CSV, the summary and the gates read only decisions and amounts: the lean
  // evaluation, which builds nothing else. The workbook shows figures, --full the whole result.
  const lean = cfg.format === 'csv' || cfg.format === 'json' || (cfg.format === 'ndjson' && !cfg.full);
  const sink = new ByteSink();
  const run = (batch: Batch): BatchResult => {
    const out: BatchResult = { output: EMPTY, records: batch.ends.length, invalid: [], withNeedsInfo: 0, withIneligible: 0 };
    const summary = cfg.format === 'json' ? new SummaryBuilder() : undefined;
    forEachProfile<LeanResult | undefined>(
      batch,
      (input, profile, leanResult) => {
        if (cfg.year === 'all') {
          const y = yearsOutput(rules, profile, input, { ...cfg, trace: yearsTrace }, columns);
          if (y.needsInfo) out.withNeedsInfo++;
          if (y.ineligible) out.withIneligible++;
          if (y.gated) (out.gated ??= []).push(y.gated);
          return sink.push(y.text);
        }
        const result: LeanResult = leanResult ?? evaluate(rules, profile, opts);
        if (result.totals.needsInfo) out.withNeedsInfo++;
        if (result.totals.ineligible) out.withIneligible++;
        const gated = cfg.gates && gateRecord(input, result, cfg.gates, cfg.everyEnterprise === true);
        if (gated) (out.gated ??= []).push(gated);
        if (summary) summary.add(result);
        else if (cfg.format === 'csv') sink.push(csvRow(input, result, columns));
        else if (lean) writeNdjsonLine(sink, input, result);
        else {
          const whole = result as EvaluationResult;
          sink.push(cfg.format === 'xlsx' ? xlsxLine(input, whole, columns) : ndjsonFullLine(input, whole, cfg.compact));
        }
      },
      (input, error) => {
        out.invalid.push({ input, error, reason: reasonOf(error) });
        if (!summary) sink.push(cfg.format === 'csv' ? csvErrorRow(input, error, columns) : cfg.format === 'xlsx' ? xlsxErrorLine(input, error) : ndjsonErrorLine(input, error));
      },
      lean && cfg.year !== 'all' ? (profiles) => evaluateLeanMany(rules, profiles, opts) : undefined,
    );
    out.output = sink.take();
    if (summary) out.summary = summary.partial();
    return out;
  };
  return { run, recycle: (b) => sink.recycle(b) };
}

