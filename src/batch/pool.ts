import { Worker } from 'node:worker_threads';
import { PolicyCalcError, type ErrorCode, type Issue } from '../engine/index.js';
import type { Batch } from './inputs.js';
import type { BatchResult, Processor, ProcessorConfig } from './worker.js';

/**
 * Runs batches: in this thread (`--jobs 1`, or when the whole input is one batch), or on a pool of
 * worker threads that each load the rules once. Results come back as promises; the caller awaits
 * them in submission order, so output order never depends on which worker was faster. Once a
 * result's output is written the caller releases it, and its buffer goes back to whoever made it.
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
}

export class WorkerPool implements Runner {
  private readonly slots: Slot[] = [];
  private readonly waiting = new Map<number, { resolve: (r: BatchResult) => void; reject: (e: Error) => void; slot: Slot }>();
  /** Which worker made each result, so that its buffer goes back there. */
  private readonly origin = new WeakMap<BatchResult, Slot>();
  private nextId = 0;
  private failure: Error | undefined;
  private closing = false;

  /** Workers start when there is work for them: a small input never pays for more than it uses. */
  constructor(
    private readonly entry: URL,
    private readonly config: ProcessorConfig,
    private readonly size: number,
  ) {}

  private spawn(): Slot {
    const worker = new Worker(this.entry, { workerData: this.config });
    const slot: Slot = { worker, busy: 0 };
    worker.on('message', (reply: WorkerReply) => {
      const w = this.waiting.get(reply.id);
      if (!w) return;
      this.waiting.delete(reply.id);
      w.slot.busy--;
      if ('error' in reply) {
        w.reject(revive(reply.error));
      } else {
        this.origin.set(reply.result, w.slot);
        w.resolve(reply.result);
      }
    });
    worker.on('error', (e) => this.fail(e));
    worker.on('exit', (code) => {
      if (!this.closing) this.fail(new Error(`a batch worker stopped unexpectedly (exit code ${code})`));
    });
    this.slots.push(slot);
    return slot;
  }

  private fail(e: Error): void {
    this.failure ??= e;
    for (const [id, w] of this.waiting) {
      this.waiting.delete(id);
      w.reject(this.failure);
    }
  }

  private pick(): Slot {
    let best: Slot | undefined;
    for (const s of this.slots) if (!best || s.busy < best.busy) best = s;
    if (!best || (best.busy > 0 && this.slots.length < this.size)) return this.spawn();
    return best;
  }

  run(batch: Batch): Promise<BatchResult> {
    if (this.failure) return Promise.reject(this.failure);
    const slot = this.pick();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject, slot });
      slot.busy++;
      // The batch's buffers move to the worker instead of being copied.
      const request: WorkerRequest = { id, batch };
      slot.worker.postMessage(request, [batch.bytes.buffer, batch.ends.buffer, batch.lines.buffer, batch.fileOf.buffer] as ArrayBuffer[]);
    });
  }

  release(result: BatchResult): void {
    const slot = this.origin.get(result);
    if (!slot || this.closing || !result.output.buffer.byteLength) return;
    const request: WorkerRequest = { recycle: result.output };
    slot.worker.postMessage(request, [result.output.buffer as ArrayBuffer]);
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }
}
