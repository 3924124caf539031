import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from './cli-helpers.js';
import { fixtureFolder, sevenPolicyRules, tempDir } from './batch-helpers.js';
import { parseXml, type XmlElement } from './xml-check.js';
import { GateReport } from '../src/batch/gates.js';

/**
 * CI gates, run in-process, on the seven quantified policies as of 2019-06-30:
 * - cloud-sme (2018): P09, P10, P12, P22 eligible; P11 (not a headquarters), P20, P21 (no land) ineligible.
 * - sparse: no fiscal year, no size, no establishment: P10 and every other policy needs-info.
 * So `P10:needs-info` trips on sparse only and `P11:ineligible` on cloud-sme only.
 */
const AS_OF = ['--as-of', '2019-06-30'];
let tmp: ReturnType<typeof tempDir>;
let rules7: string;
const TWO = ['fixtures/cloud-sme.json', 'fixtures/sparse.json'];

beforeAll(() => {
  tmp = tempDir('gates');
  rules7 = sevenPolicyRules(tmp.dir);
});
afterAll(() => tmp.cleanup());

const children = (e: XmlElement, name: string) => e.children.filter((c) => c.name === name);

describe('--fail-on with a policy', () => {
  it('trips only where that policy has that status, and names the enterprises and policies on stderr', async () => {
    const r = await run(['batch', ...TWO, ...AS_OF, '--rules', rules7, '--fail-on', 'P10:needs-info,P11:ineligible', '--fail-on', 'P09:ineligible']);
    expect(r.code).toBe(1);
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines).toEqual([
      'policy-calc: --fail-on P10:needs-info: 1 enterprise(s) have P10 needs-info',
      'policy-calc:   fixtures/sparse.json  某电子商务企业（资料不全）: P10',
      'policy-calc: --fail-on P11:ineligible: 1 enterprise(s) have P11 ineligible',
      'policy-calc:   fixtures/cloud-sme.json  重庆云数智联科技有限公司 (91500112MA5U7K3X23): P11',
    ]);
    // P09 is eligible for cloud-sme and needs-info for sparse: that gate does not trip.
    expect(r.stderr).not.toContain('P09:ineligible');
  });

  it('passes (exit 0, nothing on stderr) when no enterprise trips a gate', async () => {
    const r = await run(['batch', 'fixtures/cloud-sme.json', ...AS_OF, '--rules', rules7, '--fail-on', 'P10:needs-info,P09:ineligible']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });

  it('the unscoped form names every policy in the status', async () => {
    const r = await run(['batch', 'fixtures/cloud-sme.json', ...AS_OF, '--rules', rules7, '--fail-on', 'ineligible']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('policy-calc:   fixtures/cloud-sme.json  重庆云数智联科技有限公司 (91500112MA5U7K3X23): P11, P20, P21\n');
  });

  it('refuses a policy the rule set does not have, and a status that is no gate', async () => {
    const unknown = await run(['batch', 'fixtures/cloud-sme.json', '--rules', rules7, '--fail-on', 'P01:needs-info']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('--fail-on P01:needs-info: the rule set has no policy P01');
    const status = await run(['batch', 'fixtures/cloud-sme.json', '--fail-on', 'P10:eligible']);
    expect(status.code).toBe(2);
    expect(status.stderr).toContain('--fail-on takes a policy and a status such as P10:needs-info or P09:ineligible, got "P10:eligible"');
  });
});

describe('batch --reporter junit', () => {
  it('a testcase per enterprise, a failure where a gate trips, an error for an invalid input', async () => {
    const bad = join(tmp.dir, 'bad.json');
    writeFileSync(bad, '{"name": "x"}');
    const xmlFile = join(tmp.dir, 'gates.xml');
    const r = await run(['batch', ...TWO, bad, ...AS_OF, '--rules', rules7, '--fail-on', 'P10:needs-info', '--reporter', 'junit', '-o', xmlFile]);
    expect(r.code).toBe(1);
    // With -o the results still go to stdout: three NDJSON lines.
    expect(r.stdout.trimEnd().split('\n')).toHaveLength(3);
    const root = parseXml(readFileSync(xmlFile, 'utf8'));
    expect(root.attrs).toMatchObject({ tests: '3', failures: '1', errors: '1' });
    const cases = children(children(root, 'testsuite')[0]!, 'testcase');
    expect(cases.map((c) => c.attrs.classname)).toEqual([...TWO, bad]);
    expect(cases[0]!.children).toEqual([]);
    const failure = children(cases[1]!, 'failure')[0]!;
    expect(failure.attrs.message).toBe('P10 is needs-info (--fail-on P10:needs-info)');
    expect(failure.text).toMatch(/^P10: needs-info; missing: .*\bsize\b/);
    expect(children(cases[2]!, 'error')[0]!.attrs.type).toBe('PROFILE_INVALID');
  });

  it('without -o, stdout holds the XML only', async () => {
    const r = await run(['batch', 'fixtures/cloud-sme.json', ...AS_OF, '--rules', rules7, '--reporter', 'junit']);
    expect(r.code).toBe(0);
    const root = parseXml(r.stdout);
    expect(root.attrs).toMatchObject({ tests: '1', failures: '0', errors: '0' });
  });
});

describe('diff --exit-code and -o', () => {
  it('exit 0 when nothing changes, 1 when something does', async () => {
    const five = fixtureFolder(tmp.dir);
    const same = await run(['diff', '--rules', rules7, '--rules', rules7, five, ...AS_OF, '--exit-code']);
    expect(same.code).toBe(0);
    // Raising P09's minimum main-business share from 70% to 90% makes cloud-sme (88%) ineligible.
    const edited = sevenPolicyRules(join(tmp.dir, 'edited'));
    const file = join(edited, 'parameters', 'income-tax.yaml');
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.replace(/("2011-01-01":\n\s+value: )"0\.70"/, '$1"0.90"'));
    const out = join(tmp.dir, 'diff.txt');
    const changed = await run(['diff', '--rules', rules7, '--rules', edited, five, ...AS_OF, '--exit-code', '-o', out]);
    expect(changed.code).toBe(1);
    expect(changed.stdout).toBe('');
    expect(readFileSync(out, 'utf8')).toMatch(/^2 of 5 enterprise\(s\) change/m);
    expect((await run(['diff', '--rules', rules7, '--rules', edited, five, ...AS_OF])).code).toBe(0);
  });
});

describe('-o FILE', () => {
  it('check and batch write to the file what they print, and leave no temporary file', async () => {
    const check = await run(['check', 'fixtures/cloud-sme.json', ...AS_OF, '--format', 'json']);
    const file = join(tmp.dir, 'check.json');
    const written = await run(['check', 'fixtures/cloud-sme.json', ...AS_OF, '--format', 'json', '-o', file]);
    expect(written.code).toBe(0);
    expect(written.stdout).toBe('');
    expect(readFileSync(file, 'utf8')).toBe(check.stdout);
    const batchFile = join(tmp.dir, 'results.csv');
    expect((await run(['batch', ...TWO, ...AS_OF, '--format', 'csv', '-o', batchFile])).code).toBe(0);
    expect(readFileSync(batchFile, 'utf8')).toBe((await run(['batch', ...TWO, ...AS_OF, '--format', 'csv'])).stdout);
    expect(readdirSync(tmp.dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('an unwritable place is a usage error, and an old file survives a failed run', async () => {
    const missing = await run(['check', 'fixtures/cloud-sme.json', '-o', join(tmp.dir, 'no-such-folder', 'x.json')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('no-such-folder/x.json: cannot write: no such folder');
    const file = join(tmp.dir, 'keep.ndjson');
    writeFileSync(file, 'old\n');
    writeFileSync(join(tmp.dir, 'empty.ndjson'), '');
    const r = await run(['batch', join(tmp.dir, 'empty.ndjson'), '-o', file]);
    expect(r.code).toBe(2);
    expect(readFileSync(file, 'utf8')).toBe('old\n');
    expect(readdirSync(tmp.dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});

describe('GateReport', () => {
  it('counts enterprises per gate, lists the first twenty, and never sends a control character to the terminal', () => {
    const report = new GateReport([{ policy: 'P10', status: 'needs-info' }]);
    for (let i = 1; i <= 22; i++) {
      report.add({ input: { file: 'r.ndjson', line: i }, name: i === 1 ? 'Evil\u001b[2J Ltd' : `E${i}`, creditCode: null, trips: [{ gate: 'P10:needs-info', policy: 'P10', status: 'needs-info', missing: [] }] });
    }
    const lines = report.text().trimEnd().split('\n');
    expect(lines[0]).toBe('policy-calc: --fail-on P10:needs-info: 22 enterprise(s) have P10 needs-info');
    expect(lines[1]).toBe('policy-calc:   r.ndjson:1  Evil\\u001b[2J Ltd: P10');
    expect(lines).toHaveLength(1 + 20 + 1);
    expect(lines.at(-1)).toBe('policy-calc:   ... and 2 more');
    expect(report.tripped).toBe(true);
    expect(new GateReport([]).text()).toBe('');
  });
});
