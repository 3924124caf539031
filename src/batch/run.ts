import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { formatIssue } from '../engine/index.js';
import { readBatches, type Batch, type BatchLimits } from './inputs.js';
import { jsonFilesBelow, type InputPlan } from './input-plan.js';
import { inProcess, WorkerPool, type Runner } from './pool.js';
import { createProcessor, type BatchResult, type ProcessorConfig } from './worker.js';
import type { InvalidInput } from './formats.js';
import { settleYoungGeneration } from './heap.js';

/**
 * The batch pipeline: read batches, run them (in-process or on workers), hand each result to the
 * caller in input order. At most `window` batches are in flight, and the caller's writes are
 * awaited, so a slow reader of the output slows the reading of the input instead of filling
 * memory: a million profiles need no more memory than a thousand. A batch of 128 records is
 * some 20 ms of work, long beside a message between threads; 256 held 8 MiB more in flight with
 * two jobs, for no speed.
 */
export const BATCH_LIMITS: BatchLimits = { records: 128, bytes: 256 * 1024 };

/**
 * The worker's entry: the bundled CLI (scripts/bundle.mjs) names bin/batch-worker.js, which runs
 * the worker bundle through its code cache; the unbundled program (dist/, tests) its own module.
 */
declare const __PC_WORKER_ENTRY__: string | undefined;
const WORKER_ENTRY = new URL(typeof __PC_WORKER_ENTRY__ === 'string' ? __PC_WORKER_ENTRY__ : './worker-entry.js', import.meta.url);

/** POLICY_CALC_BATCH_RECORDS overrides the records per batch (tests use tiny batches to shuffle completion order). */
export function batchLimits(env: NodeJS.ProcessEnv = process.env): BatchLimits {
  const n = Number(env.POLICY_CALC_BATCH_RECORDS);
  return Number.isInteger(n) && n >= 1 ? { ...BATCH_LIMITS, records: n } : BATCH_LIMITS;
}

/**
 * Records from which workers pay for themselves. Each V8 heap warms up on its own: it runs its
 * first thousands of profiles in slower tiers while TurboFan compiles the hot code (about 1 s of
 * CPU), so a worker on a small input only adds a second warm-up. On the bench's profiles, two
 * jobs were slower than one from 300 to 12,000 records (by 3-35%; with `--full` at 1,000 and 3,000
 * too), about as fast at 16,000, and 1.1-1.2x as fast at 20,000 (BENCHMARKS.md, 2026-12-04). Read
 * from stdin, whose length is not known, the workers start at once: started after the first
 * 16,000 records, they peaked at 158 MiB over a million profiles, against 135-150 MiB at once.
 * POLICY_CALC_WORKERS_FROM overrides it (tests use 0 to have workers on a few records).
 */
export const WORKERS_FROM = 16_000;

export function workersFrom(env: NodeJS.ProcessEnv = process.env): number {
  const v = env.POLICY_CALC_WORKERS_FROM;
  return v !== undefined && /^\d{1,9}$/.test(v) ? Number(v) : WORKERS_FROM;
}

/**
 * The records the inputs will hold, counted up to `enough`: a folder's JSON files (one profile
 * each), and the files' bytes at the first batch's bytes per record. Undefined where nothing says
 * (stdin, and workbooks, whose bytes are not the records').
 */
export function expectedRecords(plan: InputPlan, first: Batch, enough: number): number | undefined {
  let records = 0;
  for (const input of plan.inputs) {
    if (input.kind === 'stdin' || input.kind === 'xlsx') return undefined;
    if (input.kind !== 'dir') continue;
    for (const _file of jsonFilesBelow(input.path)) if (++records >= enough) return records;
  }
  if (!plan.knownBytes) return records;
  if (!first.bytes.length) return undefined;
  return records + Math.round((plan.knownBytes * first.ends.length) / first.bytes.length);
}

/** Whether batches run on workers too: only for an input expected to be large, or of unknown size. */
export function useWorkers(jobs: number, batches: 'one' | 'more', expected: number | undefined, from: number): boolean {
  if (jobs <= 1 || batches === 'one') return false;
  return expected === undefined || expected >= from;
}

export interface PipelineOptions {
  config: ProcessorConfig;
  plan: InputPlan;
  jobs: number;
  /** Called with each result in input order; `written` must be called once its output is written. */
  onResult(r: BatchResult, written: () => void): Promise<void> | void;
  /** Called with the input bytes read so far, as batches are read. */
  onRead?(consumed: number): void;
  limits?: BatchLimits;
  /** Told when a worker stops unexpectedly; its inputs are evaluated again. */
  onWorkerLost?(message: string): void;
}

export async function runPipeline(o: PipelineOptions): Promise<void> {
  const source = readBatches(o.plan, o.limits ?? batchLimits());
  const it = source.batches;
  const first = await it.next();
  if (first.done) return;
  const second = await it.next();
  // One batch, or a small input, is evaluated here: starting a worker would cost more than it gives.
  const from = workersFrom();
  const parallel = useWorkers(o.jobs, second.done ? 'one' : 'more', expectedRecords(o.plan, first.value, from), from);
  const runner: Runner = parallel
    ? new WorkerPool(WORKER_ENTRY, o.config, o.jobs, o.onWorkerLost)
    : inProcess(createProcessor(o.config));
  // Two batches per thread: a worker's one running and one waiting, so that no worker idles while
  // this thread evaluates or writes, and this thread's own awaiting their turn to be written (over
  // 50,000 profiles with two jobs, this thread waited 5% of the run for a worker's result); more
  // would only hold more output in memory (a result is ~40 times its input).
  const window = parallel ? o.jobs * 2 : 1;
  const pending: Promise<BatchResult>[] = [];
  const submit = (b: Batch) => {
    const p = runner.run(b);
    p.catch(() => {}); // awaited in order below; this only keeps a later failure from being "unhandled" meanwhile
    pending.push(p);
    o.onRead?.(source.consumed());
  };
  const drainTo = async (n: number) => {
    while (pending.length > n) {
      const r = await pending.shift()!;
      await o.onResult(r, () => runner.release(r));
      settleYoungGeneration();
    }
  };
  try {
    submit(first.value);
    if (!second.done) {
      await drainTo(window - 1);
      submit(second.value);
      for await (const b of it) {
        await drainTo(window - 1);
        submit(b);
      }
    }
    await drainTo(0);
  } finally {
    await runner.close();
  }
}

/**
 * Writes with backpressure: resolves once the stream can take more. `written` is called when the
 * data has left (its buffer may then be reused).
 */
export async function writeTo(stream: Writable, data: string | Uint8Array, written?: () => void): Promise<void> {
  if (!data.length) {
    written?.();
    return;
  }
  const more = written ? stream.write(data, () => written()) : stream.write(data);
  if (!more) await once(stream, 'drain');
}


/** What the whole run saw, for the stderr summary and the exit code. */
export class RunStats {
  records = 0;
  invalid = 0;
  withNeedsInfo = 0;
  withIneligible = 0;
  readonly byReason = new Map<string, number>();
  /** The first invalid inputs, kept in full (for stderr and the JSON summary). */
  readonly firstInvalid: InvalidInput[] = [];

  constructor(private readonly keepInvalid = 10) {}

  add(r: BatchResult): void {
    this.records += r.records;
    this.invalid += r.invalid.length;
    this.withNeedsInfo += r.withNeedsInfo;
    this.withIneligible += r.withIneligible;
    for (const inv of r.invalid) {
      this.byReason.set(inv.reason, (this.byReason.get(inv.reason) ?? 0) + 1);
      if (this.firstInvalid.length < this.keepInvalid) this.firstInvalid.push(inv);
    }
  }

  /** Reasons by count, most frequent first, then by name: the same text for the same input. */
  reasons(): [string, number][] {
    return [...this.byReason].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  }

  /** The stderr lines about invalid inputs: the first few with their issue, then counts by reason. */
  invalidReport(shown = 10): string {
    if (!this.invalid) return '';
    const lines: string[] = [];
    for (const inv of this.firstInvalid.slice(0, shown)) {
      const issue = inv.error.issues[0];
      lines.push(`policy-calc: ${issue ? formatIssue(issue) : inv.error.code}`);
    }
    if (this.invalid > shown) lines.push(`policy-calc: ... and ${this.invalid - shown} more invalid input(s)`);
    const by = this.reasons().map(([r, n]) => `${n} ${r}`).join(', ');
    lines.push(`policy-calc: ${this.invalid} of ${this.records} input(s) invalid (${by})`);
    return `${lines.join('\n')}\n`;
  }
}
