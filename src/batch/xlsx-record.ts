import type { EvaluationResult } from '../engine/index.js';
import { boundOf, countedOf, errorCell, inputLabel, type ErrorInfo, type InputRef } from './formats.js';

/**
 * What a worker hands the results workbook (xlsx-out.ts) for one enterprise: one JSON line, the
 * figures of the quantified policies included, nothing else. The workbook itself is written by
 * the main thread, which alone holds the file.
 */
export interface XlsxPolicy {
  id: string;
  status: string;
  amount: string | null;
  counted: string | null;
  bound: string | null;
  figures: Record<string, string>;
}

export interface XlsxRecord {
  input: string;
  name: string;
  creditCode: string | null;
  year: number | null;
  asOf: string;
  eligible: number;
  needsInfo: number;
  ineligible: number;
  total: string;
  totalBound: string;
  policies: XlsxPolicy[];
}

export type XlsxLine = XlsxRecord | { input: string; error: string };

export function xlsxLine(input: InputRef, r: EvaluationResult, columns: string[]): string {
  const byId = new Map(r.benefits.map((b) => [b.id, b]));
  const policies: XlsxPolicy[] = [];
  for (const id of columns) {
    const b = byId.get(id);
    if (b) policies.push({ id, status: b.status, amount: b.amount, counted: countedOf(b), bound: boundOf(b), figures: b.figures });
  }
  const totals = r.totals as EvaluationResult['totals'] & { amountBound?: string };
  const rec: XlsxRecord = {
    input: inputLabel(input), name: r.enterprise.name, creditCode: r.enterprise.creditCode, year: r.evaluation.year, asOf: r.evaluation.asOf,
    eligible: r.totals.eligible, needsInfo: r.totals.needsInfo, ineligible: r.totals.ineligible,
    total: r.totals.amount, totalBound: totals.amountBound ?? 'exact', policies,
  };
  return `${JSON.stringify(rec)}\n`;
}

export function xlsxErrorLine(input: InputRef, error: ErrorInfo): string {
  return `${JSON.stringify({ input: inputLabel(input), error: errorCell(error) })}\n`;
}
