import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readRuleTests } from '../src/engine/index.js';
import { renderJunit, xmlEscape, type TimedResult } from '../src/render/test-report.js';
import { run } from './cli-helpers.js';
import { copyRules, edit, lineOf, RULES } from './rule-copies.js';
import { parseXml } from './xml-check.js';

const P12_TESTS = 'tests/p12-rd-extra-deduction.yaml';
const shipped = readRuleTests(join(RULES, 'tests'));

describe('rules test on the shipped rules', () => {
  it('passes every case and ends with "N passed, 0 failed"', async () => {
    const r = await run(['rules', 'test']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines.at(-1)).toBe(`${shipped.length} passed, 0 failed`);
    // A line per case, under its file.
    expect(lines.filter((l) => l.startsWith('  ✔ ')).length).toBe(shipped.length);
    expect(r.stdout).toContain('rules/tests/p12-rd-extra-deduction.yaml\n');
  });

  it('writes JUnit XML: a testsuite per file, a testcase per case, classname = the policy file', async () => {
    const r = await run(['rules', 'test', '--reporter', 'junit']);
    expect(r.code).toBe(0);
    const root = parseXml(r.stdout);
    expect(root.name).toBe('testsuites');
    expect(root.attrs).toMatchObject({ tests: String(shipped.length), failures: '0', errors: '0' });
    const files = new Set(shipped.map((c) => c.file.split('/').pop()));
    expect(root.children.map((s) => s.name)).toEqual([...files].map(() => 'testsuite'));
    const p12 = root.children.find((s) => s.attrs.name === 'rules/tests/p12-rd-extra-deduction.yaml')!;
    expect(p12.children.length).toBe(shipped.filter((c) => c.file.endsWith('p12-rd-extra-deduction.yaml')).length);
    expect(p12.children.every((c) => c.name === 'testcase' && c.attrs.classname === 'p12-rd-extra-deduction')).toBe(true);
    // The apostrophe of "document's" is escaped and reads back as written.
    expect(p12.children[0]!.attrs.name).toBe("2016, the document's own rates: 50% and 150%, at 25%");
  });
});

describe('rules test on a wrong expectation', () => {
  const dir = copyRules();
  // The first P12 case is 550,000 × 25% = 137,500.00; the copy expects 137,400.00.
  edit(join(dir, P12_TESTS), 'amount: "137500.00"', 'amount: "137400.00"');

  it('fails with exit 1 and shows the diff: path, expected, actual', async () => {
    const r = await run(['rules', 'test', dir]);
    expect(r.code).toBe(1);
    const line = lineOf(join(dir, P12_TESTS), /^ {2}- name: "2016, the document's own rates/);
    expect(r.stdout).toContain(`  ✘ 2016, the document's own rates: 50% and 150%, at 25% (line ${line})\n      P12.amount\n        expected: "137400.00"\n        actual:   "137500.00"\n`);
    expect(r.stdout.trimEnd().split('\n').at(-1)).toBe(`${shipped.length - 1} passed, 1 failed`);
  });

  it('puts the failure into the JUnit file with its message and diff, and the text report on stdout', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'junit-')), 'report.xml');
    const r = await run(['rules', 'test', dir, '--reporter', 'junit', '-o', out]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('1 failed');
    const root = parseXml(readFileSync(out, 'utf8'));
    expect(root.attrs.failures).toBe('1');
    const failed = root.children.flatMap((s) => s.children).filter((c) => c.children.length);
    expect(failed).toHaveLength(1);
    const failure = failed[0]!.children[0]!;
    expect(failure.name).toBe('failure');
    expect(failure.attrs.message).toBe('P12.amount: expected "137400.00", got "137500.00"');
    expect(failure.text).toBe('P12.amount\n  expected: "137400.00"\n  actual:   "137500.00"');
    rmSync(out);
  });
});

describe('rules test refuses what it cannot run (exit 2)', () => {
  it('a malformed expectation, with file and line', async () => {
    const dir = copyRules();
    edit(join(dir, P12_TESTS), 'P12:\n        status: eligible', 'P12:\n        statuz: eligible');
    const r = await run(['rules', 'test', dir]);
    expect(r.code).toBe(2);
    const line = lineOf(join(dir, P12_TESTS), /statuz: eligible/);
    expect(r.stderr).toContain(`${join(dir, P12_TESTS)}:${line}: cases[0].expect.P12.statuz: unknown key "statuz" (did you mean "status"?)`);
    expect(r.stdout).toBe('');
  });

  it('invalid rules', async () => {
    const dir = copyRules();
    edit(join(dir, 'policies/p12-rd-extra-deduction.yaml'), 'fact: hasRd', 'fact: hasResearch');
    const r = await run(['rules', 'test', dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown fact "hasResearch"');
  });
});

describe('JUnit XML escaping', () => {
  it('escapes markup and drops characters XML forbids, so any case name or value stays well-formed', () => {
    expect(xmlEscape(`a<b>&"c'\u0001d`)).toBe('a&lt;b&gt;&amp;&quot;c&apos;\uFFFDd');
    const nasty = `<script>&amp; "quoted" 'single' ]]> \u0007`;
    const result: TimedResult = {
      testCase: { file: 'x.yaml', name: nasty, asOf: '2018-01-01', profile: {}, expect: {} },
      failures: [{ path: 'P01.status', expected: nasty, actual: null }],
      seconds: 0.5,
      classname: 'p01-x',
      shownFile: 'tests/x&y.yaml',
    };
    const root = parseXml(renderJunit([result]));
    const tc = root.children[0]!.children[0]!;
    expect(root.children[0]!.attrs.name).toBe('tests/x&y.yaml');
    expect(tc.attrs.name).toBe(nasty.replace('\u0007', '\uFFFD'));
    expect(tc.children[0]!.text).toContain('expected: "<script>&amp; \\"quoted\\"');
  });
});

describe('the XML check the JUnit tests rely on', () => {
  const decl = '<?xml version="1.0" encoding="UTF-8"?>\n';
  it.each([
    ['crossed tags', '<a><b></a></b>'],
    ['a raw ampersand', '<a>x & y</a>'],
    ['a raw "<" in an attribute', '<a n="<"/>'],
    ['an unquoted attribute', '<a n=1/>'],
    ['a repeated attribute', '<a n="1" n="2"/>'],
    ['two roots', '<a/><b/>'],
    ['an unclosed element', '<a><b/>'],
    ['an unknown entity', '<a>&nbsp;</a>'],
  ])('rejects %s', (_what, body) => {
    expect(() => parseXml(decl + body)).toThrow();
  });
  it('accepts what is well-formed', () => {
    expect(parseXml(`${decl}<a x="&lt;1&gt;"><b/>t &amp; u</a>`)).toMatchObject({ name: 'a', attrs: { x: '<1>' }, text: 't & u' });
  });
});
