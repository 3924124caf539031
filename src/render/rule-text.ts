import type { ConditionDef, NoteDef, PolicyDef, SelectDef, TextPair } from '../engine/index.js';
import type { Parameter } from '../engine/index.js';
import { display } from '../engine/index.js';
import { isDec } from '../engine/index.js';
import { neededText } from './explain.js';
import { displayWidth, LABELS, NATURE_NAMES, padEnd, truncate } from './labels.js';
import { t, type Lang } from './i18n.js';

/**
 * Rules for people: `rules list` (a line per policy) and `rules show` (one policy in words: its
 * checks, figures, parameters with every dated value and source, and its citation).
 */

const L = {
  nature: { zh: '性质', en: 'Nature' },
  quantified: { zh: '可测算金额', en: 'Quantified' },
  yes: { zh: '是', en: 'yes' },
  no: { zh: '否', en: 'no' },
  summary: { zh: '概要', en: 'Summary' },
  grants: { zh: '给予', en: 'Grants' },
  eligibility: { zh: '条件', en: 'Eligibility' },
  allOf: { zh: '同时满足：', en: 'all of:' },
  anyOf: { zh: '满足其一：', en: 'any of:' },
  not: { zh: '不满足：', en: 'not:' },
  highest: { zh: '取最高：', en: 'the highest of:' },
  lowest: { zh: '取最低：', en: 'the lowest of:' },
  when: { zh: '适用于', en: 'when' },
  amount: { zh: '金额', en: 'Amount' },
  items: { zh: '逐项计算', en: 'For each item' },
  where: { zh: '条件', en: 'where' },
  defaults: { zh: '缺省', en: 'Defaults' },
  defaultText: { zh: '未提供时按 {v} 计（列为假设）', en: 'taken as {v} when not given (listed as an assumption)' },
  fiscalYear: { zh: '评估年度（参数取该年1月1日有效值）', en: 'the fiscal year evaluated (parameters in force on its 1 January)' },
  window: { zh: '自 {from} 起 {years} 年（含起点不含终点）', en: '{years} years from {from} (start included, end excluded)' },
  asOf: { zh: '评估日（参数取评估日有效值）', en: 'the evaluation date (parameters in force on it)' },
  effective: { zh: '有效期', en: 'In force' },
  stacking: { zh: '叠加', en: 'Stacking' },
  stackingText: { zh: '与同组（{g}）政策只计入较大者', en: 'only the largest of group "{g}" counts in the total' },
  notInForce: { zh: '不再有效', en: 'no longer in force' },
  citation: { zh: '原文', en: 'Citation' },
  section: { zh: '{s}', en: 'section {s}' },
  articleN: { zh: '第{n}条', en: 'article {n}' },
  reading: { zh: '理解', en: 'Reading' },
  file: { zh: '文件', en: 'File' },
} as const;

export interface PolicyRow {
  id: string;
  article: number;
  title: TextPair;
  nature: string;
  quantified: boolean;
  file: string;
}

export function renderPolicyList(rows: PolicyRow[], lang: Lang): string {
  const head = [t(LABELS.id, lang), t(LABELS.policy, lang), t(L.nature, lang), t(L.quantified, lang)];
  const cells = rows.map((r) => [r.id, r.title[lang], NATURE_NAMES[r.nature]?.[lang] ?? r.nature, t(r.quantified ? L.yes : L.no, lang)]);
  const widths = head.map((h, i) => Math.min(60, Math.max(displayWidth(h), ...cells.map((c) => displayWidth(c[i]!)))));
  const line = (c: string[]) => c.map((x, i) => padEnd(truncate(x, widths[i]!), widths[i]!)).join('  ').trimEnd();
  return `${[line(head), ...cells.map(line)].join('\n')}\n`;
}

function operand(v: unknown): string | null {
  if (v === undefined) return null;
  if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
    const o = v as { param?: string; fact?: string };
    return o.param !== undefined ? `param.${o.param}` : (o.fact ?? JSON.stringify(v));
  }
  if (Array.isArray(v)) return v.map(String).join(', ');
  return String(v);
}

/** A check in words: its label where it has one, always followed by the check as written. */
function checkText(c: Extract<ConditionDef, { fact: string }>, lang: Lang): string {
  const needed = neededText({ check: c.id ?? '', fact: c.fact, op: c.op, value: null, expected: operand(c.value), result: null }, lang);
  const plain = lang === 'zh' ? `${c.fact} ${needed}` : `${c.fact}: ${needed}`;
  return c.label ? `${c.label[lang]}  [${plain}]` : plain;
}

export function conditionLines(c: ConditionDef, lang: Lang, indent: string): string[] {
  if ('all' in c) return [`${indent}${t(L.allOf, lang)}`, ...c.all.flatMap((x) => conditionLines(x, lang, `${indent}  `))];
  if ('any' in c) return [`${indent}${t(L.anyOf, lang)}`, ...c.any.flatMap((x) => conditionLines(x, lang, `${indent}  `))];
  if ('not' in c) return [`${indent}${t(L.not, lang)}`, ...conditionLines(c.not, lang, `${indent}  `)];
  return [`${indent}- ${checkText(c, lang)}`];
}

/** A condition on one line, for the `when` of a pick option. */
function inline(c: ConditionDef, lang: Lang): string {
  if ('all' in c) return c.all.map((x) => inline(x, lang)).join(lang === 'zh' ? ' 且 ' : ' and ');
  if ('any' in c) return c.any.map((x) => inline(x, lang)).join(lang === 'zh' ? ' 或 ' : ' or ');
  if ('not' in c) return `${t(L.not, lang)} (${inline(c.not, lang)})`;
  return checkText(c, lang);
}

function figureLines(figs: Record<string, string | SelectDef> | undefined, lang: Lang, indent: string): string[] {
  const out: string[] = [];
  for (const [name, f] of Object.entries(figs ?? {})) {
    if (typeof f === 'string') {
      out.push(`${indent}${name} = ${f}`);
      continue;
    }
    out.push(`${indent}${name} = ${t(f.pick === 'highest' ? L.highest : L.lowest, lang)}`);
    for (const o of f.options) {
      const label = o.label && o.label[lang] !== o.value ? `  (${o.label[lang]})` : '';
      const when = o.when ? `  ${t(L.when, lang)} ${inline(o.when, lang)}` : '';
      out.push(`${indent}  - ${o.value}${label}${when}`);
    }
  }
  return out;
}

function valueText(v: unknown, lang: Lang): string {
  if (v === null) return t(L.notInForce, lang);
  if (typeof v === 'object' && !Array.isArray(v) && !isDec(v)) return lang === 'zh' ? '（表）' : '(table)';
  return display(v) ?? '';
}

export function parameterLines(p: Parameter, lang: Lang, indent: string): string[] {
  const out = [`${indent}${p.name}  (${p.unit})  ${p.description[lang]}`];
  const w = Math.max(...p.values.map((v) => displayWidth(valueText(v.value, lang))));
  for (const v of p.values) {
    out.push(`${indent}  ${v.since}  ${padEnd(valueText(v.value, lang), w)}  ${v.source}${v.note ? `  (${v.note})` : ''}`);
  }
  return out;
}

export function renderPolicy(def: PolicyDef, o: { quantified: boolean; file: string; parameters: Parameter[]; lang: Lang }): string {
  const { lang } = o;
  const lines: string[] = [];
  const sec = (label: TextPair) => lines.push('', `${t(label, lang)}:`);
  lines.push(`${def.id}  ${def.title[lang]}  (${def.title[lang === 'zh' ? 'en' : 'zh']})`);
  lines.push(
    `${t(L.articleN, lang, { n: def.article })}${def.citation.section ? ` · ${t(L.section, lang, { s: def.citation.section })}` : ''} · ` +
      `${NATURE_NAMES[def.nature]?.[lang] ?? def.nature} · ${t(L.quantified, lang)}: ${t(o.quantified ? L.yes : L.no, lang)} · ${t(L.file, lang)}: ${o.file}`,
  );
  lines.push('', `${t(L.summary, lang)}: ${def.summary[lang]}`);
  if (def.grants) lines.push(`${t(L.grants, lang)}: ${def.grants[lang]}`);
  const kind = def.period?.kind ?? 'none';
  const period = kind === 'fiscal-year' ? t(L.fiscalYear, lang)
    : kind === 'window' ? t(L.window, lang, { from: def.period?.from ?? '?', years: def.period?.years ?? '?' })
    : t(L.asOf, lang);
  lines.push(`${t(LABELS.period, lang)}: ${period}`);
  if (def.effective) lines.push(`${t(L.effective, lang)}: ${def.effective.from} – ${def.effective.until ?? '…'}`);
  if (def.stacking) lines.push(`${t(L.stacking, lang)}: ${t(L.stackingText, lang, { g: def.stacking.group })}`);

  sec(L.eligibility);
  lines.push(...conditionLines(def.eligibility, lang, '  '));
  if (def.defaults && Object.keys(def.defaults).length) {
    sec(L.defaults);
    for (const [k, v] of Object.entries(def.defaults)) lines.push(`  ${k}: ${t(L.defaultText, lang, { v: String(v) })}`);
  }
  for (const g of def.items ?? []) {
    sec(L.items);
    lines.push(`  ${g.label?.[lang] ?? g.name} (${g.of})`);
    if (g.where) lines.push(`  ${t(L.where, lang)}:`, ...conditionLines(g.where, lang, '    '));
    lines.push(...figureLines(g.figures, lang, '    '));
    if (g.amount) lines.push(`    ${g.name} = ${g.amount}`);
    if (g.period) lines.push(`    ${t(LABELS.period, lang)}: ${t(L.window, lang, { from: g.period.from, years: g.period.years })}`);
  }
  if (def.figures && Object.keys(def.figures).length) {
    sec(LABELS.figures);
    lines.push(...figureLines(def.figures, lang, '  '));
  }
  if (def.amount) lines.push('', `${t(L.amount, lang)} = ${def.amount}`);
  if (o.parameters.length) {
    sec(LABELS.parameters);
    for (const p of o.parameters) lines.push(...parameterLines(p, lang, '  '));
  }
  sec(L.citation);
  lines.push(`  ${def.citation.text}`);
  lines.push(`  ${t(LABELS.responsible, lang)}: ${def.citation.responsible.join(lang === 'zh' ? '、' : ', ')}`);
  if (def.notes?.length) {
    sec(LABELS.notes);
    for (const n of def.notes) lines.push(`  - ${n[lang]}${noteTerms(n, lang)}`);
  }
  if (def.reading) lines.push('', `${t(L.reading, lang)}: ${def.reading[lang]}`);
  return `${lines.join('\n')}\n`;
}

/** When a dated or conditional note is given, and its source: "(from 2018-04-25; source: …)". */
function noteTerms(n: NoteDef, lang: Lang): string {
  const zh = lang === 'zh';
  const parts: string[] = [];
  if (n.from) parts.push(zh ? `${n.from}起` : `from ${n.from}`);
  if (n.until) parts.push(zh ? `${n.until}前` : `before ${n.until}`);
  if (n.if) parts.push(zh ? `条件：${n.if}` : `only where ${n.if} holds`);
  if (n.source) parts.push(zh ? `依据：${n.source}` : `source: ${n.source}`);
  if (!parts.length) return '';
  return zh ? `（${parts.join('；')}）` : ` (${parts.join('; ')})`;
}
