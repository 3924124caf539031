import { z } from 'zod';
import { escapeControls, formatIssue, isPolicyCalcError, parseProfile, type Issue } from '../engine/index.js';
import { readInput, writeOut } from '../cli/io.js';
import { parseOptions } from '../cli/options.js';

const validateOptions = z.object({ format: z.enum(['text', 'json']).default('text') });

interface Checked {
  file: string;
  valid: boolean;
  issues: Issue[];
}

function check(file: string): Checked {
  const name = file === '-' ? '<stdin>' : file;
  try {
    const { text } = readInput(file);
    parseProfile(text, name);
    return { file: name, valid: true, issues: [] };
  } catch (e) {
    if (!isPolicyCalcError(e)) throw e;
    return { file: name, valid: false, issues: e.issues.map((i) => ({ ...i, file: i.file ?? name })) };
  }
}

/**
 * `policy-calc validate <files...>`: reads and validates each profile as `check` would, without
 * evaluating it. Text: "<file>: ok", or one line per problem "<file>:<line>:<col>: <path>: <message>".
 * Exit 0 when every profile is valid, 2 when any is invalid or unreadable (as `check` exits on it).
 */
export async function runValidate(files: string[], raw: Record<string, unknown>): Promise<number> {
  const o = parseOptions(validateOptions, raw);
  const results = files.map(check);
  if (o.format === 'json') {
    writeOut(`${JSON.stringify(results.map((r) => ({ ...r, issues: r.issues.map(({ file: _f, ...rest }) => rest) })), null, 2)}\n`);
  } else {
    writeOut(results.map((r) => (r.valid ? `${escapeControls(r.file)}: ok` : r.issues.map(formatIssue).join('\n'))).join('\n') + '\n');
  }
  return results.every((r) => r.valid) ? 0 : 2;
}
