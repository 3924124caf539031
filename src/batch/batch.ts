import type { WriteStream } from 'node:tty';
import type { Writable } from 'node:stream';
import { PolicyCalcError, type RuleSet } from '../engine/index.js';
import type { Lang } from '../cli/options.js';
import { openOutput, type Output } from '../cli/output-file.js';
import { planInputs, type InputPlan } from './input-plan.js';
import { amountColumns, csvHeader, SummaryBuilder, type Format } from './formats.js';
import { Progress, progressWanted } from './progress.js';
import { RunStats, runPipeline, writeTo } from './run.js';
import { GateReport, type Gate } from './gates.js';
import { JunitReport } from './junit.js';
import { noProfilesError } from './no-profiles.js';

/**
 * `policy-calc batch`: every profile of the inputs evaluated and written in input order. Invalid
 * profiles are reported in the output and on stderr and do not stop the run; they, and the
 * `--fail-on` gates that trip, make the exit code 1. Inputs without any profile are exit 2.
 */
export interface BatchOptions {
  rulesDir: string;
  rules: RuleSet;
  /** A fiscal year, or 'all': every year of each profile. */
  year?: number | 'all';
  asOf: string;
  format: Format;
  /** ndjson: the whole result per line instead of the lean line. */
  full: boolean;
  compact: boolean;
  jobs: number;
  failOn: Gate[];
  /** junit: the JUnit XML goes to `output` (or stdout), the results to stdout when `output` is given. */
  reporter?: 'text' | 'junit';
  /** -o FILE: written to a temporary name and renamed once complete. */
  output?: string;
  lang?: Lang;
}

export interface Streams {
  stdout: Writable;
  stderr: Writable & { isTTY?: boolean };
}

/** Where each batch's output goes: written to a stream, or handed to the results workbook. */
type Sink = (bytes: Uint8Array, written: () => void) => Promise<void>;

export async function batch(inputs: string[], o: BatchOptions, io: Streams = { stdout: process.stdout, stderr: process.stderr }): Promise<number> {
  const plan = planInputs(inputs);
  if (o.format === 'xlsx') return workbook(inputs, plan, o, io);
  const junit = o.reporter === 'junit' ? new JunitReport() : undefined;
  // With a JUnit report and no file, stdout carries the report and the results are not written.
  const junitOut = junit ? openOutput(o.output, io.stdout) : undefined;
  const results: Output | undefined = !junit ? openOutput(o.output, io.stdout) : o.output ? openOutput(undefined, io.stdout) : undefined;
  const outputs = [junitOut, results].filter((x): x is Output => x !== undefined);
  try {
    const stream = results?.stream;
    const sink: Sink | undefined = stream ? (bytes, written) => writeTo(stream, bytes, written) : undefined;
    if (o.format === 'csv' && stream) await writeTo(stream, csvHeader(amountColumns(o.rules)));
    const code = await run(inputs, plan, o, io, sink, junit);
    if (o.format === 'json' && stream) await writeTo(stream, code.summary!);
    if (junit && junitOut) await writeTo(junitOut.stream, junit.render());
    for (const out of outputs) await out.commit();
    return code.exit;
  } catch (e) {
    for (const out of outputs) out.abort();
    throw e;
  }
}

/** `--format xlsx -o results.xlsx`: the results workbook, streamed (xlsx-out.ts). */
async function workbook(inputs: string[], plan: InputPlan, o: BatchOptions, io: Streams): Promise<number> {
  if (!o.output || o.output === '-') throw new PolicyCalcError('USAGE', 'a results workbook is written to a file: give -o results.xlsx');
  if (o.reporter === 'junit') throw new PolicyCalcError('USAGE', '--reporter junit writes its XML to -o FILE, and a results workbook needs -o too: run them one at a time');
  const { XlsxResults } = await import('./xlsx-out.js');
  const book = new XlsxResults(o.output, o.rules, o.asOf);
  try {
    const code = await run(inputs, plan, o, io, async (bytes, written) => {
      await book.add(bytes);
      written();
    }, undefined);
    await book.finish();
    return code.exit;
  } catch (e) {
    book.abort();
    throw e;
  }
}

async function run(inputs: string[], plan: InputPlan, o: BatchOptions, io: Streams, sink: Sink | undefined, junit: JunitReport | undefined): Promise<{ exit: number; summary?: string }> {
  const stats = new RunStats(o.format === 'json' ? 1000 : 10);
  const summary = o.format === 'json' ? new SummaryBuilder() : undefined;
  const gates = new GateReport(o.failOn);
  const progress = progressWanted(io.stderr) ? new Progress(io.stderr as WriteStream, plan.sizeKnown ? plan.knownBytes : undefined) : undefined;
  try {
    await runPipeline({
      config: {
        mode: 'batch', rules: o.rulesDir, year: o.year, asOf: o.asOf, format: o.format, full: o.full, compact: o.compact,
        ...(o.failOn.length || junit ? { gates: o.failOn, everyEnterprise: junit !== undefined } : {}),
      },
      plan,
      jobs: o.jobs,
      onWorkerLost: (message) => io.stderr.write(`policy-calc: ${message}\n`),
      onRead: (consumed) => progress?.update(stats.records, consumed),
      onResult: async (r, written) => {
        stats.add(r);
        if (r.summary) summary!.merge(r.summary);
        for (const g of r.gated ?? []) {
          gates.add(g);
          junit?.add({ record: g });
        }
        for (const inv of r.invalid) junit?.add({ invalid: inv });
        progress?.update(stats.records);
        if (sink) await sink(r.output, written);
        else written();
      },
    });
  } finally {
    progress?.stop();
  }
  if (stats.records === 0) throw noProfilesError(inputs, o.lang);
  io.stderr.write(stats.invalidReport());
  io.stderr.write(gates.text());
  const exit = stats.invalid > 0 || gates.tripped ? 1 : 0;
  if (!summary) return { exit };
  const invalid = { count: stats.invalid, byReason: Object.fromEntries(stats.reasons()), listed: stats.firstInvalid };
  return { exit, summary: summary.render(o.rules, { year: typeof o.year === 'number' ? o.year : null, asOf: o.asOf }, invalid) };
}
