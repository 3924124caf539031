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

export function formatIssue(issue: Issue): string {
  let where = issue.file ?? '';
  if (issue.line !== undefined) where += `:${issue.line}${issue.column !== undefined ? `:${issue.column}` : ''}`;
  const path = issue.path ? `${issue.path}: ` : '';
  return where ? `${where}: ${path}${issue.message}` : `${path}${issue.message}`;
}

export function isPolicyCalcError(e: unknown): e is PolicyCalcError {
  return e instanceof PolicyCalcError;
}
