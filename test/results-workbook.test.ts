import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from './cli-helpers.js';
import { sevenPolicyRules, tempDir } from './batch-helpers.js';

/**
 * `batch --format xlsx -o results.xlsx`, checked by reading the workbook back. Amounts for
 * cloud-sme in 2018 as of 2019-06-30, from the articles (see test/batch.test.ts):
 *   P09 2,350,000 x 10% = 235,000.00; P10 136,280 + 52,980.525 = 189,260.53; P12 222,750.00;
 *   P22 59,472.00; total 706,482.53. regional-hq, 2017: P10 1,390,000.00 counted, P11 960,000.00 not.
 */
let tmp: ReturnType<typeof tempDir>;
let rules7: string;
beforeAll(() => {
  tmp = tempDir('results-xlsx');
  rules7 = sevenPolicyRules(tmp.dir);
});
afterAll(() => tmp.cleanup());

/** A sheet's rows from row 3 on, as objects keyed by the field names of row 2. */
function rows(ws: ExcelJS.Worksheet): Record<string, unknown>[] {
  const keys = ws.getRow(2).values as (string | undefined)[];
  const out: Record<string, unknown>[] = [];
  ws.eachRow((r, n) => {
    if (n < 3) return;
    const o: Record<string, unknown> = {};
    keys.forEach((k, i) => {
      if (k) o[k] = r.getCell(i).value ?? null;
    });
    out.push(o);
  });
  return out;
}

describe('results workbook', () => {
  it('a summary row per enterprise with year, as-of, status and amount per policy and the counted total; a sheet per policy with its figures', async () => {
    const bad = join(tmp.dir, 'bad.json');
    writeFileSync(bad, '{"name": "x"}');
    const file = join(tmp.dir, 'results.xlsx');
    const r = await run(['batch', 'fixtures/cloud-sme.json', 'fixtures/regional-hq.json', bad, '--as-of', '2019-06-30', '--rules', rules7, '--format', 'xlsx', '-o', file]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(readdirSync(tmp.dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    expect(wb.worksheets.map((w) => w.name.split(' ')[0])).toEqual(['汇总', 'P09', 'P10', 'P11', 'P12', 'P20', 'P21', 'P22']);
    const summary = wb.worksheets[0]!;
    expect(summary.autoFilter).toBe('A2:AM2');
    const [cloud, hq, invalid] = rows(summary);
    expect(cloud).toMatchObject({
      name: '重庆云数智联科技有限公司', creditCode: '91500112MA5U7K3X23', year: 2018, asOf: '2019-06-30', totalAmount: 706482.53,
      P09_status: '符合 eligible', P09_amount: 235000, P10_amount: 189260.53, P11_status: '不符合 ineligible', P11_amount: null,
      P12_amount: 222750, P22_amount: 59472,
    });
    expect(hq).toMatchObject({ year: 2017, P10_amount: 1390000, P10_counted: 1390000, P11_amount: 960000, P11_counted: 0, totalAmount: 1390000 });
    expect(invalid).toMatchObject({ input: bad, error: expect.stringContaining('PROFILE_INVALID') });
    // Money cells carry the 元 format; the amounts of a row's counted columns add up to its total.
    const header = summary.getRow(2).values as string[];
    expect(summary.getRow(3).getCell(header.indexOf('totalAmount')).numFmt).toBe('#,##0.00" 元"');
    const p10 = rows(wb.worksheets[2]!);
    // P10's figures for cloud-sme: CIT 340,700 and VAT 105,961.05 paid in the window, 40% and 50% local shares.
    expect(p10[0]).toMatchObject({ status: '符合 eligible', amount: 189260.53, citPaid: 340700, vatPaid: 105961.05, citLocalShare: 0.4, vatLocalShare: 0.5, vatSubsidy: 52980.525 });
    expect(p10).toHaveLength(2);
  });

  it('needs -o, and does not go with a JUnit report', async () => {
    expect((await run(['batch', 'fixtures/cloud-sme.json', '--format', 'xlsx'])).stderr).toContain('give -o results.xlsx');
    expect((await run(['batch', 'fixtures/cloud-sme.json', '--format', 'xlsx', '-o', join(tmp.dir, 'x.xlsx'), '--reporter', 'junit'])).code).toBe(2);
  });
});
