import { parentPort, workerData } from 'node:worker_threads';
import { isPolicyCalcError } from '../engine/index.js';
import type { Batch } from './inputs.js';
import type { WorkerReply } from './pool.js';
import { createProcessor, type ProcessorConfig } from './worker.js';

/** A batch worker thread: loads the rules once, then turns each batch it is sent into output text. */
const processor = createProcessor(workerData as ProcessorConfig);

const utf8 = new TextEncoder();

parentPort!.on('message', ({ id, batch }: { id: number; batch: Batch }) => {
  let reply: WorkerReply;
  try {
    const result = processor(batch);
    // Encoded here, not in the main thread: the main thread only moves bytes to stdout, so it never
    // becomes the bottleneck however many workers there are. The bytes are transferred, not copied.
    const bytes = utf8.encode(result.text);
    reply = { id, result: { ...result, text: '', bytes } };
    parentPort!.postMessage(reply, [bytes.buffer as ArrayBuffer]);
    return;
  } catch (e) {
    const err = e as Error;
    reply = { id, error: { message: err.message, stack: err.stack, ...(isPolicyCalcError(e) ? { code: e.code, issues: e.issues } : {}) } };
  }
  parentPort!.postMessage(reply);
});
