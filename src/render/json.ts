import type { EvaluationResult } from '../engine/index.js';

/** The contract's JSON: stable key order (the result object's), two-space indent, newline at the end. */
export function renderJson(result: EvaluationResult): string {
  return `${JSON.stringify(result, null, 2)}\n`;
}
