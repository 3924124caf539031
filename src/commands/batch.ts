import { PolicyCalcError } from '../engine/index.js';
import { exitWith } from '../cli/exit.js';
import { commandOptions } from '../cli/options.js';
import { loadRuleSet } from '../cli/rules.js';
import { batch } from '../batch/batch.js';
import { workerCount } from '../batch/options.js';
import { checkGates } from '../batch/gates.js';
import { keepYoungGenerationSmall } from '../batch/heap.js';

/** `policy-calc batch <inputs...>`: many profiles, one result each, in input order. */
export async function runBatch(inputs: string[], raw: Record<string, unknown>): Promise<void> {
  // `--year all`: every fiscal year of each profile (src/batch/years-format.ts).
  const allYears = raw.year === 'all';
  const o = commandOptions('batch', allYears ? { ...raw, year: undefined } : raw);
  if (allYears && (o.format === 'json' || o.format === 'xlsx')) {
    throw new PolicyCalcError('USAGE', `--year all gives one line (ndjson) or one row per year (csv) for each enterprise; --format ${o.format} takes one year at a time`);
  }
  // Loaded here first so that invalid rules stop the run (exit 2) before any worker starts.
  const rules = loadRuleSet(o.rules);
  checkGates(o.failOn, rules);
  const workers = workerCount(o.jobs, undefined, (m) => process.stderr.write(`policy-calc: ${m}\n`));
  keepYoungGenerationSmall();
  const code = await batch(inputs, {
    rulesDir: o.rules, rules, year: allYears ? 'all' : o.year, asOf: o.asOf, format: o.format, full: o.full, compact: o.compact, jobs: workers,
    failOn: o.failOn, reporter: o.reporter, output: o.output, lang: o.lang,
  });
  exitWith(code);
}
