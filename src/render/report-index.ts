import { Decimal } from 'decimal.js';
import type { EvaluationResult } from '../engine/index.js';
import { escapeHtml as h, mdCell, mdCode, mdText } from './escape.js';
import { htmlPage } from './html.js';
import { groupThousands, type Lang } from './labels.js';
import { mdTable } from './markdown.js';
import { fill, R, STATUS_TEXT } from './report-labels.js';

/** The index page of a batch of reports: one row per profile, with its counts and total, or its error. */
export interface IndexEntry {
  index: number;
  /** Where the profile came from: a file, or "batch.ndjson:3". */
  source: string;
  /** The report's file name, relative to the index. */
  file?: string;
  result?: EvaluationResult;
  error?: string;
}

export interface IndexOptions {
  lang: Lang;
  asOf: string;
  rulesVersion: string;
}

export function renderIndex(format: 'html' | 'markdown', entries: IndexEntry[], o: IndexOptions): string {
  return format === 'html' ? indexHtml(entries, o) : indexMarkdown(entries, o);
}

function grandTotal(entries: IndexEntry[]): string {
  return entries.reduce((sum, e) => (e.result ? sum.plus(e.result.totals.amount) : sum), new Decimal(0)).toFixed(2);
}

function words(lang: Lang) {
  const l = Object.fromEntries(Object.entries(R).map(([k, v]) => [k, v[lang]])) as { [K in keyof typeof R]: string };
  return {
    l,
    head: ['#', l.enterprise, l.creditCode, STATUS_TEXT.eligible[lang], STATUS_TEXT['needs-info'][lang], STATUS_TEXT.ineligible[lang], l.total + (lang === 'zh' ? '（元）' : ' (CNY)'), l.source],
  };
}

function indexHtml(entries: IndexEntry[], o: IndexOptions): string {
  const { l, head } = words(o.lang);
  const ok = entries.filter((e) => e.result).length;
  const rows = entries.map((e) => {
    if (!e.result) {
      return `<tr class="invalid" data-index="${e.index}"><td class="num">${e.index}</td><td colspan="6"><span class="badge s-ineligible">✘ ${h(l.indexInvalid)}</span> <span class="error">${h(e.error ?? '')}</span></td><td class="source">${h(e.source)}</td></tr>`;
    }
    const r = e.result;
    return `<tr data-index="${e.index}" data-total="${h(r.totals.amount)}"><td class="num">${e.index}</td><td class="name"><a href="${h(encodeURI(e.file!))}">${h(r.enterprise.name)}</a></td><td>${h(r.enterprise.creditCode ?? '—')}</td><td class="num">${r.totals.eligible}</td><td class="num">${r.totals.needsInfo}</td><td class="num">${r.totals.ineligible}</td><td class="num">${h(groupThousands(r.totals.amount))}</td><td class="source">${h(e.source)}</td></tr>`;
  });
  const total = grandTotal(entries);
  const body = `<main class="report wide">
<header class="masthead">
<div class="kicker">${h(l.subtitle)}</div>
<h1>${h(l.index)}</h1>
<p class="meta"><span>${h(l.asOf)}${h(l.colon)}<b>${h(o.asOf)}</b></span><span>${h(l.rulesVersion)}${h(l.colon)}<b>${h(o.rulesVersion)}</b></span></p>
</header>
<p>${h(fill(l.indexCount, { ok, bad: entries.length - ok }))}</p>
<table class="index"><thead><tr>${head.map((x, i) => `<th scope="col"${i === 0 || (i >= 3 && i <= 6) ? ' class="num"' : ''}>${h(x)}</th>`).join('')}</tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
<tfoot><tr><th scope="row" colspan="6">${h(l.indexTotals)}</th><td class="num" data-grand-total="${h(total)}"><b>${h(groupThousands(total))}</b></td><td></td></tr></tfoot>
</table>
<footer class="colophon"><div class="disclaimer"><strong>${h(l.disclaimerTitle)}${h(l.colon)}</strong>${h(l.disclaimer)}</div></footer>
</main>`;
  return htmlPage(o.lang, l.index, body);
}

function indexMarkdown(entries: IndexEntry[], o: IndexOptions): string {
  const { l, head } = words(o.lang);
  const ok = entries.filter((e) => e.result).length;
  const rows = entries.map((e) => {
    if (!e.result) return [String(e.index), `✘ ${mdCell(l.indexInvalid)}${l.colon}${mdCell(e.error ?? '')}`, '', '', '', '', '', mdCell(e.source)];
    const r = e.result;
    return [
      String(e.index),
      `[${mdCell(r.enterprise.name)}](${encodeURI(e.file!)})`,
      r.enterprise.creditCode ? mdCode(r.enterprise.creditCode) : '—',
      String(r.totals.eligible),
      String(r.totals.needsInfo),
      String(r.totals.ineligible),
      mdCell(groupThousands(r.totals.amount)),
      mdCell(e.source),
    ];
  });
  rows.push(['', `**${mdCell(l.indexTotals)}**`, '', '', '', '', `**${mdCell(groupThousands(grandTotal(entries)))}**`, '']);
  return [
    `# ${mdText(l.index)}`,
    '',
    `${mdText(l.asOf)}${l.colon}${mdText(o.asOf)} · ${mdText(l.rulesVersion)}${l.colon}${mdCode(o.rulesVersion)}`,
    '',
    mdText(fill(l.indexCount, { ok, bad: entries.length - ok })),
    '',
    ...mdTable(head.map(mdCell), ['r', 'l', 'l', 'r', 'r', 'r', 'r', 'l'], rows),
    '',
    `> **${mdText(l.disclaimerTitle)}**${l.colon}${mdText(l.disclaimer)}`,
    '',
  ].join('\n');
}
