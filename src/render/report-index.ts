import { Dec } from '../engine/index.js';
import { createHash } from 'node:crypto';
import type { EvaluationResult, Issue } from '../engine/index.js';
import { escapeHtml as h, mdCell, mdCode, mdText } from './escape.js';
import { htmlPage } from './html.js';
import { groupThousands, type Lang } from './labels.js';
import { mdTable } from './markdown.js';
import { issueText, share, totalsByDistrict, totalsByPolicy } from './report-dashboard.js';
import { R } from './report-labels.js';
import { fill, statusMark, STATUS_TEXT } from './i18n.js';
import { money } from './report-model.js';
import { boundOf, isAtLeast } from './report-sections.js';
import { renderChart } from './svg-chart.js';

/**
 * The index page of a batch of reports, as a dashboard: the grand total, totals by policy (with a
 * chart) and by district, then one row per profile with its counts and total, or its problems in
 * the report's language. Every table comes sorted already; a small inline script (allowed by its
 * hash in the page's CSP, nothing else is) only adds sorting the enterprise table by amount.
 */
export interface IndexEntry {
  index: number;
  /** Where the profile came from: a file, or "batch.ndjson:3". */
  source: string;
  /** The report's file name, relative to the index. */
  file?: string;
  result?: EvaluationResult;
  /** Why the profile gave no report: located issues, worded in the report's language here. */
  issues?: Issue[];
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
  return entries.reduce((sum, e) => (e.result ? sum.plus(e.result.totals.amount) : sum), new Dec(0)).toFixed(2);
}

function words(lang: Lang) {
  const l = Object.fromEntries(Object.entries(R).map(([k, v]) => [k, v[lang]])) as { [K in keyof typeof R]: string };
  const cny = lang === 'zh' ? '（元）' : ' (CNY)';
  return {
    l,
    cny,
    head: ['#', l.enterprise, l.creditCode, l.district, STATUS_TEXT.eligible[lang], STATUS_TEXT['needs-info'][lang], STATUS_TEXT.ineligible[lang], l.total + cny, l.source],
  };
}

function errorText(e: IndexEntry, lang: Lang): string {
  return (e.issues ?? []).map((i) => issueText(i, lang)).join('\n');
}

/** Sorts the enterprise table by its total when the heading is clicked; the page reads the same without it. */
const SORT_SCRIPT = `document.querySelectorAll('th[data-sort]').forEach(function (th) {
  var b = document.createElement('button'); b.type = 'button'; b.className = 'sort'; b.title = th.dataset.hint; b.textContent = th.textContent + ' ⇅';
  th.textContent = ''; th.appendChild(b);
  var desc = true;
  b.addEventListener('click', function () {
    var body = th.closest('table').tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (x, y) { var a = Number(x.dataset.total || -1), c = Number(y.dataset.total || -1); return desc ? c - a : a - c; });
    rows.forEach(function (r) { body.appendChild(r); });
    th.setAttribute('aria-sort', desc ? 'descending' : 'ascending');
    desc = !desc;
  });
});`;

function cssBar(amount: string, max: string): string {
  return `<span class="cssbar"><span style="width: ${share(amount, max)}%"></span></span>`;
}

function indexHtml(entries: IndexEntry[], o: IndexOptions): string {
  const { l, head, cny } = words(o.lang);
  const results = entries.flatMap((e) => (e.result ? [e.result] : []));
  const ok = results.length;
  const total = grandTotal(entries);
  // One enterprise's lower bound makes the grand total one too.
  const totalText = money(total, results.some((r) => isAtLeast(r.totals)) ? 'at-least' : 'exact').text;
  const byPolicy = totalsByPolicy(results, o.lang);
  const byDistrict = totalsByDistrict(results, l.notGiven);

  const bars = byPolicy.filter((p) => !new Dec(p.amount.raw).isZero()).map((p) => ({ id: p.id, title: p.title, amount: p.amount, counted: true }));
  const chart = bars.length
    ? renderChart(bars, { title: l.byPolicy, desc: l.byPolicyChart + bars.map((b) => `${b.id} ${b.title}${l.colon}${b.amount.text}`).join('; '), unit: l.yuan, notCounted: l.notCounted })
    : `<p class="empty">${h(l.indexNone)}</p>`;
  const pMax = byPolicy[0]?.amount.raw ?? '0';
  const policyRows = byPolicy
    .map((p) => `<tr data-policy="${h(p.id)}" data-total="${h(p.amount.raw)}"><td><span class="policy-ref">${h(p.id)}</span> ${h(p.title)}</td><td class="num">${p.enterprises}</td><td class="num">${h(p.amount.text)}</td><td class="bar-cell">${cssBar(p.amount.raw, pMax)}</td></tr>`)
    .join('\n');
  const dMax = byDistrict[0]?.amount.raw ?? '0';
  const districtRows = byDistrict
    .map((d) => `<tr data-district="${h(d.district)}" data-total="${h(d.amount.raw)}"><td>${h(d.district)}</td><td class="num">${d.enterprises}</td><td class="num">${h(d.amount.text)}</td><td class="bar-cell">${cssBar(d.amount.raw, dMax)}</td></tr>`)
    .join('\n');

  const rows = entries.map((e) => {
    if (!e.result) {
      return `<tr class="invalid" data-index="${e.index}"><td class="num">${e.index}</td><td colspan="7"><span class="badge s-ineligible">${statusMark('ineligible')} ${h(l.indexInvalid)}</span> <span class="error">${h(errorText(e, o.lang))}</span></td><td class="source">${h(e.source)}</td></tr>`;
    }
    const r = e.result;
    return `<tr data-index="${e.index}" data-total="${h(r.totals.amount)}"><td class="num">${e.index}</td><td class="name"><a href="${h(encodeURI(e.file!))}">${h(r.enterprise.name)}</a></td><td>${h(r.enterprise.creditCode ?? '—')}</td><td>${h(r.enterprise.district ?? '—')}</td><td class="num">${r.totals.eligible}</td><td class="num">${r.totals.needsInfo}</td><td class="num">${r.totals.ineligible}</td><td class="num">${h(money(r.totals.amount, boundOf(r.totals)).text)}</td><td class="source">${h(e.source)}</td></tr>`;
  });
  const th = (x: string, i: number) => `<th scope="col"${i === 0 || (i >= 4 && i <= 7) ? ' class="num"' : ''}${i === 7 ? ` data-sort="total" data-hint="${h(l.sortHint)}"` : ''}>${h(x)}</th>`;
  const body = `<main class="report wide dashboard">
<header class="masthead">
<div class="kicker">${h(l.subtitle)}</div>
<h1>${h(l.index)}</h1>
<p class="meta"><span>${h(l.asOf)}${h(l.colon)}<b>${h(o.asOf)}</b></span><span>${h(l.rulesVersion)}${h(l.colon)}<b>${h(o.rulesVersion)}</b></span></p>
</header>
<div class="kpis">
<div class="total-card"><div class="total-label">${h(l.total)}</div><div class="total-amount" data-grand-total="${h(total)}">${h(totalText)} <span class="unit">${h(l.yuan)}</span></div><div class="total-note">${h(fill(l.indexCount, { ok, bad: entries.length - ok }))}</div></div>
</div>
<section id="by-policy" aria-labelledby="h-by-policy">
<h2 id="h-by-policy">${h(l.byPolicy)}</h2>
<figure class="chart-figure">${chart}</figure>
<table class="compact by-policy"><thead><tr><th scope="col">${h(l.policy)}</th><th scope="col" class="num">${h(l.eligibleEnterprises)}</th><th scope="col" class="num">${h(l.amount)}</th><th scope="col"></th></tr></thead><tbody>
${policyRows}
</tbody></table>
</section>
<section id="by-district" aria-labelledby="h-by-district">
<h2 id="h-by-district">${h(l.byDistrict)}</h2>
<table class="compact by-district"><thead><tr><th scope="col">${h(l.district)}</th><th scope="col" class="num">${h(l.enterprises)}</th><th scope="col" class="num">${h(l.total + cny)}</th><th scope="col"></th></tr></thead><tbody>
${districtRows}
</tbody></table>
</section>
<section id="enterprises" aria-labelledby="h-enterprises">
<h2 id="h-enterprises">${h(l.enterpriseList)}</h2>
<table class="index"><thead><tr>${head.map(th).join('')}</tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
<tfoot><tr><th scope="row" colspan="7">${h(l.indexTotals)}</th><td class="num" data-grand-total="${h(total)}"><b>${h(totalText)}</b></td><td></td></tr></tfoot>
</table>
</section>
<footer class="colophon"><div class="disclaimer"><strong>${h(l.disclaimerTitle)}${h(l.colon)}</strong>${h(l.disclaimer)}</div></footer>
</main>
<script>${SORT_SCRIPT}</script>`;
  const hash = createHash('sha256').update(SORT_SCRIPT).digest('base64');
  return htmlPage(o.lang, l.index, body, `script-src 'sha256-${hash}'`);
}

function indexMarkdown(entries: IndexEntry[], o: IndexOptions): string {
  const { l, head, cny } = words(o.lang);
  const results = entries.flatMap((e) => (e.result ? [e.result] : []));
  const ok = results.length;
  const rows = entries.map((e) => {
    if (!e.result) return [String(e.index), `${statusMark('ineligible')} ${mdCell(l.indexInvalid)}${l.colon}${mdCell(errorText(e, o.lang))}`, '', '', '', '', '', '', mdCell(e.source)];
    const r = e.result;
    return [
      String(e.index),
      `[${mdCell(r.enterprise.name)}](${encodeURI(e.file!)})`,
      r.enterprise.creditCode ? mdCode(r.enterprise.creditCode) : '—',
      mdCell(r.enterprise.district ?? '—'),
      String(r.totals.eligible),
      String(r.totals.needsInfo),
      String(r.totals.ineligible),
      mdCell(money(r.totals.amount, boundOf(r.totals)).text),
      mdCell(e.source),
    ];
  });
  const total = money(grandTotal(entries), results.some((r) => isAtLeast(r.totals)) ? 'at-least' : 'exact').text;
  rows.push(['', `**${mdCell(l.indexTotals)}**`, '', '', '', '', '', `**${mdCell(total)}**`, '']);
  const byPolicy = totalsByPolicy(results, o.lang).map((p) => [`${mdCell(p.id)} ${mdCell(p.title)}`, String(p.enterprises), mdCell(p.amount.text)]);
  const byDistrict = totalsByDistrict(results, l.notGiven).map((d) => [mdCell(d.district), String(d.enterprises), mdCell(d.amount.text)]);
  return [
    `# ${mdText(l.index)}`,
    '',
    `${mdText(l.asOf)}${l.colon}${mdText(o.asOf)} · ${mdText(l.rulesVersion)}${l.colon}${mdCode(o.rulesVersion)}`,
    '',
    `**${mdText(l.total)}${l.colon}${mdText(total)} ${mdText(l.yuan)}** · ${mdText(fill(l.indexCount, { ok, bad: entries.length - ok }))}`,
    '',
    `## ${mdText(l.byPolicy)}`,
    '',
    ...mdTable([mdCell(l.policy), mdCell(l.eligibleEnterprises), mdCell(l.amount)], ['l', 'r', 'r'], byPolicy),
    '',
    `## ${mdText(l.byDistrict)}`,
    '',
    ...mdTable([mdCell(l.district), mdCell(l.enterprises), mdCell(l.total + cny)], ['l', 'r', 'r'], byDistrict),
    '',
    `## ${mdText(l.enterpriseList)}`,
    '',
    ...mdTable(head.map(mdCell), ['r', 'l', 'l', 'l', 'r', 'r', 'r', 'r', 'l'], rows),
    '',
    `> **${mdText(l.disclaimerTitle)}**${l.colon}${mdText(l.disclaimer)}`,
    '',
  ].join('\n');
}
