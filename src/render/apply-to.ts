import type { Benefit } from '../engine/index.js';
import type { Lang } from './labels.js';
import { departmentInEnglish, englishName } from './department-words.js';

/**
 * Where to apply, as of the evaluation: the departments in charge that day and, where some the
 * article names have been merged or renamed, the article's own names beside them.
 */
export function applyToText(b: Benefit, lang: Lang): string {
  // In English each department has its English name with its own beside it; semicolons part them, as the names hold commas.
  const list = (names: readonly string[]) => (lang === 'zh' ? names.join('、') : names.map(departmentInEnglish).join('; '));
  const a = b.applyTo;
  if (!a || !a.changes.length) return list(a?.departments ?? b.citation.responsible);
  // The article's own names are history beside today's departments: in English, their English names alone.
  if (lang === 'zh') return `${list(a.departments)}（条文所列：${b.citation.responsible.join('、')}）`;
  return `${list(a.departments)} — the article names: ${b.citation.responsible.map(englishName).join('; ')}`;
}
