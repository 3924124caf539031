import { Chalk } from 'chalk';
import type { RuleTestResult } from '../engine/index.js';
import { truthMark } from './i18n.js';

/**
 * Reports of `rules test`: the text one for people (a line per case, a diff per failure, a
 * closing "N passed, N failed") and JUnit XML for CI systems. Both read the same results.
 */
export interface TimedResult extends RuleTestResult {
  /** Seconds the case took. */
  seconds: number;
  /** The policy file the case tests, without extension; JUnit's classname. */
  classname: string;
  /** The test file as shown to the user. */
  shownFile: string;
}

const passed = (r: RuleTestResult) => !r.error && r.failures.length === 0;

export function value(v: unknown): string {
  return v === undefined ? 'nothing' : JSON.stringify(v);
}

/** The diff of one failed case, one block per differing path. */
export function diffLines(r: RuleTestResult, c = new Chalk({ level: 0 })): string[] {
  if (r.error) return [c.red(r.error)];
  const out: string[] = [];
  for (const f of r.failures) {
    out.push(f.path, `  ${c.green('expected:')} ${c.green(value(f.expected))}`, `  ${c.red('actual:  ')} ${c.red(value(f.actual))}`);
  }
  return out;
}

export function summaryLine(results: RuleTestResult[]): string {
  const ok = results.filter(passed).length;
  return `${ok} passed, ${results.length - ok} failed`;
}

export function renderTestText(results: TimedResult[], color: boolean): string {
  const c = new Chalk({ level: color ? 1 : 0 });
  const lines: string[] = [];
  let file: string | undefined;
  for (const r of results) {
    if (r.shownFile !== file) {
      file = r.shownFile;
      lines.push(c.bold(file));
    }
    const line = r.testCase.line !== undefined ? c.dim(` (line ${r.testCase.line})`) : '';
    if (passed(r)) {
      lines.push(`  ${c.green(truthMark(true))} ${r.testCase.name}`);
      continue;
    }
    lines.push(`  ${c.red(truthMark(false))} ${r.testCase.name}${line}`);
    for (const d of diffLines(r, c)) lines.push(`      ${d}`);
  }
  const summary = summaryLine(results);
  lines.push('', results.every(passed) ? c.green(summary) : c.red(summary));
  return `${lines.join('\n')}\n`;
}

/** Text for XML attributes and content: the five entities, and no characters XML 1.0 forbids. */
export function xmlEscape(s: string): string {
  return s
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '\uFFFD')
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** XML attributes from a record; undefined values are left out. */
export const attrs = (a: Record<string, string | number | undefined>) =>
  Object.entries(a)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${xmlEscape(String(v))}"`)
    .join('');
const secs = (n: number) => n.toFixed(3);

/** JUnit XML: a testsuite per test file, a testcase per case, a failure (or error) with the diff. */
export function renderJunit(results: TimedResult[], name = 'policy-calc rules test'): string {
  const byFile = new Map<string, TimedResult[]>();
  for (const r of results) byFile.set(r.shownFile, [...(byFile.get(r.shownFile) ?? []), r]);
  const count = (list: TimedResult[]) => ({
    tests: list.length,
    failures: list.filter((r) => !r.error && r.failures.length).length,
    errors: list.filter((r) => r.error).length,
    time: secs(list.reduce((t, r) => t + r.seconds, 0)),
  });
  const out = ['<?xml version="1.0" encoding="UTF-8"?>', `<testsuites${attrs({ name, ...count(results) })}>`];
  for (const [file, list] of byFile) {
    out.push(`  <testsuite${attrs({ name: file, ...count(list), skipped: 0, file })}>`);
    for (const r of list) {
      const open = `    <testcase${attrs({ name: r.testCase.name, classname: r.classname, file, line: r.testCase.line, time: secs(r.seconds) })}`;
      if (passed(r)) {
        out.push(`${open}/>`);
        continue;
      }
      out.push(`${open}>`);
      const body = xmlEscape(diffLines(r).join('\n'));
      if (r.error) {
        out.push(`      <error${attrs({ message: r.error, type: 'CaseError' })}>${body}</error>`);
      } else {
        const message = r.failures.map((f) => `${f.path}: expected ${value(f.expected)}, got ${value(f.actual)}`).join('; ');
        out.push(`      <failure${attrs({ message, type: 'ExpectationFailed' })}>${body}</failure>`);
      }
      out.push('    </testcase>');
    }
    out.push('  </testsuite>');
  }
  out.push('</testsuites>');
  return `${out.join('\n')}\n`;
}
