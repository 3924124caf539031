import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lintRules } from '../src/engine/index.js';
import { normalizeText, parseSourceDocument } from '../src/engine/index.js';
import { run } from './cli-helpers.js';
import { copyRules, edit, lineOf, RULES } from './rule-copies.js';

const P12 = 'policies/p12-rd-extra-deduction.yaml';
const RD = 'parameters/rd-deduction.yaml';
const SOURCE = join(RULES, 'source', 'chongqing-2016-strategic-emerging-services.zh.txt');

/** `file:line: error [rule]` as the text report prints it, for a file under the copied rules dir. */
function finding(dir: string, rel: string, line: number, rule: string): string {
  return `${join(dir, rel)}:${line}: error [${rule}]`;
}

describe('rules lint on the shipped rules', () => {
  it('passes: exit 0, no errors, citations checked against the copied source document', async () => {
    const r = await run(['rules', 'lint']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain('error [');
    expect(r.stdout).toMatch(/citations checked against rules\/source\/chongqing-2016-strategic-emerging-services\.zh\.txt: 0 errors/);
  });

  it('only warns about articles without a policy, one warning per missing article', () => {
    const report = lintRules(RULES);
    expect(report.errors).toBe(0);
    const missing = report.problems.filter((p) => p.rule === 'missing-policy');
    expect(missing.every((p) => p.severity === 'warning')).toBe(true);
    // The document has articles 1 … 25; each one without a policy file is named once.
    expect(missing.length + report.policies).toBe(25);
  });

  it('--format json gives the findings as data', async () => {
    const r = await run(['rules', 'lint', '--format', 'json']);
    const out = JSON.parse(r.stdout);
    expect(out.errors).toBe(0);
    expect(out.source).toBe('rules/source/chongqing-2016-strategic-emerging-services.zh.txt');
    expect(out.problems.every((p: { severity: string }) => p.severity === 'warning')).toBe(true);
  });
});

describe('rules lint fails, with file and line', () => {
  it('(a) on a citation whose text is not in the source document', async () => {
    const dir = copyRules();
    // Article 12 says 50%; the copy says 60%.
    edit(join(dir, P12), '按照本年度实际发生额的50%', '按照本年度实际发生额的60%');
    const r = await run(['rules', 'lint', dir]);
    expect(r.code).toBe(2);
    const line = lineOf(join(dir, P12), /^ {2}text: /);
    expect(r.stdout).toContain(`${finding(dir, P12, line, 'citation-not-in-source')} citation.text: citation text is not in chongqing-2016-strategic-emerging-services.zh.txt`);
    expect(r.stdout).toContain('then has "60%，');
    expect(r.stdout).toMatch(/1 error,/);
  });

  it('(b) on a fact the profile schema does not define', async () => {
    const dir = copyRules();
    edit(join(dir, P12), 'fact: hasRd', 'fact: hasResearch');
    const r = await run(['rules', 'lint', dir]);
    expect(r.code).toBe(2);
    const line = lineOf(join(dir, P12), /fact: hasResearch/);
    expect(r.stdout).toContain(`${finding(dir, P12, line, 'unknown-fact')} eligibility.all.0.fact: unknown fact "hasResearch"`);
  });

  it('(c) on a parameter gap: a null value followed by a value', async () => {
    const dir = copyRules();
    // rd.general.extra_rate: 0.50 from 2016, 0.75 from 2018, 1.00 from 2023. Make 2018 a null:
    // no value in 2018-2022, then one again from 2023.
    edit(join(dir, RD), /("2018-01-01":\n\s+value: )"0\.75"/, '$1null');
    const r = await run(['rules', 'lint', dir]);
    expect(r.code).toBe(2);
    const line = lineOf(join(dir, RD), /"2018-01-01":/);
    expect(r.stdout).toContain(`${finding(dir, RD, line, 'parameter-gap')} rd.general.extra_rate.values.2018-01-01: gap: no value from 2018-01-01 (null) until 2023-01-01`);
  });

  it('on a parameter that starts after the first fiscal year a policy needs it', () => {
    const dir = copyRules();
    // P12 is a fiscal-year policy issued in November 2016: it needs its rates from 2016-01-01.
    edit(join(dir, RD), /"2016-01-01":(\n\s+value: "0\.50")/, '"2016-07-01":$1');
    const report = lintRules(dir);
    const gap = report.problems.find((p) => p.rule === 'parameter-gap');
    expect(gap).toMatchObject({ file: join(dir, RD), line: lineOf(join(dir, RD), /"2016-07-01":/), path: 'rd.general.extra_rate.values.2016-07-01' });
    expect(gap!.message).toContain('the first value takes effect on 2016-07-01, but it is needed from 2016-01-01 by P12');
  });

  it('on an overlap: two values for the same date', () => {
    const dir = copyRules();
    edit(join(dir, RD), '"2023-01-01":\n          value: "1.00"', '"2018-01-01":\n          value: "1.00"');
    const report = lintRules(dir);
    const second = lineOf(join(dir, RD), /"2018-01-01":/, lineOf(join(dir, RD), /"2018-01-01":/) + 1);
    expect(report.problems).toContainEqual(expect.objectContaining({ rule: 'parameter-overlap', severity: 'error', file: join(dir, RD), line: second }));
  });

  it('on a parameter no policy reads; the engine-read ones are not flagged', () => {
    const dir = copyRules();
    edit(join(dir, 'parameters/land.yaml'), /^land:\n/m, 'land:\n  spare_share:\n    description: { zh: 备用, en: spare }\n    unit: ratio\n    values:\n      "2016-01-01": { value: "0.5", source: test }\n');
    const report = lintRules(dir);
    const unused = report.problems.filter((p) => p.rule === 'unused-parameter');
    expect(unused).toEqual([expect.objectContaining({ path: 'land.spare_share', line: lineOf(join(dir, 'parameters/land.yaml'), /spare_share:/), severity: 'error' })]);
    // sme.size_table and rd.excluded_industries are read by facts.ts, not by a rule file.
    expect(report.problems.some((p) => p.path === 'sme.size_table' || p.path === 'rd.excluded_industries')).toBe(false);
  });

  it('on a citation taken from another article', () => {
    const dir = copyRules();
    // Article 11's text, cited by P12.
    edit(join(dir, P12), /^ {2}text: .*$/m, '  text: "对新引进的知名战略性新兴服务业企业总部"');
    const report = lintRules(dir);
    expect(report.problems).toContainEqual(expect.objectContaining({ rule: 'citation-article', file: join(dir, P12), line: lineOf(join(dir, P12), /^ {2}text: /) }));
    expect(report.problems.find((p) => p.rule === 'citation-article')!.message).toContain('from article 11');
  });

  it('on an empty citation text, as the loader refuses it', async () => {
    const dir = copyRules();
    edit(join(dir, P12), /^ {2}text: .*$/m, '  text: ""');
    const r = await run(['rules', 'lint', dir]);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain(`${finding(dir, P12, lineOf(join(dir, P12), /^ {2}text: /), 'citation-missing')} citation.text: must not be empty`);
  });

  it('accepts an elided citation (…) whose parts are in the article, in order', () => {
    const dir = copyRules();
    edit(join(dir, P12), /^ {2}text: .*$/m, '  text: "严格落实研发费用加计扣除政策，……按照无形资产成本的150%在税前摊销。"');
    expect(lintRules(dir).errors).toBe(0);
    edit(join(dir, P12), /^ {2}text: .*$/m, '  text: "按照无形资产成本的150%在税前摊销。……严格落实研发费用加计扣除政策"');
    expect(lintRules(dir).errors).toBe(1);
  });

  it('names the source document it could not find', async () => {
    const r = await run(['rules', 'lint', '--source', '/nonexistent/policy.txt']);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('/nonexistent/policy.txt: error [source-missing]');
  });
});

describe('the source document', () => {
  const doc = parseSourceDocument(SOURCE, readFileSync(SOURCE, 'utf8'));

  it('has articles 1 to 25, each under its section, with its responsible departments', () => {
    expect([...doc.articles.keys()]).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
    expect(doc.articles.get(12)![0]).toMatchObject({ section: '四（二）', responsible: ['市地税局', '市国税局'] });
    expect(doc.articles.get(1)![0]!.section).toBe('四（一）');
    expect(doc.articles.get(25)![0]!.section).toBe('四（四）');
    expect(doc.articles.get(20)![0]!.responsible).toEqual(['市国土房管局', '各区县人民政府']);
  });

  it('is compared without whitespace: line breaks and ideographic spaces do not count', () => {
    expect(normalizeText('　　12．严格\n落实 研发')).toBe('12．严格落实研发');
  });
});
