import { Worker } from 'node:worker_threads';
import { PolicyCalcError, type ErrorCode, type Issue } from '../engine/index.js';
import type { Batch } from './inputs.js';
import { createProcessor, type BatchResult, type Processor, type ProcessorConfig } from './worker.js';
import { scavengeInOwnThread } from './heap.js';

/**
 * Runs batches: in this thread alone (`--jobs 1`, or when the whole input is one batch), or in this
 * thread and a pool of worker threads that each load the rules once. Results come back as promises;
 * the caller awaits them in submission order, so output order never depends on which thread was
 * faster. Once a result's output is written the caller releases it, and its buffer goes back to
 * whoever made it.
 */
export interface Runner {
  run(batch: Batch): Promise<BatchResult>;
  release(result: BatchResult): void;
  close(): Promise<void>;
}

export function inProcess(processor: Processor): Runner {
  return {
    run: (batch) => {
      try {
        return Promise.resolve(processor.run(batch));
      } catch (e) {
        return Promise.reject(e);
      }
    },
    release: (r) => processor.recycle(r.output),
    close: async () => {},
  };
}

/** Messages to a worker: a batch to run, or an output buffer to reuse. */
export type WorkerRequest = { id: number; batch: Batch } | { recycle: Uint8Array };

/** What a worker posts back for one batch. */
export type WorkerReply =
  | { id: number; result: BatchResult }
  | { id: number; error: { message: string; stack?: string; code?: ErrorCode; issues?: Issue[] } };

/** The worker's error as the main thread rethrows it: user errors keep their code and issues. */
export function revive(error: Extract<WorkerReply, { error: unknown }>['error']): Error {
  if (error.code && error.issues) return new PolicyCalcError(error.code, error.issues);
  const e = new Error(error.message);
  e.stack = error.stack;
  return e;
}

interface Slot {
  worker: Worker;
  busy: number;
  /** It has sent a result: it has loaded, and may hold HELD_BY_A_WORKER batches. */
  started: boolean;
  /** The uncaught error that ended the worker, when one did. */
  error?: string;
}

interface InFlight {
  resolve: (r: BatchResult) => void;
  reject: (e: Error) => void;
  slot: Slot;
  /** A copy of the batch: its buffers were moved to the worker, and a lost batch is run again. */
  copy: Batch;
  attempt: number;
}

/**
 * A batch's copy, its bytes in `spare` where it is large enough: the copies go round a few buffers
 * instead of each being a new one, left for the collector to free.
 */
function copyBatch(b: Batch, spare?: Uint8Array): Batch {
  let bytes: Uint8Array;
  if (spare && spare.length >= b.bytes.length) {
    bytes = spare.subarray(0, b.bytes.length);
    bytes.set(b.bytes);
  } else bytes = b.bytes.slice();
  return { ...b, bytes, ends: b.ends.slice(), lines: b.lines.slice(), fileOf: b.fileOf.slice() };
}

/**
 * Each worker is a V8 heap of its own. By default V8 lets a heap's young generation grow to tens
 * of megabytes, which a worker fills with short-lived garbage (parsed profiles, results) before
 * collecting it. A small young generation is collected more often and keeps the process within
 * bounds; too small a one is collected so often that the profiles of a stage still being
 * evaluated are copied, then promoted, then collected again as old garbage. With `--jobs 2`
 * (this thread and one worker), 4 MB was faster than 2, 8 and 16 over 20,000 and 100,000
 * profiles, and holds a million within 150 MiB (BENCHMARKS.md, 2026-12-04). The old generation
 * limit only stops a runaway worker: one that reaches it stops, and its inputs are evaluated
 * again (see `lost`).
 */
const WORKER_LIMITS = {
  maxYoungGenerationSizeMb: 4,
  maxOldGenerationSizeMb: 512,
};

/**
 * Batches a worker holds before this thread takes one itself: one running and one waiting, so
 * that no worker idles while this thread evaluates. A worker still starting (loading its code and
 * the rules) is given one, and this thread evaluates meanwhile.
 */
const HELD_BY_A_WORKER = 2;

/**
 * With the robustness tests' fault injection (src/batch/worker-entry.ts), every batch goes to a
 * worker, so that the fault reaches the batch it is aimed at whatever the timing; this thread then
 * runs only the batches that lost two workers.
 */
const WORKERS_ONLY = process.env.POLICY_CALC_TEST_WORKER_EXIT_ON !== undefined;

/**
 * `jobs` threads evaluate: this one and `jobs - 1` workers. This thread also reads the input and
 * writes the output, so it takes a batch only when every worker holds its share: the workers are
 * never kept waiting, and this thread does what its reading and writing leave it time for. With
 * two jobs this holds two V8 heaps, not three, and no core waits on a thread that only moves
 * bytes: over 100,000 profiles two jobs ran 1.46-1.57 times as fast as one, where a main thread
 * feeding two workers ran 1.12-1.38 times as fast (BENCHMARKS.md, 2026-12-04).
 */
export class WorkerPool implements Runner {
  private readonly slots: Slot[] = [];
  private readonly waiting = new Map<number, InFlight>();
  /** This thread's share; it also runs a batch that has lost two workers, so that a poison batch cannot stop the run. */
  private readonly here: Processor;
  private readonly local: Runner;
  private readonly size: number;
  /** Which worker made each result, so that its buffer goes back there. */
  private readonly origin = new WeakMap<BatchResult, Slot>();
  private nextId = 0;
  /** Buffers of copies whose batch is done (see copyBatch). */
  private readonly spare: Uint8Array[] = [];
  private closing = false;
  /** Where the batches ran: this thread's share, and the workers'. */
  readonly ran = { here: 0, workers: 0 };

  /** Workers start when there is work for them: a small input never pays for more than it uses. */
  constructor(
    private readonly entry: URL,
    private readonly config: ProcessorConfig,
    jobs: number,
    /** Told each time a worker stops unexpectedly, with what was done about it. */
    private readonly onLost: (message: string) => void = () => {},
  ) {
    this.size = Math.max(1, jobs - 1);
    this.here = createProcessor(config);
    this.local = inProcess(this.here);
  }

  private spawn(): Slot {
    scavengeInOwnThread();
    const worker = new Worker(this.entry, { workerData: this.config, resourceLimits: WORKER_LIMITS });
    const slot: Slot = { worker, busy: 0, started: false };
    worker.on('message', (reply: WorkerReply) => {
      const w = this.waiting.get(reply.id);
      if (!w) return;
      this.waiting.delete(reply.id);
      w.slot.busy--;
      w.slot.started = true;
      // The copy is no longer needed: its buffer holds the next batch's.
      if (this.spare.length < 2 * this.size + 2) this.spare.push(new Uint8Array(w.copy.bytes.buffer));
      if ('error' in reply) {
        w.reject(revive(reply.error));
      } else {
        this.ran.workers++;
        this.origin.set(reply.result, w.slot);
        w.resolve(reply.result);
      }
    });
    worker.on('error', (e) => {
      slot.error = e.message;
    });
    worker.on('exit', (code) => {
      if (!this.closing) this.lost(slot, code);
    });
    this.slots.push(slot);
    return slot;
  }

  /**
   * A worker died (killed, out of memory, an uncaught error). Its batches run again: on a new
   * worker first, and in this thread when a batch has now lost two workers. The run goes on and
   * its output stays complete; the loss is reported.
   */
  private lost(slot: Slot, code: number): void {
    this.slots.splice(this.slots.indexOf(slot), 1);
    const held = [...this.waiting].filter(([, w]) => w.slot === slot);
    const records = held.reduce((n, [, w]) => n + w.copy.ends.length, 0);
    this.onLost(
      `a batch worker stopped unexpectedly (${slot.error ?? `exit code ${code}`}); the ${records} input(s) it held are evaluated again`,
    );
    for (const [id, w] of held) {
      this.waiting.delete(id);
      if (w.attempt >= 1) {
        try {
          this.ran.here++;
          w.resolve(this.here.run(w.copy));
        } catch (e) {
          w.reject(e as Error);
        }
      } else {
        this.dispatch(w.copy, w.attempt + 1, w.resolve, w.reject);
      }
    }
  }

  private pick(): Slot {
    let best: Slot | undefined;
    for (const s of this.slots) if (!best || s.busy < best.busy) best = s;
    if (!best || (best.busy > 0 && this.slots.length < this.size)) return this.spawn();
    return best;
  }

  run(batch: Batch): Promise<BatchResult> {
    if (!WORKERS_ONLY && this.workersHoldTheirShare()) {
      this.ran.here++;
      // Synchronous: replies already waiting are taken in once this batch is done.
      return this.local.run(batch);
    }
    return new Promise((resolve, reject) => this.dispatch(batch, 0, resolve, reject));
  }

  private workersHoldTheirShare(): boolean {
    return this.slots.length === this.size && this.slots.every((s) => s.busy >= (s.started ? HELD_BY_A_WORKER : 1));
  }

  private dispatch(batch: Batch, attempt: number, resolve: InFlight['resolve'], reject: InFlight['reject']): void {
    const slot = this.pick();
    const id = this.nextId++;
    this.waiting.set(id, { resolve, reject, slot, copy: copyBatch(batch, this.spare.pop()), attempt });
    slot.busy++;
    // The batch's buffers move to the worker instead of being copied again.
    const request: WorkerRequest = { id, batch };
    slot.worker.postMessage(request, [batch.bytes.buffer, batch.ends.buffer, batch.lines.buffer, batch.fileOf.buffer] as ArrayBuffer[]);
  }

  release(result: BatchResult): void {
    const slot = this.origin.get(result);
    if (!slot) return this.local.release(result);
    if (this.closing || !result.output.buffer.byteLength) return;
    const request: WorkerRequest = { recycle: result.output };
    slot.worker.postMessage(request, [result.output.buffer as ArrayBuffer]);
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }
}
