import { PolicyCalcError } from '../engine/index.js';
import { exitWith } from '../cli/exit.js';
import { commandOptions } from '../cli/options.js';
import { loadRuleSet } from '../cli/rules.js';
import { workerCount } from '../batch/options.js';
import { portfolioDiff } from '../batch/portfolio-diff.js';

/** `policy-calc diff --rules OLD --rules NEW <inputs...>`: what a rule change changes. */
export async function runDiff(inputs: string[], raw: Record<string, unknown>): Promise<void> {
  const o = commandOptions('diff', raw);
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
  exitWith(await portfolioDiff(inputs, { old, new: next, year: o.year, asOf: o.asOf, format: o.format, jobs, exitCode: o.exitCode, output: o.output, lang: o.lang }));
}
