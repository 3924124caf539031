import { closeSync, mkdtempSync, openSync, rmSync, writeFileSync, ftruncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { expectRefused, runCli, spawnCli } from './hardening-helpers.js';

/**
 * The catalogue of bad profiles (docs/hardening.md): each file under fixtures/invalid/ is refused
 * with exit 2 and one message naming the file, the line and column, the JSON path and what was
 * expected. Files under fixtures/edge/ are odd but understood: evaluated, exactly, with a warning
 * where the output has to say something.
 */
// Spawning the CLI is slow on a loaded machine; these tests wait for it rather than fail.
vi.setConfig({ testTimeout: 120_000 });

const AS_OF = ['--as-of', '2019-06-30'];

interface Refusal {
  file: string;
  /** "line:column: path: " as printed, or the part of it that exists for this kind of error. */
  where: string;
  message: RegExp;
}

const REFUSED: Refusal[] = [
  // Not JSON, or not readable as text
  { file: 'truncated.json', where: ':4:40: fiscalYears.2017.revenue: ', message: /unexpected end of input inside a string/ },
  { file: 'gbk-name.json', where: ':2:12: name: ', message: /byte 0xd6 is not valid UTF-8; save the profile as UTF-8/ },
  { file: 'empty.json', where: ':1:1: ', message: /the file is empty; expected a JSON object/ },
  { file: 'whitespace-only.json', where: ':3:1: ', message: /the file is empty/ },
  { file: 'trailing-comma.json', where: ':4:1: ', message: /a comma before "\}": JSON allows no trailing comma/ },
  { file: 'comment.json', where: ':2:3: ', message: /comments are not allowed in JSON/ },
  { file: 'control-character.json', where: ':2:14: name: ', message: /control character inside a string; escape it/ },
  { file: 'money-nan-bare.json', where: ':4:41: fiscalYears.2017.revenue: ', message: /unexpected character "N"; expected a value/ },
  { file: 'too-deep.json', where: ':4:80: activities', message: /nesting deeper than 64 levels/ },
  // JSON, but not one object
  { file: 'array.json', where: ': ', message: /expected one JSON object describing an enterprise, got an array \(use `policy-calc batch`/ },
  { file: 'string.json', where: ': ', message: /expected one JSON object describing an enterprise, got a string$/ },
  { file: 'number.json', where: ': ', message: /expected one JSON object describing an enterprise, got a number$/ },
  { file: 'null.json', where: ': ', message: /expected one JSON object describing an enterprise, got null$/ },
  // Keys
  { file: 'duplicate-key-top.json', where: ':4:3: name: ', message: /duplicate key "name"; each key may appear once/ },
  { file: 'duplicate-key-nested.json', where: ':4:49: fiscalYears.2017.revenue: ', message: /duplicate key "revenue"/ },
  { file: 'proto-top.json', where: ':4:3: __proto__: ', message: /the key "__proto__" is not allowed/ },
  { file: 'proto-fiscal-years.json', where: ':4:20: fiscalYears.__proto__: ', message: /the key "__proto__" is not allowed/ },
  { file: 'proto-array-item.json', where: ':4:36: land[0].__proto__: ', message: /the key "__proto__" is not allowed/ },
  { file: 'constructor-nested.json', where: ':4:19: activities.constructor: ', message: /the key "constructor" is not allowed/ },
  { file: 'prototype-nested.json', where: ':4:44: headquarters.prototype: ', message: /the key "prototype" is not allowed/ },
  { file: 'unknown-key.json', where: ':4:40: fiscalYears.2017.revnue: ', message: /unknown key "revnue" \(did you mean "revenue"\?\)/ },
  { file: 'fiscal-year-key.json', where: ':4:30: fiscalYears.FY2017: ', message: /key "FY2017" is not allowed here: a fiscal year key must be a year like "2017"/ },
  { file: 'name-missing.json', where: ': name: ', message: /the enterprise name is required/ },
  // Numbers and money
  { file: 'employees-beyond-2-53.json', where: ':4:16: employees: ', message: /a whole number from 0 to 9007199254740991, got 9007199254740993$/ },
  { file: 'employees-fraction.json', where: ':4:16: employees: ', message: /a whole number .*, got 45\.5$/ },
  { file: 'money-exponent-number.json', where: ':4:41: fiscalYears.2017.revenue: ', message: /money "1e400" uses exponent notation; write the plain decimal/ },
  { file: 'money-exponent-string.json', where: ':4:41: fiscalYears.2017.revenue: ', message: /money "6\.2e6" uses exponent notation/ },
  { file: 'money-nan-string.json', where: ':4:41: fiscalYears.2017.revenue: ', message: /money "NaN" is not a decimal number/ },
  { file: 'money-infinity-string.json', where: ':4:41: fiscalYears.2017.revenue: ', message: /money "Infinity" is not a decimal number/ },
  { file: 'money-negative-string.json', where: ':4:41: fiscalYears.2017.revenue: ', message: /money "-5" is negative; this amount cannot be below zero/ },
  { file: 'money-negative-number.json', where: ':4:68: taxPayments[0].amount: ', message: /money "-5" is negative/ },
  { file: 'money-comma.json', where: ':4:41: fiscalYears.2017.revenue: ', message: /contains a comma; write "1234567\.89" without separators/ },
  { file: 'money-too-many-decimals.json', where: ':4:41: fiscalYears.2017.revenue: ', message: /has more than 30 decimals/ },
  { file: 'money-too-many-digits.json', where: ':4:41: fiscalYears.2017.revenue: ', message: /has more than 18 integer digits/ },
  { file: 'money-boolean.json', where: ':4:41: fiscalYears.2017.revenue: ', message: /expected money as a decimal string like "1234\.56", got true/ },
  // Dates
  { file: 'date-slashes.json', where: ':3:23: registrationDate: ', message: /date "2017\/03\/15" is not a date in the form YYYY-MM-DD/ },
  { file: 'date-february-30.json', where: ':3:23: registrationDate: ', message: /date "2017-02-30" is not a real date: 2017-02 has no day 30/ },
  { file: 'date-dotted.json', where: ':3:23: registrationDate: ', message: /date "15\.03\.2017" is not a date in the form YYYY-MM-DD/ },
  { file: 'date-unpadded.json', where: ':3:23: registrationDate: ', message: /date "2017-3-5" is not a date in the form YYYY-MM-DD/ },
  { file: 'date-with-time.json', where: ':3:23: registrationDate: ', message: /is not a date in the form YYYY-MM-DD/ },
  { file: 'date-year-0001.json', where: ':3:23: registrationDate: ', message: /has year 1, outside 1900-2200/ },
  { file: 'date-in-tax-payment.json', where: ':4:90: taxPayments[1].date: ', message: /date "2017-13-01" has month 13, which does not exist/ },
  // Enumerations, codes, districts
  { file: 'enum-typo.json', where: ':4:15: industry: ', message: /"cloud-bigdta" is not a known industry \(did you mean "cloud-bigdata"\?\)/ },
  { file: 'enum-wrong-type.json', where: ':4:15: industry: ', message: /expected an industry \(one of .*\), got 7$/ },
  { file: 'credit-code-check-character.json', where: ':4:17: creditCode: ', message: /check character is "4" but should be "3"; the code has a typo/ },
  { file: 'credit-code-letter-o.json', where: ':4:17: creditCode: ', message: /character 16 \("O"\) is not allowed/ },
  { file: 'district-yubei-no-suffix.json', where: ':4:15: district: ', message: /"渝北" is not the name of a Chongqing district or county \(did you mean "渝北区"\?\)/ },
  { file: 'district-yubei-county.json', where: ':4:15: district: ', message: /"渝北县" is not the name of a Chongqing district or county \(did you mean "渝北区"\?\)/ },
  { file: 'district-with-city.json', where: ':4:15: district: ', message: /"重庆市渝北区" .*\(did you mean "渝北区"\?\); write the district alone/ },
  { file: 'district-new-area.json', where: ':4:15: district: ', message: /"两江新区" is not the name of a Chongqing district or county; for an enterprise outside Chongqing give its province or city too/ },
  { file: 'district-pinyin.json', where: ':4:15: district: ', message: /"Yubei" is not the name of a Chongqing district or county;/ },
  { file: 'district-empty.json', where: ':4:15: district: ', message: /is empty; leave the key out where the district is not known/ },
];

describe.concurrent('bad profiles are refused with exit 2 and one located message', () => {
  it.each(REFUSED)('$file', async ({ file, where, message }) => {
    const path = `fixtures/invalid/${file}`;
    const r = await runCli(['check', path, ...AS_OF, '--format', 'json']);
    const [line] = expectRefused(r, path);
    expect(line).toBe(`policy-calc: ${path}${where}${line!.slice(`policy-calc: ${path}${where}`.length)}`);
    expect(line!.slice(`policy-calc: ${path}${where}`.length)).toMatch(message);
  });

  it('reports every problem of a profile, one line each', async () => {
    const path = 'fixtures/invalid/two-problems.json';
    const lines = expectRefused(await runCli(['check', path, ...AS_OF]), path, 2);
    expect(lines[0]).toMatch(/:4:15: industry: "cloud-bigdta" .*did you mean "cloud-bigdata"/);
    expect(lines[1]).toMatch(/:5:16: employees: .*got -1$/);
  });

  it('refuses in the table format too, with the same message', async () => {
    const path = 'fixtures/invalid/enum-typo.json';
    const [line] = expectRefused(await runCli(['check', path, ...AS_OF, '--format', 'table']), path);
    expect(line).toMatch(/did you mean "cloud-bigdata"/);
  });

  it('names stdin as <stdin>', async () => {
    const r = await spawnCli(['check', '-', ...AS_OF], { input: '{"name": "x", "registrationDate": "2017-02-30"}' });
    const [line] = expectRefused(r, '<stdin>');
    expect(line).toBe('policy-calc: <stdin>:1:35: registrationDate: date "2017-02-30" is not a real date: 2017-02 has no day 30');
  });

  it('refuses bad options with one line each, before reading anything', async () => {
    const cases: [string[], string][] = [
      [['--year', '17'], 'policy-calc: --year must be a four-digit year, e.g. 2017'],
      [['--as-of', '2019-02-30'], 'policy-calc: --as-of "2019-02-30" is not a real date: 2019-02 has no day 30'],
      [['--rules', 'fixtures/invalid'], 'policy-calc: fixtures/invalid: no rule set here: expected manifest.yaml, policies/*.yaml and parameters/*.yaml'],
    ];
    for (const [args, message] of cases) {
      const r = await runCli(['check', 'fixtures/cloud-sme.json', ...args]);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toBe(`${message}\n`);
    }
  });

  it('refuses a missing file and a directory', async () => {
    expect(expectRefused(await runCli(['check', 'fixtures/invalid/no-such.json']), 'fixtures/invalid/no-such.json')[0]).toMatch(/cannot read: no such file$/);
    expect(expectRefused(await runCli(['check', 'fixtures/invalid']), 'fixtures/invalid')[0]).toMatch(/cannot read: is a directory, not a profile file$/);
  });
});

describe('oversized profiles are refused before they are read', () => {
  const dir = mkdtempSync(join(tmpdir(), 'policy-calc-big-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('a 50 MB file: exit 2 from its size alone', async () => {
    // A sparse file: 50 MB by its size, nothing written. The message gives the size from stat,
    // which a reader that read the file first could not know without reading all of it.
    const file = join(dir, 'huge.json');
    const fd = openSync(file, 'w');
    ftruncateSync(fd, 50 * 1024 * 1024);
    closeSync(fd);
    const r = await runCli(['check', file, ...AS_OF]);
    const [line] = expectRefused(r, file);
    expect(line).toBe(`policy-calc: ${file}: is 52428800 bytes; a profile may be at most 10485760 bytes (10 MB)`);
  });

  it('10 MB plus one byte on stdin: exit 2 as soon as the limit is passed', async () => {
    const text = `{"name": "${'x'.repeat(10 * 1024 * 1024 - 11)}"}`;
    expect(Buffer.byteLength(text)).toBe(10 * 1024 * 1024 + 1);
    const r = await spawnCli(['check', '-', ...AS_OF], { input: text });
    const [line] = expectRefused(r, '<stdin>');
    expect(line).toBe('policy-calc: <stdin>: is more than 10485760 bytes; a profile may be at most 10485760 bytes (10 MB)');
  });

  it('50 MB on stdin: refused without waiting for the rest', async () => {
    const r = await spawnCli(['check', '-', ...AS_OF], { input: Buffer.alloc(50 * 1024 * 1024, 0x20) });
    expect(expectRefused(r, '<stdin>')[0]).toMatch(/is more than 10485760 bytes/);
  });

  it('exactly 10 MB is read (and then judged on its content)', async () => {
    const file = join(dir, 'limit.json');
    const head = '{"name": "x", "registrationDate": "2017-03-15"}';
    writeFileSync(file, head + ' '.repeat(10 * 1024 * 1024 - head.length));
    const r = await runCli(['check', file, ...AS_OF, '--format', 'json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).enterprise.name).toBe('x');
  });
});

interface Outcome {
  stdout: string;
  json: {
    benefits: { id: string; status: string; amount: string | null; figures: Record<string, string>; reasons: { check: string; result: boolean | null }[] }[];
    warnings: { path: string; message: { zh: string; en: string } }[];
    totals: { amount: string };
  };
}

async function evaluateEdge(file: string, extra: string[] = []): Promise<Outcome> {
  const r = await runCli(['check', `fixtures/edge/${file}`, ...AS_OF, '--year', '2017', '--format', 'json', ...extra]);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return { stdout: r.stdout, json: JSON.parse(r.stdout) as Outcome['json'] };
}
const p09 = (o: Outcome) => o.json.benefits.find((b) => b.id === 'P09')!;

describe.concurrent('odd but understood input is evaluated exactly', () => {
  // P09: tax saved = taxable income x (25% - 15%) = taxable income x 0.10, rounded half-up once.
  it('money with 30 decimals (string) is used exactly, not as a float', async () => {
    const b = p09(await evaluateEdge('money-30-decimals-string.json'));
    expect(b.figures.taxableIncome).toBe('1000000.049999999999999999999999999999');
    // 1000000.0499…9 x 0.10 = 100000.00499…9 -> 100000.00. Via a float it would be
    // 1000000.05 x 0.10 = 100000.005 -> 100000.01.
    expect(b.figures.taxSaved).toBe('100000.0049999999999999999999999999999');
    expect(b.amount).toBe('100000.00');
  });

  it('money with 30 decimals as a JSON number is read from its text, the same', async () => {
    const b = p09(await evaluateEdge('money-30-decimals-number.json'));
    expect(b.figures.taxableIncome).toBe('1000000.049999999999999999999999999999');
    expect(b.amount).toBe('100000.00');
  });

  it('money beyond 2^53 as a JSON number is exact', async () => {
    // 90071992547409930 x 0.10 = 9007199254740993; a float holds neither.
    const b = p09(await evaluateEdge('money-beyond-2-53.json'));
    expect(b.figures.taxableIncome).toBe('90071992547409930.00');
    expect(b.amount).toBe('9007199254740993.00');
  });

  it('a negative taxable income gives 0.00, never a negative amount', async () => {
    const o = await evaluateEdge('negative-taxable-income.json');
    expect(p09(o).status).toBe('eligible');
    expect(p09(o).amount).toBe('0.00');
    for (const b of o.json.benefits) if (b.amount !== null) expect(b.amount.startsWith('-')).toBe(false);
  });

  it('a UTF-8 byte order mark is skipped', async () => {
    expect(p09(await evaluateEdge('bom.json')).amount).toBe('82000.00');
  });

  it('a district outside Chongqing that says so is accepted: P09 fails on in-chongqing', async () => {
    const b = p09(await evaluateEdge('district-outside-chongqing.json'));
    expect(b.status).toBe('ineligible');
    expect(b.reasons.find((r) => r.check === 'in-chongqing')?.result).toBe(false);
  });
});

describe.concurrent('usable but doubtful input: evaluated, and the output says so', () => {
  const warned = async (file: string, path: string, en: RegExp, zh: RegExp, extra: string[] = []) => {
    const o = await evaluateEdge(file, extra);
    const w = o.json.warnings.filter((x) => x.path === path);
    expect(w).toHaveLength(1);
    expect(w[0]!.message.en).toMatch(en);
    expect(w[0]!.message.zh).toMatch(zh);
    const table = await runCli(['check', `fixtures/edge/${file}`, ...AS_OF, '--year', '2017', '--lang', 'en', ...extra]);
    expect(table.code).toBe(0);
    expect(table.stderr).toBe('');
    expect(table.stdout).toMatch(/\nWarnings:\n/);
    expect(table.stdout).toContain(`  ${w[0]!.message.en} (${path})`);
    const zhTable = await runCli(['check', `fixtures/edge/${file}`, ...AS_OF, '--year', '2017', '--lang', 'zh', ...extra]);
    expect(zhTable.stdout).toContain(`  ${w[0]!.message.zh}（${path}）`);
    return o;
  };

  it('a tax payment before the registration date', async () => {
    const o = await warned('tax-paid-before-registration.json', 'taxPayments[0].date', /Tax paid on 2017-01-10, before the registration date 2017-03-15/, /缴税日期 2017-01-10 早于登记注册日 2017-03-15/);
    expect(o.json.warnings).toHaveLength(1);
  });

  it('the evaluated --year missing from fiscalYears', async () => {
    const o = await warned('tax-paid-before-registration.json', 'fiscalYears', /The evaluated year 2016 is not in fiscalYears/, /评估年度 2016 不在 fiscalYears 中/, ['--year', '2016']);
    // The yearly policy cannot be decided without that year's figures: needs-info, not ineligible.
    expect(p09(o).status).toBe('needs-info');
  });

  it('a tax payment after the as-of date', async () => {
    const r = await runCli(['check', 'fixtures/edge/tax-paid-before-registration.json', '--as-of', '2017-06-30', '--format', 'json']);
    expect(r.code).toBe(0);
    const warnings = (JSON.parse(r.stdout) as Outcome['json']).warnings;
    expect(warnings.map((w) => `${w.path}: ${w.message.en}`)).toContain('taxPayments[1].date: Tax paid on 2017-07-15, after the as-of date 2017-06-30: not yet paid on that date, so not counted');
  });

  it('a district in Chongqing with a credit code issued elsewhere', async () => {
    const o = await warned('district-disagrees-with-credit-code.json', 'district', /渝北区 is in Chongqing but the credit code was issued outside it \(division 510107\); the district decides/, /按区县判断/);
    expect(p09(o).reasons.find((r) => r.check === 'in-chongqing')?.result).toBe(true);
  });
});
