import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, run } from './cli-helpers.js';
import { FIXTURES, fixtureFolder, fixtureLine, ndjson, sevenPolicyRules, tempDir } from './batch-helpers.js';

/**
 * `policy-calc batch`, in-process (on several worker threads: the built CLI). Amounts are worked
 * out by hand from the articles for fixtures/cloud-sme.json in fiscal year 2018 (its latest), as
 * of 2019-06-30:
 *   P09  taxable income 2,350,000 x (25% - 15%)                                   = 235,000.00
 *   P10  window 2017-03-15 .. 2019-03-14; CIT 35,000 + 42,500 + 45,200 + 98,000 + 120,000
 *        = 340,700 x 40% = 136,280; VAT 18,350.25 + 26,410.80 + 61,200 = 105,961.05 x 50%
 *        = 52,980.525; together 189,260.525, half-up                                = 189,260.53
 *   P12  (75% x 1,860,000 + 75% x 120,000) = 1,485,000 deducted x 15% (P09 holds)  = 222,750.00
 *   P22  420,000 kWh x (0.7836 - 0.6420)                                            =  59,472.00
 *   total                                                                            = 706,482.53
 * design-firm, 2023: P09 3,000,000 x 10% = 300,000.00; hotel-hot-spring, 2018: P09 3,400,000 x 10%
 * = 340,000.00; so P09 over the five fixtures sums to 875,000.00.
 */
const AS_OF = ['--as-of', '2019-06-30'];
let tmp: ReturnType<typeof tempDir>;
let rules7: string;
let five: string;

beforeAll(() => {
  tmp = tempDir('batch');
  rules7 = sevenPolicyRules(tmp.dir);
  five = fixtureFolder(tmp.dir);
});
afterAll(() => tmp.cleanup());

function byId(line: Record<string, any>): Record<string, { status: string; amount: string | null }> {
  return Object.fromEntries(line.benefits.map((b: any) => [b.id, { status: b.status, amount: b.amount }]));
}

describe('batch inputs', () => {
  it('evaluates every *.json below a folder, sorted, each line the check result plus its input', async () => {
    const r = await run(['batch', five, ...AS_OF]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const lines = ndjson(r.stdout);
    expect(lines.map((l) => l.input)).toEqual(FIXTURES.map((f) => ({ file: join(five, `${f}.json`) })));
    const cloud = byId(lines[0]!);
    expect(cloud.P09).toEqual({ status: 'eligible', amount: '235000.00' });
    expect(cloud.P10).toEqual({ status: 'eligible', amount: '189260.53' });
    expect(cloud.P12).toEqual({ status: 'eligible', amount: '222750.00' });
    expect(cloud.P22).toEqual({ status: 'eligible', amount: '59472.00' });
  });

  it('the default line: input, enterprise, evaluation, per policy the decision, and the totals; nothing else', async () => {
    const [line] = ndjson((await run(['batch', 'fixtures/cloud-sme.json', ...AS_OF])).stdout);
    const check = JSON.parse((await run(['check', 'fixtures/cloud-sme.json', '--format', 'json', ...AS_OF])).stdout);
    expect(Object.keys(line!)).toEqual(['input', 'enterprise', 'evaluation', 'benefits', 'totals']);
    expect(line!.enterprise).toEqual({ name: check.enterprise.name, creditCode: '91500112MA5U7K3X23' });
    expect(line!.evaluation).toEqual({ year: 2018, asOf: '2019-06-30', rulesVersion: check.evaluation.rulesVersion });
    // Each policy's decision as check makes it; the explanation, citation and prose stay with check.
    const keys = ['id', 'status', 'amount', 'amountBound', 'countedInTotal', 'missing'];
    expect(line!.benefits).toEqual(check.benefits.map((b: any) => Object.fromEntries(keys.map((k) => [k, b[k]]))));
    expect(line!.totals).toEqual(check.totals);
    // 235,000.00 + 189,260.53 + 222,750.00 + 59,472.00 (see the top of this file)
    expect(line!.totals.amount).toBe('706482.53');
    // A name with quotes, a backslash and a line break stays one valid line.
    const odd = { ...JSON.parse(fixtureLine('sparse')), name: '渝"中\\\n测试', creditCode: undefined };
    const r = await run(['batch', '-', ...AS_OF], { input: `${JSON.stringify(odd)}\n` });
    expect(r.stdout.split('\n')).toHaveLength(2);
    expect(ndjson(r.stdout)[0]!.enterprise).toEqual({ name: odd.name, creditCode: null });
  });

  it('--full: each line is what check prints, after the input, without the trace', async () => {
    const [line] = ndjson((await run(['batch', 'fixtures/cloud-sme.json', ...AS_OF, '--full'])).stdout);
    const check = await run(['check', 'fixtures/cloud-sme.json', '--format', 'json', ...AS_OF]);
    const { input, ...result } = line!;
    expect(input).toEqual({ file: 'fixtures/cloud-sme.json' });
    // Less each benefit's decision tree, which is check's.
    const expected = JSON.parse(check.stdout) as { benefits: { trace?: unknown }[] };
    expect(expected.benefits.every((b) => b.trace !== undefined)).toBe(true);
    for (const b of expected.benefits) delete b.trace;
    expect(result).toEqual(expected);
  });

  it('reads NDJSON files with line numbers, and stdin', async () => {
    const file = join(tmp.dir, 'five.ndjson');
    writeFileSync(file, `${FIXTURES.map(fixtureLine).join('\n')}\n`);
    const fromFile = ndjson((await run(['batch', file, ...AS_OF])).stdout);
    expect(fromFile.map((l) => l.input)).toEqual(FIXTURES.map((_, i) => ({ file, line: i + 1 })));
    const fromStdin = await run(['batch', '-', ...AS_OF], { input: `${FIXTURES.map(fixtureLine).join('\r\n')}\r\n\n` });
    expect(fromStdin.code).toBe(0);
    const lines = ndjson(fromStdin.stdout);
    expect(lines.map((l) => l.input)).toEqual(FIXTURES.map((_, i) => ({ file: '<stdin>', line: i + 1 })));
    expect(byId(lines[0]!).P09?.amount).toBe('235000.00');
    // Same results whichever way the profiles came in.
    expect(lines.map((l) => l.totals)).toEqual(fromFile.map((l) => l.totals));
  });

  it('reports a broken line by its number, finishes the rest, and exits 1', async () => {
    const text = [fixtureLine('cloud-sme'), fixtureLine('design-firm'), '{"name": "Broken", "registrationDate": "2017-02-30"}', '{"name": ', fixtureLine('hotel-hot-spring')].join('\n');
    const r = await run(['batch', '-', ...AS_OF], { input: text });
    expect(r.code).toBe(1);
    const lines = ndjson(r.stdout);
    expect(lines.map((l) => l.input.line)).toEqual([1, 2, 3, 4, 5]);
    expect(lines[2]!.error.code).toBe('PROFILE_INVALID');
    expect(lines[2]!.error.issues[0]).toMatchObject({ file: '<stdin>', line: 3, path: 'registrationDate' });
    expect(lines[3]!.error.code).toBe('INPUT_JSON');
    expect(lines[3]!.error.issues[0].line).toBe(4);
    expect(byId(lines[4]!).P09?.amount).toBe('340000.00');
    // Line 3 of the input, column 40 of that line: where the date starts.
    expect(r.stderr).toContain('<stdin>:3:40: registrationDate: date "2017-02-30"');
    expect(r.stderr).toContain('2 of 5 input(s) invalid (1 INPUT_JSON, 1 PROFILE_INVALID registrationDate)');
  });

  it('refuses a path that does not exist before evaluating anything (exit 2)', async () => {
    const r = await run(['batch', five, 'no-such-folder', ...AS_OF]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('no-such-folder: cannot read: no such file or folder');
  });
});

describe('batch parallelism', () => {
  it('writes the same bytes in input order with 1, 2 and 4 jobs', async () => {
    // 300 lines with a few invalid ones, in batches of 7 so that workers finish out of order.
    const lines: string[] = [];
    for (let i = 0; i < 300; i++) lines.push(i % 97 === 50 ? `{"name": "bad ${i}"}` : fixtureLine(FIXTURES[i % FIXTURES.length]!));
    const file = join(tmp.dir, 'many.ndjson');
    writeFileSync(file, `${lines.join('\n')}\n`);
    // Workers start on a few records here (POLICY_CALC_WORKERS_FROM), as on a large input.
    const env = { POLICY_CALC_BATCH_RECORDS: '7', POLICY_CALC_WORKERS_FROM: '0' };
    const one = await run(['batch', file, ...AS_OF, '--full', '--jobs', '1'], { env });
    expect(one.code).toBe(1);
    const out = ndjson(one.stdout);
    expect(out.map((l) => l.input.line)).toEqual(lines.map((_, i) => i + 1));
    expect(out.filter((l) => l.error).map((l) => l.input.line)).toEqual([51, 148, 245]);
    for (const jobs of ['2', '4']) {
      const r = cli(['batch', file, ...AS_OF, '--full', '--jobs', jobs], { env });
      expect(r.code).toBe(1);
      expect(r.stdout === one.stdout).toBe(true);
      expect(r.stderr).toBe(one.stderr);
    }
  });

  it('--full --compact drops the repeated prose (summaries, grants, readings, citation texts) and nothing else', async () => {
    const full = ndjson((await run(['batch', 'fixtures/cloud-sme.json', ...AS_OF, '--full'])).stdout)[0]!;
    const compact = ndjson((await run(['batch', 'fixtures/cloud-sme.json', ...AS_OF, '--full', '--compact'])).stdout)[0]!;
    expect(full.benefits.some((b: any) => b.summary && b.citation.text)).toBe(true);
    for (const b of full.benefits) {
      delete b.summary;
      delete b.grants;
      delete b.reading;
      delete b.citation.text;
    }
    expect(compact).toEqual(full);
    expect(compact.benefits[0].citation.responsible.length).toBeGreaterThan(0);
  });
});

describe('batch formats', () => {
  it('csv: a header from the rule set, one RFC 4180 row per enterprise', async () => {
    const dir = join(tmp.dir, 'csv');
    mkdirSync(dir);
    writeFileSync(join(dir, 'a.json'), JSON.stringify({ ...JSON.parse(fixtureLine('cloud-sme')), name: 'Cloud "One", Ltd' }));
    writeFileSync(join(dir, 'b.json'), '{"name": 1, "registrationDate": "2017-01-01"}');
    const r = await run(['batch', dir, ...AS_OF, '--format', 'csv', '--rules', rules7]);
    expect(r.code).toBe(1);
    const rows = r.stdout.split('\r\n');
    const policyColumns = ['P09', 'P10', 'P11', 'P12', 'P20', 'P21', 'P22'].flatMap((p) => [`${p}_status`, `${p}_amount`, `${p}_counted`, `${p}_bound`]);
    expect(rows[0]).toBe(['input,creditCode,name,year,asOf,eligible,needsInfo,ineligible,totalAmount,totalBound', ...policyColumns, 'error'].join(','));
    // cloud-sme, 2018 (its latest year) as of 2019-06-30; the amounts of the header comment. The
    // counted columns add up to the total: 235,000.00 + 189,260.53 + 222,750.00 + 59,472.00 = 706,482.53.
    expect(rows[1]).toBe(
      [
        join(dir, 'a.json'), '91500112MA5U7K3X23', '"Cloud ""One"", Ltd"', '2018', '2019-06-30', '4', '0', '3', '706482.53', 'exact',
        'eligible', '235000.00', '235000.00', 'exact',
        'eligible', '189260.53', '189260.53', 'exact',
        'ineligible', '', '', '',
        'eligible', '222750.00', '222750.00', 'exact',
        'ineligible', '', '', '',
        'ineligible', '', '', '',
        'eligible', '59472.00', '59472.00', 'exact',
        '',
      ].join(','),
    );
    // The message holds a comma, so it is quoted.
    expect(rows[2]).toBe(`${join(dir, 'b.json')},${','.repeat(9 + 28)}"PROFILE_INVALID: name: expected the name as a string, got 1"`);
    expect(rows[3]).toBe('');
    expect(rows).toHaveLength(4);
  });

  it('csv: a benefit whose money another already pays shows 0.00 counted, so the row adds up', async () => {
    // regional-hq, 2017, window [2016-12-20, 2018-12-20): CIT 600,000 + 620,000 + 640,000 + 540,000
    // = 2,400,000 x 40% = 960,000; VAT 180,000 + 210,000 + 230,000 + 240,000 = 860,000 x 50% = 430,000.
    // P10 = 1,390,000.00; P11 (the headquarters' CIT local share) = 960,000.00, the same money, not counted.
    const r = await run(['batch', 'fixtures/regional-hq.json', ...AS_OF, '--format', 'csv', '--rules', rules7]);
    const [head, row] = r.stdout.split('\r\n').map((l) => l.split(','));
    const cell = (name: string) => row![head!.indexOf(name)];
    expect([cell('P10_status'), cell('P10_amount'), cell('P10_counted')]).toEqual(['eligible', '1390000.00', '1390000.00']);
    expect([cell('P11_status'), cell('P11_amount'), cell('P11_counted')]).toEqual(['eligible', '960000.00', '0.00']);
    expect([cell('year'), cell('totalAmount')]).toEqual(['2017', '1390000.00']);
  });

  it('json: a summary with counts, totals and sums per policy', async () => {
    const r = await run(['batch', five, ...AS_OF, '--format', 'json', '--rules', rules7]);
    expect(r.code).toBe(0);
    const s = JSON.parse(r.stdout);
    expect(s).toMatchObject({ profiles: 5, evaluated: 5, invalid: 0, evaluation: { year: null, asOf: '2019-06-30' } });
    const p09 = s.policies.find((p: any) => p.id === 'P09');
    expect(p09).toMatchObject({ eligible: 3, amount: '875000.00', countedAmount: '875000.00' });
    // Status counts over every enterprise and policy add up to 5 x 7.
    expect(s.totals.eligible + s.totals.needsInfo + s.totals.ineligible).toBe(35);
    expect(s.policies).toHaveLength(7);
    // The total is the sum of the enterprises' totals, each as check computes it.
    const lines = ndjson((await run(['batch', five, ...AS_OF, '--rules', rules7])).stdout);
    const cents = lines.reduce((a, l) => a + Math.round(Number(l.totals.amount) * 100), 0);
    expect(s.totals.amount).toBe((cents / 100).toFixed(2));
  });

  it('--fail-on: exit 1 when some enterprise has a policy in that status', async () => {
    // sparse.json is needs-info on every policy; cloud-sme has ineligible ones (P11, P20, P21) and no needs-info.
    expect((await run(['batch', 'fixtures/cloud-sme.json', ...AS_OF, '--fail-on', 'needs-info', '--rules', rules7])).code).toBe(0);
    const ineligible = await run(['batch', 'fixtures/cloud-sme.json', ...AS_OF, '--fail-on', 'needs-info,ineligible', '--rules', rules7]);
    expect(ineligible.code).toBe(1);
    expect(ineligible.stderr).toContain('--fail-on ineligible: 1 enterprise(s)');
    const sparse = await run(['batch', 'fixtures/sparse.json', ...AS_OF, '--fail-on', 'ineligible', '--fail-on', 'needs-info', '--rules', rules7]);
    expect(sparse.code).toBe(1);
    expect(sparse.stderr).toContain('--fail-on needs-info: 1 enterprise(s)');
    expect(sparse.stderr).not.toContain('--fail-on ineligible');
    const bad = await run(['batch', five, '--fail-on', 'eligible']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--fail-on takes needs-info or ineligible, got "eligible"');
  });
});
