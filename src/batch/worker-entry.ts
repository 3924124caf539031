import { parentPort, workerData } from 'node:worker_threads';
import { isPolicyCalcError } from '../engine/index.js';
import type { WorkerReply, WorkerRequest } from './pool.js';
import { createProcessor, type ProcessorConfig } from './worker.js';

/** A batch worker thread: loads the rules once, then turns each batch it is sent into output bytes. */
const processor = createProcessor(workerData as ProcessorConfig);

parentPort!.on('message', (request: WorkerRequest) => {
  if ('recycle' in request) {
    processor.recycle(request.recycle);
    return;
  }
  const { id, batch } = request;
  let reply: WorkerReply;
  try {
    const result = processor.run(batch);
    // The output is UTF-8 already, made here: the main thread only moves bytes to stdout, so it
    // never becomes the bottleneck however many workers there are. The bytes are transferred.
    reply = { id, result };
    parentPort!.postMessage(reply, result.output.buffer.byteLength ? [result.output.buffer as ArrayBuffer] : []);
    return;
  } catch (e) {
    const err = e as Error;
    reply = { id, error: { message: err.message, stack: err.stack, ...(isPolicyCalcError(e) ? { code: e.code, issues: e.issues } : {}) } };
  }
  parentPort!.postMessage(reply);
});
