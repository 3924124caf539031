import { z } from 'zod';
import { evaluationOptions, parseOptions } from '../cli/options.js';
import { loadRuleSet } from '../cli/rules.js';
import { batch } from '../batch/batch.js';
import { FORMATS } from '../batch/formats.js';
import { failOn, jobs, workerCount } from '../batch/options.js';

const batchOptions = evaluationOptions.extend({
  format: z.enum(FORMATS, { error: '--format must be ndjson, csv or json' }).default('ndjson'),
  compact: z.boolean().default(false),
  jobs,
  failOn,
});

/** `policy-calc batch <inputs...>`: many profiles, one result each, in input order. Returns the exit code. */
export async function runBatch(inputs: string[], raw: Record<string, unknown>): Promise<number> {
  const o = parseOptions(batchOptions, raw);
  // Loaded here first so that invalid rules stop the run (exit 2) before any worker starts.
  const rules = loadRuleSet(o.rules);
  return batch(inputs, { rulesDir: o.rules, rules, year: o.year, asOf: o.asOf, format: o.format, compact: o.compact, jobs: workerCount(o.jobs, undefined, (m) => process.stderr.write(`policy-calc: ${m}\n`)), failOn: o.failOn });
}
