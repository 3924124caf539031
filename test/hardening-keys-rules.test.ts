import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import {
  compileRuleSet, evaluate, hasOwn, isPolicyCalcError, lintRules, loadRules, own, parseProfile,
  PolicyCalcError, readRuleSource, readRuleTests, runRuleTest, type Issue,
} from '../src/engine/index.js';
import { canonicalDistrict } from '../src/engine/index.js';
import { questionFor } from '../src/render/questions.js';
import { figureLabel } from '../src/render/report-figures.js';
import { copyRules, edit, lineOf } from './rule-copies.js';

/**
 * Second hardening round, in-process: keys named like Object.prototype members, from profiles and
 * from rules (issue 12 item 1); rule and test files that are not UTF-8, YAML 1.1, or carry a
 * default of the wrong type, and test files that are not regular files (items 8 and 9).
 */
// Every member of Object.prototype: what a plain object "has" without having it.
const PROTO_NAMES = Object.getOwnPropertyNames(Object.prototype);
const BASE = { name: '测试企业', registrationDate: '2016-05-01' };
const rules = loadRules('rules');

function issuesOf(f: () => unknown): Issue[] {
  try {
    f();
  } catch (e) {
    if (isPolicyCalcError(e)) return e.issues;
    throw e;
  }
  throw new Error('expected a refusal');
}

describe('Object.prototype member names as keys and values (item 1)', () => {
  it('covers the names that broke it', () => {
    for (const n of ['toString', 'constructor', 'valueOf', 'hasOwnProperty', '__proto__']) expect(PROTO_NAMES).toContain(n);
  });

  it.each(PROTO_NAMES)('district "%s" is refused as not a Chongqing district, never read as one', (name) => {
    expect(canonicalDistrict(name)).toBeUndefined();
    const issues = issuesOf(() => parseProfile(JSON.stringify({ ...BASE, district: name }), 'p.json'));
    expect(issues).toHaveLength(1);
    expect(issues[0]!.path).toBe('district');
    expect(issues[0]!.message).toMatch(/is not the name of a Chongqing district or county/);
  });

  it.each(PROTO_NAMES.filter((n) => !['__proto__', 'constructor'].includes(n)))('"%s" as a key anywhere is an unknown key, not a field', (name) => {
    for (const where of ['', 'activities', 'fiscalYears.2017', 'land[0]', 'headquarters']) {
      const p: Record<string, unknown> = { ...BASE, activities: {}, fiscalYears: { 2017: {} }, land: [{}], headquarters: { type: 'rd-hq' } };
      const holder = where === '' ? p : where === 'land[0]' ? (p.land as object[])[0]! : where === 'fiscalYears.2017' ? (p.fiscalYears as Record<string, object>)['2017']! : (p[where] as object);
      (holder as Record<string, unknown>)[name] = true;
      const issues = issuesOf(() => parseProfile(JSON.stringify(p), 'p.json'));
      expect(issues.map((i) => i.message).join('\n'), where).toMatch(new RegExp(`unknown key "${name}"`));
    }
    // A fiscal year key must be a year; an item collection has no such field.
    const fy = issuesOf(() => parseProfile(JSON.stringify({ ...BASE, fiscalYears: { [name]: {} } }), 'p.json'));
    expect(fy[0]!.message).toMatch(/a fiscal year key must be a year/);
  });

  it.each(PROTO_NAMES)('lookup helpers and renderers see own keys only: "%s"', (name) => {
    expect(own({ a: 1 }, name)).toBeUndefined();
    expect(hasOwn({}, name)).toBe(false);
    expect(questionFor(name, 'en')).toBe(`Please provide “${name}”.`);
    expect(questionFor(`activities.${name}`, 'zh')).toBe(`请提供“activities.${name}”这一信息。`);
    expect(questionFor(`fiscalYears.2017.${name}`, 'en')).not.toMatch(/undefined|function/);
    expect(figureLabel(name, 'en')).not.toMatch(/undefined|function|\[native code\]/);
  });

  it('a valid profile evaluates whatever it is called', () => {
    for (const name of PROTO_NAMES) {
      const r = evaluate(rules, parseProfile(JSON.stringify({ ...BASE, name, district: '渝北区' }), 'p.json'), { year: 2017, asOf: '2018-06-30' });
      expect(r.enterprise.name).toBe(name);
    }
  });

  it('a rule naming a prototype member as fact, parameter or default is refused by the loader and lint', () => {
    const dir = copyRules();
    const P09 = join(dir, 'policies/p09-western-development-rate.yaml');
    edit(P09, '      fact: isSesi\n', '      fact: toString\n');
    edit(P09, 'period:\n', 'defaults:\n  valueOf: true\nperiod:\n');
    const P12 = join(dir, 'policies/p12-rd-extra-deduction.yaml');
    edit(P12, 'rdExpensed: year.rdExpensed', 'rdExpensed: param.toString');
    const issues = issuesOf(() => compileRuleSet(readRuleSource(dir)));
    const text = issues.map((i) => `${i.file}:${i.line}: ${i.message}`).join('\n');
    expect(text).toContain(`${P09}:${lineOf(P09, /fact: toString/)}: unknown fact "toString"`);
    expect(text).toContain(`${P09}:${lineOf(P09, /valueOf: true/)}: unknown fact "valueOf"`);
    expect(text).toMatch(/unknown parameter "toString"/);
    // lint reads ENGINE_PARAMETERS by the same names: it reports, it does not crash.
    const report = lintRules(dir);
    expect(report.problems.filter((p) => /toString|valueOf/.test(p.message)).length).toBeGreaterThanOrEqual(3);
  });

  it('a rule test expecting a figure or enterprise field named like a prototype member fails as missing', () => {
    const [c] = readRuleTests(join('rules', 'tests')).filter((t) => t.expect.P09 !== undefined);
    for (const name of ['toString', 'constructor', 'valueOf']) {
      const r = runRuleTest(rules, { ...c!, expect: { P09: { figures: { [name]: '1.00' } }, enterprise: { [name]: 'x' } } });
      expect(r.failures.map((f) => [f.path, f.actual])).toEqual([
        [`P09.figures.${name}`, null],
        [`enterprise.${name}`, undefined],
      ]);
    }
  });
});

describe('rule files are read exactly or refused (item 9)', () => {
  it('a file in GBK is refused at its first non-UTF-8 byte, not decoded into mojibake', () => {
    const dir = copyRules();
    const P09 = join(dir, 'policies/p09-western-development-rate.yaml');
    // 中 in GBK is D6 D0; line 5 is `  zh: 西部…`: the byte is at column 7.
    const lines = execFileSync('cat', [P09]).toString('utf8').split('\n');
    const at = lines.findIndex((l) => l.startsWith('  zh: '));
    const bytes = Buffer.concat([Buffer.from(lines.slice(0, at).join('\n') + '\n  zh: '), Buffer.from([0xd6, 0xd0]), Buffer.from('\n' + lines.slice(at + 1).join('\n'))]);
    writeFileSync(P09, bytes);
    const issues = issuesOf(() => readRuleSource(dir));
    expect(issues).toEqual([{ file: P09, line: at + 1, column: 7, message: 'byte 0xd6 is not valid UTF-8; save the rule file as UTF-8 (GBK and other encodings are not read)' }]);
  });

  it('a %YAML 1.1 directive is refused (0:25 would read as 25 in base 60); %YAML 1.2 is read', () => {
    for (const [version, refused] of [['1.1', true], ['1.0', true], ['1.2', false]] as const) {
      const dir = copyRules();
      const file = join(dir, 'parameters/income-tax.yaml');
      writeFileSync(file, `%YAML ${version}\n---\n${execFileSync('cat', [file]).toString()}`);
      if (refused) {
        expect(issuesOf(() => readRuleSource(dir))).toEqual([{ file, line: 1, column: 1, message: `"%YAML ${version}" is refused: rule files are YAML 1.2; remove the directive` }]);
      } else {
        expect(() => compileRuleSet(readRuleSource(dir))).not.toThrow();
      }
    }
  });

  it.each([
    ['technologySme', '"yes"', /default "yes" for "technologySme" is not true or false/],
    ['technologySme', '1', /default 1 for "technologySme" is not true or false/],
    ['industry', 'cloud', /default "cloud" for "industry" is not one of new-finance/],
    ['registrationDate', '"2017-02-30"', /is not a date/],
    ['employees', '"many"', /is not a decimal number/],
  ])('a default whose type is not the fact\'s is refused: %s: %s', (fact, value, message) => {
    const dir = copyRules();
    const P12 = join(dir, 'policies/p12-rd-extra-deduction.yaml');
    if (fact === 'technologySme') edit(P12, '  technologySme: false\n', `  technologySme: ${value}\n`);
    else edit(P12, '  technologySme: false\n', `  technologySme: false\n  ${fact}: ${value}\n`);
    const issues = issuesOf(() => compileRuleSet(readRuleSource(dir)));
    expect(issues).toHaveLength(1);
    expect(issues[0]!.file).toBe(P12);
    expect(issues[0]!.line).toBe(lineOf(P12, new RegExp(`^ {2}${fact}:`)));
    expect(issues[0]!.message).toMatch(message);
  });
});

describe('rules test reads its files with the loader\'s checks (item 8)', () => {
  const kinds: [string, (file: string) => void, RegExp][] = [
    ['a named pipe', (f) => execFileSync('mkfifo', [f]), /^is not a regular file$/],
    ['a folder', (f) => mkdirSync(f), /^is not a regular file$/],
    ['an unknown tag', (f) => writeFileSync(f, 'cases: !foo []\n'), /Unresolved tag: !foo/],
    ['a duplicate key', (f) => writeFileSync(f, 'cases: []\ncases: []\n'), /Map keys must be unique/],
    ['not UTF-8', (f) => writeFileSync(f, Buffer.from([0x63, 0x3a, 0x20, 0xb2, 0xe2, 0x0a])), /is not valid UTF-8/],
    ['an impossible as-of date', (f) => writeFileSync(f, 'cases:\n  - name: x\n    asOf: "2017-02-30"\n    profile: {}\n    expect: {}\n'), /asOf "2017-02-30" is not a real date: 2017-02 has no day 30/],
    ['%YAML 1.1', (f) => writeFileSync(f, '%YAML 1.1\n---\ncases: []\n'), /is refused: rule files are YAML 1.2/],
  ];
  it.each(kinds)('%s named *.yaml is reported, with the other files still read; never a hang or a crash', (_, make, message) => {
    const dir = copyRules();
    const file = join(dir, 'tests', 'zz-hostile.yaml');
    make(file);
    let error: unknown;
    try {
      readRuleTests(join(dir, 'tests'));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(PolicyCalcError);
    const issues = (error as PolicyCalcError).issues;
    expect(issues).toHaveLength(1);
    expect(issues[0]!.file).toBe(file);
    expect(issues[0]!.message).toMatch(message);
  });
});
