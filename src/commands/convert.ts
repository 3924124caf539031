import { PolicyCalcError, type Issue, type Profile } from '../engine/index.js';
import { commandOptions } from '../cli/options.js';
import { moveIntoPlace, tempPathFor, writeOutput } from '../cli/output-file.js';
import { readBatches } from '../batch/inputs.js';
import { planInputs } from '../batch/input-plan.js';
import { BATCH_LIMITS } from '../batch/run.js';
import { forEachProfile } from '../batch/worker.js';
import { noProfilesError } from '../batch/no-profiles.js';
import { profileLine } from '../batch/profile-text.js';

/** Every profile of the inputs, in order; any invalid one stops the conversion, since a register must not silently lose a client. */
export async function readAllProfiles(inputs: string[]): Promise<Profile[]> {
  const profiles: Profile[] = [];
  const problems: Issue[] = [];
  for await (const batch of readBatches(planInputs(inputs), BATCH_LIMITS).batches) {
    forEachProfile(batch, (_input, p) => profiles.push(p), (_input, error) => problems.push(...error.issues));
  }
  if (problems.length) throw new PolicyCalcError('PROFILE_INVALID', problems);
  return profiles;
}

/**
 * `policy-calc convert <inputs...> -o clients.xlsx | clients.ndjson`: profiles (files, folders,
 * NDJSON, workbooks) to a profile workbook, or to NDJSON, one profile per line. The format comes
 * from the -o extension, else --format (NDJSON on stdout by default). Exit 0 written, 2 otherwise.
 */
export async function runConvert(inputs: string[], raw: Record<string, unknown>): Promise<void> {
  const o = commandOptions('convert', raw);
  const format = o.format ?? (o.output && /\.xlsx$/i.test(o.output) ? 'xlsx' : 'ndjson');
  if (format === 'xlsx' && (!o.output || o.output === '-')) throw new PolicyCalcError('USAGE', 'a workbook is written to a file: give -o clients.xlsx');
  const profiles = await readAllProfiles(inputs);
  if (!profiles.length) throw noProfilesError(inputs, o.lang);
  if (format === 'ndjson') return writeOutput(o.output, profiles.map((p) => `${profileLine(p)}\n`).join(''));
  const { profilesWorkbook } = await import('../batch/xlsx-profiles.js');
  const file = o.output!;
  const temp = tempPathFor(file);
  try {
    await profilesWorkbook(profiles).xlsx.writeFile(temp);
  } catch (e) {
    throw new PolicyCalcError('USAGE', [{ file, message: `cannot write: ${(e as Error).message}` }]);
  }
  moveIntoPlace(temp, file);
}
