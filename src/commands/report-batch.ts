import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { decodeUtf8, evaluate, formatIssue, isPolicyCalcError, parseProfile, PolicyCalcError } from '../engine/index.js';
import { loadRuleSet } from '../cli/rules.js';
import { writeOut } from '../cli/io.js';
import { renderIndex, type IndexEntry } from '../render/report-index.js';
import { EXTENSION_OF, render, reportOptionsFor, withPrinter, writeReportFile, type ReportCommandOptions } from './report.js';

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
  text: string;
}

export async function runBatchReport(input: string, o: ReportCommandOptions): Promise<number> {
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
    for (const [i, src] of sources(input).entries()) {
      const index = i + 1;
      try {
        const profile = parseProfile(src.text, src.name);
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

  const indexFormat = format === 'markdown' ? 'markdown' : 'html';
  const indexFile = join(outDir, `index${EXTENSION_OF[indexFormat]}`);
  writeReportFile(indexFile, renderIndex(indexFormat, entries, { lang: options.lang, asOf: o.asOf, rulesVersion: rules.version }));
  writeOut(`${indexFile}: ${entries.length - invalid} reports, ${invalid} invalid\n`);
  return invalid > 0 ? 1 : 0;
}

/** The profiles of a folder (its *.json files, by name) or of an NDJSON file (one per non-blank line). */
function sources(input: string): Source[] {
  let stat;
  try {
    stat = statSync(input);
  } catch {
    throw new PolicyCalcError('INPUT_UNREADABLE', [{ file: input, message: 'cannot read: no such file or folder' }]);
  }
  if (stat.isDirectory()) {
    const files = readdirSync(input)
      .filter((f) => f.toLowerCase().endsWith('.json') && !f.startsWith('.'))
      .sort();
    if (!files.length) throw new PolicyCalcError('INPUT_UNREADABLE', [{ file: input, message: 'holds no .json profiles' }]);
    return files.map((f) => {
      const file = join(input, f);
      return { name: file, file, text: decodeUtf8(readFileSync(file), file) };
    });
  }
  const text = decodeUtf8(readFileSync(input), input);
  const out: Source[] = [];
  text.split('\n').forEach((line, i) => {
    if (line.trim()) out.push({ name: `${input}:${i + 1}`, file: input, line: i + 1, text: line.replace(/\r$/, '') });
  });
  if (!out.length) throw new PolicyCalcError('INPUT_UNREADABLE', [{ file: input, message: 'holds no profiles (one JSON object per line expected)' }]);
  return out;
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

