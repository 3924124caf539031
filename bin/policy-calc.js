#!/usr/bin/env node
// The bundled CLI (npm run build: tsc, then scripts/bundle.mjs); dist/cli.js is the same program unbundled.
import '../dist/bundle/cli.js';
