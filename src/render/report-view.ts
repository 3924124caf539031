import type { BriefSections } from './report-sections.js';
import type { Status } from '../engine/index.js';
import { groupThousands } from './labels.js';
import type { Lang } from './i18n.js';
import type { R } from './report-labels.js';

/**
 * The report's content, worked out once from an EvaluationResult: grouped, labelled and worded in
 * one language. The HTML and Markdown renderers only lay it out, so both say the same things.
 * Every string here is plain text; escaping is the renderers' job.
 */
export interface ReportOptions {
  lang: Lang;
  /** The consultant's name, printed on the cover. */
  preparedBy?: string | undefined;
  /** Report date; the as-of date when not given, so that the same run gives the same file. */
  date?: string | undefined;
  /** Whether --year was given; otherwise the report says which year was taken and why. */
  yearGiven?: boolean | undefined;
  /** brief (the default): what the client needs, in the order they need it; full: every policy as a card. */
  detail?: 'brief' | 'full' | undefined;
}

export interface Money {
  /** Exact decimal text as in the JSON output, e.g. "235000.00". */
  raw: string;
  /** For people: "235,000.00". */
  text: string;
}

export interface SummaryRow {
  key: string;
  label: string;
  value: string;
  /** Secondary text, e.g. how the size was found. */
  note?: string;
}

export interface Bar {
  id: string;
  title: string;
  amount: Money;
  counted: boolean;
  note?: string;
}

export interface CheckView {
  result: boolean | null;
  resultText: string;
  mark: string;
  sentence: string;
}

export interface FigureView {
  name: string;
  label: string;
  raw: string;
  text: string;
}

export interface PolicyView {
  id: string;
  article: number;
  articleLabel: string;
  title: string;
  summary: string;
  status: Status;
  statusText: string;
  mark: string;
  natureText: string;
  amount: Money | null;
  /** The amount is a lower bound (a period still open, an input not yet given). */
  atLeast: boolean;
  /** What the article grants, in a line. */
  grants: string | null;
  /** For a policy not available: why, in words (its failed checks). */
  decisive: string[];
  /** What stands in place of a null amount: pending information, nothing, or not a money benefit. */
  amountNote: string;
  countedInTotal: boolean;
  /** Why an amount is not in the total, where it is not. */
  countNote: string | null;
  periods: string[];
  figures: FigureView[];
  nearMiss: string[];
  checks: CheckView[];
  missing: { fact: string; sentence: string; question: string }[];
  assumptions: string[];
  notes: string[];
  parameters: string[];
  citation: string;
  responsible: string;
}

export interface GroupView {
  status: Status;
  heading: string;
  policies: PolicyView[];
}

export interface QuestionView {
  fact: string;
  question: string;
  policies: string[];
}

export interface ReportModel {
  lang: Lang;
  l: { [K in keyof typeof R]: string };
  title: string;
  subtitle: string;
  name: string;
  creditCode: string | null;
  preparedBy: string | null;
  date: string;
  summary: SummaryRow[];
  total: Money;
  totalAtLeast: boolean;
  detail: 'brief' | 'full';
  brief: BriefSections;
  counts: { status: Status; count: number; text: string }[];
  bars: Bar[];
  groups: GroupView[];
  questions: QuestionView[];
  assumptions: string[];
  rulesVersion: string;
  disclaimer: string;
}

/** A lower bound reads "≥ 706,482.53" wherever it is printed. */
export function money(raw: string, bound?: string | null): Money {
  return { raw, text: bound === 'at-least' ? `≥ ${groupThousands(raw)}` : groupThousands(raw) };
}
