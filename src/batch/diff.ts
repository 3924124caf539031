import { escapeControls, type EvaluationResult, type Status } from '../engine/index.js';
import { inputLabel, type InputRef } from './formats.js';

/**
 * What changes for one enterprise between two rule sets: each policy whose status or amount
 * differs. A policy present in only one of the rule sets is a change from or to nothing.
 */
export const DIFF_FORMATS = ['text', 'json'] as const;
export type DiffFormat = (typeof DIFF_FORMATS)[number];

export interface Outcome {
  status: Status;
  amount: string | null;
}

export interface PolicyChange {
  id: string;
  old: Outcome | null;
  new: Outcome | null;
}

export interface EnterpriseDiff {
  changes: PolicyChange[];
  total: { old: string; new: string };
}

export function diffResults(a: EvaluationResult, b: EvaluationResult): EnterpriseDiff | undefined {
  const olds = new Map(a.benefits.map((x) => [x.id, x]));
  const news = new Map(b.benefits.map((x) => [x.id, x]));
  const ids = [...new Set([...olds.keys(), ...news.keys()])].sort();
  const changes: PolicyChange[] = [];
  for (const id of ids) {
    const o = olds.get(id);
    const n = news.get(id);
    if (o && n && o.status === n.status && o.amount === n.amount) continue;
    changes.push({ id, old: o ? { status: o.status, amount: o.amount } : null, new: n ? { status: n.status, amount: n.amount } : null });
  }
  return changes.length ? { changes, total: { old: a.totals.amount, new: b.totals.amount } } : undefined;
}

export interface EnterpriseRef {
  name: string;
  creditCode: string | null;
}

/** One JSON object per changed enterprise; the caller joins them into the document's array. */
export function renderDiffJson(input: InputRef, enterprise: EnterpriseRef, d: EnterpriseDiff): string {
  return JSON.stringify({ input, enterprise, changes: d.changes, total: d.total });
}

const STATUS_WIDTH = 'needs-info'.length;

/**
 * A block per changed enterprise: its input and name, then one row per changed policy with the
 * old and the new outcome side by side, and the total when it changes. Blocks stream: nothing is
 * aligned across enterprises, so no enterprise waits for the last.
 */
export function renderDiffText(input: InputRef, enterprise: EnterpriseRef, d: EnterpriseDiff): string {
  const amounts = d.changes.flatMap((c) => [c.old?.amount ?? '', c.new?.amount ?? '']).concat(d.total.old, d.total.new);
  const w = Math.max(...amounts.map((a) => a.length));
  const side = (o: Outcome | null) => (o ? `${o.status.padEnd(STATUS_WIDTH)}  ${(o.amount ?? '-').padStart(w)}` : `${'(none)'.padEnd(STATUS_WIDTH)}  ${''.padStart(w)}`);
  const id = enterprise.creditCode ? `  ${enterprise.creditCode}` : '';
  const lines = [escapeControls(`${inputLabel(input)}  ${enterprise.name}${id}`)];
  for (const c of d.changes) lines.push(`  ${c.id.padEnd(5)}  ${side(c.old)}  ->  ${side(c.new)}`);
  if (d.total.old !== d.total.new) {
    lines.push(`  ${'total'.padEnd(5)}  ${''.padEnd(STATUS_WIDTH)}  ${d.total.old.padStart(w)}  ->  ${''.padEnd(STATUS_WIDTH)}  ${d.total.new.padStart(w)}`);
  }
  return `${lines.join('\n')}\n\n`;
}
