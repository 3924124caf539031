import { Dec } from '../engine/index.js';
import type { EvaluationResult } from '../engine/index.js';
import { statusMark } from './i18n.js';
import { mdBlock, mdCell, mdCode, mdHeading, mdText } from './escape.js';
import { briefMarkdown } from './markdown-brief.js';
import { buildReportModel, type PolicyView, type ReportModel, type ReportOptions } from './report-model.js';

/**
 * The consultant report as GitHub-flavoured Markdown: the same model as the HTML, in headings,
 * lists and tables. Values are escaped (mdText/mdCell) so a `|` or `<` from a profile shows as typed.
 * The chart becomes a table with a text bar, so the proportions survive without images.
 */
export function renderMarkdown(result: EvaluationResult, o: ReportOptions): string {
  return markdownOf(buildReportModel(result, o));
}

/** The brief report by default, the long form with --detail full. */
export function markdownOf(m: ReportModel): string {
  return m.detail === 'full' ? markdownDocument(m) : briefMarkdown(m);
}

export function mdTable(head: string[], align: ('l' | 'r')[], rows: string[][]): string[] {
  const sep = align.map((a) => (a === 'r' ? '---:' : '---'));
  return [`| ${head.join(' | ')} |`, `| ${sep.join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`)];
}

export function markdownDocument(m: ReportModel): string {
  const out: string[] = [...head(m), ...chartMd(m)];
  out.push(`## ${mdText(m.l.policies)}`, '');
  for (const g of m.groups) {
    out.push(`### ${statusMark(g.status)} ${mdText(g.heading)} (${g.policies.length})`, '');
    if (!g.policies.length) out.push(`*${mdText(m.l.groupEmpty)}*`, '');
    for (const p of g.policies) out.push(...policy(p, m));
  }
  out.push(...questionsMd(m), ...assumptionsMd(m), ...colophonMd(m));
  return out.join('\n');
}

/** Title, enterprise, report date, the summary table and the total. */
export function head(m: ReportModel): string[] {
  const l = m.l;
  const out: string[] = [];
  out.push(`# ${mdHeading(m.title)}`, '', `*${mdHeading(m.subtitle)}*`, '', `## ${mdHeading(m.name)}`, '');
  const meta = [
    m.preparedBy ? `**${mdText(l.preparedBy)}**${l.colon}${mdText(m.preparedBy)}` : '',
    `**${mdText(l.reportDate)}**${l.colon}${mdText(m.date)}`,
  ].filter(Boolean);
  out.push(meta.join(' · '), '');

  out.push(`## ${mdText(l.summary)}`, '');
  out.push(
    ...mdTable(['', ''], ['l', 'l'], m.summary.map((r) => [`**${mdCell(r.label)}**`, `${mdCell(r.value)}${r.note ? ` (${mdCell(r.note)})` : ''}`])),
  );
  out.push('', `**${mdText(l.total)}${l.colon}${mdText(m.total.text)} ${mdText(l.yuan)}**`, '', `*${mdText(l.totalNote)}*`, '');
  if (m.totalAtLeast) out.push(`*${mdText(l.atLeastNote)}*`, '');
  out.push(m.counts.map((c) => `${statusMark(c.status)} ${mdText(c.text)} ${c.count}${mdText(m.l.countUnit)}`).join(' · '), '');
  return out;
}

/** The chart as a table with a text bar, so the proportions survive without images. */
export function chartMd(m: ReportModel): string[] {
  const l = m.l;
  const out: string[] = [`## ${mdText(l.chart)}`, ''];
  if (m.bars.length) {
    const max = m.bars.reduce((x, b) => Dec.max(x, b.amount.raw), new Dec(0));
    out.push(
      ...mdTable(
        [mdCell(l.policy), mdCell(l.amount), ''],
        ['l', 'r', 'l'],
        m.bars.map((b) => {
          const n = max.isZero() ? 0 : new Dec(b.amount.raw).div(max).times(24).toDecimalPlaces(0).toNumber();
          const bar = (b.counted ? '█' : '░').repeat(Math.max(n, b.amount.raw === '0.00' ? 0 : 1));
          return [
            `${mdCell(b.id)} ${mdCell(b.title)}${b.counted ? '' : ` (${mdCell(b.note ?? l.notCounted)})`}`,
            mdCell(b.amount.text),
            bar,
          ];
        }),
      ),
      '',
    );
  } else {
    out.push(`*${mdText(l.chartEmpty)}*`, '');
  }
  return out;
}

export function questionsMd(m: ReportModel, heading = true): string[] {
  const l = m.l;
  const out: string[] = heading ? [`## ${mdText(l.questions)}`, ''] : [];
  if (m.questions.length) {
    out.push(mdText(l.questionsIntro), '');
    out.push(
      ...mdTable(
        ['#', mdCell(l.question), mdCell(l.fact), mdCell(l.forPolicies)],
        ['r', 'l', 'l', 'l'],
        m.questions.map((q, i) => [String(i + 1), `☐ ${mdCell(q.question)}`, mdCode(q.fact), q.policies.map(mdCell).join(', ')]),
      ),
      '',
    );
  } else {
    out.push(`*${mdText(l.questionsNone)}*`, '');
  }
  return out;
}

export function assumptionsMd(m: ReportModel): string[] {
  const out: string[] = [`## ${mdText(m.l.assumptions)}`, ''];
  if (m.assumptions.length) m.assumptions.forEach((a, i) => out.push(`${i + 1}. ${mdBlock(a)}`));
  else out.push(`*${mdText(m.l.assumptionsNone)}*`);
  out.push('');
  return out;
}

export function colophonMd(m: ReportModel): string[] {
  const l = m.l;
  return [
    '---',
    '',
    `> **${mdText(l.disclaimerTitle)}**${l.colon}${mdBlock(m.disclaimer)}`,
    '',
    `${mdText(l.rulesVersion)}${l.colon}${mdCode(m.rulesVersion)} · ${mdText(l.generated)}`,
    '',
  ];
}

/** A policy in full; the brief report leaves its article text and parameters to the appendix. */
export function policy(p: PolicyView, m: ReportModel, brief = false): string[] {
  const l = m.l;
  const out: string[] = [];
  out.push(`#### ${mdHeading(p.id)} ${mdHeading(p.title)}`, '');
  const amount = p.amount ? `${mdCell(p.amount.text)} ${mdCell(l.yuan)}${p.countNote ? ` (${mdCell(p.countNote)})` : ''}` : mdCell(p.amountNote);
  const rows: string[][] = [
    [`**${mdCell(l.status)}**`, `${p.mark} ${mdCell(p.statusText)}`],
    [`**${mdCell(l.amount)}**`, amount],
    [`**${mdCell(l.nature)}**`, mdCell(p.natureText)],
  ];
  if (p.periods.length) rows.push([`**${mdCell(l.period)}**`, p.periods.map(mdCell).join('<br>')]);
  rows.push([`**${mdCell(l.responsible)}**`, mdCell(p.responsible)]);
  rows.push([`**${mdCell(l.citation)}**`, mdCell(p.articleLabel)]);
  out.push(...mdTable(['', ''], ['l', 'l'], rows), '');
  out.push(mdBlock(p.summary), '');
  if (p.figures.length) {
    out.push(`**${mdText(l.figures)}**`, '');
    out.push(...mdTable([mdCell(l.figure), mdCell(l.value)], ['l', 'r'], p.figures.map((f) => [mdCell(f.label), mdCell(f.text)])), '');
  }
  if (p.nearMiss.length) {
    out.push(`**${mdText(l.nearMiss)}**`, '', ...p.nearMiss.map((x) => `- ${mdBlock(x)}`), '');
  }
  if (p.checks.length) {
    out.push(`**${mdText(l.checks)}**`, '');
    out.push(...mdTable([mdCell(l.result), mdCell(l.check)], ['l', 'l'], p.checks.map((c) => [`${c.mark} ${mdCell(c.resultText)}`, mdCell(c.sentence)])), '');
  }
  if (p.missing.length) {
    out.push(`**${mdText(l.missing)}**`, '', ...p.missing.map((x) => `- ${mdBlock(x.question)} ${mdCode(x.fact)}`), '');
  }
  const notes = [...p.assumptions.map((a) => `${l.assumptionsUsed}${l.colon}${a}`), ...p.notes];
  if (notes.length) out.push(`**${mdText(l.notes)}**`, '', ...notes.map((x) => `- ${mdBlock(x)}`), '');
  if (brief) return out;
  out.push(`**${mdText(l.citation)}** (${mdText(p.articleLabel)})`, '', `> ${mdBlock(p.citation).replace(/\n/g, '\n> ')}`, '');
  if (p.parameters.length) out.push(`*${mdText(l.parameters)}${l.colon}${p.parameters.map(mdText).join('; ')}*`, '');
  return out;
}
