import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseProfile, type Profile } from '../src/engine/index.js';
import { profilesWorkbook } from '../src/batch/xlsx-profiles.js';
import { readWorkbookProfiles } from '../src/batch/xlsx-in.js';
import { profileLine } from '../src/batch/profile-text.js';
import { run } from './cli-helpers.js';
import { fixtureFolder, tempDir } from './batch-helpers.js';

/** Profile workbooks: written by convert, read by convert, batch and validate. */
let tmp: ReturnType<typeof tempDir>;
beforeAll(() => {
  tmp = tempDir('workbook');
});
afterAll(() => tmp.cleanup());

/** Every valid profile the repository ships: the examples and the edge cases (30 decimals, beyond 2^53, a BOM...). */
const FILES = [
  ...readdirSync('fixtures').filter((f) => f.endsWith('.json')).map((f) => join('fixtures', f)),
  ...readdirSync('fixtures/edge').map((f) => join('fixtures/edge', f)),
];
const read = (f: string) => parseProfile(readFileSync(f, 'utf8'), f);
/** A profile as plain data (money as its exact text): what two profiles must agree on. */
const plain = (p: Profile) => JSON.parse(profileLine(p));

async function roundTrip(profiles: Profile[], name: string): Promise<Profile[]> {
  const file = join(tmp.dir, name);
  await profilesWorkbook(profiles).xlsx.writeFile(file);
  const back = await readWorkbookProfiles(file);
  return back.map((r) => {
    if ('error' in r) throw new Error(r.error.map((i) => i.message).join('\n'));
    return r.profile;
  });
}

describe('profile workbook', () => {
  it('round-trips every fixture losslessly, one workbook for all', async () => {
    const profiles = FILES.map(read);
    const back = await roundTrip(profiles, 'all.xlsx');
    expect(back.map(plain)).toEqual(profiles.map(plain));
  });

  it('has the enterprises sheet keyed by credit code, frozen Chinese and field-name headers, money as text, drop-down lists', async () => {
    const file = join(tmp.dir, 'two.xlsx');
    await profilesWorkbook([read('fixtures/cloud-sme.json'), read('fixtures/sparse.json')]).xlsx.writeFile(file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['企业 enterprises', '财务年度 fiscal years', '纳税 tax payments', '土地 land', '水电气 utilities']);
    const ent = wb.getWorksheet('企业 enterprises')!;
    expect(ent.getCell('A1').value).toBe('编号（连接各表）');
    expect(ent.getCell('A2').value).toBe('key');
    // cloud-sme has a credit code; sparse has none and is known by its place.
    expect(ent.getCell('A3').value).toBe('91500112MA5U7K3X23');
    expect(ent.getCell('A4').value).toBe('#2');
    expect(ent.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    const years = wb.getWorksheet('财务年度 fiscal years')!;
    // cloud-sme's 2018 revenue, 14,500,000: a text cell, not a float.
    const header = years.getRow(2).values as string[];
    expect(years.getRow(4).getCell(header.indexOf('revenue')).value).toBe('14500000');
    expect(years.getRow(4).getCell(header.indexOf('year')).value).toBe('2018');
    const entHeader = ent.getRow(2).values as string[];
    const industry = ent.getRow(3).getCell(entHeader.indexOf('industry'));
    expect(industry.dataValidation).toMatchObject({ type: 'list', formulae: [expect.stringContaining('cloud-bigdata')] });
  });

  it('a bad cell is reported by sheet, row and column; the other enterprises are still read', async () => {
    const file = join(tmp.dir, 'bad.xlsx');
    const wb = profilesWorkbook([read('fixtures/cloud-sme.json'), read('fixtures/regional-hq.json')]);
    const years = wb.getWorksheet('财务年度 fiscal years')!;
    // Row 3 is cloud-sme's 2017; column C its revenue.
    expect(years.getCell('B3').value).toBe('2017');
    years.getCell('C3').value = '6,200,000';
    await wb.xlsx.writeFile(file);
    const back = await readWorkbookProfiles(file);
    expect('error' in back[0]!).toBe(true);
    const error = (back[0] as { error: { message: string }[] }).error;
    expect(error[0]!.message).toBe('sheet "财务年度 fiscal years", row 3, column C (revenue): fiscalYears.2017.revenue: money "6,200,000" contains a comma; write "1234567.89" without separators');
    expect('profile' in back[1]!).toBe(true);
    const r = await run(['batch', file, '--as-of', '2019-06-30']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${file}:3: sheet "财务年度 fiscal years", row 3, column C (revenue)`);
  });

  it('refuses a workbook whose keys or columns do not join: a usage error naming the cell', async () => {
    const file = join(tmp.dir, 'orphan.xlsx');
    const wb = profilesWorkbook([read('fixtures/cloud-sme.json')]);
    wb.getWorksheet('纳税 tax payments')!.getCell('A3').value = 'nobody';
    wb.getWorksheet('企业 enterprises')!.getCell('ZZ2').value = 'nickname';
    await wb.xlsx.writeFile(file);
    const r = await run(['batch', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('sheet "企业 enterprises", row 2, column ZZ: "nickname" is not a field of this sheet');
    expect(r.stderr).toContain('sheet "纳税 tax payments", row 3, column A (key): no enterprise has the key "nobody"');
  });

  it('convert writes the workbook and reads it back; batch gives the same results from it as from the folder', async () => {
    const five = fixtureFolder(tmp.dir);
    const book = join(tmp.dir, 'clients.xlsx');
    expect((await run(['convert', five, '-o', book])).code).toBe(0);
    const back = join(tmp.dir, 'clients.ndjson');
    expect((await run(['convert', book, '-o', back])).code).toBe(0);
    const lines = readFileSync(back, 'utf8').trimEnd().split('\n');
    expect(lines.map((l) => plain(parseProfile(l)))).toEqual(readdirSync(five).sort().map((f) => plain(read(join(five, f)))));
    const strip = (out: string) => out.trimEnd().split('\n').map((l) => ({ ...JSON.parse(l), input: null }));
    const fromFolder = await run(['batch', five, '--as-of', '2019-06-30', '--compact']);
    const fromBook = await run(['batch', book, '--as-of', '2019-06-30', '--compact']);
    expect(fromBook.code).toBe(0);
    expect(strip(fromBook.stdout)).toEqual(strip(fromFolder.stdout));
    expect((await run(['validate', book])).stdout).toBe([3, 4, 5, 6, 7].map((n) => `${book}:${n}: ok\n`).join(''));
  });
});
