import { Dec } from '../engine/index.js';
import { escapeHtml as h } from './escape.js';
import type { Bar } from './report-model.js';

/**
 * The quantified benefits as an inline SVG bar chart: one bar per benefit with its title above it
 * and its amount written on (or beside) it. No script, no external font; geometry only uses
 * numbers for pixels, the amounts printed are the exact strings.
 */
export interface ChartText {
  title: string;
  desc: string;
  unit: string;
  notCounted: string;
}

const WIDTH = 760;
const ROW = 46;
const BAR_Y = 20;
const BAR_H = 18;
const TOP = 4;
/** Rough advance of a digit or comma at 12px, to decide whether the amount fits inside its bar. */
const CHAR_W = 7.4;

export function renderChart(bars: Bar[], t: ChartText): string {
  const height = TOP + bars.length * ROW + 4;
  const max = bars.reduce((m, b) => Dec.max(m, b.amount.raw), new Dec(0));
  const scale = WIDTH - 130; // room for an amount written beside the longest bar's neighbours
  const rows = bars.map((b, i) => {
    const y = TOP + i * ROW;
    const ratio = max.isZero() ? new Dec(0) : new Dec(b.amount.raw).div(max);
    let w = Number(ratio.times(scale).toFixed(1));
    if (w > 0 && w < 2) w = 2; // a non-zero amount stays visible
    const amount = `${b.amount.text}${t.unit ? ` ${t.unit}` : ''}`;
    const textW = amount.length * CHAR_W + 16;
    const inside = w >= textW;
    const tx = inside ? w - 8 : w + 6;
    const label = `${b.id}  ${b.title}${b.counted ? '' : ` (${b.note ?? t.notCounted})`}`;
    return (
      `<g class="bar${b.counted ? '' : ' bar-not-counted'}" data-policy="${h(b.id)}" data-amount="${h(b.amount.raw)}" data-counted="${b.counted}">` +
      `<text class="bar-label" x="0" y="${y + 14}">${h(label)}</text>` +
      `<rect x="0" y="${y + BAR_Y}" width="${w}" height="${BAR_H}" rx="2"${b.counted ? '' : ' fill="url(#hatch)"'}></rect>` +
      `<text class="bar-amount${inside ? ' inside' : ''}" x="${tx}" y="${y + BAR_Y + 13}" text-anchor="${inside ? 'end' : 'start'}">${h(amount)}</text>` +
      `</g>`
    );
  });
  return (
    `<svg class="chart" role="img" aria-labelledby="chart-title chart-desc" viewBox="0 0 ${WIDTH} ${height}" width="100%" preserveAspectRatio="xMinYMin meet" xmlns="http://www.w3.org/2000/svg">` +
    `<title id="chart-title">${h(t.title)}</title>` +
    `<desc id="chart-desc">${h(t.desc)}</desc>` +
    `<defs><pattern id="hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">` +
    `<rect width="6" height="6" class="hatch-bg"></rect><line x1="0" y1="0" x2="0" y2="6" class="hatch-line"></line></pattern></defs>` +
    rows.join('') +
    `</svg>`
  );
}
