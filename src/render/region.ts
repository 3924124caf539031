import type { ChalkInstance } from 'chalk';
import type { EvaluationResult } from '../engine/index.js';
import { INDUSTRY_NAMES, REGIONS } from './labels.js';
import { t, type Lang } from './i18n.js';
import { factName } from './words.js';

/**
 * The line that says whether the enterprise's industry is a priority of its functional region
 * (section 二(二)), and with --explain the sentences it rests on. Kept apart from table.ts so that
 * its labels do not crowd the shared ones.
 */

const L = {
  heading: { zh: '区域布局（{section}）', en: 'Regional priority (section {section})' },
  yes: { zh: '是，{industry}属于{region}重点发展产业', en: 'yes, {industry} is a priority industry of the {region}' },
  no: { zh: '否，{industry}不在{region}重点发展产业之列（{list}）', en: 'no, {industry} is not among the priority industries of the {region} ({list})' },
  unknown: { zh: '无法判断，需要知道{what}', en: 'unknown until we know {what}' },
  outside: { zh: '不适用，区县不在重庆市', en: 'not applicable, the district is outside Chongqing' },
} as const;

export function industryLabel(industry: string, lang: Lang): string {
  return INDUSTRY_NAMES[industry]?.[lang] ?? industry;
}

export function regionLines(r: EvaluationResult, lang: Lang, explain: boolean, c: ChalkInstance): string[] {
  const rp = r.enterprise.regionPriority;
  if (!rp) return [];
  const section = rp.citation[0]?.section ?? '二（二）';
  const heading = t(L.heading, lang, { section });
  const sep = lang === 'zh' ? '：' : ': ';
  let region = rp.region ? (REGIONS[rp.region]?.[lang] ?? rp.region) : '';
  if (rp.block) region += lang === 'zh' ? `（${rp.block.name.zh}）` : ` (${rp.block.name.en})`;
  const industry = rp.industry ? industryLabel(rp.industry, lang) : '';
  let text: string;
  if (rp.priority === true) text = c.green(t(L.yes, lang, { industry, region }));
  else if (rp.priority === false) {
    const list = rp.priorities.map((p) => industryLabel(p, lang)).join(lang === 'zh' ? '、' : ', ');
    text = t(L.no, lang, { industry, region, list });
  } else if (rp.missing.length) {
    text = c.yellow(t(L.unknown, lang, { what: rp.missing.map((m) => factName(m, lang)).join(lang === 'zh' ? '、' : ', ') }));
  } else text = c.dim(t(L.outside, lang));
  const lines = [`  ${heading}${sep}${text}`];
  if (explain) for (const cit of rp.citation) lines.push(c.dim(`    ${cit.section}${sep}${cit.text}`));
  return lines;
}
