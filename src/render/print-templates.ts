import { escapeHtml as h } from './escape.js';
import { fill } from './i18n.js';
import type { ReportModel } from './report-model.js';

/**
 * The running header and footer of a printed report, as Chromium's print templates
 * (Page.printToPDF headerTemplate/footerTemplate): the enterprise and the report date on top,
 * "第 1 页 / 共 8 页" or "Page 1 of 8" below. Chromium fills the elements of class pageNumber
 * and totalPages; the templates are their own documents, so they carry their own font and size,
 * and they print inside the page margins set by the stylesheet's @page rule.
 */
export interface PrintTemplates {
  header: string;
  footer: string;
}

// Single quotes: this goes into a style="…" attribute.
const FONT = "font-family: 'Noto Sans CJK SC', 'Source Han Sans SC', 'PingFang SC', 'Microsoft YaHei', 'WenQuanYi Micro Hei', Arial, sans-serif";
const BOX = `${FONT}; font-size: 8pt; color: #59636e; width: 100%; padding: 0 14mm; display: flex; justify-content: space-between; gap: 12pt; white-space: nowrap`;

export function printTemplates(m: ReportModel): PrintTemplates {
  const page = fill(h(m.l.pageOf), { p: '<span class="pageNumber"></span>', n: '<span class="totalPages"></span>' });
  const name = `<span style="overflow: hidden; text-overflow: ellipsis">${h(m.name)}</span>`;
  const date = `<span>${h(m.l.reportDate)}${h(m.l.colon)}${h(m.date)}</span>`;
  return {
    header: `<div style="${BOX}; border-bottom: 0.5pt solid #d8dee4; padding-bottom: 2pt">${name}${date}</div>`,
    footer: `<div style="${BOX}"><span>${h(m.title)}</span><span class="page-of">${page}</span></div>`,
  };
}
