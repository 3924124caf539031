import { Decimal } from 'decimal.js';
import type { Benefit, EvaluationResult, Status, Unit } from '../engine/index.js';
import { missingSentence, nearMiss, parameterSentence, reasonSentence } from './explain.js';
import { numberText } from './words.js';
import { groupThousands, REGIONS, type Lang } from './labels.js';
import { questionFor, itemName } from './questions.js';
import { figureLabel, figureValue } from './report-figures.js';
import { fill, R, SME_ROW_EN, STATUS_TEXT } from './report-labels.js';
import { INDUSTRY_NAMES, NATURE_NAMES, SIZE_NAMES } from './labels.js';
import { applyToText } from './apply-to.js';

/**
 * The report's content, worked out once from an EvaluationResult: grouped, labelled and worded in
 * one language. The HTML and Markdown renderers only lay it out, so both say the same things.
 * Every string here is plain text; escaping is the renderers' job.
 */
export interface ReportOptions {
  lang: Lang;
  /** The consultant's name, printed on the cover. */
  preparedBy?: string | undefined;
  /** Report date; the as-of date when not given, so that the same run gives the same file. */
  date?: string | undefined;
  /** Whether --year was given; otherwise the report says which year was taken and why. */
  yearGiven?: boolean | undefined;
}

export interface Money {
  /** Exact decimal text as in the JSON output, e.g. "235000.00". */
  raw: string;
  /** For people: "235,000.00". */
  text: string;
}

export interface SummaryRow {
  key: string;
  label: string;
  value: string;
  /** Secondary text, e.g. how the size was found. */
  note?: string;
}

export interface Bar {
  id: string;
  title: string;
  amount: Money;
  counted: boolean;
  note?: string;
}

export interface CheckView {
  result: boolean | null;
  resultText: string;
  mark: string;
  sentence: string;
}

export interface FigureView {
  name: string;
  label: string;
  raw: string;
  text: string;
}

export interface PolicyView {
  id: string;
  article: number;
  articleLabel: string;
  title: string;
  summary: string;
  status: Status;
  statusText: string;
  mark: string;
  natureText: string;
  amount: Money | null;
  /** What stands in place of a null amount: pending information, nothing, or not a money benefit. */
  amountNote: string;
  countedInTotal: boolean;
  /** Why an amount is not in the total, where it is not. */
  countNote: string | null;
  periods: string[];
  figures: FigureView[];
  nearMiss: string[];
  checks: CheckView[];
  missing: { fact: string; sentence: string; question: string }[];
  assumptions: string[];
  notes: string[];
  parameters: string[];
  citation: string;
  responsible: string;
}

export interface GroupView {
  status: Status;
  heading: string;
  policies: PolicyView[];
}

export interface QuestionView {
  fact: string;
  question: string;
  policies: string[];
}

export interface ReportModel {
  lang: Lang;
  l: { [K in keyof typeof R]: string };
  title: string;
  subtitle: string;
  name: string;
  creditCode: string | null;
  preparedBy: string | null;
  date: string;
  summary: SummaryRow[];
  total: Money;
  counts: { status: Status; count: number; text: string }[];
  bars: Bar[];
  groups: GroupView[];
  questions: QuestionView[];
  assumptions: string[];
  rulesVersion: string;
  disclaimer: string;
}

export function money(raw: string, bound?: string | null): Money {
  return { raw, text: bound === 'at-least' ? `≥ ${groupThousands(raw)}` : groupThousands(raw) };
}

const GROUP_ORDER: { status: Status; heading: keyof typeof R }[] = [
  { status: 'eligible', heading: 'groupEligible' },
  { status: 'needs-info', heading: 'groupNeedsInfo' },
  { status: 'ineligible', heading: 'groupIneligible' },
];

export function buildReportModel(r: EvaluationResult, o: ReportOptions): ReportModel {
  const { lang } = o;
  const l = Object.fromEntries(Object.entries(R).map(([k, v]) => [k, v[lang]])) as ReportModel['l'];
  const e = r.enterprise;
  const year = r.evaluation.year;
  const list = (xs: string[]) => xs.join(lang === 'zh' ? '、' : ', ');

  const summary: SummaryRow[] = [
    { key: 'name', label: l.enterprise, value: e.name },
    { key: 'creditCode', label: l.creditCode, value: e.creditCode ?? l.notGiven },
    { key: 'district', label: l.district, value: e.district ?? l.notGiven },
    { key: 'region', label: l.region, value: e.region ? (REGIONS[e.region]?.[lang] ?? e.region) : l.notGiven },
    { key: 'industry', label: l.industry, value: e.industry ? (INDUSTRY_NAMES[e.industry]?.[lang] ?? e.industry) : l.notGiven },
    {
      key: 'size',
      label: l.size,
      value: e.size ? (SIZE_NAMES[e.size]?.[lang] ?? e.size) : l.notGiven,
      ...(e.size ? { note: e.sizeDerived ? `${l.sizeDerived}${e.sizeBasis ? ` · ${basisText(e.sizeBasis, lang)}` : ''}` : l.sizeDeclared } : {}),
    },
    { key: 'year', label: l.year, value: year === null ? l.none : String(year) },
    { key: 'asOf', label: l.asOf, value: r.evaluation.asOf },
  ];

  const policies = r.benefits.map((b) => policyView(b, r, lang, l));
  const groups = GROUP_ORDER.map((g) => ({ status: g.status, heading: l[g.heading], policies: policies.filter((p) => p.status === g.status) }));

  const bars: Bar[] = r.benefits
    .filter((b) => b.status === 'eligible' && b.amount !== null)
    .map((b) => ({
      id: b.id,
      title: b.title[lang],
      amount: money(b.amount!, b.amountBound),
      counted: b.countedInTotal,
      ...(b.countedInTotal ? {} : { note: countNote(b, lang, l) ?? l.notCounted }),
    }))
    .sort((a, b) => new Decimal(b.amount.raw).cmp(a.amount.raw) || a.id.localeCompare(b.id));

  const counts = [
    { status: 'eligible' as const, count: r.totals.eligible, text: STATUS_TEXT.eligible[lang] },
    { status: 'needs-info' as const, count: r.totals.needsInfo, text: STATUS_TEXT['needs-info'][lang] },
    { status: 'ineligible' as const, count: r.totals.ineligible, text: STATUS_TEXT.ineligible[lang] },
  ];

  return {
    lang,
    l,
    title: l.title,
    subtitle: l.subtitle,
    name: e.name,
    creditCode: e.creditCode,
    preparedBy: o.preparedBy?.trim() ? o.preparedBy.trim() : null,
    date: o.date ?? r.evaluation.asOf,
    summary,
    total: money(r.totals.amount, r.totals.amountBound),
    counts,
    bars,
    groups,
    questions: questions(r.benefits, lang),
    assumptions: assumptions(r, o, l, list),
    rulesVersion: r.evaluation.rulesVersion,
    disclaimer: l.disclaimer,
  };
}

/** "software-it: 软件和信息技术服务业" -> the row's name as the standard gives it, or in English. */
function basisText(basis: string, lang: Lang): string {
  const i = basis.indexOf(': ');
  if (i < 0) return basis;
  const id = basis.slice(0, i);
  return lang === 'zh' ? basis.slice(i + 2) : (SME_ROW_EN[id] ?? id.replace(/-/g, ' '));
}

function countNote(b: Benefit, lang: Lang, l: ReportModel['l']): string | null {
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

function policyView(b: Benefit, r: EvaluationResult, lang: Lang, l: ReportModel['l']): PolicyView {
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
    checks: b.reasons.map((reason) => ({
      result: reason.result,
      resultText: reason.result === true ? l.passed : reason.result === false ? l.failed : l.unknown,
      mark: reason.result === true ? '✔' : reason.result === false ? '✘' : '?',
      sentence: reasonSentence(reason, lang),
    })),
    missing: b.missing.map((fact) => ({ fact, sentence: missingSentence(fact, lang), question: questionFor(fact, lang) })),
    assumptions: b.assumptions.map((a) => a.message[lang]),
    notes: b.notes.map((n) => n[lang]),
    parameters: b.parameters.map((p) => parameterSentence(p, lang)),
    citation: b.citation.text,
    responsible: b.citation.responsible.length ? applyToText(b, lang) : l.none,
  };
}

/**
 * One question per missing fact, naming the policies it would decide. Facts missing only from
 * policies that already fail are left out: answering them would not change anything. The facts
 * that decide the most policies come first.
 */
function questions(benefits: Benefit[], lang: Lang): QuestionView[] {
  const byFact = new Map<string, { first: number; policies: string[] }>();
  benefits.forEach((b, i) => {
    if (b.status === 'ineligible') return;
    for (const fact of b.missing) {
      const q = byFact.get(fact) ?? { first: i, policies: [] };
      if (!q.policies.includes(b.id)) q.policies.push(b.id);
      byFact.set(fact, q);
    }
  });
  return [...byFact.entries()]
    .sort(([, a], [, b]) => b.policies.length - a.policies.length || a.first - b.first)
    .map(([fact, q]) => ({ fact, question: questionFor(fact, lang), policies: q.policies }));
}

function assumptions(r: EvaluationResult, o: ReportOptions, l: ReportModel['l'], list: (xs: string[]) => string): string[] {
  const { lang } = o;
  const out: string[] = [];
  const year = r.evaluation.year;
  if (year === null) {
    if (!r.warnings.some((w) => w.path === 'fiscalYears')) out.push(l.noYear);
  }
  else if (!o.yearGiven) out.push(fill(l.yearDefault, { y: year }));
  out.push(fill(l.asOfNote, { d: r.evaluation.asOf }));
  const e = r.enterprise;
  if (e.size && e.sizeDerived) {
    out.push(fill(l.sizeDerivedNote, { s: SIZE_NAMES[e.size]?.[lang] ?? e.size, b: e.sizeBasis ? basisText(e.sizeBasis, lang) : '—' }));
  }
  // The same default (technologySme absent counts as false) may serve several policies: say it once.
  const seen = new Map<string, string[]>();
  for (const b of r.benefits) {
    for (const a of b.assumptions) {
      const ids = seen.get(a.message[lang]) ?? [];
      if (!ids.includes(b.id)) ids.push(b.id);
      seen.set(a.message[lang], ids);
    }
  }
  for (const [message, ids] of seen) out.push(`${message} (${list(ids)})`);
  for (const w of r.warnings) out.push(`${w.message[lang]}${lang === 'zh' ? `（${w.path}）` : ` (${w.path})`}`);
  return out;
}
