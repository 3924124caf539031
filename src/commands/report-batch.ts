import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { decodeUtf8, escapeControls, evaluate, formatIssue, isPolicyCalcError, parseProfile, PolicyCalcError } from '../engine/index.js';
import { loadRuleSet } from '../cli/rules.js';
import { writeOut } from '../cli/io.js';
import { readBatches } from '../batch/inputs.js';
import { planInputs, type InputPlan } from '../batch/input-plan.js';
import { renderIndex, type IndexEntry } from '../render/report-index.js';
import { EXIT, exitWith } from '../cli/exit.js';
import { EXTENSION_OF, render, reportOptionsFor, withPrinter, writeReportFile, type ReportCommandOptions } from './report-output.js';

/**
 * Batch reports: one report per enterprise of a folder of profiles or an NDJSON file, and an
 * index page listing them with their counts and totals. An invalid profile is listed in the index
 * with its error and makes the exit code 1; the others are still written.
 */
interface Source {
  /** How errors name it: "dir/a.json" or "batch.ndjson:3". */
  name: string;
  file: string;
  line?: number;
  bytes: Uint8Array;
  /** Set when the input could not be read (not a regular file, too large). */
  error?: PolicyCalcError;
}

export async function runBatchReport(input: string, o: ReportCommandOptions): Promise<void> {
  if (o.output === undefined) {
    throw new PolicyCalcError('USAGE', 'report: a folder or .ndjson input writes many reports; give the output folder with -o, e.g. -o out/');
  }
  const outDir = o.output;
  try {
    if (!statSync(outDir).isDirectory()) throw new PolicyCalcError('USAGE', [{ file: outDir, message: 'is a file; batch reports need an output folder' }]);
  } catch (e) {
    if (isPolicyCalcError(e)) throw e; // a missing folder is created when the first report is written
  }
  const format = o.format ?? 'html';
  const ext = EXTENSION_OF[format];
  const rules = loadRuleSet(o.rules);
  const options = reportOptionsFor(o);
  const entries: IndexEntry[] = [];
  const used = new Set<string>(['index']);
  let invalid = 0;

  // PDFs are printed by one Chromium for the whole batch; the index stays HTML, linking them.
  await withPrinter(format, options, async (printer) => {
    let index = 0;
    for await (const src of sources(input)) {
      index++;
      try {
        if (src.error) throw src.error;
        const profile = parseProfile(decodeUtf8(src.bytes, src.file), src.file);
        const result = evaluate(rules, profile, { year: o.year, asOf: o.asOf });
        const file = `${uniqueName(baseName(result.enterprise.name, result.enterprise.creditCode, index), index, used)}${ext}`;
        writeReportFile(join(outDir, file), await render(format, result, options, printer));
        entries.push({ index, source: src.name, file, result });
      } catch (e) {
        if (!isPolicyCalcError(e) || e.code === 'USAGE') throw e;
        const issues = src.line === undefined ? e.issues : e.issues.map((x) => ({ ...x, file: src.file, line: src.line }));
        for (const issue of issues) process.stderr.write(`policy-calc: ${formatIssue(issue)}\n`);
        entries.push({ index, source: src.name, issues });
        invalid++;
      }
    }
  });
  if (!entries.length) throw new PolicyCalcError('INPUT_UNREADABLE', [{ file: input, message: 'holds no profiles (a folder of *.json files, or an .ndjson file with one JSON object per line)' }]);

  const indexFormat = format === 'markdown' ? 'markdown' : 'html';
  const indexFile = join(outDir, `index${EXTENSION_OF[indexFormat]}`);
  writeReportFile(indexFile, renderIndex(indexFormat, entries, { lang: options.lang, asOf: o.asOf, rulesVersion: rules.version }));
  writeOut(`${escapeControls(indexFile)}: ${entries.length - invalid} reports, ${invalid} invalid\n`);
  exitWith(invalid > 0 ? EXIT.findings : EXIT.ok);
}

/**
 * The profiles of a folder (its *.json files, by name; not the folders below it) or of an NDJSON
 * file (one per non-blank line), read by batch's input reader with its checks: a pipe, a folder or
 * a broken link named *.json is reported, never opened; a file or a line over 10 MB is reported,
 * never read whole; each line of an NDJSON file is decoded on its own, so one bad line is one
 * invalid entry in the index.
 */
async function* sources(input: string): AsyncGenerator<Source> {
  const plan = folderPlan(input) ?? planInputs([input]);
  for await (const batch of readBatches(plan, { records: 64, bytes: 1 << 20 }).batches) {
    const readErrors = new Map(batch.readErrors.map((r) => [r.index, r]));
    let start = 0;
    for (let i = 0; i < batch.ends.length; i++) {
      const end = batch.ends[i]!;
      const file = batch.files[batch.fileOf[i]!]!;
      const line = batch.lines[i] || undefined;
      const readError = readErrors.get(i);
      yield {
        name: line === undefined ? file : `${file}:${line}`,
        file,
        line,
        bytes: batch.bytes.subarray(start, end),
        ...(readError ? { error: new PolicyCalcError(readError.code, [{ file, ...(line ? { line } : {}), message: readError.message }]) } : {}),
      };
      start = end;
    }
  }
}

/** A folder's *.json entries as whole-file inputs (each checked when read), or undefined when `input` is not a folder. */
function folderPlan(input: string): InputPlan | undefined {
  let entries;
  try {
    entries = readdirSync(input, { withFileTypes: true });
  } catch {
    return undefined; // not a folder: planInputs reads it, or says why it cannot
  }
  const files = entries
    .map((e) => e.name)
    .filter((n) => n.toLowerCase().endsWith('.json') && !n.startsWith('.'))
    .sort()
    .map((n) => join(input, n));
  if (!files.length) throw new PolicyCalcError('INPUT_UNREADABLE', [{ file: input, message: 'holds no .json profiles' }]);
  return { inputs: files.map((path) => ({ path, kind: 'json' as const })), knownBytes: 0, sizeKnown: false };
}

/** ASCII letters and digits only, so a file name is safe on every system and in every URL. */
export function slug(name: string): string {
  const s = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48)
    .replace(/-+$/, '');
  return s || 'enterprise';
}

/** The credit code where there is one (unique and already safe), else the index and a slug of the name. */
export function baseName(name: string, creditCode: string | null, index: number): string {
  if (creditCode && /^[0-9A-Z]{18}$/.test(creditCode)) return creditCode;
  return `${String(index).padStart(3, '0')}-${slug(name)}`;
}

/** Two profiles with the same credit code must not overwrite each other; case-insensitive file systems too. */
function uniqueName(base: string, index: number, used: Set<string>): string {
  let name = base;
  if (used.has(name.toLowerCase())) name = `${base}-${index}`;
  used.add(name.toLowerCase());
  return name;
}

