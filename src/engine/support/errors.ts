import { escapeControls } from './control-chars.js';

/**
 * Errors are data: every failure the user can cause carries a stable `code` and a list of
 * located issues, so that one top-level handler can print them and pick the exit code.
 */
export type ErrorCode =
  | 'USAGE'
  | 'INPUT_UNREADABLE'
  | 'INPUT_ENCODING'
  | 'INPUT_JSON'
  | 'PROFILE_INVALID'
  | 'RULES_UNREADABLE'
  | 'RULES_INVALID';

export interface Issue {
  /** File the issue is in, as the user named it. */
  file?: string;
  /** JSON path (`fiscalYears.2017.revenue`) or YAML path (`eligibility.all[2].fact`). */
  path?: string;
  line?: number;
  column?: number;
  message: string;
}

export class PolicyCalcError extends Error {
  readonly code: ErrorCode;
  readonly issues: Issue[];

  constructor(code: ErrorCode, issues: Issue[] | string) {
    const list = typeof issues === 'string' ? [{ message: issues }] : issues;
    super(list.map(formatIssue).join('\n'));
    this.name = 'PolicyCalcError';
    this.code = code;
    this.issues = list;
  }

  withFile(file: string): PolicyCalcError {
    return new PolicyCalcError(
      this.code,
      this.issues.map((i) => ({ ...i, file: i.file ?? file })),
    );
  }
}

/**
 * A value from the input quoted back in a message, cut to its first 80 characters: a message
 * about a 9 MB "amount" says what is wrong with it, it does not repeat it.
 */
export function quoteInput(value: string): string {
  return value.length > 80 ? `"${value.slice(0, 80)}…" (${value.length} characters)` : `"${value}"`;
}

/**
 * At most this many problems of one input are listed, and the rest counted: a file with 50,000
 * mistakes needs the first few fixed, not 50,000 lines (nor the work of locating each).
 */
export const MAX_ISSUES = 20;

/** The last line of a capped list: how many problems were not listed. */
export function moreIssues(file: string | undefined, more: number): Issue {
  return { file, message: `and ${more} more problem${more === 1 ? '' : 's'}; only the first ${MAX_ISSUES} are listed` };
}

/** One line of text, always: control characters in a file name, path or message are shown escaped. */
export function formatIssue(issue: Issue): string {
  let where = issue.file ?? '';
  if (issue.line !== undefined) where += `:${issue.line}${issue.column !== undefined ? `:${issue.column}` : ''}`;
  // A path holds input keys: a key of a megabyte is shown by its start, as values are (quoteInput).
  const shownPath = issue.path && issue.path.length > 160 ? `${issue.path.slice(0, 160)}…` : issue.path;
  const path = shownPath ? `${shownPath}: ` : '';
  return escapeControls(where ? `${where}: ${path}${issue.message}` : `${path}${issue.message}`);
}

export function isPolicyCalcError(e: unknown): e is PolicyCalcError {
  return e instanceof PolicyCalcError;
}
