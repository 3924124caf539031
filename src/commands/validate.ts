import { escapeControls, formatIssue, isPolicyCalcError, type Issue } from '../engine/index.js';
import { writeOut } from '../cli/io.js';
import { EXIT, exitWith } from '../cli/exit.js';
import { commandOptions } from '../cli/options.js';
import { readBatches } from '../batch/inputs.js';
import { planInputs, type InputPlan } from '../batch/input-plan.js';
import { BATCH_LIMITS } from '../batch/run.js';
import { forEachProfile } from '../batch/worker.js';
import { inputLabel, type InputRef } from '../batch/formats.js';
import { noProfilesError } from '../batch/no-profiles.js';

interface Checked {
  file: string;
  /** NDJSON line (or workbook row) of the profile; absent for a whole file. */
  line?: number;
  valid: boolean;
  issues: Issue[];
}

/** Each input planned on its own, so that one missing file is reported beside the others' results. */
function plan(files: string[]): { plan: InputPlan; unreadable: Checked[] } {
  const all: InputPlan = { inputs: [], knownBytes: 0, sizeKnown: false };
  const unreadable: Checked[] = [];
  for (const f of files) {
    try {
      all.inputs.push(...planInputs([f]).inputs);
    } catch (e) {
      if (!isPolicyCalcError(e)) throw e;
      unreadable.push({ file: f, valid: false, issues: e.issues });
    }
  }
  return { plan: all, unreadable };
}

/**
 * `policy-calc validate <inputs...>`: reads and validates each profile as `check` and `batch`
 * would, without evaluating it: files, folders, NDJSON (one profile per line) and stdin, exactly
 * what batch accepts. Text: "<file>: ok" (or "<file>:<line>: ok"), or one line per problem.
 * Exit 0 when every profile is valid, 2 when any is invalid or unreadable, or there are none.
 */
export async function runValidate(files: string[], raw: Record<string, unknown>): Promise<void> {
  const o = commandOptions('validate', raw);
  const { plan: p, unreadable } = plan(files);
  const results: Checked[] = [];
  const ok = (input: InputRef): Checked => ({ ...input, valid: true, issues: [] });
  for await (const batch of readBatches(p, BATCH_LIMITS).batches) {
    forEachProfile(
      batch,
      (input) => results.push(ok(input)),
      (input, error) => results.push({ ...input, valid: false, issues: error.issues }),
    );
  }
  // Unreadable inputs are listed where they were named.
  const byFile = new Map(unreadable.map((u) => [u.file, u]));
  const all = unreadable.length ? mergeInOrder(files, results, byFile) : results;
  if (!all.length) throw noProfilesError(files, o.lang);
  if (o.format === 'json') {
    writeOut(`${JSON.stringify(all.map((r) => ({ ...r, issues: r.issues.map(({ file: _f, ...rest }) => rest) })), null, 2)}\n`);
  } else {
    writeOut(all.map((r) => (r.valid ? `${escapeControls(inputLabel(r))}: ok` : r.issues.map(formatIssue).join('\n'))).join('\n') + '\n');
  }
  exitWith(all.every((r) => r.valid) ? EXIT.ok : EXIT.usage);
}

/** The results with each unreadable input in the place it was named among the inputs. */
function mergeInOrder(files: string[], results: Checked[], unreadable: Map<string, Checked>): Checked[] {
  const out: Checked[] = [];
  let i = 0;
  for (const f of files) {
    const u = unreadable.get(f);
    if (u) {
      out.push(u);
      continue;
    }
    const name = f === '-' ? '<stdin>' : f;
    // The results of this input: those whose file is it, or lies below it (a folder).
    while (i < results.length && (results[i]!.file === name || results[i]!.file.startsWith(name))) out.push(results[i++]!);
  }
  while (i < results.length) out.push(results[i++]!);
  return out;
}
