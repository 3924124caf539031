import type { ChalkInstance } from 'chalk';
import type { EvaluationResult } from '../engine/index.js';
import { openFacts } from '../engine/index.js';
import { questionFor } from './questions.js';
import type { Lang } from './labels.js';

/**
 * Under `check`'s table: the few questions whose answers would decide the most open policies,
 * most decisive first (engine/facts/open-facts.ts), each with the policies it would settle.
 */
export const MAX_QUESTIONS = 5;

const WORDS = {
  heading: { zh: '最能确定结果的问题：', en: 'The questions that would decide the most:' },
  decides: { zh: '（涉及 {ids}）', en: ' (decides {ids})' },
  completes: { zh: '（补全 {ids} 的金额）', en: ' (completes the amount of {ids})' },
  more: { zh: '另有 {n} 项待补充信息；运行 policy-calc ask 逐项回答。', en: '{n} more facts are open; `policy-calc ask FILE` asks them one by one.' },
} as const;

export function nextQuestionLines(r: EvaluationResult, lang: Lang, c: ChalkInstance): string[] {
  const seen = new Set<string>();
  const picked: { question: string; note: string }[] = [];
  const facts = openFacts(r);
  for (const f of facts) {
    const question = questionFor(f.path, lang);
    if (seen.has(question)) continue;
    seen.add(question);
    if (picked.length === MAX_QUESTIONS) break;
    const sep = lang === 'zh' ? '、' : ', ';
    const note = f.policies.length
      ? WORDS.decides[lang].replace('{ids}', f.policies.join(sep))
      : WORDS.completes[lang].replace('{ids}', f.money.join(sep));
    picked.push({ question, note });
  }
  if (!picked.length) return [];
  const lines = ['', c.bold(WORDS.heading[lang])];
  picked.forEach((p, i) => lines.push(`  ${i + 1}. ${p.question}${c.dim(p.note)}`));
  const rest = facts.length - picked.length;
  if (rest > 0) lines.push(c.dim(`  ${WORDS.more[lang].replace('{n}', String(rest))}`));
  return lines;
}
