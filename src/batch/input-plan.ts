import { readdirSync, statSync, type Dirent } from 'node:fs';
import { join } from 'node:path';
import { PolicyCalcError } from '../engine/index.js';

/**
 * What the inputs of batch, validate, convert, diff and report are, decided before anything is
 * read: stdin, an NDJSON file, a workbook, a JSON file or a folder of them. A path that does not
 * exist is a usage error found here, so a long run never fails at its last input.
 */
export const STDIN = '<stdin>';
const NDJSON = /\.(ndjson|jsonl)$/i;
const XLSX = /\.xlsx$/i;

export interface InputPlan {
  /** Each input as given, with how it is read. */
  inputs: { path: string; kind: 'stdin' | 'ndjson' | 'json' | 'dir' | 'xlsx' }[];
  /** Bytes of the named files and NDJSON files (not of folders or stdin): for the progress bar. */
  knownBytes: number;
  /** False when some input's size is not known in advance (stdin, folders). */
  sizeKnown: boolean;
}

/** Checks every input exists before anything is evaluated: a wrong path is a usage error. */
export function planInputs(paths: string[]): InputPlan {
  const plan: InputPlan = { inputs: [], knownBytes: 0, sizeKnown: true };
  const problems: { file: string; message: string }[] = [];
  if (paths.filter((p) => p === '-').length > 1) problems.push({ file: STDIN, message: 'stdin ("-") can be read only once' });
  for (const path of paths) {
    if (path === '-') {
      plan.inputs.push({ path, kind: 'stdin' });
      plan.sizeKnown = false;
      continue;
    }
    try {
      const st = statSync(path);
      if (st.isDirectory()) {
        plan.inputs.push({ path, kind: 'dir' });
        plan.sizeKnown = false;
      } else {
        plan.inputs.push({ path, kind: NDJSON.test(path) ? 'ndjson' : XLSX.test(path) ? 'xlsx' : 'json' });
        plan.knownBytes += st.size;
      }
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      problems.push({ file: path, message: `cannot read: ${code === 'ENOENT' ? 'no such file or folder' : code === 'EACCES' ? 'permission denied' : (e as Error).message}` });
    }
  }
  if (problems.length) throw new PolicyCalcError('INPUT_UNREADABLE', problems);
  return plan;
}

/** Every *.json file below a folder, depth first, names sorted at each level: the same order on every machine. */
export function* jsonFilesBelow(dir: string): Generator<string> {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const path = join(dir, e.name);
    // Symbolic links to folders are not followed: a link cycle must not make the walk endless.
    if (e.isDirectory()) yield* jsonFilesBelow(path);
    // Anything else named *.json is yielded too, so that a pipe or a broken link is reported, not skipped.
    else if (/\.json$/i.test(e.name)) yield path;
  }
}
