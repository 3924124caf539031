import { z } from 'zod';
import { PolicyCalcError } from '../engine/index.js';
import { evaluationOptions, parseOptions } from '../cli/options.js';
import { loadRuleSet } from '../cli/rules.js';
import { DIFF_FORMATS } from '../batch/diff.js';
import { jobs, workerCount } from '../batch/options.js';
import { portfolioDiff } from '../batch/portfolio-diff.js';

const diffOptions = evaluationOptions.omit({ rules: true }).extend({
  rules: z.array(z.string().min(1)).default([]),
  old: z.string().min(1).optional(),
  new: z.string().min(1).optional(),
  format: z.enum(DIFF_FORMATS, { error: '--format must be text or json' }).default('text'),
  jobs,
  exitCode: z.boolean().default(false),
  output: z.string().min(1).optional(),
});

/** `policy-calc diff --rules OLD --rules NEW <inputs...>`: what a rule change changes. Returns the exit code. */
export async function runDiff(inputs: string[], raw: Record<string, unknown>): Promise<number> {
  const o = parseOptions(diffOptions, raw);
  const dirs = [...o.rules];
  if (o.old !== undefined) dirs.unshift(o.old);
  if (o.new !== undefined) dirs.push(o.new);
  if (dirs.length !== 2) {
    throw new PolicyCalcError('USAGE', `diff needs two rule directories, the old and the new (--rules OLD --rules NEW, or --old OLD --new NEW); got ${dirs.length}`);
  }
  const [oldDir, newDir] = dirs as [string, string];
  const old = { dir: oldDir, rules: loadRuleSet(oldDir) };
  const next = { dir: newDir, rules: loadRuleSet(newDir) };
  const jobs = workerCount(o.jobs, undefined, (m) => process.stderr.write(`policy-calc: ${m}\n`));
  return portfolioDiff(inputs, { old, new: next, year: o.year, asOf: o.asOf, format: o.format, jobs, exitCode: o.exitCode, output: o.output, lang: o.lang });
}
