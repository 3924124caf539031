import { STATUS_WORDS, type Status, type TextPair } from '../engine/index.js';

/**
 * The renderers' one module of language: the pair of texts every label is, the filling of its
 * placeholders, and the words and marks of a status. Words for facts and values are the engine's
 * (its vocabulary); the fixed labels of each output are in labels.ts and report-labels.ts.
 */
export type Lang = 'zh' | 'en';
export type { TextPair };

/** "{n}"-style placeholders; unknown names become empty. */
export function fill(text: string, vars: Readonly<Record<string, string | number>> = {}): string {
  return text.replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? ''));
}

/** A label in one language, its placeholders filled. */
export function t(label: TextPair, lang: Lang, vars: Readonly<Record<string, string | number>> = {}): string {
  return fill(label[lang], vars);
}

/**
 * A status in a mark and words. The terminal says it in a short word ("needs info"), the report
 * as a heading would ("Needs information"); the Chinese is the engine's, the same everywhere.
 */
const STATUSES: Readonly<Record<Status, { mark: string; short: string; title: string }>> = {
  eligible: { mark: '✔', short: 'eligible', title: 'Eligible' },
  'needs-info': { mark: '?', short: 'needs info', title: 'Needs information' },
  ineligible: { mark: '✘', short: 'ineligible', title: 'Not eligible' },
};

const statusTable = (en: 'short' | 'title'): Readonly<Record<Status, TextPair & { mark: string }>> =>
  Object.fromEntries(
    Object.entries(STATUSES).map(([s, w]) => [s, { zh: STATUS_WORDS[s as Status].zh, en: w[en], mark: w.mark }]),
  ) as Record<Status, TextPair & { mark: string }>;

/** The terminal's status words and marks (the table, the years table, the interview). */
export const STATUS = statusTable('short');
/** The report's (HTML, Markdown, the index). */
export const STATUS_TEXT = statusTable('title');

export function statusMark(status: Status): string {
  return STATUSES[status].mark;
}

/** A check's result in the same marks: met as eligible, not met as ineligible, unknown as open. */
export function truthMark(result: boolean | null): string {
  return statusMark(result === true ? 'eligible' : result === false ? 'ineligible' : 'needs-info');
}
