import { formatIssue } from '../engine/index.js';
import { attrs, xmlEscape } from '../render/test-report.js';
import { inputLabel } from './formats.js';
import type { JunitCase } from './gates.js';

/**
 * `batch --reporter junit`: a testcase per enterprise (classname: the input, name: the enterprise),
 * a failure where a `--fail-on` gate trips, naming the policies and what is missing, and an error
 * for an input that could not be read. CI systems show each enterprise as a test.
 * The cases are kept as short XML strings until the end, since the suite's counts come first.
 */
export class JunitReport {
  private readonly cases: string[] = [];
  private failures = 0;
  private errors = 0;

  add(c: JunitCase): void {
    if ('invalid' in c) {
      const { input, error } = c.invalid;
      this.errors++;
      const message = error.issues.map(formatIssue).join('; ') || error.code;
      this.cases.push(
        `    <testcase${attrs({ name: inputLabel(input), classname: inputLabel(input), time: '0.000' })}>\n` +
          `      <error${attrs({ message, type: error.code })}>${xmlEscape(error.issues.map(formatIssue).join('\n'))}</error>\n    </testcase>`,
      );
      return;
    }
    const { input, name, creditCode, trips } = c.record;
    const open = `    <testcase${attrs({ name: creditCode ? `${name} (${creditCode})` : name, classname: inputLabel(input), time: '0.000' })}`;
    if (!trips.length) {
      this.cases.push(`${open}/>`);
      return;
    }
    this.failures++;
    const message = trips.map((t) => `${t.policy} is ${t.status} (--fail-on ${t.gate})`).join('; ');
    const body = trips.map((t) => `${t.policy}: ${t.status}${t.missing.length ? `; missing: ${t.missing.join(', ')}` : ''}`).join('\n');
    this.cases.push(`${open}>\n      <failure${attrs({ message, type: 'GateTripped' })}>${xmlEscape(body)}</failure>\n    </testcase>`);
  }

  render(name = 'policy-calc batch'): string {
    const count = { tests: this.cases.length, failures: this.failures, errors: this.errors };
    return [
      '<?xml version="1.0" encoding="UTF-8"?>',
      `<testsuites${attrs({ name, ...count })}>`,
      `  <testsuite${attrs({ name, ...count, skipped: 0 })}>`,
      ...this.cases,
      '  </testsuite>',
      '</testsuites>',
      '',
    ].join('\n');
  }
}
