import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { evaluate, loadRules, parseProfile } from '../engine/index.js';
import { formFor, isRequired, typedValue } from './forms.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

describe('forms: every fact the engine can name as missing can be asked', () => {
  it('covers each missing path of the fixtures, and of the fixtures emptied to their two required fields', () => {
    const rules = loadRules(join(root, 'rules'));
    const missing = new Set<string>();
    for (const f of readdirSync(join(root, 'fixtures')).filter((n) => n.endsWith('.json'))) {
      const text = readFileSync(join(root, 'fixtures', f), 'utf8');
      const { name, registrationDate } = JSON.parse(text);
      for (const t of [text, JSON.stringify({ name, registrationDate })]) {
        for (const b of evaluate(rules, parseProfile(t), { asOf: '2018-06-30' }).benefits) for (const m of b.missing) missing.add(m);
      }
    }
    expect(missing.size).toBeGreaterThan(25);
    expect([...missing].filter((m) => formFor(m) === undefined)).toEqual([]);
  });

  it('asks each kind of fact in its own form', () => {
    expect(formFor('industry')).toMatchObject({ kind: 'choice' });
    expect((formFor('industry') as { values: { value: string; label: { zh: string } }[] }).values[8]).toEqual({
      value: 'cloud-bigdata',
      label: { zh: '互联网云计算大数据', en: 'internet, cloud computing and big data' },
    });
    expect(formFor('activities.firstLoan')).toEqual({ kind: 'yes-no' });
    expect(formFor('fiscalYears.2017.taxableIncome')).toEqual({ kind: 'typed', type: 'signed-money' });
    expect(formFor('fiscalYears.2017.revenue')).toEqual({ kind: 'typed', type: 'money' });
    expect(formFor('land[2].leaseYears')).toEqual({ kind: 'typed', type: 'integer' });
    expect(formFor('land[0].filedOn')).toEqual({ kind: 'typed', type: 'date' });
    expect(formFor('utilities[1].referencePrices.industrial')).toEqual({ kind: 'typed', type: 'money' });
    expect(formFor('fiscalYears')).toEqual({ kind: 'fiscal-year' });
    expect(formFor('fiscalYears.2018')).toEqual({ kind: 'fiscal-year', year: '2018' });
    expect(formFor('taxPayments')).toEqual({ kind: 'list', collection: 'taxPayments' });
    expect(formFor('no.such.fact')).toBeUndefined();
  });

  it('knows which parts of an entry cannot be left out', () => {
    expect(isRequired('taxPayments[0].date')).toBe(true);
    expect(isRequired('utilities[3].kind')).toBe(true);
    expect(isRequired('land[0].use')).toBe(false);
    expect(isRequired('headquarters.type')).toBe(true);
    expect(isRequired('fiscalYears.2017.revenue')).toBe(false);
  });

  it('keeps money as the text typed, and whole numbers as numbers', () => {
    expect(typedValue('money', ' 1234.565 ')).toBe('1234.565');
    expect(typedValue('integer', '45')).toBe(45);
    expect(typedValue('integer', '4.5')).toBe('4.5');
  });
});
