#!/usr/bin/env node
'use strict';
// Runs the bundled CLI, dist/bundle/cli.cjs (npm run build), compiled through the V8 code cache
// beside it (bin/bundle.js). dist/cli/main.js is the same program unbundled (tsc output).
// This file is CommonJS (bin/package.json): an ES module entry point costs Node's ESM loader
// a few milliseconds more to start.
const { loadBundle } = require('./bundle.js');

const cli = loadBundle('cli.cjs');
if (process.env.POLICY_CALC_WRITE_CODE_CACHE) process.once('exit', () => cli.writeCache(process.pid));
cli.run();
