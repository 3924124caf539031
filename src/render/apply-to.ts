import type { Benefit } from '../engine/index.js';
import type { Lang } from './labels.js';

/**
 * Where to apply, as of the evaluation: the departments in charge that day and, where some the
 * article names have been merged or renamed, the article's own names beside them.
 */
export function applyToText(b: Benefit, lang: Lang): string {
  const sep = lang === 'zh' ? '、' : ', ';
  const a = b.applyTo;
  if (!a || !a.changes.length) return (a?.departments ?? b.citation.responsible).join(sep);
  const named = b.citation.responsible.join(sep);
  return lang === 'zh' ? `${a.departments.join(sep)}（条文所列：${named}）` : `${a.departments.join(sep)} (the article names ${named})`;
}
