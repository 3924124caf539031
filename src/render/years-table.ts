import { Chalk } from 'chalk';
import type { YearOutcome, YearsResult } from '../engine/index.js';
import { amountCell } from './words.js';
import { displayWidth, groupThousands, LABELS, padEnd, padStart, truncate } from './labels.js';
import { STATUS, t, type Lang } from './i18n.js';

/**
 * `check --year all` on a terminal: one line per policy, a column per fiscal year for the yearly
 * policies and one column for those counted once (the two-year windows, the land and utility
 * policies), then the total of each year, of the once column, and of everything.
 */
const YEAR_LABELS = {
  years: { zh: '评估年度', en: 'Fiscal years' },
  once: { zh: '不分年度', en: 'Once' },
  yearTotal: { zh: '各列合计', en: 'Column totals' },
  total: { zh: '各年度及不分年度合计', en: 'Total counted, all years' },
  onceNote: {
    zh: '不分年度一列的政策（两年期补贴、土地、水电气）不按年度计算，只计一次，按最近年度评估。',
    en: 'Policies in the Once column (two-year windows, land, utilities) do not depend on the year: they are counted once, as evaluated for the latest year.',
  },
  noYears: { zh: '资料中没有财务年度，按年度计算的政策均需补充信息。', en: 'The profile has no fiscal years: the yearly policies need information.' },
};

export interface YearsTableOptions {
  lang: Lang;
  color: boolean;
  width?: number;
}

export function renderYearsTable(r: YearsResult, o: YearsTableOptions): string {
  const c = new Chalk({ level: o.color ? 1 : 0 });
  const { lang } = o;
  const years = r.evaluation.years.map(String);
  const cell = (x: YearOutcome | undefined) => {
    if (!x) return '';
    const s = STATUS[x.status];
    const amount = x.amount === null ? s[lang] : amountCell(x.amount, x.amountBound);
    return `${s.mark} ${x.amount !== null && !x.countedInTotal ? `(${amount})` : amount}`;
  };
  const rows = r.policies.map((p) => ({ p, cells: [...years.map((y) => cell(p.years?.[y])), cell(p.outcome)] }));
  const heads = [...years, t(YEAR_LABELS.once, lang)];
  const totals = [...years.map((y) => groupThousands(r.totals.byYear[y]!)), groupThousands(r.totals.once)];
  const widths = heads.map((h, i) => Math.max(displayWidth(h), displayWidth(totals[i]!), ...rows.map((x) => displayWidth(x.cells[i]!))));
  const used = 4 + 2 + widths.reduce((a, w) => a + w + 2, 0);
  const titleWidth = Math.min(Math.max(...r.policies.map((p) => displayWidth(p.title[lang]))), Math.max(16, (o.width ?? 120) - used));
  const line = (id: string, title: string, cells: string[]) =>
    `${padEnd(id, 4)}  ${padEnd(truncate(title, titleWidth), titleWidth)}  ${cells.map((x, i) => padStart(x, widths[i]!)).join('  ')}`;
  const e = r.enterprise;
  const out: string[] = [
    c.bold(t(LABELS.heading, lang)),
    `${t(LABELS.enterprise, lang)}: ${c.bold(e.name)}${e.creditCode ? `  (${e.creditCode})` : ''}`,
    `${t(YEAR_LABELS.years, lang)}: ${years.length ? years.join(lang === 'zh' ? '、' : ', ') : t(LABELS.none, lang)} · ${t(LABELS.asOf, lang)}: ${r.evaluation.asOf} · ${t(LABELS.rules, lang)}: ${r.evaluation.rulesVersion}`,
    '',
    c.dim(line(t(LABELS.id, lang), t(LABELS.policy, lang), heads)),
  ];
  for (const { p, cells } of rows) out.push(line(p.id, p.title[lang], cells));
  out.push(c.dim('─'.repeat(4 + 2 + titleWidth + widths.reduce((a, w) => a + w + 2, 0))));
  out.push(line('', t(YEAR_LABELS.yearTotal, lang), totals));
  out.push(`${t(YEAR_LABELS.total, lang)}: ${c.bold(amountCell(r.totals.amount, r.totals.amountBound))}`);
  out.push('', c.dim(t(years.length ? YEAR_LABELS.onceNote : YEAR_LABELS.noYears, lang)));
  return `${out.join('\n')}\n`;
}
