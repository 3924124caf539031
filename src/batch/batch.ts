import type { WriteStream } from 'node:tty';
import type { Writable } from 'node:stream';
import type { RuleSet } from '../engine/index.js';
import { planInputs } from './inputs.js';
import { amountColumns, csvHeader, SummaryBuilder, type Format } from './formats.js';
import { Progress, progressWanted } from './progress.js';
import { RunStats, runPipeline, writeTo } from './run.js';
import type { FailOn } from './options.js';

/**
 * `policy-calc batch`: every profile of the inputs evaluated and written in input order. Invalid
 * profiles are reported in the output and on stderr and do not stop the run; they, and the
 * `--fail-on` statuses, make the exit code 1.
 */
export interface BatchOptions {
  rulesDir: string;
  rules: RuleSet;
  year?: number;
  asOf: string;
  format: Format;
  /** ndjson: the whole result per line instead of the lean line. */
  full: boolean;
  compact: boolean;
  jobs: number;
  failOn: FailOn[];
}

export interface Streams {
  stdout: Writable;
  stderr: Writable & { isTTY?: boolean };
}

export async function batch(inputs: string[], o: BatchOptions, io: Streams = { stdout: process.stdout, stderr: process.stderr }): Promise<number> {
  const plan = planInputs(inputs);
  const stats = new RunStats(o.format === 'json' ? 1000 : 10);
  const summary = o.format === 'json' ? new SummaryBuilder() : undefined;
  if (o.format === 'csv') await writeTo(io.stdout, csvHeader(amountColumns(o.rules)));
  const progress = progressWanted(io.stderr) ? new Progress(io.stderr as WriteStream, plan.sizeKnown ? plan.knownBytes : undefined) : undefined;
  try {
    await runPipeline({
      config: { mode: 'batch', rules: o.rulesDir, year: o.year, asOf: o.asOf, format: o.format, full: o.full, compact: o.compact },
      plan,
      jobs: o.jobs,
      onWorkerLost: (message) => io.stderr.write(`policy-calc: ${message}\n`),
      onRead: (consumed) => progress?.update(stats.records, consumed),
      onResult: async (r, written) => {
        stats.add(r);
        if (r.summary) summary!.merge(r.summary);
        progress?.update(stats.records);
        await writeTo(io.stdout, r.output, written);
      },
    });
  } finally {
    progress?.stop();
  }
  if (summary) {
    const invalid = { count: stats.invalid, byReason: Object.fromEntries(stats.reasons()), listed: stats.firstInvalid };
    await writeTo(io.stdout, summary.render(o.rules, { year: o.year ?? null, asOf: o.asOf }, invalid));
  }
  if (stats.records === 0) io.stderr.write('policy-calc: no profiles found in the inputs (folders are searched for *.json; NDJSON files end in .ndjson or .jsonl)\n');
  io.stderr.write(stats.invalidReport());
  let failed = stats.invalid > 0;
  for (const status of o.failOn) {
    const n = status === 'needs-info' ? stats.withNeedsInfo : stats.withIneligible;
    if (n > 0) {
      failed = true;
      io.stderr.write(`policy-calc: --fail-on ${status}: ${n} enterprise(s) have a policy that is ${status}\n`);
    }
  }
  return failed ? 1 : 0;
}
