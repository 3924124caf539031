import { Dec } from '../engine/index.js';
import type { Benefit, EvaluationResult } from '../engine/index.js';
import { reasonSentence } from './explain.js';
import type { Lang } from './labels.js';
import { documentsFor } from './report-documents.js';
import { R } from './report-labels.js';
import { fill } from './i18n.js';
import { money, type PolicyView, type QuestionView } from './report-model.js';

/**
 * The short report's parts, in the order a client reads them: the three next steps (page 1),
 * the quantified policies, the other eligible ones, what is still open, one table of what is not
 * available and why, and an appendix with the article texts and the parameters' sources.
 */
export interface Step {
  key: 'apply' | 'where' | 'bring';
  title: string;
  items: string[];
}

export interface ParameterRow {
  name: string;
  value: string;
  since: string;
  source: string;
  policies: string[];
}

export interface BriefSections {
  steps: Step[];
  quantified: PolicyView[];
  others: PolicyView[];
  open: PolicyView[];
  unavailable: PolicyView[];
  parameters: ParameterRow[];
}

type Words = { [K in keyof typeof R]: string };

/** Whether an amount (a benefit's or the totals') is a lower bound ("≥"). */
export function isAtLeast(x: { amountBound?: string | null }): boolean {
  return x.amountBound === 'at-least';
}

export function boundOf(x: { amountBound?: string | null }): 'at-least' | 'exact' {
  return isAtLeast(x) ? 'at-least' : 'exact';
}

export function briefSections(r: EvaluationResult, policies: PolicyView[], questions: QuestionView[], lang: Lang, l: Words): BriefSections {
  const eligible = policies.filter((p) => p.status === 'eligible');
  const quantified = eligible.filter((p) => p.amount !== null);
  const others = eligible.filter((p) => p.amount === null);
  const open = policies.filter((p) => p.status === 'needs-info');
  const unavailable = policies.filter((p) => p.status === 'ineligible');
  const list = (xs: string[]) => xs.join(lang === 'zh' ? '、' : ', ');
  const named = (p: PolicyView) => `${p.id} ${p.title}`;

  const apply: string[] = [];
  if (quantified.length) {
    const byAmount = [...quantified].sort((a, b) => new Dec(b.amount!.raw).cmp(a.amount!.raw) || a.id.localeCompare(b.id));
    const total = money(r.totals.amount, boundOf(r.totals)).text;
    const sum = (p: PolicyView) => `${p.amount!.text} ${l.yuan}`;
    apply.push(fill(l.applyMoney, { n: quantified.length, t: total, list: list(byAmount.map((p) => (lang === 'zh' ? `${named(p)}（${sum(p)}）` : `${named(p)} (${sum(p)})`))) }));
    if (others.length) apply.push(fill(l.applyOthers, { n: others.length }));
  } else if (others.length) {
    apply.push(fill(l.applyOnlyOthers, { n: others.length, list: list(others.map(named)) }));
  } else {
    apply.push(l.applyNothing);
  }
  if (open.length && questions.length) apply.push(fill(l.applyOpen, { n: questions.length, m: open.length }));

  // One line per set of departments, the money first: that is where the client goes first.
  const where: string[] = [];
  const byDept = new Map<string, string[]>();
  for (const p of quantified.length ? quantified : others) {
    const ids = byDept.get(p.responsible) ?? [];
    ids.push(p.id);
    byDept.set(p.responsible, ids);
  }
  // In English the policies first: after a long list of departments, "...: P10" would read as the last one's.
  for (const [dept, ids] of byDept) where.push(lang === 'zh' ? `${dept}${l.colon}${list(ids)}` : `${list(ids)}${l.colon}${dept}`);
  if (quantified.length && others.length) where.push(l.whereOthers);

  const relied = r.benefits.filter((b) => b.status === 'eligible' && (quantified.length ? b.amount !== null : true));
  const bring = documentsFor(relied, r.evaluation.year, lang);

  const steps: Step[] = [
    { key: 'apply', title: l.stepApply, items: apply },
    { key: 'where', title: l.stepWhere, items: where.length ? where : [l.none] },
    { key: 'bring', title: l.stepBring, items: bring.length ? bring : [l.bringNothing] },
  ];
  return { steps, quantified, others, open, unavailable, parameters: parameterRows(r.benefits) };
}

/** Each parameter once, with the policies that used it, in the order first met. */
function parameterRows(benefits: Benefit[]): ParameterRow[] {
  const rows = new Map<string, ParameterRow>();
  for (const b of benefits) {
    if (b.status === 'ineligible') continue;
    for (const p of b.parameters) {
      const key = `${p.name}\u0000${p.value}\u0000${p.since}`;
      const row = rows.get(key) ?? { name: p.name, value: p.value, since: p.since, source: p.source, policies: [] };
      if (!row.policies.includes(b.id)) row.policies.push(b.id);
      rows.set(key, row);
    }
  }
  return [...rows.values()];
}

/**
 * Why a policy is not available, in words: its failed checks, which the engine's reasons hold as
 * the decisive ones, each in the sentence `check --explain` uses (never a fact path).
 */
export function decisiveReasons(b: Benefit, lang: Lang, l: Words): string[] {
  if (b.status !== 'ineligible') return [];
  const out: string[] = [];
  for (const r of b.reasons) {
    if (r.result !== false) continue;
    const text = reasonSentence(r, lang);
    if (!out.includes(text)) out.push(text);
  }
  if (out.length) return out;
  // No failed check is named: the policy is about items (land, utilities) and none fits.
  return [b.reasons.some((r) => r.result === null) ? l.conditionsNotMet : l.noQualifyingItem];
}
