import { Dec, type Benefit, type EvaluationResult, type Status } from '../engine/index.js';
import { groupThousands, INDUSTRY_NAMES, REGIONS, SIZE_NAMES } from './labels.js';
import { fill, STATUS_TEXT, type Lang } from './i18n.js';
import { questionFor } from './questions.js';
import { R, SME_ROW_EN } from './report-labels.js';
import { briefSections, isAtLeast } from './report-sections.js';
import { countNote, policyView } from './policy-view.js';
import { money, type Bar, type QuestionView, type ReportModel, type ReportOptions, type SummaryRow } from './report-view.js';

export { money } from './report-view.js';
export type {
  Bar, CheckView, FigureView, GroupView, Money, PolicyView, QuestionView, ReportModel, ReportOptions, SummaryRow,
} from './report-view.js';

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
    .sort((a, b) => new Dec(b.amount.raw).cmp(a.amount.raw) || a.id.localeCompare(b.id));

  const counts = [
    { status: 'eligible' as const, count: r.totals.eligible, text: STATUS_TEXT.eligible[lang] },
    { status: 'needs-info' as const, count: r.totals.needsInfo, text: STATUS_TEXT['needs-info'][lang] },
    { status: 'ineligible' as const, count: r.totals.ineligible, text: STATUS_TEXT.ineligible[lang] },
  ];

  const open = questions(r.benefits, lang);
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
    totalAtLeast: isAtLeast(r.totals),
    detail: o.detail ?? 'brief',
    brief: briefSections(r, policies, open, lang, l),
    counts,
    bars,
    groups,
    questions: open,
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
