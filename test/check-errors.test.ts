import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from './cli-helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'policy-calc-bad-'));
const good = { name: '测试企业', registrationDate: '2017-03-15', industry: 'cloud-bigdata' };

function file(name: string, content: string | object): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return path;
}

/** Exit 2, nothing on stdout, one line per problem naming the file, and no stack trace. */
async function expectUserError(args: string[], ...patterns: RegExp[]) {
  const r = await run(args);
  expect(r.code, r.stderr).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr).not.toMatch(/\n\s+at |Error:|node:internal/);
  const lines = r.stderr.trim().split('\n');
  expect(lines.length).toBe(1);
  for (const p of patterns) expect(lines[0]).toMatch(p);
  return lines[0];
}

describe('bad input exits 2 with one clear line', () => {
  it('broken JSON: file, line and column', async () => {
    const f = file('broken.json', '{\n  "name": "x",\n  "registrationDate": "2017-01-01"\n');
    await expectUserError(['check', f], new RegExp(`^policy-calc: ${f}:4:1: .*not closed`));
  });

  it('a wrong credit code check character', async () => {
    const f = file('credit.json', { ...good, creditCode: '91500112MA5U7K3X24' });
    await expectUserError(['check', f], new RegExp(`${f}:5:17: creditCode: credit code "91500112MA5U7K3X24" check character is "4" but should be "3"`));
  });

  it('an unknown key, with a suggestion', async () => {
    const f = file('unknown-key.json', { ...good, employes: 12 });
    await expectUserError(['check', f], /employes: unknown key "employes" \(did you mean "employees"\?\)/);
  });

  it('an impossible date', async () => {
    const f = file('date.json', { ...good, registrationDate: '2017-02-30' });
    await expectUserError(['check', f], /registrationDate: date "2017-02-30" is not a real date: 2017-02 has no day 30/);
  });

  it('a negative payment', async () => {
    const f = file('negative.json', { ...good, taxPayments: [{ date: '2017-05-01', tax: 'cit', amount: '-100.00' }] });
    await expectUserError(['check', f], /taxPayments\[0\]\.amount: money "-100\.00" is negative/);
  });

  it('a misspelled enum, with a suggestion', async () => {
    const f = file('enum.json', { ...good, industry: 'cloud-bigdta' });
    await expectUserError(['check', f], /industry: "cloud-bigdta" is not a known industry \(did you mean "cloud-bigdata"\?\)/);
  });

  it('a missing file', async () => {
    await expectUserError(['check', join(dir, 'nope.json')], /nope\.json: cannot read: no such file/);
  });

  it('an array instead of one profile', async () => {
    const f = file('array.json', [good]);
    await expectUserError(['check', f], /expected one JSON object describing an enterprise, got an array/);
  });

  it('a bad option value', async () => {
    await expectUserError(['check', 'fixtures/sparse.json', '--year', '17'], /--year must be a four-digit year/);
    await expectUserError(['check', 'fixtures/sparse.json', '--as-of', '2019-02-29'], /--as-of "2019-02-29" is not a real date/);
    const r = await run(['check', 'fixtures/sparse.json', '--format', 'xml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Allowed choices are table, json/);
  });

  it('a rule directory that is not one', async () => {
    await expectUserError(['check', 'fixtures/sparse.json', '--rules', dir], /no rule set here/);
  });
});

describe('several problems in one profile', () => {
  it('are all reported, one line each', async () => {
    const f = file('many.json', { name: 'x', registrationDate: '2017-13-01', industry: 'finance', employees: -3 });
    const r = await run(['check', f]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n').map((l) => l.split(': ')[2])).toEqual(['registrationDate', 'industry', 'employees']);
    expect(r.stderr).toContain('(did you mean "new-finance"?)');
  });
});
