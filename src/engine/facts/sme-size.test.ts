import { describe, expect, it } from 'vitest';
import { classify, pickRow, type SizeTable } from './sme-size.js';

const table: SizeTable = {
  byIndustry: { 'cloud-bigdata': 'software-it' },
  rows: [
    { id: 'industry', label: '工业', codes: ['B', 'C', 'D'], smeBelow: { employees: 1000, revenue: 40000 }, mediumFrom: { employees: 300, revenue: 2000 }, smallFrom: { employees: 20, revenue: 300 } },
    { id: 'software-it', label: '软件', codes: ['I65'], smeBelow: { employees: 300, revenue: 10000 }, mediumFrom: { employees: 100, revenue: 1000 }, smallFrom: { employees: 10, revenue: 50 } },
    { id: 'other', label: '其他', codes: [], smeBelow: { employees: 300 }, mediumFrom: { employees: 100 }, smallFrom: { employees: 10 } },
  ],
};
const software = table.rows[1]!;

describe('SME size (工信部联企业〔2011〕300号)', () => {
  it('picks the row by the longest code prefix, else by an unambiguous industry, else other', () => {
    expect(pickRow(table, 'I6510', undefined)?.id).toBe('software-it');
    expect(pickRow(table, 'C3911', undefined)?.id).toBe('industry');
    expect(pickRow(table, 'J6930', undefined)?.id).toBe('other');
    expect(pickRow(table, undefined, 'cloud-bigdata')?.id).toBe('software-it');
    expect(pickRow(table, undefined, 'logistics')).toBeUndefined();
  });

  it('applies the limits in people and 10,000 CNY, lower limits included', () => {
    expect(classify(software, { employees: 300, revenue: 100_000_000 }).size).toBe('large');
    expect(classify(software, { employees: 300, revenue: 99_999_999 }).size).toBe('medium');
    expect(classify(software, { employees: 100, revenue: 10_000_000 }).size).toBe('medium');
    expect(classify(software, { employees: 99, revenue: 10_000_000 }).size).toBe('small');
    expect(classify(software, { employees: 10, revenue: 500_000 }).size).toBe('small');
    expect(classify(software, { employees: 10, revenue: 499_999 }).size).toBe('micro');
    expect(classify(software, { employees: 9, revenue: 9_000_000 }).size).toBe('micro');
  });

  it('decides with one fact where one suffices, and names the missing one otherwise', () => {
    // 9 people is below the small limit whatever the revenue: micro
    expect(classify(software, { employees: 9 }).size).toBe('micro');
    expect(classify(software, { employees: 50 })).toEqual({ missing: ['revenue'] });
  });
});
