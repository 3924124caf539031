'use strict';
// Loads a bundle of dist/bundle/ (npm run build) compiled through the V8 code cache beside it:
// Node 20 has no compile cache of its own, and compiling is much of what a short `check`, or a
// batch worker's start, costs. A cache V8 rejects (another Node version) only costs the compile.
const { readFileSync, renameSync, writeFileSync } = require('node:fs');
const { createRequire } = require('node:module');
const { dirname, join } = require('node:path');
const { Script } = require('node:vm');

function loadBundle(name) {
  const file = join(__dirname, '..', 'dist', 'bundle', name);
  const cacheFile = `${file}.cache`;
  let cachedData;
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    // no cache: compile as usual
  }
  // The bundle is ASCII and already wrapped as a function (scripts/bundle.mjs): read as is.
  const script = new Script(readFileSync(file, 'latin1'), { filename: file, cachedData });
  return {
    /** Runs the bundle as a CommonJS module. */
    run() {
      const m = { exports: {} };
      script.runInThisContext()(m.exports, createRequire(file), m, file, dirname(file));
    },
    /** Writes the cache of what has been compiled so far (at build time), through a temporary name. */
    writeCache(tag) {
      writeFileSync(`${cacheFile}.${tag}`, script.createCachedData());
      renameSync(`${cacheFile}.${tag}`, cacheFile);
    },
  };
}

module.exports = { loadBundle };
