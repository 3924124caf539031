import { statSync } from 'node:fs';
import { extname } from 'node:path';
import { z } from 'zod';
import { evaluate, parseCalendarDate, parseProfile, PolicyCalcError, type EvaluationResult } from '../engine/index.js';
import { loadRuleSet } from '../cli/rules.js';
import { readInput, writeFileAtomic, writeOut } from '../cli/io.js';
import { defaultLang, evaluationOptions, parseOptions } from '../cli/options.js';
import type { Printer } from '../cli/pdf.js';
import { htmlOf } from '../render/html.js';
import { markdownOf } from '../render/markdown.js';
import { printTemplates } from '../render/print-templates.js';
import { buildReportModel, type ReportOptions } from '../render/report-model.js';

/** `policy-calc report <profile|folder|ndjson>`: a consultant report in HTML, Markdown or PDF. */
export type ReportFormat = 'html' | 'markdown' | 'pdf';

const date = z.string().superRefine((s, ctx) => {
  const r = parseCalendarDate(s);
  if (r !== s) ctx.addIssue({ code: 'custom', message: `--date "${s}" ${r}` });
});

const reportOptions = evaluationOptions.extend({
  output: z.string().min(1, '-o needs a file or folder name').optional(),
  format: z.enum(['html', 'markdown', 'pdf'], { error: '--format must be html, markdown or pdf' }).optional(),
  detail: z.enum(['brief', 'full'], { error: '--detail must be brief or full' }).optional(),
  preparedBy: z.string().max(200, '--prepared-by is at most 200 characters').optional(),
  date: date.optional(),
});
export type ReportCommandOptions = z.infer<typeof reportOptions>;

const EXTENSIONS: Record<string, ReportFormat> = { '.html': 'html', '.htm': 'html', '.md': 'markdown', '.markdown': 'markdown', '.pdf': 'pdf' };
export const EXTENSION_OF: Record<ReportFormat, string> = { html: '.html', markdown: '.md', pdf: '.pdf' };

/** The report in one format; a PDF needs the printer (one Chromium, opened by the caller). */
export async function render(format: ReportFormat, result: EvaluationResult, o: ReportOptions, printer?: Printer): Promise<string | Buffer> {
  const m = buildReportModel(result, o);
  if (format === 'markdown') return markdownOf(m);
  if (format === 'html') return htmlOf(m);
  if (!printer) throw new Error('render: a PDF needs a printer');
  return printer.print(htmlOf(m), printTemplates(m));
}

export async function withPrinter<T>(format: ReportFormat, o: ReportOptions, f: (printer: Printer | undefined) => Promise<T>): Promise<T> {
  if (format !== 'pdf') return f(undefined);
  const { openPrinter } = await import('../cli/pdf.js');
  const printer = await openPrinter(o.lang);
  try {
    return await f(printer);
  } finally {
    await printer.close();
  }
}

export function reportOptionsFor(o: ReportCommandOptions): ReportOptions {
  return { lang: o.lang ?? defaultLang(), preparedBy: o.preparedBy, date: o.date, yearGiven: o.year !== undefined, detail: o.detail };
}

export async function runReport(input: string, raw: Record<string, unknown>): Promise<number> {
  const o = parseOptions(reportOptions, raw);
  if (input !== '-' && isBatchInput(input)) {
    const { runBatchReport } = await import('./report-batch.js');
    return runBatchReport(input, o);
  }
  const format = singleFormat(o);
  const rules = loadRuleSet(o.rules);
  const { text, name } = readInput(input);
  const profile = parseProfile(text, name);
  const result = evaluate(rules, profile, { year: o.year, asOf: o.asOf });
  const options = { ...reportOptionsFor(o), date: o.date ?? result.evaluation.asOf };
  if (format === 'pdf' && o.output === undefined && process.stdout.isTTY) {
    throw new PolicyCalcError('USAGE', 'report: a PDF is not for the terminal; give -o report.pdf or redirect the output');
  }
  const out = await withPrinter(format, options, (printer) => render(format, result, options, printer));
  if (o.output === undefined) {
    if (typeof out === 'string') writeOut(out);
    else process.stdout.write(out);
  } else writeReportFile(o.output, out);
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
    throw new PolicyCalcError('USAGE', 'report: writing to stdout needs --format html, markdown or pdf (or give -o report.html)');
  }
  const f = EXTENSIONS[extname(o.output).toLowerCase()];
  if (!f) {
    throw new PolicyCalcError('USAGE', [{ file: o.output, message: 'cannot tell the report format from this name; end it in .html or .md, or give --format' }]);
  }
  return f;
}

/** A report file is written whole or not at all (a temporary file, then renamed). */
export function writeReportFile(file: string, data: string | Buffer): void {
  try {
    if (statSync(file).isDirectory()) {
      throw new PolicyCalcError('USAGE', [{ file, message: 'cannot write the report: is a directory; name the report file, e.g. out/report.html' }]);
    }
  } catch (e) {
    if (e instanceof PolicyCalcError) throw e;
  }
  writeFileAtomic(file, data, 'the report');
}
