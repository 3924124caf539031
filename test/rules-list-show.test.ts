import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { run } from './cli-helpers.js';
import { RULES } from './rule-copies.js';

/** The policy files as written, read here with a plain YAML parser rather than the loader. */
const policies = readdirSync(join(RULES, 'policies'))
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => ({ file: f, def: parse(readFileSync(join(RULES, 'policies', f), 'utf8')) }))
  .sort((a, b) => a.def.article - b.def.article);

describe('rules list', () => {
  it('--format json lists every policy file in article order, with title, nature and whether it is quantified', async () => {
    const r = await run(['rules', 'list', '--format', 'json']);
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.stdout);
    expect(rows.map((x: { id: string }) => x.id)).toEqual(policies.map((p) => p.def.id));
    const p12 = rows.find((x: { id: string }) => x.id === 'P12');
    expect(p12).toEqual({ id: 'P12', article: 12, title: { zh: '研发费用加计扣除', en: 'R&D expense extra deduction' }, nature: 'entitlement', quantified: true, file: 'rules/policies/p12-rd-extra-deduction.yaml' });
  });

  it('prints a table in the language asked for', async () => {
    const en = await run(['rules', 'list', '--lang', 'en']);
    expect(en.code).toBe(0);
    const lines = en.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^ID\s+Policy\s+Nature\s+Quantified$/);
    expect(lines).toHaveLength(policies.length + 1);
    expect(lines.find((l) => l.startsWith('P20'))).toMatch(/^P20\s+Land transfer floor price at 70% of the base land price\s+discretionary\s+yes$/);
    const zh = await run(['rules', 'list', '--lang', 'zh']);
    expect(zh.stdout).toMatch(/P12\s+研发费用加计扣除\s+依规享受\s+是/);
  });

  it('lists another rule directory with --rules, and refuses one that is not a rule set', async () => {
    const r = await run(['rules', 'list', '--rules', join(RULES, 'policies')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no rule set here');
  });
});

describe('rules show', () => {
  it('shows P12: checks in words, figures, parameters with every dated value and source, citation, departments', async () => {
    const r = await run(['rules', 'show', 'P12', '--lang', 'en']);
    expect(r.code).toBe(0);
    const out = r.stdout;
    const def = policies.find((p) => p.def.id === 'P12')!.def;
    expect(out.split('\n')[0]).toBe('P12  R&D expense extra deduction  (研发费用加计扣除)');
    expect(out).toContain('article 12 · section 四（二） · entitlement · Quantified: yes');
    expect(out).toContain('- R&D expense or R&D amortization in the year  [hasRd: yes]');
    expect(out).toContain('extraDeduction = extraRate * (rdExpensed - raisedExpensed) + raisedExtraRate * raisedExpensed + (amortizationRate - 1) * (rdAmortization - raisedAmortization) + (raisedAmortizationRate - 1) * raisedAmortization');
    expect(out).toContain('- param.rd.technology_sme.extra_rate  (technology-based SME rate)  when technologySme: yes');
    // The three dated values of the general rate, with their sources, as parameters/rd-deduction.yaml has them.
    expect(out).toMatch(/rd\.general\.extra_rate {2}\(ratio\) {2}Extra deduction rate on R&D expensed\n {4}2016-01-01 {2}0\.50 {2}财税〔2015〕119号 第一条\n {4}2018-01-01 {2}0\.75 {2}财税〔2018〕99号/);
    expect(out).toContain('2023-01-01  1.00  财政部 税务总局公告2023年第7号 第一条');
    // Read by the engine for this policy's fact rdIndustryExcluded.
    expect(out).toContain('rd.excluded_industries  (list)');
    expect(out).toContain(`  ${def.citation.text}\n  Apply to: 市地税局, 市国税局`);
    expect(out).toContain('Amount = taxSaved');
  });

  it('says when a parameter is no longer in force', async () => {
    const r = await run(['rules', 'show', '9', '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/2031-01-01 {2}no longer in force {2}财政部/);
  });

  it('--format json gives the rule as written and its parameters', async () => {
    const r = await run(['rules', 'show', 'p21', '--format', 'json']);
    const out = JSON.parse(r.stdout);
    expect(out.policy).toEqual(policies.find((p) => p.def.id === 'P21')!.def);
    expect(out.parameters.map((p: { name: string }) => p.name)).toContain('land.price_floor_share');
    expect(out.parameters.find((p: { name: string }) => p.name === 'land.price_floor_share').values).toEqual([
      { since: '2016-11-02', value: '0.70', source: '渝府办发〔2016〕战略性新兴服务业实施意见 第20条、第21条' },
    ]);
  });

  it('refuses an unknown policy with exit 2 and the ids there are', async () => {
    const r = await run(['rules', 'show', 'P99']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^policy-calc: no policy "P99" in rules; it has P\d\d(, P\d\d)*\n$/);
  });
});
