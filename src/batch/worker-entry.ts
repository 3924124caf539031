import { parentPort, workerData } from 'node:worker_threads';
import { isPolicyCalcError } from '../engine/index.js';
import type { WorkerReply, WorkerRequest } from './pool.js';
import { createProcessor, type ProcessorConfig } from './worker.js';

/** A batch worker thread: loads the rules once, then turns each batch it is sent into output bytes. */
const processor = createProcessor(workerData as ProcessorConfig);

/**
 * Fault injection for the robustness tests: a worker stops dead on a batch holding this text, as a
 * killed or crashed worker would. Unset in normal use.
 */
const exitOn = process.env.POLICY_CALC_TEST_WORKER_EXIT_ON;
const exitMarker = exitOn ? Buffer.from(exitOn) : undefined;
const holds = (bytes: Uint8Array, marker: Buffer) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(marker);

/** Set by bin/batch-worker.js at build time, to write the code cache once a batch has been compiled and run. */
const afterBatch = (globalThis as { policyCalcAfterBatch?: () => void }).policyCalcAfterBatch;

parentPort!.on('message', (request: WorkerRequest) => {
  if ('recycle' in request) {
    processor.recycle(request.recycle);
    return;
  }
  const { id, batch } = request;
  if (exitMarker && holds(batch.bytes, exitMarker)) process.exit(70);
  let reply: WorkerReply;
  try {
    const result = processor.run(batch);
    // The output is UTF-8 already, made here: the main thread only moves bytes to stdout, so it
    // never becomes the bottleneck however many workers there are. The bytes are transferred.
    reply = { id, result };
    parentPort!.postMessage(reply, result.output.buffer.byteLength ? [result.output.buffer as ArrayBuffer] : []);
    afterBatch?.();
    return;
  } catch (e) {
    const err = e as Error;
    reply = { id, error: { message: err.message, stack: err.stack, ...(isPolicyCalcError(e) ? { code: e.code, issues: e.issues } : {}) } };
  }
  parentPort!.postMessage(reply);
});
