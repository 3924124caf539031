import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Benefit, Reason } from '../src/engine/index.js';
import { run } from './cli-helpers.js';
import { grantsSentence, nearMiss, readingSentence, reasonSentence } from '../src/render/explain.js';

/** Explanations of the non-monetary policies: every check labelled, what each grants, both languages. */
const root = fileURLToPath(new URL('..', import.meta.url));
const fixtures = readdirSync(`${root}/fixtures`).filter((f) => f.endsWith('.json')).sort();
async function check(...args: string[]) {
  const r = await run(['check', ...args, '--as-of', '2019-06-30', '--no-color']);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return r.stdout;
}
const reason = (over: Partial<Reason>): Reason => ({ check: 'c', fact: 'activities.firstLoan', op: 'isTrue', value: 'false', expected: null, result: false, label: { zh: '首笔贷款', en: 'A first loan' }, ...over });

describe('explain sentences', () => {
  it('a failed yes/no check gives the answer and the field to change', () => {
    expect(reasonSentence(reason({}), 'en')).toBe('A first loan: no');
    expect(reasonSentence(reason({}), 'zh')).toBe('首笔贷款：否');
  });

  it('a list of values reads as a list in Chinese', () => {
    const r = reason({ fact: 'industry', op: 'in', type: 'enum', value: 'ecommerce', expected: 'new-finance, cloud-bigdata', label: { zh: '信息科技或金融', en: 'IT or finance' } });
    expect(reasonSentence(r, 'zh')).toBe('信息科技或金融：实际为 电子商务及跨境结算，要求属于 新兴金融服务业、互联网云计算大数据');
    expect(reasonSentence(r, 'en')).toBe('IT or finance: e-commerce and cross-border settlement, needed one of new finance, internet, cloud computing and big data');
  });

  it('an isFalse check answers its label, and shows the fact it negates', () => {
    const r = reason({ fact: 'rdIndustryExcluded', op: 'isFalse', value: 'true', result: false, label: { zh: '不属于不适用加计扣除的行业', en: 'Not in an excluded industry' } });
    expect(reasonSentence(r, 'en')).toBe('Not in an excluded industry: no (whether its industry is excluded from the extra deduction: yes)');
    expect(reasonSentence(r, 'zh')).toBe('不属于不适用加计扣除的行业：否（是否属于不适用加计扣除的行业：是）');
    // passed, the label says it all
    expect(reasonSentence({ ...r, value: 'false', result: true }, 'zh')).toBe('不属于不适用加计扣除的行业');
  });

  it('a date that is too early is "before" the bound, with no fiscal year attached', () => {
    const b = { reasons: [reason({ fact: 'registrationDate', op: 'gte', value: '2012-05-08', expected: '2016-11-02', label: { zh: '印发之日起新引进', en: 'Introduced on or after the issue date' } })] } as Benefit;
    expect(nearMiss(b, 2023, 'en')).toEqual(['Introduced on or after the issue date: 2012-05-08 is before the 2016-11-02 required']);
    expect(nearMiss(b, 2023, 'zh')).toEqual(['印发之日起新引进：2012-05-08早于要求的 2016-11-02']);
  });

  it('says what a policy grants and of what nature, and the reading', () => {
    const b = { nature: 'contingent', grants: { zh: '免征增值税', en: 'A VAT exemption' }, reading: { zh: '取决于批准', en: 'Depends on approval' } } as Benefit;
    expect(grantsSentence(b, 'en')).toBe("Grants (contingent: depends on a higher authority's approval): A VAT exemption");
    expect(grantsSentence(b, 'zh')).toBe('政策内容（有待上级批准）：免征增值税');
    expect(readingSentence(b, 'en')).toBe('Reading: Depends on approval');
    expect(grantsSentence({ nature: 'entitlement' } as Benefit, 'en')).toBeUndefined();
  });
});

describe.each(fixtures)('check fixtures/%s', (fixture) => {
  it('every non-monetary policy has a label on every check, says what it grants, in both languages', async () => {
    const json = JSON.parse(await check(`fixtures/${fixture}`, '--format', 'json')) as { benefits: Benefit[] };
    const nonMonetary = json.benefits.filter((b) => !b.quantified);
    expect(nonMonetary.map((b) => b.id)).toEqual(['P01', 'P02', 'P03', 'P04', 'P05', 'P06', 'P07', 'P08', 'P13', 'P14', 'P15', 'P16', 'P17', 'P18', 'P19', 'P23', 'P24', 'P25']);
    for (const b of nonMonetary) {
      expect(b.amount, b.id).toBeNull();
      expect(b.grants?.zh && b.grants.en, `${b.id} grants`).toBeTruthy();
      expect(b.reasons.length, `${b.id} reasons`).toBeGreaterThan(0);
      for (const r of b.reasons) expect(r.label?.zh && r.label.en, `${b.id} ${r.check}`).toBeTruthy();
    }
    for (const lang of ['zh', 'en'] as const) {
      const out = await check(`fixtures/${fixture}`, '--explain', '--lang', lang);
      for (const b of nonMonetary) {
        const block = out.slice(out.indexOf(`\n${b.id}  `), out.indexOf('\n\n', out.indexOf(`\n${b.id}  `)));
        expect(block, `${b.id} ${lang}`).toContain(grantsSentence(b, lang)!);
        for (const r of b.reasons) expect(block, `${b.id} ${lang}`).toContain(r.label![lang]);
        expect(block).toContain(b.citation.text);
      }
    }
  });
});
