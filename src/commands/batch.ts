import { z } from 'zod';
import { PolicyCalcError } from '../engine/index.js';
import { evaluationOptions, parseOptions } from '../cli/options.js';
import { loadRuleSet } from '../cli/rules.js';
import { batch } from '../batch/batch.js';
import { FORMATS } from '../batch/formats.js';
import { jobs, workerCount } from '../batch/options.js';
import { checkGates, failOn } from '../batch/gates.js';
import { enableBufferCollection, keepYoungGenerationSmall } from '../batch/heap.js';

const batchOptions = evaluationOptions.extend({
  format: z.enum(FORMATS, { error: `--format must be ${FORMATS.join(', ')}` }).default('ndjson'),
  full: z.boolean().default(false),
  compact: z.boolean().default(false),
  jobs,
  failOn,
  reporter: z.enum(['text', 'junit'], { error: '--reporter must be text or junit' }).default('text'),
  output: z.string().min(1).optional(),
});

/** `policy-calc batch <inputs...>`: many profiles, one result each, in input order. Returns the exit code. */
export async function runBatch(inputs: string[], raw: Record<string, unknown>): Promise<number> {
  // `--year all`: every fiscal year of each profile (src/batch/years-format.ts).
  const allYears = raw.year === 'all';
  const o = parseOptions(batchOptions, allYears ? { ...raw, year: undefined } : raw);
  if (allYears && (o.format === 'json' || o.format === 'xlsx')) {
    throw new PolicyCalcError('USAGE', `--year all gives one line (ndjson) or one row per year (csv) for each enterprise; --format ${o.format} takes one year at a time`);
  }
  // Loaded here first so that invalid rules stop the run (exit 2) before any worker starts.
  const rules = loadRuleSet(o.rules);
  checkGates(o.failOn, rules);
  const workers = workerCount(o.jobs, undefined, (m) => process.stderr.write(`policy-calc: ${m}\n`));
  keepYoungGenerationSmall();
  if (workers > 1) enableBufferCollection();
  return batch(inputs, {
    rulesDir: o.rules, rules, year: allYears ? 'all' : o.year, asOf: o.asOf, format: o.format, full: o.full, compact: o.compact, jobs: workers,
    failOn: o.failOn, reporter: o.reporter, output: o.output, lang: o.lang,
  });
}
