import { statSync } from 'node:fs';
import { extname } from 'node:path';
import { evaluate, parseProfile, PolicyCalcError } from '../engine/index.js';
import { loadRuleSet } from '../cli/rules.js';
import { readInput, writeOut } from '../cli/io.js';
import { commandOptions } from '../cli/options.js';
import { EXTENSIONS, render, reportOptionsFor, withPrinter, writeReportFile, type ReportCommandOptions, type ReportFormat } from './report-output.js';

/** `policy-calc report <profile|folder|ndjson>`: a consultant report in HTML, Markdown or PDF. */
export async function runReport(input: string, raw: Record<string, unknown>): Promise<void> {
  const o = commandOptions('report', raw);
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
