import type { EvaluationResult, Issue } from '../engine/index.js';
import { Dec, formatIssue } from '../engine/index.js';
import type { Lang } from './labels.js';
import { money, type Money } from './report-model.js';

/**
 * The batch index as a dashboard: what the batch is worth, policy by policy and district by
 * district. Totals add the amounts counted in each enterprise's total (a sum of money repeated by
 * two policies is counted once), so the policy rows and the district rows each add up to the
 * grand total. Rows come sorted by amount, largest first, so the order holds without a script.
 */
export interface PolicyTotal {
  id: string;
  title: string;
  /** Enterprises for which the policy is eligible. */
  enterprises: number;
  amount: Money;
}

export interface DistrictTotal {
  district: string;
  enterprises: number;
  amount: Money;
}

export function totalsByPolicy(results: EvaluationResult[], lang: Lang): PolicyTotal[] {
  const rows = new Map<string, { id: string; title: string; enterprises: number; amount: Dec; first: number }>();
  results.forEach((r) => {
    r.benefits.forEach((b, i) => {
      if (b.status !== 'eligible') return;
      const row = rows.get(b.id) ?? { id: b.id, title: b.title[lang], enterprises: 0, amount: new Dec(0), first: i };
      row.enterprises++;
      if (b.countedInTotal && b.amount !== null) row.amount = row.amount.plus(b.amount);
      rows.set(b.id, row);
    });
  });
  return [...rows.values()]
    .sort((a, b) => b.amount.cmp(a.amount) || b.enterprises - a.enterprises || a.first - b.first)
    .map((x) => ({ id: x.id, title: x.title, enterprises: x.enterprises, amount: money(x.amount.toFixed(2)) }));
}

export function totalsByDistrict(results: EvaluationResult[], notGiven: string): DistrictTotal[] {
  const rows = new Map<string, { enterprises: number; amount: Dec }>();
  for (const r of results) {
    const key = r.enterprise.district ?? notGiven;
    const row = rows.get(key) ?? { enterprises: 0, amount: new Dec(0) };
    row.enterprises++;
    row.amount = row.amount.plus(r.totals.amount);
    rows.set(key, row);
  }
  return [...rows.entries()]
    .sort(([a, x], [b, y]) => y.amount.cmp(x.amount) || a.localeCompare(b))
    .map(([district, x]) => ({ district, enterprises: x.enterprises, amount: money(x.amount.toFixed(2)) }));
}

/** A bar's length in percent of the largest, for a CSS bar; at least 1% when above zero, so it shows. */
export function share(amount: string, max: string): number {
  const m = new Dec(max);
  if (m.isZero()) return 0;
  const p = new Dec(amount).div(m).times(100).toDecimalPlaces(1).toNumber();
  return p > 0 && p < 1 ? 1 : p;
}

/**
 * An invalid profile's problems in the report's language: where (file, line, field) in words,
 * then the validator's own message, which names the value and what was expected.
 */
export function issueText(issue: Issue, lang: Lang): string {
  if (lang === 'en') return formatIssue(issue);
  const where = [issue.file ?? '', issue.line !== undefined ? `第 ${issue.line} 行` : '', issue.path ? `字段 ${issue.path}` : ''].filter(Boolean).join('，');
  return `${where ? `${where}：` : ''}资料不符合要求（${issue.message}）`;
}
