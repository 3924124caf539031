/**
 * The report's one stylesheet, inlined into every HTML file: system fonts only (nothing to fetch),
 * status colours always paired with a text label, and a print sheet for clean A4 pages.
 */
export const REPORT_CSS = `
:root {
  --ink: #1f2328; --muted: #59636e; --line: #d8dee4; --soft: #f6f8fa; --accent: #1d4e89;
  --ok: #116329; --ok-bg: #dafbe1; --ok-line: #4ac26b;
  --info: #7d4e00; --info-bg: #fff8c5; --info-line: #d4a72c;
  --no: #57606a; --no-bg: #eaeef2; --no-line: #afb8c1;
  --bar: #2f6fb3; --bar-light: #b6cde8;
}
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body {
  margin: 0; background: #eef1f4; color: var(--ink);
  font-family: -apple-system, BlinkMacSystemFont, "Segoe UI", "PingFang SC", "Hiragino Sans GB",
    "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", "Noto Sans SC", "WenQuanYi Micro Hei",
    Roboto, "Helvetica Neue", Arial, sans-serif;
  font-size: 14.5px; line-height: 1.6;
}
.report { max-width: 980px; margin: 24px auto; background: #fff; padding: 40px 48px 32px; box-shadow: 0 1px 3px rgba(31,35,40,.12); }
h1, h2, h3, h4 { line-height: 1.3; margin: 0; }
h2 { font-size: 19px; color: var(--accent); border-bottom: 2px solid var(--accent); padding-bottom: 6px; margin: 36px 0 16px; }
h3 { font-size: 16px; margin: 28px 0 12px; display: flex; align-items: center; gap: 10px; }
h4 { font-size: 16px; }
p { margin: 0 0 8px; }
.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace; font-size: .86em; background: var(--soft); border: 1px solid var(--line); border-radius: 4px; padding: 0 4px; overflow-wrap: anywhere; }

.masthead { border-bottom: 1px solid var(--line); padding-bottom: 20px; }
.kicker { color: var(--muted); font-size: 12.5px; letter-spacing: .02em; }
.masthead h1 { font-size: 26px; margin: 6px 0 4px; color: var(--accent); }
.enterprise-name { font-size: 20px; font-weight: 600; margin: 4px 0 10px; word-break: break-word; }
.meta { color: var(--muted); font-size: 13px; display: flex; flex-wrap: wrap; gap: 4px 22px; margin: 0; }
.meta b { color: var(--ink); font-weight: 600; }
nav.contents { margin-top: 12px; font-size: 13px; }
nav.contents a { color: var(--accent); text-decoration: none; margin-right: 16px; }

.summary-grid { display: grid; grid-template-columns: minmax(0, 1.5fr) minmax(0, 1fr); gap: 24px; align-items: start; }
dl.facts { display: grid; grid-template-columns: max-content minmax(0, 1fr); margin: 0; border-top: 1px solid var(--line); }
dl.facts dt, dl.facts dd { margin: 0; padding: 7px 10px; border-bottom: 1px solid var(--line); }
dl.facts dt { color: var(--muted); background: var(--soft); font-size: 13px; line-height: 1.785; }
dl.facts dd { word-break: break-word; }
.sub { color: var(--muted); font-size: 12.5px; }
.total-card { border: 1px solid var(--line); border-top: 4px solid var(--accent); border-radius: 6px; padding: 16px 18px; background: #fbfcfd; }
.total-label { color: var(--muted); font-size: 13px; }
.total-amount { font-size: 30px; font-weight: 700; color: var(--accent); font-variant-numeric: tabular-nums; line-height: 1.2; margin: 6px 0; text-align: right; white-space: nowrap; }
.total-amount .unit { font-size: 15px; font-weight: 500; color: var(--muted); }
.total-note { color: var(--muted); font-size: 12.5px; margin-bottom: 12px; }
ul.counts { list-style: none; margin: 0; padding: 0; display: grid; gap: 6px; }
ul.counts li { display: flex; justify-content: space-between; align-items: center; }
ul.counts .count { font-weight: 700; font-variant-numeric: tabular-nums; }

.badge { display: inline-flex; align-items: center; gap: 4px; border-radius: 999px; padding: 1px 10px; font-size: 12.5px; font-weight: 600; border: 1px solid; white-space: nowrap; }
.s-eligible { color: var(--ok); background: var(--ok-bg); border-color: var(--ok-line); }
.s-needs-info { color: var(--info); background: var(--info-bg); border-color: var(--info-line); }
.s-ineligible { color: var(--no); background: var(--no-bg); border-color: var(--no-line); }

figure.chart-figure { margin: 0; }
svg.chart { display: block; max-width: 100%; height: auto; font-family: inherit; }
svg.chart .bar-label { font-size: 13px; fill: var(--ink); }
svg.chart rect { fill: var(--bar); }
svg.chart .bar-not-counted rect { fill: url(#hatch); stroke: var(--bar); stroke-width: 1; }
svg.chart .hatch-bg { fill: #fff; }
svg.chart .hatch-line { stroke: var(--bar-light); stroke-width: 3; }
svg.chart .bar-amount { font-size: 12px; font-weight: 600; fill: var(--ink); font-variant-numeric: tabular-nums; }
svg.chart .bar-amount.inside { fill: #fff; }
svg.chart .bar-not-counted .bar-amount.inside { fill: var(--ink); }
.empty { color: var(--muted); font-style: italic; }

.group-count { font-size: 13px; color: var(--muted); font-weight: 400; }
article.policy { border: 1px solid var(--line); border-left: 5px solid var(--no-line); border-radius: 6px; padding: 14px 18px 12px; margin: 0 0 16px; background: #fff; }
article.policy.p-eligible { border-left-color: var(--ok-line); }
article.policy.p-needs-info { border-left-color: var(--info-line); }
article.policy.p-ineligible { border-left-color: var(--no-line); }
.policy-head { display: grid; grid-template-columns: minmax(0, 1fr) auto; gap: 2px 16px; align-items: start; }
.policy-ref { color: var(--muted); font-size: 12.5px; font-weight: 600; letter-spacing: .02em; }
.policy-head h4 { grid-column: 1; margin: 2px 0 6px; }
.policy-side { grid-column: 2; grid-row: 1 / span 3; text-align: right; display: flex; flex-direction: column; align-items: flex-end; gap: 6px; }
.policy-amount { font-size: 19px; font-weight: 700; font-variant-numeric: tabular-nums; white-space: nowrap; }
.policy-amount .unit { font-size: 12.5px; font-weight: 500; color: var(--muted); }
.policy-amount.none { font-size: 13px; font-weight: 400; color: var(--muted); }
.count-note { font-size: 12px; color: var(--muted); max-width: 260px; }
.policy-summary { color: #32383f; }
dl.policy-meta { display: grid; grid-template-columns: max-content minmax(0, 1fr); gap: 2px 14px; margin: 8px 0; font-size: 13px; }
dl.policy-meta dt { color: var(--muted); }
dl.policy-meta dd { margin: 0; }
.block-title { font-size: 13px; font-weight: 700; color: var(--muted); margin: 12px 0 4px; text-transform: none; }
table { border-collapse: collapse; width: 100%; font-size: 13.5px; }
th, td { border-bottom: 1px solid var(--line); padding: 5px 8px; vertical-align: top; text-align: left; }
thead th { background: var(--soft); font-size: 12.5px; color: var(--muted); font-weight: 600; border-bottom: 1px solid #c4ccd4; }
th.num, td.num { text-align: right; }
table.figures td.num { width: 34%; }
table.checks td.result { width: 7.5em; white-space: nowrap; font-weight: 600; }
td.result.r-true { color: var(--ok); }
td.result.r-false { color: #a40e26; }
td.result.r-null { color: var(--info); }
ul.near-miss, ul.missing, ul.notes { margin: 4px 0; padding-left: 20px; }
ul.near-miss li { color: #a40e26; }
ul.missing li { color: var(--info); }
blockquote.citation { margin: 10px 0 4px; padding: 8px 14px; border-left: 3px solid var(--accent); background: var(--soft); font-family: "Songti SC", "SimSun", "Noto Serif CJK SC", "Source Han Serif SC", serif; font-size: 14px; }
.citation-ref { color: var(--muted); font-size: 12px; font-family: inherit; }
.parameters { margin-top: 6px; }

table.questions td.idx { width: 2.5em; color: var(--muted); }
table.questions td.policies, table.questions td.fact { white-space: nowrap; }
table.figures { max-width: 640px; }
.report.wide { max-width: 1240px; }
table.index td { white-space: nowrap; }
table.index th { white-space: normal; vertical-align: bottom; }
table.index td.name { white-space: normal; min-width: 16em; }
table.index td.source { white-space: normal; overflow-wrap: anywhere; color: var(--muted); font-size: 12.5px; }
table.index tr.invalid td { white-space: normal; }
table.index .error { color: #a40e26; white-space: pre-wrap; }
table.index tfoot th, table.index tfoot td { border-top: 2px solid var(--ink); border-bottom: none; }
ol.assumptions { padding-left: 22px; }
ol.assumptions li { margin-bottom: 4px; }
footer.colophon { margin-top: 36px; border-top: 1px solid var(--line); padding-top: 14px; font-size: 12.5px; color: var(--muted); }
.disclaimer { border: 1px solid var(--info-line); background: #fffdf0; border-radius: 6px; padding: 10px 14px; color: #4d3800; margin-bottom: 10px; }

/* The brief report: next steps, compact tables, the appendix. */
ol.steps { list-style: none; margin: 0; padding: 0; display: grid; gap: 8px; }
ol.steps > li.step { display: grid; grid-template-columns: 10em minmax(0, 1fr); gap: 4px 12px; border: 1px solid var(--line); border-left: 4px solid var(--accent); border-radius: 6px; padding: 8px 12px; background: #fbfcfd; }
.step-title { font-weight: 700; color: var(--accent); display: flex; gap: 8px; align-items: baseline; }
.step-no { display: inline-flex; flex: none; width: 1.55em; height: 1.55em; border-radius: 50%; background: var(--accent); color: #fff; justify-content: center; align-items: center; font-size: 12px; }
ol.steps ul { margin: 0; padding-left: 16px; }
ol.steps ul li { margin: 0 0 2px; }
ol.steps ul.inline { padding-left: 0; list-style: none; }
ol.steps ul.inline li { display: inline; }
ol.steps ul.inline li + li::before { content: "; "; }
:lang(zh) ol.steps ul.inline li + li::before { content: "；"; }
.bound-note { color: var(--info); }
h3.sub-heading { font-size: 14.5px; margin: 16px 0 8px; color: var(--ink); }
table.compact td { font-size: 13px; }
table.compact td.policy-name { width: 36%; }
table.compact .policy-ref, dl.article-texts .policy-ref { color: var(--muted); font-weight: 700; margin-right: 4px; }
table.compact td.policy-name .sub { font-size: 11.5px; }
table.compact ul.missing { margin: 0; padding-left: 16px; }
table.unavailable td.decisive { color: #32383f; }
table.parameters td, table.parameters th { font-size: 12px; }
table.parameters code { font-size: 10.5px; border: none; background: none; padding: 0; overflow-wrap: normal; }
table.parameters td:nth-child(1) { white-space: nowrap; }
table.parameters td:nth-child(2) { max-width: 9em; }
table.parameters .sub { font-size: inherit; }
dl.article-texts { margin: 0; }
dl.article-texts dt { font-weight: 600; font-size: 13px; margin-top: 8px; }
dl.article-texts dd { margin: 2px 0 0; font-family: "Songti SC", "SimSun", "Noto Serif CJK SC", "Source Han Serif SC", serif; font-size: 13px; border-left: 3px solid var(--line); padding-left: 10px; }
dl.article-texts dd .sub { font-family: -apple-system, "Segoe UI", "Noto Sans CJK SC", sans-serif; font-size: 11.5px; }
.citation-link { margin-top: 8px; }
.policy-columns { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1.25fr); gap: 0 18px; align-items: start; }
.policy-columns table.figures td.num { width: auto; }
/* The batch dashboard. */
.dashboard .kpis { display: grid; grid-template-columns: minmax(0, 22em); margin: 18px 0 4px; }
.dashboard svg.chart { max-width: 760px; }
.cssbar { display: block; height: 10px; min-width: 120px; background: var(--soft); border-radius: 2px; }
.cssbar > span { display: block; height: 100%; background: var(--bar); border-radius: 2px; }
td.bar-cell { width: 30%; vertical-align: middle; }
button.sort { font: inherit; color: inherit; background: none; border: none; padding: 0; cursor: pointer; text-align: inherit; }
th[aria-sort] button.sort { color: var(--accent); }

@media (max-width: 720px) { .policy-columns { grid-template-columns: 1fr; } }
.citation-link a { color: var(--accent); text-decoration: none; }

@media (max-width: 720px) {
  .report { padding: 20px; margin: 0; }
  .summary-grid { grid-template-columns: 1fr; }
}

/* The margins leave room for Chromium's running header and footer (see print-templates.ts). */
@page { size: A4; margin: 16mm 14mm 15mm 14mm; }
@media print {
  html, body { background: #fff; }
  body { font-size: 10pt; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  .report { max-width: none; margin: 0; padding: 0; box-shadow: none; }
  nav.contents { display: none; }
  h2 { margin-top: 18pt; }
  h2, h3, h4, .block-title { break-after: avoid; page-break-after: avoid; }
  section.chart-section, figure.chart-figure, .total-card, .disclaimer, blockquote.citation, dl.facts { break-inside: avoid; page-break-inside: avoid; }
  article.policy { break-inside: avoid; page-break-inside: avoid; }
  tr, td, th { break-inside: avoid; page-break-inside: avoid; }
  thead { display: table-header-group; }
  tfoot { display: table-footer-group; }
  a { color: inherit; text-decoration: none; }
  /* Headings stay with what follows; tables and texts are not cut mid-row. */
  h2 + *, h3 + *, .block-title + * { break-before: avoid; page-break-before: avoid; }
  ol.steps > li.step, .article-text, table.compact tr, table.figures, table.checks { break-inside: avoid; page-break-inside: avoid; }
  section#questions, section#unavailable, section#others { break-inside: auto; }
  /* Page 1 is the summary, the total, the chart and the next steps, and nothing else. */
  .brief .page-one { break-after: page; page-break-after: always; }
  .brief .masthead { padding-bottom: 8pt; }
  .brief .masthead h1 { font-size: 17pt; margin: 2pt 0; }
  .brief .kicker { font-size: 8pt; }
  .brief .enterprise-name { font-size: 13pt; margin: 2pt 0 4pt; }
  .brief .meta { font-size: 8.5pt; }
  .brief h2 { font-size: 12.5pt; margin: 12pt 0 6pt; padding-bottom: 3pt; }
  .brief dl.facts dt, .brief dl.facts dd { padding: 2.5pt 6pt; font-size: 9pt; line-height: 1.45; }
  .brief .total-card { padding: 10pt 12pt; }
  .brief .total-amount { font-size: 22pt; }
  .brief ol.steps { gap: 5pt; }
  .brief figure.chart-figure svg.chart { width: 74%; }

  .brief ol.steps > li.step { padding: 4pt 8pt; font-size: 8.8pt; line-height: 1.4; }
  /* A brief card may continue on the next page, but its head stays with its body and its tables stay whole. */
  .brief article.policy { padding: 8pt 10pt; margin-bottom: 8pt; break-inside: auto; page-break-inside: auto; }
  .brief .policy-head { break-after: avoid; page-break-after: avoid; }
  .brief .policy-columns > div { break-inside: avoid; page-break-inside: avoid; }
  .brief .policy-summary { font-size: 9pt; margin-bottom: 4pt; }
  .brief dl.policy-meta { font-size: 8.5pt; margin: 4pt 0; }
  .brief table { font-size: 9pt; }
  .brief table.compact td { font-size: 9pt; padding: 3pt 6pt; }
  .brief th, .brief td { padding: 3pt 6pt; }
  .brief footer.colophon { margin-top: 14pt; }
  /* The appendix is for reference: two columns of smaller type. */
  .brief dl.article-texts { columns: 2; column-gap: 14pt; }
  .brief dl.article-texts dt { font-size: 8.5pt; margin-top: 5pt; }
  .brief dl.article-texts dd { font-size: 8.5pt; line-height: 1.45; }
  .brief table.parameters td, .brief table.parameters th { font-size: 8pt; padding: 2pt 4pt; }
  .brief table.compact td.policy-name { width: 30%; }
}
`;
