import { Chalk, type ChalkInstance } from 'chalk';
import { valueWords, type Benefit, type EvaluationResult } from '../engine/index.js';
import { figureSentence, grantsSentence, itemSentence, missingSentence, nearMiss, parameterSentence, readingSentence, reasonSentence } from './explain.js';
import { itemName } from './questions.js';
import { amountCell, boundedText } from './words.js';
import { regionLines } from './region.js';
import { nextQuestionLines } from './next-questions.js';
import { displayWidth, LABELS, padEnd, padStart, REGIONS, truncate } from './labels.js';
import { STATUS, t, truthMark, type Lang } from './i18n.js';
import { applyToText } from './apply-to.js';

/**
 * The terminal view: one aligned line per policy with its status and amount, then the total.
 * With `explain`, each policy is followed by its checks, figures, missing facts and article.
 */
export interface TableOptions {
  lang: Lang;
  explain: boolean;
  color: boolean;
  /** Terminal width to fit titles into. */
  width?: number;
}

export function renderTable(r: EvaluationResult, o: TableOptions): string {
  const c = new Chalk({ level: o.color ? 1 : 0 });
  const { lang } = o;
  const lines: string[] = [];
  const sep = lang === 'zh' ? '：' : ': ';
  const e = r.enterprise;
  lines.push(c.bold(t(LABELS.heading, lang)));
  lines.push(`${t(LABELS.enterprise, lang)}${lang === "zh" ? "：" : ": "}${c.bold(e.name)}${e.creditCode ? (lang === 'zh' ? `（${e.creditCode}）` : `  (${e.creditCode})`) : ''}`);
  const facts: string[] = [];
  if (e.district) facts.push(e.district);
  if (e.region) facts.push(REGIONS[e.region]?.[lang] ?? e.region);
  if (e.industry) facts.push(valueWords('industry', e.industry)?.[lang] ?? e.industry);
  if (e.size) {
    const how = e.sizeDerived ? t(LABELS.derived, lang) : t(LABELS.declared, lang);
    facts.push(`${valueWords('size', e.size)?.[lang] ?? e.size}${lang === 'zh' ? `（${how}）` : ` (${how})`}`);
  }
  if (facts.length) lines.push(`  ${facts.join(' · ')}`);
  lines.push(...regionLines(r, lang, o.explain, c));
  lines.push(
    [
      `${t(LABELS.year, lang)}${sep}${r.evaluation.year ?? t(LABELS.none, lang)}`,
      `${t(LABELS.asOf, lang)}${sep}${r.evaluation.asOf}`,
      `${t(LABELS.rules, lang)}${sep}${r.evaluation.rulesVersion}`,
    ].join(' · '),
  );
  lines.push('');

  const statusWidth = Math.max(...Object.values(STATUS).map((s) => displayWidth(`${s.mark} ${s[lang]}`)));
  const amounts = r.benefits.map((b) => amountCell(b.amount, b.amountBound));
  const total = amountCell(r.totals.amount, r.totals.amountBound);
  const amountWidth = Math.max(displayWidth(t(LABELS.amount, lang)), ...amounts.map(displayWidth), displayWidth(total));
  const titleWidth = Math.min(
    Math.max(...r.benefits.map((b) => displayWidth(b.title[lang]))),
    Math.max(20, (o.width ?? 100) - 4 - 2 - statusWidth - 2 - amountWidth - 2),
  );
  const row = (id: string, title: string, status: string, amount: string) =>
    `${padEnd(id, 4)}  ${padEnd(truncate(title, titleWidth), titleWidth)}  ${padEnd(status, statusWidth)}  ${padStart(amount, amountWidth)}`;
  lines.push(c.dim(row(t(LABELS.id, lang), t(LABELS.policy, lang), t(LABELS.status, lang), t(LABELS.amount, lang))));

  r.benefits.forEach((b, i) => {
    const s = STATUS[b.status];
    const paint = b.status === 'eligible' ? c.green : b.status === 'needs-info' ? c.yellow : c.dim;
    let amount = amounts[i]!;
    if (b.amount !== null && !b.countedInTotal) amount = `(${amount})`;
    lines.push(row(b.id, b.title[lang], paint(`${s.mark} ${s[lang]}`), b.countedInTotal ? c.bold(amount) : c.dim(amount)));
    if (o.explain) lines.push(...explainLines(b, r, lang, c), '');
  });

  const ruleWidth = 4 + 2 + titleWidth + 2 + statusWidth + 2 + amountWidth;
  lines.push(c.dim('─'.repeat(ruleWidth)));
  lines.push(`${padEnd(t(LABELS.total, lang), ruleWidth - amountWidth)}${c.bold(padStart(total, amountWidth))}`);
  lines.push(t(LABELS.counts, lang, { e: r.totals.eligible, n: r.totals.needsInfo, i: r.totals.ineligible }));
  const notCounted = r.benefits.filter((b) => b.amount !== null && !b.countedInTotal && b.status === 'eligible');
  for (const b of notCounted) lines.push(c.dim(`(${b.id}) ${b.notes.at(-1)?.[lang] ?? t(LABELS.notCounted, lang)}`));
  if (r.warnings.length) {
    lines.push('', c.yellow(`${t(LABELS.warnings, lang)}:`));
    for (const w of r.warnings) lines.push(c.yellow(`  ${w.message[lang]}${lang === 'zh' ? `（${w.path}）` : ` (${w.path})`}`));
  }
  lines.push(...nextQuestionLines(r, lang, c));
  if (!o.explain) lines.push('', c.dim(t(LABELS.hint, lang)));
  return `${lines.join('\n')}\n`;
}

function explainLines(b: Benefit, r: EvaluationResult, lang: Lang, c: ChalkInstance): string[] {
  const pad = '      ';
  const out: string[] = [];
  const list = lang === 'zh' ? '、' : ', ';
  for (const miss of nearMiss(b, r.evaluation.year, lang)) out.push(`${pad}${c.yellow('↳')} ${miss}`);
  for (const reason of b.reasons) {
    const paint = reason.result === true ? c.green : reason.result === false ? c.red : c.yellow;
    const mark = paint(truthMark(reason.result));
    out.push(`${pad}${mark} ${reasonSentence(reason, lang)}`);
  }
  const trace = b.trace;
  if (trace && b.status !== 'ineligible') {
    for (const g of trace.groups) {
      if (!g.items?.length) continue;
      out.push(`${pad}${g.label?.[lang] ?? g.name}${lang === 'zh' ? '：' : ':'}`);
      for (const it of g.items) {
        out.push(`${pad}  · ${itemSentence(it, lang)}`);
        if (it.result === true) for (const f of it.figures) out.push(`${pad}      ${c.dim(figureSentence(f, lang, it.path))}`);
      }
    }
    if (trace.figures.length) {
      out.push(`${pad}${t(LABELS.figures, lang)}${lang === 'zh' ? '：' : ':'}`);
      for (const f of trace.figures) out.push(`${pad}  · ${figureSentence(f, lang)}`);
    }
  }
  if (b.amount !== null) {
    const amount = boundedText({ value: b.amount, bound: b.amountBound ?? 'exact', missing: b.missing }, 'money', lang);
    out.push(`${pad}${t(LABELS.amountLine, lang)}${lang === 'zh' ? '：' : ': '}${amount}`);
  }
  if (b.missing.length) {
    out.push(`${pad}${c.yellow(t(b.status === 'eligible' ? LABELS.toComplete : LABELS.missing, lang))}${lang === 'zh' ? '：' : ':'}`);
    for (const m of b.missing) out.push(`${pad}  ${c.yellow(truthMark(null))} ${missingSentence(m, lang)}`);
  }
  const grants = grantsSentence(b, lang);
  if (grants) out.push(`${pad}${grants}`);
  if (b.period) out.push(`${pad}${t(LABELS.period, lang)}${lang === 'zh' ? '：' : ': '}${b.period.from} – ${b.period.to}${b.period.open ? ` (${t(LABELS.stillOpen, lang)})` : ''}`);
  const colon = lang === 'zh' ? '：' : ': ';
  for (const p of b.itemPeriods) out.push(`${pad}${t(LABELS.period, lang)}（${itemName(p.item ?? '', lang) ?? p.item}）${colon}${p.from} – ${p.to}`);
  for (const a of b.assumptions) out.push(`${pad}${t(LABELS.assumptions, lang)}${colon}${a.message[lang]}`);
  for (const p of b.parameters) out.push(`${pad}${c.dim(`${t(LABELS.parameters, lang)}${colon}${parameterSentence(p, lang)}`)}`);
  for (const n of b.notes) out.push(`${pad}${c.dim(`${t(LABELS.notes, lang)}${colon}${n[lang]}`)}`);
  const reading = readingSentence(b, lang);
  if (reading) out.push(`${pad}${c.dim(reading)}`);
  out.push(`${pad}${c.dim(`${t(LABELS.article, lang, { n: b.citation.article })}${colon}${b.citation.text}`)}`);
  out.push(`${pad}${c.dim(`${t(LABELS.responsible, lang)}${colon}${applyToText(b, lang)}`)}`);
  return out;
}
