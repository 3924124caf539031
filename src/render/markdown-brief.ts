import { mdBlock, mdCell, mdCode, mdText } from './escape.js';
import { truthMark } from './i18n.js';
import { assumptionsMd, chartMd, colophonMd, head, mdTable, policy, questionsMd } from './markdown.js';
import type { PolicyView, ReportModel } from './report-model.js';

/**
 * The brief report in Markdown, in the order of the HTML one (see html-brief.ts): summary,
 * total, chart and next steps; the quantified policies; the other eligible ones; what is open;
 * what is not available and why; the appendix with the article texts and parameter sources.
 */
export function briefMarkdown(m: ReportModel): string {
  const l = m.l;
  const b = m.brief;
  const out: string[] = [...head(m), ...chartMd(m)];
  const name = (p: PolicyView) => `${mdCell(p.id)} ${mdCell(p.title)}`;

  out.push(`## ${mdText(l.nextSteps)}`, '');
  b.steps.forEach((s, i) => {
    out.push(`${i + 1}. **${mdText(s.title)}**`);
    for (const x of s.items) out.push(`   - ${mdBlock(x)}`);
  });
  out.push('');

  out.push(`## ${mdText(l.quantifiedPolicies)}`, '');
  if (!b.quantified.length) out.push(`*${mdText(l.chartEmpty)}*`, '');
  for (const p of b.quantified) out.push(...policy(p, m, true));

  out.push(`## ${mdText(l.otherEligible)}`, '');
  if (b.others.length) {
    out.push(mdText(l.otherEligibleIntro), '');
    out.push(...mdTable([mdCell(l.policy), mdCell(l.grants), mdCell(l.applyTo)], ['l', 'l', 'l'], b.others.map((p) => [name(p), mdCell(p.grants ?? p.summary), mdCell(p.responsible)])), '');
  } else out.push(`*${mdText(l.groupEmpty)}*`, '');

  out.push(`## ${mdText(l.questions)}`, '');
  if (b.open.length) {
    out.push(`### ${mdText(l.openPolicies)}`, '');
    out.push(...mdTable([mdCell(l.policy), mdCell(l.grants), mdCell(l.missing)], ['l', 'l', 'l'], b.open.map((p) => [name(p), mdCell(p.grants ?? p.summary), p.missing.map((x) => mdCell(x.question)).join('<br>')])), '');
  }
  out.push(...questionsMd(m, false));

  out.push(`## ${mdText(l.notAvailable)}`, '');
  if (b.unavailable.length) {
    out.push(mdText(l.notAvailableIntro), '');
    out.push(...mdTable([mdCell(l.policy), mdCell(l.decisive)], ['l', 'l'], b.unavailable.map((p) => [name(p), p.decisive.map((x) => `${truthMark(false)} ${mdCell(x)}`).join('<br>')])), '');
  } else out.push(`*${mdText(l.groupEmpty)}*`, '');

  out.push(...assumptionsMd(m), ...colophonMd(m));

  out.push(`## ${mdText(l.appendix)}`, '', `### ${mdText(l.appendixTexts)}`, '');
  const all = m.groups.flatMap((g) => g.policies).sort((x, y) => x.article - y.article || x.id.localeCompare(y.id));
  for (const p of all) {
    out.push(`**${mdText(p.id)} ${mdText(p.articleLabel)} · ${mdText(p.title)}**`, '', `> ${mdBlock(p.citation).replace(/\n/g, '\n> ')}`, '', `*${mdText(l.responsible)}${l.colon}${mdText(p.responsible)}*`, '');
  }
  if (b.parameters.length) {
    out.push(`### ${mdText(l.appendixParameters)}`, '');
    out.push(
      ...mdTable(
        [mdCell(l.parameter), mdCell(l.value), `${mdCell(l.source)} · ${mdCell(l.since)}`, mdCell(l.forPolicies)],
        ['l', 'r', 'l', 'l'],
        b.parameters.map((p) => [mdCode(p.name), mdCell(p.value === 'table' ? '—' : p.value), `${mdCell(p.source)} · ${mdCell(p.since)}`, p.policies.map(mdCell).join(', ')]),
      ),
      '',
    );
  }
  return out.join('\n');
}
