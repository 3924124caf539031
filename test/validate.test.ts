import { describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from './cli-helpers.js';

const fixtures = readdirSync('fixtures').filter((f) => f.endsWith('.json')).map((f) => `fixtures/${f}`);
const tmp = mkdtempSync(join(tmpdir(), 'validate-'));
const bad = join(tmp, 'bad.json');
writeFileSync(bad, JSON.stringify({ name: 'x', registrationDate: '2017-02-30', industry: 'cloud', fiscalYears: { '2017': { revenue: '1,000' } } }, null, 2));
const syntax = join(tmp, 'syntax.json');
writeFileSync(syntax, '{\n  "name": "x",\n  "registrationDate": "2017-01-01",\n}\n');

describe('policy-calc validate', () => {
  it('says "ok" for each valid profile, one line each, and exits 0', async () => {
    const r = await run(['validate', ...fixtures]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(fixtures.map((f) => `${f}: ok\n`).join(''));
    expect(r.stderr).toBe('');
  });

  it('gives each problem with file and path, and exits 2 when any profile is invalid', async () => {
    const r = await run(['validate', fixtures[0]!, bad]);
    expect(r.code).toBe(2);
    expect(r.stdout.split('\n')).toEqual([
      `${fixtures[0]}: ok`,
      `${bad}:3:23: registrationDate: date "2017-02-30" is not a real date: 2017-02 has no day 30`,
      expect.stringMatching(new RegExp(`^${bad}:4:15: industry: "cloud" is not a known industry \\(did you mean "cloud-bigdata"\\?\\)`)),
      `${bad}:7:18: fiscalYears.2017.revenue: money "1,000" contains a comma; write "1234567.89" without separators`,
      '',
    ]);
  });

  it('names the line and column of a JSON syntax error, and an unreadable file', async () => {
    const r = await run(['validate', syntax, join(tmp, 'missing.json')]);
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(new RegExp(`^${syntax}:4:1: `, 'm'));
    expect(r.stdout).toContain(`${join(tmp, 'missing.json')}: cannot read: no such file`);
  });

  it('reads stdin for "-" as batch does: NDJSON, each profile by its line', async () => {
    const r = await run(['validate', '-'], { input: '{"name":"x","registrationDate":"2017-01-01"}' });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('<stdin>:1: ok\n');
  });

  it('--format json gives one entry per file', async () => {
    const r = await run(['validate', '--format', 'json', fixtures[0]!, bad]);
    expect(r.code).toBe(2);
    const out = JSON.parse(r.stdout);
    expect(out).toHaveLength(2);
    expect(out[0]).toEqual({ file: fixtures[0], valid: true, issues: [] });
    expect(out[1].valid).toBe(false);
    expect(out[1].issues.map((i: { path: string }) => i.path)).toEqual(['registrationDate', 'industry', 'fiscalYears.2017.revenue']);
  });
});
