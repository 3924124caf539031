#!/usr/bin/env node
'use strict';
// Runs the bundled CLI, dist/bundle/cli.cjs (npm run build), compiled through the V8 code cache
// beside it (bin/bundle.js). dist/cli/main.js is the same program unbundled (tsc output).
// This file is CommonJS (bin/package.json): an ES module entry point costs Node's ESM loader
// a few milliseconds more to start.
const { loadBundle } = require('./bundle.js');

const cli = loadBundle('cli.cjs');
// `batch` keeps its young generation small (src/batch/heap.ts); set here, before the rules load,
// it stays at its initial size, where set by the command it has grown already. After the bundle's
// code cache is read: V8 takes a cache only under the flags it was written with.
if (process.argv[2] === 'batch') require('node:v8').setFlagsFromString('--semi-space-growth-factor=1');
// At build time (scripts/bundle.mjs); not on the batch run that writes the workers' cache only.
const writeCache = process.env.POLICY_CALC_WRITE_CODE_CACHE;
if (writeCache && writeCache !== 'workers') process.once('exit', () => cli.writeCache(process.pid));
cli.run();
