import type { EvaluationResult } from '../engine/index.js';
import { statusMark, type Lang } from './i18n.js';
import { escapeHtml as h } from './escape.js';
import { buildReportModel, type PolicyView, type ReportModel, type ReportOptions } from './report-model.js';
import { REPORT_CSS } from './report-style.js';
import { briefDocument } from './html-brief.js';
import { renderChart } from './svg-chart.js';

/**
 * The consultant report as one self-contained HTML file: inline CSS, inline SVG, no script, no
 * font or image to fetch. A Content-Security-Policy forbids scripts and remote loads outright, as
 * a second line behind escaping. Every value from the profile or the rules goes through escapeHtml;
 * amounts carry data attributes with their exact text, so tests and scripts can read them back.
 */
export function renderHtml(result: EvaluationResult, o: ReportOptions): string {
  return htmlOf(buildReportModel(result, o));
}

/** The brief report by default, the long form with --detail full. */
export function htmlOf(m: ReportModel): string {
  return m.detail === 'full' ? htmlDocument(m) : briefDocument(m);
}

const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

/** A page; `scripts` adds a script-src to the CSP (the batch index allows its one inline script by hash). */
export function htmlPage(lang: Lang, title: string, body: string, scripts?: string): string {
  return `<!DOCTYPE html>
<html lang="${lang === 'zh' ? 'zh-CN' : 'en'}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}${scripts ? `; ${scripts}` : ''}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="policy-calc">
<title>${h(title)}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
${body}
</body>
</html>
`;
}

export function htmlDocument(m: ReportModel): string {
  const body = `<main class="report">
${masthead(m)}
${summary(m)}
${chart(m)}
${policies(m)}
${questions(m)}
${assumptions(m)}
${colophon(m)}
</main>`;
  return htmlPage(m.lang, `${m.name} — ${m.title}`, body);
}

export function unit(m: ReportModel): string {
  return ` <span class="unit">${h(m.l.yuan)}</span>`;
}

export function masthead(m: ReportModel): string {
  const meta = [
    m.preparedBy ? `<span>${h(m.l.preparedBy)}${h(m.l.colon)}<b>${h(m.preparedBy)}</b></span>` : '',
    `<span>${h(m.l.reportDate)}${h(m.l.colon)}<b>${h(m.date)}</b></span>`,
    m.creditCode ? `<span>${h(m.l.creditCode)}${h(m.l.colon)}<b>${h(m.creditCode)}</b></span>` : '',
  ].filter(Boolean);
  const sections = m.detail === 'full'
    ? [['summary', m.l.summary], ['chart', m.l.chart], ['policies', m.l.policies], ['questions', m.l.questions], ['assumptions', m.l.assumptions]]
    : [['summary', m.l.summary], ['next-steps', m.l.nextSteps], ['quantified', m.l.quantifiedPolicies], ['others', m.l.otherEligible],
        ['questions', m.l.questions], ['unavailable', m.l.notAvailable], ['appendix', m.l.appendix]];
  const nav = sections.map(([id, label]) => `<a href="#${id}">${h(label!)}</a>`).join('');
  return `<header class="masthead">
<div class="kicker">${h(m.subtitle)}</div>
<h1>${h(m.title)}</h1>
<p class="enterprise-name" data-field="name">${h(m.name)}</p>
<p class="meta">${meta.join('')}</p>
<nav class="contents" aria-label="${h(m.l.contents)}">${nav}</nav>
</header>`;
}

export function summary(m: ReportModel): string {
  const rows = m.summary
    .map((r) => `<dt>${h(r.label)}</dt><dd data-field="${h(r.key)}">${h(r.value)}${r.note ? ` <span class="sub">(${h(r.note)})</span>` : ''}</dd>`)
    .join('\n');
  const counts = m.counts
    .map((c) => {
      const mark = statusMark(c.status);
      return `<li><span class="badge s-${c.status}">${mark} ${h(c.text)}</span><span class="count" data-count="${c.status}">${c.count}${h(m.l.countUnit)}</span></li>`;
    })
    .join('');
  return `<section id="summary" aria-labelledby="h-summary">
<h2 id="h-summary">${h(m.l.summary)}</h2>
<div class="summary-grid">
<dl class="facts">
${rows}
</dl>
<div class="total-card">
<div class="total-label">${h(m.l.total)}</div>
<div class="total-amount" data-bound="${m.totalAtLeast ? 'at-least' : 'exact'}" data-total="${h(m.total.raw)}">${h(m.total.text)}${unit(m)}</div>
<div class="total-note">${h(m.l.totalNote)}${m.totalAtLeast ? `<br><span class="bound-note">${h(m.l.atLeastNote)}</span>` : ''}</div>
<ul class="counts">${counts}</ul>
</div>
</div>
</section>`;
}

export function chart(m: ReportModel): string {
  const desc = m.l.chartDesc + m.bars.map((b) => `${b.id} ${b.title}${m.l.colon}${b.amount.text}${b.counted ? '' : ` (${b.note ?? m.l.notCounted})`}`).join('; ');
  const svg = m.bars.length
    ? renderChart(m.bars, { title: m.l.chart, desc, unit: m.l.yuan, notCounted: m.l.notCounted })
    : `<p class="empty">${h(m.l.chartEmpty)}</p>`;
  return `<section id="chart" class="chart-section" aria-labelledby="h-chart">
<h2 id="h-chart">${h(m.l.chart)}</h2>
<figure class="chart-figure">${svg}</figure>
</section>`;
}

function policies(m: ReportModel): string {
  const groups = m.groups
    .map((g) => {
      const body = g.policies.length ? g.policies.map((p) => policy(p, m)).join('\n') : `<p class="empty">${h(m.l.groupEmpty)}</p>`;
      return `<section class="group" data-group="${g.status}">
<h3><span class="badge s-${g.status}">${statusMark(g.status)} ${h(g.heading)}</span><span class="group-count">${g.policies.length}</span></h3>
${body}
</section>`;
    })
    .join('\n');
  return `<section id="policies" aria-labelledby="h-policies">
<h2 id="h-policies">${h(m.l.policies)}</h2>
${groups}
</section>`;
}

/** A policy as a card; the brief report leaves its article text and parameters to the appendix. */
export function policy(p: PolicyView, m: ReportModel, brief = false): string {
  const l = m.l;
  const amountAttr = p.amount ? ` data-amount="${h(p.amount.raw)}"` : '';
  const amount = p.amount
    ? `<div class="policy-amount"${p.atLeast ? ` title="${h(m.l.atLeast)}"` : ''}>${h(p.amount.text)}${unit(m)}</div>`
    : `<div class="policy-amount none">${h(p.amountNote)}</div>`;
  const meta: string[] = [`<dt>${h(l.nature)}</dt><dd>${h(p.natureText)}</dd>`];
  if (p.periods.length) meta.push(`<dt>${h(l.period)}</dt><dd>${p.periods.map(h).join('<br>')}</dd>`);
  meta.push(`<dt>${h(l.responsible)}</dt><dd data-field="responsible">${h(p.responsible)}</dd>`);

  // The brief card sets the figures beside the checks: half the height, and the same content.
  const figuresPart: string[] = [];
  const parts: string[] = [];
  if (p.figures.length) {
    const rows = p.figures
      .map((f) => `<tr data-figure="${h(f.name)}" data-value="${h(f.raw)}"><td>${h(f.label)}</td><td class="num">${h(f.text)}</td></tr>`)
      .join('');
    (brief ? figuresPart : parts).push(`<div class="block-title">${h(l.figures)}</div>
<table class="figures"><thead><tr><th scope="col">${h(l.figure)}</th><th scope="col" class="num">${h(l.value)}</th></tr></thead><tbody>${rows}</tbody></table>`);
  }
  if (p.nearMiss.length) {
    parts.push(`<div class="block-title">${h(l.nearMiss)}</div><ul class="near-miss">${p.nearMiss.map((x) => `<li>${h(x)}</li>`).join('')}</ul>`);
  }
  // An eligible policy is explained by the checks it met; the brief card leaves out the alternatives not taken.
  const checks = brief && p.status === 'eligible' ? p.checks.filter((c) => c.result === true) : p.checks;
  if (checks.length) {
    const rows = checks
      .map((c) => `<tr><td class="result r-${c.result}">${h(c.mark)} ${h(c.resultText)}</td><td>${h(c.sentence)}</td></tr>`)
      .join('');
    parts.push(`<div class="block-title">${h(l.checks)}</div>
<table class="checks"><thead><tr><th scope="col">${h(l.result)}</th><th scope="col">${h(l.check)}</th></tr></thead><tbody>${rows}</tbody></table>`);
  }
  if (p.missing.length) {
    parts.push(`<div class="block-title">${h(l.missing)}</div><ul class="missing">${p.missing
      .map((x) => `<li>${h(x.question)} <code>${h(x.fact)}</code></li>`)
      .join('')}</ul>`);
  }
  if (brief && figuresPart.length) {
    const checks = parts.splice(0);
    parts.push(`<div class="policy-columns"><div>${figuresPart.join('\n')}</div><div>${checks.join('\n')}</div></div>`);
  }
  const notes = [...p.assumptions.map((a) => `${l.assumptionsUsed}${l.colon}${a}`), ...p.notes];
  if (notes.length) parts.push(`<div class="block-title">${h(l.notes)}</div><ul class="notes">${notes.map((x) => `<li>${h(x)}</li>`).join('')}</ul>`);
  if (brief) {
    parts.push(`<div class="citation-link sub">${h(l.citation)}${h(l.colon)}<a href="#text-${h(p.id)}">${h(p.articleLabel)}</a></div>`);
  } else {
    parts.push(`<div class="block-title">${h(l.citation)} <span class="citation-ref">${h(p.articleLabel)}</span></div>
<blockquote class="citation">${h(p.citation)}</blockquote>`);
  }
  if (p.parameters.length && !brief) {
    parts.push(`<div class="parameters sub">${h(l.parameters)}${h(l.colon)}${p.parameters.map(h).join('；')}</div>`);
  }

  return `<article class="policy p-${p.status}" id="policy-${h(p.id)}" data-policy="${h(p.id)}" data-status="${p.status}"${amountAttr} data-counted="${p.countedInTotal}">
<header class="policy-head">
<div class="policy-ref">${h(p.id)} · ${h(p.articleLabel)}</div>
<h4>${h(p.title)}</h4>
<div class="policy-side"><span class="badge s-${p.status}">${h(p.mark)} ${h(p.statusText)}</span>${amount}${p.countNote ? `<div class="count-note">${h(p.countNote)}</div>` : ''}</div>
</header>
<p class="policy-summary">${h(p.summary)}</p>
<dl class="policy-meta">${meta.join('')}</dl>
${parts.join('\n')}
</article>`;
}

export function questions(m: ReportModel): string {
  return `<section id="questions" aria-labelledby="h-questions">
<h2 id="h-questions">${h(m.l.questions)}</h2>
${questionsBody(m)}
</section>`;
}

/** The questions still open, as a checklist to go through with the enterprise. */
export function questionsBody(m: ReportModel): string {
  return m.questions.length
    ? `<p>${h(m.l.questionsIntro)}</p>
<table class="questions"><thead><tr><th scope="col">#</th><th scope="col">${h(m.l.question)}</th><th scope="col">${h(m.l.fact)}</th><th scope="col">${h(m.l.forPolicies)}</th></tr></thead><tbody>
${m.questions
  .map((q, i) => `<tr data-fact="${h(q.fact)}"><td class="idx">${i + 1}</td><td>☐ ${h(q.question)}</td><td class="fact"><code>${h(q.fact)}</code></td><td class="policies">${q.policies.map(h).join(', ')}</td></tr>`)
  .join('\n')}
</tbody></table>`
    : `<p class="empty">${h(m.l.questionsNone)}</p>`;
}

export function assumptions(m: ReportModel): string {
  const body = m.assumptions.length
    ? `<ol class="assumptions">${m.assumptions.map((a) => `<li>${h(a)}</li>`).join('')}</ol>`
    : `<p class="empty">${h(m.l.assumptionsNone)}</p>`;
  return `<section id="assumptions" aria-labelledby="h-assumptions">
<h2 id="h-assumptions">${h(m.l.assumptions)}</h2>
${body}
</section>`;
}

export function colophon(m: ReportModel): string {
  return `<footer class="colophon">
<div class="disclaimer"><strong>${h(m.l.disclaimerTitle)}${h(m.l.colon)}</strong>${h(m.disclaimer)}</div>
<div>${h(m.l.rulesVersion)}${h(m.l.colon)}<span data-field="rulesVersion">${h(m.rulesVersion)}</span> · ${h(m.l.generated)}</div>
</footer>`;
}
