'use strict';
// A batch worker thread of the bundled CLI: runs dist/bundle/worker.cjs (npm run build) compiled
// through the V8 code cache beside it, as bin/policy-calc.js does for the CLI. Each worker loads
// the engine and the rules on its own; without the cache it also compiles them on its own.
const { readFileSync, renameSync, writeFileSync } = require('node:fs');
const { createRequire } = require('node:module');
const { dirname, join } = require('node:path');
const { Script } = require('node:vm');
const { threadId } = require('node:worker_threads');

const file = join(__dirname, '..', 'dist', 'bundle', 'worker.cjs');
const cacheFile = `${file}.cache`;
let cachedData;
try {
  cachedData = readFileSync(cacheFile);
} catch {
  // no cache: compile as usual
}
const script = new Script(readFileSync(file, 'latin1'), { filename: file, cachedData });
if (process.env.POLICY_CALC_WRITE_CODE_CACHE) {
  // Written (at build time) after each batch, so that it holds what evaluating compiled; through
  // a temporary name, since two workers may write at once.
  globalThis.policyCalcAfterBatch = () => {
    writeFileSync(`${cacheFile}.${threadId}`, script.createCachedData());
    renameSync(`${cacheFile}.${threadId}`, cacheFile);
  };
}
const worker = { exports: {} };
script.runInThisContext()(worker.exports, createRequire(file), worker, file, dirname(file));
