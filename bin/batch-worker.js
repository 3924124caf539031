'use strict';
// A batch worker thread of the bundled CLI: runs dist/bundle/worker.cjs (npm run build) through
// its code cache (bin/bundle.js). Each worker loads the engine and the rules on its own; without
// the cache it would also compile them on its own.
const { threadId } = require('node:worker_threads');
const { loadBundle } = require('./bundle.js');

const worker = loadBundle('worker.cjs');
// At build time the cache is written after each batch, so that it holds what evaluating compiled;
// two workers may write at once, hence the temporary name per thread.
if (process.env.POLICY_CALC_WRITE_CODE_CACHE) globalThis.policyCalcAfterBatch = () => worker.writeCache(`t${threadId}`);
worker.run();
