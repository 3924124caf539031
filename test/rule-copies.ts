import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './cli-helpers.js';

/** Throw-away copies of the shipped rules, edited by tests to show what lint and test catch. */
export const RULES = join(ROOT, 'rules');

/** A copy of the shipped rules (with tests/ and source/) in a fresh temporary directory. */
export function copyRules(): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'policy-calc-rules-')), 'rules');
  cpSync(RULES, dir, { recursive: true });
  return dir;
}

/** Replaces `from` by `to` once in a file, failing loudly when the text is not there. */
export function edit(file: string, from: string | RegExp, to: string): void {
  const text = readFileSync(file, 'utf8');
  const next = text.replace(from, to);
  if (next === text) throw new Error(`${file}: ${String(from)} not found`);
  writeFileSync(file, next);
}

/** The 1-based line of the first line matching `pattern` at or after line `after`: found by the test, not by the program. */
export function lineOf(file: string, pattern: RegExp, after = 1): number {
  const lines = readFileSync(file, 'utf8').split('\n');
  for (let i = after - 1; i < lines.length; i++) if (pattern.test(lines[i]!)) return i + 1;
  throw new Error(`${file}: no line matches ${String(pattern)}`);
}
