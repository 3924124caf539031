// Build step after tsc: bundle the CLI for a fast start, and precompile the shipped rules.
//
// Start-up is most of what a single `check` costs, and most of start-up is Node resolving,
// reading and compiling ~100 modules, then parsing YAML. So:
// - dist/bundle/cli.cjs: src/cli/main.ts and everything it imports in one file (esbuild). Commands are
//   still initialized only when they run (esbuild keeps dynamic imports lazy). bin/policy-calc.js
//   compiles it through a V8 code cache, dist/bundle/cli.cjs.cache, written here by running the
//   CLI once; Node 20 has no compile cache of its own. A cache V8 rejects (another Node version)
//   only costs the compile it would have saved.
// - dist/bundle/worker.cjs: the batch worker, a bundle of its own, wrapped and compiled the same
//   way by bin/batch-worker.js through dist/bundle/worker.cjs.cache, written here by a small
//   batch run on two workers. dist/bundle sits two levels below the package root, like
//   dist/cli/*.js, so paths that the code builds from import.meta.url (../../rules) point to the
//   same place in both outputs.
// - dist/rules.json: rules/ read from YAML once (RuleSource), see src/cli/rules.ts.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
    b.onResolve({ filter: /locales\/index\.c?js$/ }, (args) =>
      /zod[\\/]v4[\\/](classic|core)[\\/]/.test(args.importer)
        ? { path: args.path.endsWith('.cjs') ? 'zod-locales-cjs' : 'zod-locales', namespace: 'zod-locales', pluginData: args.resolveDir }
        : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'zod-locales' }, (args) => ({
      // zod's CommonJS build (required by lazyLibraries) the same way as its ES modules.
      contents: args.path === 'zod-locales-cjs' ? "exports.en = require('../locales/en.cjs').default;" : "export { default as en } from '../locales/en.js';",
      resolveDir: args.pluginData,
      loader: 'js',
    }));
  },
};

/**
 * Built-ins that the CLI rarely needs are required on first use instead of at start: commander
 * requires child_process for executable subcommands (never used here), batch's options os for the
 * default of --jobs, and the rule loader uses crypto's createHash only when it reads YAML or
 * verifies a rule file's bytes. Each costs milliseconds to load.
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
    b.onResolve({ filter: /^node:os$/ }, (args) => (/src[\\/]batch[\\/]options\.ts$/.test(args.importer) ? { path: 'os', namespace: 'lazy-os' } : undefined));
    b.onLoad({ filter: /.*/, namespace: 'lazy-os' }, () => ({
      contents: 'export function availableParallelism() { return require("os").availableParallelism(); }',
      loader: 'js',
    }));
    b.onResolve({ filter: /^node:crypto$/ }, (args) => (/src[\\/](engine[\\/]rules[\\/]rule-set|cli[\\/]rules)\.ts$/.test(args.importer) ? { path: 'crypto', namespace: 'lazy-crypto' } : undefined));
    b.onLoad({ filter: /.*/, namespace: 'lazy-crypto' }, () => ({
      contents: 'let m; export function createHash(...a) { m ??= require("crypto"); return m.createHash(...a); }',
      loader: 'js',
    }));
  },
};

/**
 * zod and yaml are initialized on first use instead of at start: a run of check on the shipped
 * rules validates its options and profile in plain code and reads no YAML (src/cli/rules.ts), so it
 * never needs either, yet initializing them costs milliseconds and their code makes the code cache
 * bigger. The source's imports of them get a stand-in that requires the real module on first use
 * (esbuild keeps a require() of a bundled module where it is, so the module is still bundled).
 */
const lazyLibraries = {
  name: 'lazy-libraries',
  setup(b) {
    const fromSource = (importer) => /[\\/]src[\\/]/.test(importer);
    b.onResolve({ filter: /^(zod|yaml)$/ }, (args) => (fromSource(args.importer) ? { path: args.path, namespace: 'lazy-library' } : undefined));
    // Resolved as a require: zod's CommonJS build, whose modules esbuild wraps whole, exports
    // included; its ES modules would still define their namespaces' ~1,200 exports at start.
    b.onResolve({ filter: /^eager:/ }, (args) => b.resolve(args.path.slice('eager:'.length), { kind: 'require-call', resolveDir: root }));
    b.onLoad({ filter: /^zod$/, namespace: 'lazy-library' }, () => ({
      contents: `let m; const real = () => (m ??= require('eager:zod'));
export const z = new Proxy({}, { get: (_, k) => real().z[k], has: (_, k) => k in real().z });`,
      resolveDir: root,
      loader: 'js',
    }));
    b.onLoad({ filter: /^yaml$/, namespace: 'lazy-library' }, () => ({
      contents: `let m; const real = () => (m ??= require('eager:yaml'));
${['isAlias', 'isMap', 'isPair', 'isScalar', 'isSeq', 'parseDocument'].map((f) => `export function ${f}(...a) { return real().${f}(...a); }`).join('\n')}
export function LineCounter() { return new (real().LineCounter)(); }`,
      resolveDir: root,
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
  // exceljs (workbooks) and the PDF printer's DevTools client (playwright-core) are large and
  // needed by few runs: required from node_modules when used, never bundled.
  external: ['exceljs', 'playwright-core'],
  // Smaller code is quicker to read and compile; names are kept so that stack traces still read.
  minifyWhitespace: true,
  minifySyntax: true,
};

/** A CommonJS bundle written as the body of the function its launcher in bin/ compiles. */
async function wrappedBundle(entry, name, plugins, define = {}) {
  const file = `${outdir}/${name}`;
  await build({
    ...common,
    entryPoints: [entry],
    outfile: file,
    format: 'cjs',
    plugins,
    // import.meta does not exist in CommonJS: the file's own URL stands in for it.
    define: { 'import.meta.url': '__pcModuleUrl', ...define },
    // Written out whole so that the launcher does not copy 800 kB of source to wrap it.
    banner: { js: "(function (exports, require, module, __filename, __dirname) {'use strict';var __pcModuleUrl = require('node:url').pathToFileURL(__filename).href;" },
    footer: { js: '\n})' },
  });
  // esbuild escapes non-ASCII in strings but not in regular expressions; escaped there too, the
  // bundle is ASCII, and Node reads it as a one-byte string: half the memory, no UTF-8 decoding.
  // (\uXXXX means the same character in a string, a template and a regular expression.)
  const ascii = readFileSync(file, 'utf8').replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  writeFileSync(file, ascii);
}

// The engine's sources, hashed: the bundles trust dist/rules.json's checked rules only when they
// were checked by this code (src/cli/rules.ts, CHECKED_BY).
const engineFiles = readdirSync(`${root}src/engine`, { recursive: true }).map(String).filter((f) => f.endsWith('.ts')).sort();
const engineHash = createHash('sha256');
for (const f of engineFiles) engineHash.update(`${f}\0`).update(readFileSync(`${root}src/engine/${f}`));
const checkedBy = engineHash.digest('hex').slice(0, 16);
const checkedByDefine = { __PC_CHECKED_BY__: JSON.stringify(checkedBy) };

// The CLI starts its batch workers from bin/batch-worker.js (src/batch/run.ts).
await wrappedBundle('src/cli/main.ts', 'cli.cjs', [zodEnglishOnly, lazyBuiltins, lazyLibraries], { __PC_WORKER_ENTRY__: JSON.stringify('../../bin/batch-worker.js'), ...checkedByDefine });
await wrappedBundle('src/batch/worker-entry.ts', 'worker.cjs', [zodEnglishOnly, lazyBuiltins], checkedByDefine);

const { readRuleSource } = await import(`${root}dist/engine/index.js`);
const { serializeRuleSource } = await import(`${root}dist/cli/rules.js`);
writeFileSync(`${root}dist/rules.json`, serializeRuleSource(readRuleSource(`${root}rules`), Date.now, checkedBy));

// The code cache holds what a run of `check` compiled, so that the next run compiles almost nothing.
const warm = spawnSync(process.execPath, [`${root}bin/policy-calc.js`, 'check', `${root}fixtures/cloud-sme.json`, '--format', 'json'], {
  env: { ...process.env, POLICY_CALC_WRITE_CODE_CACHE: '1' },
  stdio: ['ignore', 'ignore', 'inherit'],
});
if (warm.status !== 0) throw new Error('the bundled CLI failed its first run');

// The workers' cache: a batch of the five example profiles, one per batch so that two workers run.
// Only the workers write theirs ('workers'): `batch` sets V8 flags as it starts (src/batch/heap.ts),
// and V8 rejects a cache written under other flags than those of the run reading it: the CLI's
// cache must be check's, made under the flags every command starts with.
const examples = ['cloud-sme', 'design-firm', 'hotel-hot-spring', 'regional-hq', 'sparse'];
const lines = examples.map((f) => JSON.stringify(JSON.parse(readFileSync(`${root}fixtures/${f}.json`, 'utf8')))).join('\n');
const warmWorkers = spawnSync(process.execPath, [`${root}bin/policy-calc.js`, 'batch', '-', '--jobs', '2', '--as-of', '2019-06-30'], {
  env: { ...process.env, POLICY_CALC_WRITE_CODE_CACHE: 'workers', POLICY_CALC_BATCH_RECORDS: '1' },
  input: `${lines}\n`,
  stdio: ['pipe', 'ignore', 'inherit'],
});
if (warmWorkers.status !== 0) throw new Error('the bundled batch workers failed their first run');
