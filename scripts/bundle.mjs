// Build step after tsc: bundle the CLI for a fast start, and precompile the shipped rules.
//
// - dist/bundle/: src/cli.ts and the batch worker bundled by esbuild with code splitting, so each
//   command still loads only its own code (commands are dynamic imports) but Node resolves and
//   compiles one file per chunk instead of ~100 modules. bin/policy-calc.js imports it.
//   dist/bundle sits two levels below the package root, like dist/cli/*.js, so paths that the
//   code builds from import.meta.url (../../rules) point to the same place in both outputs.
// - dist/rules.json: rules/ read from YAML once (RuleSource), see src/cli/rules.ts.
import { build } from 'esbuild';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
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

await build({
  plugins: [zodEnglishOnly],
  // Smaller code is quicker to compile at every start; names are kept so stack traces still read.
  minifyWhitespace: true,
  minifySyntax: true,
  absWorkingDir: root,
  entryPoints: { cli: 'src/cli.ts', 'worker-entry': 'src/batch/worker-entry.ts' },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  chunkNames: 'chunk-[hash]',
  legalComments: 'none',
  logLevel: 'warning',
  // CommonJS dependencies (commander) call require() for Node built-ins.
  banner: { js: "import { createRequire as __pcRequire } from 'node:module'; const require = __pcRequire(import.meta.url);" },
});

const { readRuleSource } = await import(`${root}dist/engine/index.js`);
const { serializeRuleSource } = await import(`${root}dist/cli/rules.js`);
writeFileSync(`${root}dist/rules.json`, serializeRuleSource(readRuleSource(`${root}rules`)));
