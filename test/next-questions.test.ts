import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { evaluate, loadRules, parseProfile } from '../src/engine/index.js';
import { renderTable } from '../src/render/table.js';
import { ROOT } from './cli-helpers.js';

const rules = loadRules(join(ROOT, 'rules'));
const table = (text: string, lang: 'zh' | 'en') =>
  renderTable(evaluate(rules, parseProfile(text), { asOf: '2018-06-30' }), { lang, explain: false, color: false });

describe('check: the next questions under the table', () => {
  const minimal = JSON.stringify({ name: '某软件公司', registrationDate: '2017-03-15', district: '渝北区' });

  it('asks first what decides the most policies: the industry, which 17 of the 23 open policies wait for', () => {
    const out = table(minimal, 'en');
    const block = out.slice(out.indexOf('The questions that would decide the most:'));
    const questions = block.split('\n').filter((l) => /^ {2}\d\. /.test(l));
    expect(questions).toHaveLength(5);
    expect(questions[0]).toContain('Which of the ten strategic emerging service industries');
    expect(questions[0]).toContain('P05, P06');
    // Below the table: after the total line.
    expect(out.indexOf('Total counted')).toBeLessThan(out.indexOf('The questions that would decide the most:'));
  });

  it('words them in Chinese without field names or English codes', () => {
    const out = table(minimal, 'zh');
    const block = out.slice(out.indexOf('最能确定结果的问题：'), out.indexOf('加 --explain'));
    expect(block).toContain('企业主营业务属于十大战略性新兴服务业中的哪一类');
    expect(block).not.toMatch(/fiscalYears|activities\.|industry|needs-info/);
  });

  it('has none when nothing is open', () => {
    const complete = readFileSync(join(ROOT, 'fixtures', 'cloud-sme.json'), 'utf8');
    const r = evaluate(rules, parseProfile(complete), { asOf: '2018-06-30' });
    expect(r.totals.needsInfo).toBe(0);
    expect(table(complete, 'en')).not.toContain('The questions that would decide the most');
  });
});
