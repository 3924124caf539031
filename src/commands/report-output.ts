import { statSync } from 'node:fs';
import { PolicyCalcError, type EvaluationResult } from '../engine/index.js';
import { writeFileAtomic } from '../cli/io.js';
import { commandOptions, defaultLang } from '../cli/options.js';
import type { Printer } from '../cli/pdf.js';
import { htmlOf } from '../render/html.js';
import { markdownOf } from '../render/markdown.js';
import { printTemplates } from '../render/print-templates.js';
import { buildReportModel, type ReportOptions } from '../render/report-model.js';

/**
 * What a single report (report.ts) and batch reports (report-batch.ts) share: the formats and
 * their files, rendering one report, the PDF printer's lifetime, and writing a report file.
 */
export type ReportFormat = 'html' | 'markdown' | 'pdf';
export type ReportCommandOptions = ReturnType<typeof commandOptions<'report'>>;

export const EXTENSIONS: Record<string, ReportFormat> = { '.html': 'html', '.htm': 'html', '.md': 'markdown', '.markdown': 'markdown', '.pdf': 'pdf' };
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
