import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from './cli-helpers.js';
import { fixtureFolder, sevenPolicyRules, tempDir } from './batch-helpers.js';

/**
 * `policy-calc diff` with the article 9 minimum main-business share raised from 70% to 90% (the
 * value in force from 2011; the 60% from 2021 is left alone). Worked out from fixtures/*.json,
 * each in its latest fiscal year:
 *   cloud-sme 2018: 12,760,000 / 14,500,000 = 88%  -> P09 eligible at 70%, ineligible at 90%;
 *                   P12 then saves at 25% instead of 15%: 1,485,000 x 25% = 371,250.00
 *   hotel 2018:     30,600,000 / 36,000,000 = 85%  -> P09 eligible -> ineligible
 *   design-firm 2023: 24,500,000 / 35,000,000 = 70%, but from 2021 the minimum is 60%: no change
 *   regional-hq 2017: 95%, but not in the encouraged catalogue: ineligible either way
 *   sparse: no fiscal year: needs-info either way
 * With --year 2019 only design-firm has figures: 15,750,000 / 21,000,000 = 75% -> changes.
 */
const AS_OF = ['--as-of', '2019-06-30'];
let tmp: ReturnType<typeof tempDir>;
let oldRules: string;
let newRules: string;
let five: string;

beforeAll(() => {
  tmp = tempDir('diff');
  five = fixtureFolder(tmp.dir);
  oldRules = sevenPolicyRules(join(tmp.dir, 'old'));
  newRules = sevenPolicyRules(join(tmp.dir, 'new'));
  const file = join(newRules, 'parameters', 'income-tax.yaml');
  const text = readFileSync(file, 'utf8');
  const edited = text.replace(/("2011-01-01":\n\s+value: )"0\.70"/, '$1"0.90"');
  expect(edited).not.toBe(text);
  writeFileSync(file, edited);
});
afterAll(() => tmp.cleanup());

describe('diff', () => {
  it('lists exactly the enterprises whose status or amount changes (text)', async () => {
    const r = await run(['diff', '--rules', oldRules, '--rules', newRules, five, ...AS_OF]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const blocks = r.stdout.split('\n\n');
    expect(blocks).toHaveLength(3);
    expect(blocks[0]!.startsWith(`${five}/cloud-sme.json  `)).toBe(true);
    expect(blocks[0]).toMatch(/^\S+ {2}重庆云数智联科技有限公司 {2}91500112MA5U7K3X23\n/);
    expect(blocks[0]).toMatch(/\n {2}P09 +eligible +235000\.00 {2}-> {2}ineligible +-\n/);
    expect(blocks[0]).toMatch(/\n {2}P12 +eligible +222750\.00 {2}-> {2}eligible +371250\.00\n/);
    expect(blocks[0]).toMatch(/\n {2}total +706482\.53 {2}-> +619982\.53$/);
    expect(blocks[1]!.startsWith(`${five}/hotel-hot-spring.json  `)).toBe(true);
    expect(blocks[1]).toMatch(/\n {2}P09 +eligible +340000\.00 {2}-> {2}ineligible +-\n/);
    expect(blocks[1]!.split('\n')).toHaveLength(3);
    expect(blocks[2]).toMatch(/^2 of 5 enterprise\(s\) change/);
  });

  it('json, with --old/--new, and another fiscal year', async () => {
    const r = await run(['diff', '--old', oldRules, '--new', newRules, five, ...AS_OF, '--format', 'json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.changed.map((c: any) => c.input.file)).toEqual([`${five}/cloud-sme.json`, `${five}/hotel-hot-spring.json`]);
    expect(doc.changed[0].changes).toEqual([
      { id: 'P09', old: { status: 'eligible', amount: '235000.00' }, new: { status: 'ineligible', amount: null } },
      { id: 'P12', old: { status: 'eligible', amount: '222750.00' }, new: { status: 'eligible', amount: '371250.00' } },
    ]);
    expect(doc.changed[0].total).toEqual({ old: '706482.53', new: '619982.53' });
    expect(doc.summary).toEqual({ profiles: 5, evaluated: 5, invalid: 0, changed: 2 });
    expect(doc.old.rulesVersion).not.toBe(doc.new.rulesVersion);

    const y2019 = JSON.parse((await run(['diff', '--old', oldRules, '--new', newRules, five, ...AS_OF, '--format', 'json', '--year', '2019'])).stdout);
    expect(y2019.changed.map((c: any) => c.input.file)).toEqual([`${five}/design-firm.json`]);
    // 2019: taxable income 1,200,000 x 10% = 120,000.00
    expect(y2019.changed[0].changes[0]).toEqual({ id: 'P09', old: { status: 'eligible', amount: '120000.00' }, new: { status: 'ineligible', amount: null } });
  });

  it('nothing changes between a rule set and itself; one rule directory is a usage error', async () => {
    const same = await run(['diff', '--rules', oldRules, '--rules', oldRules, five, ...AS_OF, '--format', 'json']);
    expect(JSON.parse(same.stdout).changed).toEqual([]);
    const one = await run(['diff', '--rules', oldRules, five]);
    expect(one.code).toBe(2);
    expect(one.stderr).toContain('diff needs two rule directories');
  });
});
