// Build step after tsc: bundle the CLI for a fast start, and precompile the shipped rules.
//
// Start-up is most of what a single `check` costs, and most of start-up is Node resolving,
// reading and compiling ~100 modules, then parsing YAML. So:
// - dist/bundle/cli.cjs: src/cli.ts and everything it imports in one file (esbuild). Commands are
//   still initialized only when they run (esbuild keeps dynamic imports lazy). bin/policy-calc.js
//   compiles it through a V8 code cache, dist/bundle/cli.cjs.cache, written here by running the
//   CLI once; Node 20 has no compile cache of its own. A cache V8 rejects (another Node version)
//   only costs the compile it would have saved.
// - dist/bundle/worker-entry.js: the batch worker, an ES module bundle of its own.
//   dist/bundle sits two levels below the package root, like dist/cli/*.js, so paths that the
//   code builds from import.meta.url (../../rules) point to the same place in both outputs.
// - dist/rules.json: rules/ read from YAML once (RuleSource), see src/cli/rules.ts.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const outdir = `${root}dist/bundle`;
rmSync(outdir, { recursive: true, force: true });
mkdirSync(outdir, { recursive: true });

/**
 * zod's `z` namespace re-exports every locale (z.locales, ~370 kB); only English is used (zod sets
 * it itself from locales/en.js), so the namespace gets just that one.
 */
const zodEnglishOnly = {
  name: 'zod-english-only',
  setup(b) {
    b.onResolve({ filter: /locales\/index\.js$/ }, (args) =>
      /zod[\\/]v4[\\/](classic|core)[\\/]/.test(args.importer) ? { path: 'zod-locales', namespace: 'zod-locales', pluginData: args.resolveDir } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'zod-locales' }, (args) => ({
      contents: "export { default as en } from '../locales/en.js';",
      resolveDir: args.pluginData,
      loader: 'js',
    }));
  },
};

/**
 * Built-ins that the CLI rarely needs are required on first use instead of at start: commander
 * requires child_process for executable subcommands (never used here), and the rule loader uses
 * crypto's createHash only when it reads YAML. Each costs milliseconds to load.
 */
const lazyBuiltins = {
  name: 'lazy-builtins',
  setup(b) {
    b.onResolve({ filter: /^node:child_process$/ }, (args) => (/[\\/]commander[\\/]/.test(args.importer) ? { path: 'child_process', namespace: 'lazy-cjs' } : undefined));
    b.onLoad({ filter: /.*/, namespace: 'lazy-cjs' }, (args) => ({
      contents: `let m; const load = () => (m ??= require(${JSON.stringify(args.path)}));
module.exports = new Proxy({}, { get: (_, k) => load()[k], has: (_, k) => k in load() });`,
      loader: 'js',
    }));
    b.onResolve({ filter: /^node:crypto$/ }, (args) => (/src[\\/]engine[\\/]rule-set\.ts$/.test(args.importer) ? { path: 'crypto', namespace: 'lazy-crypto' } : undefined));
    b.onLoad({ filter: /.*/, namespace: 'lazy-crypto' }, () => ({
      contents: 'let m; export function createHash(...a) { m ??= require("crypto"); return m.createHash(...a); }',
      loader: 'js',
    }));
  },
};

const common = {
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  target: 'node20',
  legalComments: 'none',
  logLevel: 'warning',
  plugins: [zodEnglishOnly],
  // The PDF printer's DevTools client (several MB, loaded only by `report --format pdf`) is
  // required from node_modules when a PDF is printed, never bundled.
  external: ['playwright-core'],
  // Smaller code is quicker to read and compile; names are kept so that stack traces still read.
  minifyWhitespace: true,
  minifySyntax: true,
};

await build({
  ...common,
  entryPoints: ['src/cli.ts'],
  outfile: `${outdir}/cli.cjs`,
  format: 'cjs',
  plugins: [zodEnglishOnly, lazyBuiltins],
  // import.meta does not exist in CommonJS: the file's own URL stands in for it.
  define: { 'import.meta.url': '__pcModuleUrl' },
  // The file is the body of the function bin/policy-calc.js compiles, written out whole so that
  // the loader does not copy 800 kB of source to wrap it.
  banner: { js: "(function (exports, require, module, __filename, __dirname) {'use strict';var __pcModuleUrl = require('node:url').pathToFileURL(__filename).href;" },
  footer: { js: '\n})' },
});

// esbuild escapes non-ASCII in strings but not in regular expressions; escaped there too, the
// bundle is ASCII, and Node reads it as a one-byte string: half the memory, no UTF-8 decoding.
// (\uXXXX means the same character in a string, a template and a regular expression.)
const cliFile = `${outdir}/cli.cjs`;
const ascii = readFileSync(cliFile, 'utf8').replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
writeFileSync(cliFile, ascii);

await build({
  ...common,
  entryPoints: ['src/batch/worker-entry.ts'],
  outfile: `${outdir}/worker-entry.js`,
  format: 'esm',
  // CommonJS dependencies (commander) call require() for Node built-ins.
  banner: { js: "import { createRequire as __pcRequire } from 'node:module'; const require = __pcRequire(import.meta.url);" },
});

const { readRuleSource } = await import(`${root}dist/engine/index.js`);
const { serializeRuleSource } = await import(`${root}dist/cli/rules.js`);
writeFileSync(`${root}dist/rules.json`, serializeRuleSource(readRuleSource(`${root}rules`)));

// The code cache holds what a run of `check` compiled, so that the next run compiles almost nothing.
const warm = spawnSync(process.execPath, [`${root}bin/policy-calc.js`, 'check', `${root}fixtures/cloud-sme.json`, '--format', 'json'], {
  env: { ...process.env, POLICY_CALC_WRITE_CODE_CACHE: '1' },
  stdio: ['ignore', 'ignore', 'inherit'],
});
if (warm.status !== 0) throw new Error('the bundled CLI failed its first run');
