import type { EvaluationResult } from '../engine/index.js';
import { openCount } from '../engine/index.js';
import { groupThousands } from '../render/labels.js';
import { fill, STATUS, type Lang } from '../render/i18n.js';
import { escapeTerminal } from '../render/terminal-escape.js';

/**
 * What an answer changed, in words: each policy whose status or amount moved, then how many are
 * still open and the total. Pure, so the interview's output can be tested without a terminal.
 */
const W = {
  nothing: { zh: '（这一回答尚未确定任何政策）', en: '(this answer alone decides no policy yet)' },
  summary: { zh: '待补充：{a} → {b} 项 · 可计入合计：{x} → {y} 元', en: 'Open: {a} → {b} · Total counted: {x} → {y} yuan' },
  state: { zh: '现有 {e} 项符合、{n} 项待补充信息、{i} 项不符合；可计入合计 {t} 元', en: '{e} eligible, {n} open, {i} ineligible so far; total counted {t} yuan' },
} as const;

function statusWords(status: keyof typeof STATUS, lang: Lang): string {
  return `${STATUS[status].mark} ${STATUS[status][lang]}`;
}

export function changeLines(before: EvaluationResult, after: EvaluationResult, lang: Lang): string[] {
  const old = new Map(before.benefits.map((b) => [b.id, b]));
  const lines: string[] = [];
  for (const b of after.benefits) {
    const was = old.get(b.id);
    if (!was || (was.status === b.status && was.amount === b.amount)) continue;
    const status = was.status === b.status ? statusWords(b.status, lang) : `${statusWords(was.status, lang)} → ${statusWords(b.status, lang)}`;
    const amount =
      was.amount === b.amount ? (b.amount === null ? '' : `, ${groupThousands(b.amount)}`) : `, ${was.amount === null ? '—' : groupThousands(was.amount)} → ${b.amount === null ? '—' : groupThousands(b.amount)}`;
    lines.push(`  ${b.id} ${escapeTerminal(b.title[lang])}${lang === 'zh' ? '：' : ': '}${status}${amount.replace(/^, /, lang === 'zh' ? '，' : ', ')}`);
  }
  if (!lines.length) lines.push(`  ${W.nothing[lang]}`);
  lines.push(
    `  ${fill(W.summary[lang], { a: openCount(before), b: openCount(after), x: groupThousands(before.totals.amount), y: groupThousands(after.totals.amount) })}`,
  );
  return lines;
}

export function stateLine(r: EvaluationResult, lang: Lang): string {
  return fill(W.state[lang], { e: r.totals.eligible, n: openCount(r), i: r.totals.ineligible, t: groupThousands(r.totals.amount) });
}
