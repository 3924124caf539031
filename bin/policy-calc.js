#!/usr/bin/env node
'use strict';
// Runs the bundled CLI, dist/bundle/cli.cjs (npm run build), compiled through the V8 code cache
// beside it: Node 20 has no compile cache of its own, and compiling is much of what a short
// `check` costs. dist/cli.js is the same program unbundled (tsc output).
// This file is CommonJS (bin/package.json): an ES module entry point costs Node's ESM loader
// a few milliseconds more to start.
const { readFileSync, writeFileSync } = require('node:fs');
const { createRequire } = require('node:module');
const { dirname, join } = require('node:path');
const { Script } = require('node:vm');

const file = join(__dirname, '..', 'dist', 'bundle', 'cli.cjs');
const cacheFile = `${file}.cache`;
let cachedData;
try {
  cachedData = readFileSync(cacheFile);
} catch {
  // no cache: compile as usual
}
// The bundle is ASCII and already wrapped as a function (scripts/bundle.mjs): read as is.
const script = new Script(readFileSync(file, 'latin1'), { filename: file, cachedData });
if (process.env.POLICY_CALC_WRITE_CODE_CACHE) {
  process.once('exit', () => writeFileSync(cacheFile, script.createCachedData()));
}
const cli = { exports: {} };
script.runInThisContext()(cli.exports, createRequire(file), cli, file, dirname(file));
