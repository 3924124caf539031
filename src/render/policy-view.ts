import type { Benefit, EvaluationResult, Unit } from '../engine/index.js';
import { missingSentence, nearMiss, parameterSentence, reasonSentence } from './explain.js';
import { numberText } from './words.js';
import { NATURE_NAMES } from './labels.js';
import { fill, STATUS_TEXT, truthMark, type Lang } from './i18n.js';
import { questionFor, itemName } from './questions.js';
import { figureLabel, figureValue } from './report-figures.js';
import { R } from './report-labels.js';
import { applyToText } from './apply-to.js';
import { decisiveReasons, isAtLeast } from './report-sections.js';
import { money, type PolicyView, type ReportModel } from './report-view.js';

/** Why an eligible amount is not in the total: the same money as another policy's, or not counted. */
export function countNote(b: Benefit, lang: Lang, l: ReportModel['l']): string | null {
  if (b.amount === null || b.countedInTotal || b.status !== 'eligible') return null;
  return b.overlapsWith ? fill(R.overlap[lang], { id: b.overlapsWith }) : l.notCounted;
}

function figureUnits(b: Benefit): Map<string, Unit> {
  const units = new Map<string, Unit>();
  for (const f of b.trace?.figures ?? []) units.set(f.name, f.unit);
  for (const g of b.trace?.groups ?? []) {
    units.set(g.name, 'money');
    for (const it of g.items ?? []) for (const f of it.figures) units.set(`${it.path}.${f.name}`, f.unit);
  }
  return units;
}

/** One policy as the report shows it: its status, amount, figures, checks and what is still needed. */
export function policyView(b: Benefit, r: EvaluationResult, lang: Lang, l: ReportModel['l']): PolicyView {
  const s = STATUS_TEXT[b.status];
  const units = figureUnits(b);
  const section = b.citation.section ? ` · ${b.citation.section}` : '';
  const periods: string[] = [];
  if (b.period) periods.push(`${b.period.from} – ${b.period.to}${b.period.open ? ` (${l.stillOpen})` : ''}`);
  for (const p of b.itemPeriods) {
    const name = p.item ? (itemName(p.item, lang) ?? p.item) : '';
    const who = name.charAt(0).toUpperCase() + name.slice(1);
    periods.push(`${who ? `${who}: ` : ''}${p.from} – ${p.to}${p.open ? ` (${l.stillOpen})` : ''}`);
  }
  return {
    id: b.id,
    article: b.article,
    articleLabel: `${fill(R.article[lang], { n: b.citation.article })}${section}`,
    title: b.title[lang],
    summary: b.summary[lang],
    status: b.status,
    statusText: s[lang],
    mark: s.mark,
    natureText: NATURE_NAMES[b.nature]?.[lang] ?? b.nature,
    amount: b.amount === null ? null : money(b.amount, b.amountBound),
    atLeast: isAtLeast(b),
    grants: b.grants ? b.grants[lang] : null,
    decisive: decisiveReasons(b, lang, l),
    amountNote: !b.quantified ? l.noAmount : b.status === 'needs-info' ? l.amountPending : l.amountNone,
    countedInTotal: b.countedInTotal,
    countNote: countNote(b, lang, l),
    periods,
    figures: Object.entries(b.figures).map(([name, raw]) => {
      // The unit comes from the decision tree where there is one; else from the figure's name.
      const unit = units.get(name);
      return { name, label: figureLabel(name, lang), raw, text: unit ? numberText(unit, raw, lang) : figureValue(name, raw, lang) };
    }),
    nearMiss: nearMiss(b, r.evaluation.year, lang),
    checks: uniqueBy(b.reasons.map((reason) => ({
      result: reason.result,
      resultText: reason.result === true ? l.passed : reason.result === false ? l.failed : l.unknown,
      mark: truthMark(reason.result),
      sentence: reasonSentence(reason, lang),
    })), (c) => `${c.result}\u0000${c.sentence}`),
    missing: b.missing.map((fact) => ({ fact, sentence: missingSentence(fact, lang), question: questionFor(fact, lang) })),
    assumptions: b.assumptions.map((a) => a.message[lang]),
    notes: b.notes.map((n) => n[lang]),
    parameters: b.parameters.map((p) => parameterSentence(p, lang)),
    citation: b.citation.text,
    responsible: b.citation.responsible.length ? applyToText(b, lang) : l.none,
  };
}

/** The same check met in several branches of a rule is shown once. */
function uniqueBy<T>(xs: T[], key: (x: T) => string): T[] {
  const seen = new Set<string>();
  return xs.filter((x) => !seen.has(key(x)) && Boolean(seen.add(key(x))));
}
