import type { RuleSet } from '../engine/index.js';
import type { Lang } from '../cli/options.js';
import { openOutput } from '../cli/output-file.js';
import { planInputs, type InputPlan } from './input-plan.js';
import { noProfilesError } from './no-profiles.js';
import type { DiffFormat } from './diff.js';
import { RunStats, runPipeline, writeTo } from './run.js';
import type { Streams } from './batch.js';

/**
 * `policy-calc diff`: the enterprises whose status or amount changes from one rule set to another,
 * so that a rule edit can be reviewed before it is merged. Streams like batch; unchanged
 * enterprises write nothing.
 */
export interface DiffOptions {
  old: { dir: string; rules: RuleSet };
  new: { dir: string; rules: RuleSet };
  year?: number;
  asOf: string;
  format: DiffFormat;
  jobs: number;
  /** --exit-code: exit 1 when any enterprise changes, as `git diff --exit-code` does. */
  exitCode?: boolean;
  /** -o FILE: written to a temporary name and renamed once complete. */
  output?: string;
  lang?: Lang;
}

export async function portfolioDiff(inputs: string[], o: DiffOptions, io: Streams = { stdout: process.stdout, stderr: process.stderr }): Promise<number> {
  const plan = planInputs(inputs);
  const out = openOutput(o.output, io.stdout);
  try {
    const code = await compare(inputs, plan, o, { stdout: out.stream, stderr: io.stderr });
    await out.commit();
    return code;
  } catch (e) {
    out.abort();
    throw e;
  }
}

async function compare(inputs: string[], plan: InputPlan, o: DiffOptions, io: Streams): Promise<number> {
  const stats = new RunStats();
  let changed = 0;
  const side = (s: DiffOptions['old']) => ({ rules: s.dir, rulesVersion: s.rules.version });
  if (o.format === 'json') {
    const head = { old: side(o.old), new: side(o.new), evaluation: { year: o.year ?? null, asOf: o.asOf } };
    // The document is written as it goes: everything up to the array, its items, then the rest.
    await writeTo(io.stdout, `${JSON.stringify(head, null, 2).slice(0, -2)},\n  "changed": [\n`);
  }
  await runPipeline({
    config: { mode: 'diff', rules: o.old.dir, newRules: o.new.dir, year: o.year, asOf: o.asOf, format: o.format },
    plan,
    jobs: o.jobs,
    onWorkerLost: (message) => io.stderr.write(`policy-calc: ${message}\n`),
    onResult: async (r, written) => {
      stats.add(r);
      if (!r.changed) return written();
      if (o.format === 'json' && changed) await writeTo(io.stdout, ',\n');
      changed += r.changed;
      await writeTo(io.stdout, r.output, written);
    },
  });
  if (stats.records === 0) throw noProfilesError(inputs, o.lang);
  const evaluated = stats.records - stats.invalid;
  if (o.format === 'json') {
    const summary = { profiles: stats.records, evaluated, invalid: stats.invalid, changed };
    await writeTo(io.stdout, `${changed ? '\n' : ''}  ],\n  "summary": ${JSON.stringify(summary)}\n}\n`);
  } else {
    const versions = `${o.old.rules.version} (${o.old.dir}) -> ${o.new.rules.version} (${o.new.dir})`;
    await writeTo(io.stdout, `${changed} of ${evaluated} enterprise(s) change: rules ${versions}\n`);
  }
  io.stderr.write(stats.invalidReport());
  return stats.invalid || (o.exitCode && changed) ? 1 : 0;
}
