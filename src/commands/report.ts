import { statSync } from 'node:fs';
import { extname } from 'node:path';
import { z } from 'zod';
import { evaluate, loadRules, parseCalendarDate, parseProfile, PolicyCalcError } from '../engine/index.js';
import { readInput, writeFileAtomic, writeOut } from '../cli/io.js';
import { defaultLang, evaluationOptions, parseOptions } from '../cli/options.js';
import { renderHtml } from '../render/html.js';
import { renderMarkdown } from '../render/markdown.js';
import type { ReportOptions } from '../render/report-model.js';

/** `policy-calc report <profile|folder|ndjson>`: a consultant report in HTML or Markdown. */
export type ReportFormat = 'html' | 'markdown';

const date = z.string().superRefine((s, ctx) => {
  const r = parseCalendarDate(s);
  if (r !== s) ctx.addIssue({ code: 'custom', message: `--date "${s}" ${r}` });
});

const reportOptions = evaluationOptions.extend({
  output: z.string().min(1, '-o needs a file or folder name').optional(),
  format: z.enum(['html', 'markdown'], { error: '--format must be html or markdown' }).optional(),
  preparedBy: z.string().max(200, '--prepared-by is at most 200 characters').optional(),
  date: date.optional(),
});
export type ReportCommandOptions = z.infer<typeof reportOptions>;

const EXTENSIONS: Record<string, ReportFormat> = { '.html': 'html', '.htm': 'html', '.md': 'markdown', '.markdown': 'markdown' };
export const EXTENSION_OF: Record<ReportFormat, string> = { html: '.html', markdown: '.md' };

export function render(format: ReportFormat, ...args: Parameters<typeof renderHtml>): string {
  return format === 'html' ? renderHtml(...args) : renderMarkdown(...args);
}

export function reportOptionsFor(o: ReportCommandOptions): ReportOptions {
  return { lang: o.lang ?? defaultLang(), preparedBy: o.preparedBy, date: o.date, yearGiven: o.year !== undefined };
}

export async function runReport(input: string, raw: Record<string, unknown>): Promise<number> {
  const o = parseOptions(reportOptions, raw);
  if (input !== '-' && isBatchInput(input)) {
    const { runBatchReport } = await import('./report-batch.js');
    return runBatchReport(input, o);
  }
  const format = singleFormat(o);
  const rules = loadRules(o.rules);
  const { text, name } = readInput(input);
  const profile = parseProfile(text, name);
  const result = evaluate(rules, profile, { year: o.year, asOf: o.asOf });
  const out = render(format, result, { ...reportOptionsFor(o), date: o.date ?? result.evaluation.asOf });
  if (o.output === undefined) writeOut(out);
  else writeReportFile(o.output, out);
  return 0;
}

function isBatchInput(input: string): boolean {
  if (input.toLowerCase().endsWith('.ndjson')) return true;
  try {
    return statSync(input).isDirectory();
  } catch {
    return false; // readInput reports the missing file
  }
}

/** --format wins; otherwise the output file's extension decides; stdout needs --format. */
function singleFormat(o: ReportCommandOptions): ReportFormat {
  if (o.format) return o.format;
  if (o.output === undefined) {
    throw new PolicyCalcError('USAGE', 'report: writing to stdout needs --format html or --format markdown (or give -o report.html)');
  }
  const f = EXTENSIONS[extname(o.output).toLowerCase()];
  if (!f) {
    throw new PolicyCalcError('USAGE', [{ file: o.output, message: 'cannot tell the report format from this name; end it in .html or .md, or give --format' }]);
  }
  return f;
}

/** A report file is written whole or not at all (a temporary file, then renamed). */
export function writeReportFile(file: string, text: string): void {
  try {
    if (statSync(file).isDirectory()) {
      throw new PolicyCalcError('USAGE', [{ file, message: 'cannot write the report: is a directory; name the report file, e.g. out/report.html' }]);
    }
  } catch (e) {
    if (e instanceof PolicyCalcError) throw e;
  }
  writeFileAtomic(file, text, 'the report');
}
