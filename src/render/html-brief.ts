import { escapeHtml as h } from './escape.js';
import { truthMark } from './i18n.js';
import { assumptions, chart, colophon, htmlPage, masthead, policy, questionsBody, summary } from './html.js';
import type { PolicyView, ReportModel } from './report-model.js';

/**
 * The report as a consultant hands it over (the default; `--detail full` gives every policy as a
 * card): page 1 holds the summary, the total, the chart and the three next steps; then the
 * quantified policies with their figures and checks, the other eligible ones in a table, what is
 * still open, one table of the policies not available with the decisive reason, and an appendix
 * with the article texts and the parameters' sources. Every policy carries one element with
 * data-policy/data-status (and data-amount where it has one), as in the full report.
 */
export function briefDocument(m: ReportModel): string {
  const body = `<main class="report brief">
<div class="page-one">
${masthead(m)}
${summary(m)}
${chart(m)}
${nextSteps(m)}
</div>
${quantified(m)}
${others(m)}
${open(m)}
${unavailable(m)}
${assumptions(m)}
${colophon(m)}
${appendix(m)}
</main>`;
  return htmlPage(m.lang, `${m.name} — ${m.title}`, body);
}

function section(id: string, title: string, inner: string, cls = ''): string {
  return `<section id="${id}"${cls ? ` class="${cls}"` : ''} aria-labelledby="h-${id}">
<h2 id="h-${id}">${h(title)}</h2>
${inner}
</section>`;
}

function policyAttrs(p: PolicyView): string {
  return `data-policy="${h(p.id)}" data-status="${p.status}"${p.amount ? ` data-amount="${h(p.amount.raw)}"` : ''} data-counted="${p.countedInTotal}"`;
}

function nextSteps(m: ReportModel): string {
  const steps = m.brief.steps
    .map((s, i) => `<li class="step" data-step="${s.key}"><div class="step-title"><span class="step-no">${i + 1}</span>${h(s.title)}</div><ul${s.key === 'bring' ? ' class="inline"' : ''}>${s.items.map((x) => `<li>${h(x)}</li>`).join('')}</ul></li>`)
    .join('\n');
  return section('next-steps', m.l.nextSteps, `<ol class="steps">\n${steps}\n</ol>`);
}

function quantified(m: ReportModel): string {
  const list = m.brief.quantified;
  const inner = list.length ? list.map((p) => policy(p, m, true)).join('\n') : `<p class="empty">${h(m.l.chartEmpty)}</p>`;
  return section('quantified', m.l.quantifiedPolicies, inner);
}

function policyCell(p: PolicyView): string {
  return `<td class="policy-name"><span class="policy-ref">${h(p.id)}</span> ${h(p.title)}<div class="sub">${h(p.articleLabel)}</div></td>`;
}

function others(m: ReportModel): string {
  const l = m.l;
  const list = m.brief.others;
  if (!list.length) return section('others', l.otherEligible, `<p class="empty">${h(l.groupEmpty)}</p>`);
  const rows = list
    .map((p) => `<tr ${policyAttrs(p)}>${policyCell(p)}<td>${h(p.grants ?? p.summary)}<div class="sub">${h(p.natureText)}</div></td><td data-field="responsible">${h(p.responsible)}</td></tr>`)
    .join('\n');
  return section(
    'others',
    l.otherEligible,
    `<p>${h(l.otherEligibleIntro)}</p>
<table class="compact others"><thead><tr><th scope="col">${h(l.policy)}</th><th scope="col">${h(l.grants)}</th><th scope="col">${h(l.applyTo)}</th></tr></thead><tbody>
${rows}
</tbody></table>`,
  );
}

/** The policies waiting for an answer, then the questions (the full report's table) that decide them. */
function open(m: ReportModel): string {
  const l = m.l;
  const list = m.brief.open;
  const table = list.length
    ? `<table class="compact open"><thead><tr><th scope="col">${h(l.policy)}</th><th scope="col">${h(l.grants)}</th><th scope="col">${h(l.missing)}</th></tr></thead><tbody>
${list.map((p) => `<tr ${policyAttrs(p)}>${policyCell(p)}<td>${h(p.grants ?? p.summary)}</td><td><ul class="missing">${p.missing.map((x) => `<li>${h(x.question)}</li>`).join('')}</ul></td></tr>`).join('\n')}
</tbody></table>`
    : '';
  return section('questions', l.questions, `${table ? `<h3 class="sub-heading">${h(l.openPolicies)}</h3>\n${table}\n` : ''}${questionsBody(m)}`);
}

function unavailable(m: ReportModel): string {
  const l = m.l;
  const list = m.brief.unavailable;
  if (!list.length) return section('unavailable', l.notAvailable, `<p class="empty">${h(l.groupEmpty)}</p>`);
  const rows = list
    .map((p) => `<tr ${policyAttrs(p)}>${policyCell(p)}<td class="decisive">${p.decisive.map((x) => `<div>${truthMark(false)} ${h(x)}</div>`).join('')}</td></tr>`)
    .join('\n');
  return section(
    'unavailable',
    l.notAvailable,
    `<p>${h(l.notAvailableIntro)}</p>
<table class="compact unavailable"><thead><tr><th scope="col">${h(l.policy)}</th><th scope="col">${h(l.decisive)}</th></tr></thead><tbody>
${rows}
</tbody></table>`,
  );
}

function appendix(m: ReportModel): string {
  const l = m.l;
  const all = [...m.groups.flatMap((g) => g.policies)].sort((a, b) => a.article - b.article || a.id.localeCompare(b.id));
  const texts = all
    .map((p) => `<div class="article-text" id="text-${h(p.id)}"><dt><span class="policy-ref">${h(p.id)}</span> ${h(p.articleLabel)} · ${h(p.title)}</dt><dd>${h(p.citation)}<span class="sub"> — ${h(l.responsible)}${h(l.colon)}${h(p.responsible)}</span></dd></div>`)
    .join('\n');
  const params = m.brief.parameters.length
    ? `<h3 class="sub-heading">${h(l.appendixParameters)}</h3>
<table class="compact parameters"><thead><tr><th scope="col">${h(l.parameter)}</th><th scope="col" class="num">${h(l.value)}</th><th scope="col">${h(l.source)} · ${h(l.since)}</th><th scope="col">${h(l.forPolicies)}</th></tr></thead><tbody>
${m.brief.parameters.map((p) => `<tr><td><code>${h(p.name)}</code></td><td class="num">${h(p.value === 'table' ? '—' : p.value)}</td><td>${h(p.source)} <span class="sub">· ${h(p.since)}</span></td><td>${p.policies.map(h).join(', ')}</td></tr>`).join('\n')}
</tbody></table>`
    : '';
  return section('appendix', l.appendix, `<h3 class="sub-heading">${h(l.appendixTexts)}</h3>\n<dl class="article-texts">\n${texts}\n</dl>\n${params}`, 'appendix');
}
