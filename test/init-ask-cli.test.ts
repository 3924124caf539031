import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { cli, ROOT, run } from './cli-helpers.js';

/** The exit codes and one-line messages of init and ask, in-process (ask without a terminal: the built CLI). */
const dir = () => mkdtempSync(join(tmpdir(), 'policy-calc-init-'));

describe('init', () => {
  it('writes a starting profile whose placeholders check names, and which an editor validates with $schema', async () => {
    const d = dir();
    const file = join(d, 'my.json');
    const r = await run(['init', '-o', file]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('policy-calc ask');
    const profile = JSON.parse(readFileSync(file, 'utf8'));
    expect(Object.keys(profile)).toEqual(['$schema', 'name', 'registrationDate']);
    expect(readFileSync(resolve(d, profile.$schema), 'utf8')).toBe(readFileSync(join(ROOT, 'schema', 'profile.schema.json'), 'utf8'));
    // Never evaluated as if it described an enterprise: check refuses it and says what to replace.
    const check = await run(['check', file]);
    expect(check.code).toBe(2);
    expect(check.stdout).toBe('');
    expect(check.stderr).toMatch(/name: is still the placeholder written by `policy-calc init`: replace it with the enterprise’s registered name/);
    expect(check.stderr).toMatch(/registrationDate: is still the placeholder "YYYY-MM-DD" .*replace it with the date/);
    // No temporary file is left beside it.
    expect(readdirSync(d)).toEqual(['my.json']);
  });

  it('prints to stdout without -o', async () => {
    const r = await run(['init']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ $schema: './schema/profile.schema.json', registrationDate: 'YYYY-MM-DD' });
  });

  it('never replaces a file without --force', async () => {
    const file = join(dir(), 'company.json');
    writeFileSync(file, '{"keep": true}\n');
    const r = await run(['init', '-o', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`policy-calc: ${file}: already exists; give --force to replace it, or another name with -o\n`);
    expect(readFileSync(file, 'utf8')).toBe('{"keep": true}\n');
    expect((await run(['init', '-o', file, '--force'])).code).toBe(0);
    expect(JSON.parse(readFileSync(file, 'utf8')).name).toBe('<企业名称 enterprise name>');
  });

  it('--example copies a bundled fixture, which check evaluates', async () => {
    const file = join(dir(), 'ex.json');
    expect((await run(['init', '--example', 'cloud-sme', '-o', file])).code).toBe(0);
    const copy = JSON.parse(readFileSync(file, 'utf8'));
    const { $schema: _a, ...original } = JSON.parse(readFileSync(join(ROOT, 'fixtures', 'cloud-sme.json'), 'utf8'));
    const { $schema: _b, ...copied } = copy;
    expect(copied).toEqual(original);
    expect((await run(['check', file, '--as-of', '2018-06-30'])).code).toBe(0);
  });

  it('--example with an unknown name lists the names', async () => {
    const r = await run(['init', '--example', 'cloud']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'policy-calc: --example: no example named "cloud" (did you mean "cloud-sme"?); the examples are: cloud-sme, design-firm, hotel-hot-spring, regional-hq, sparse\n',
    );
  });
});

describe('ask without a terminal', () => {
  it('refuses in one line and exits 2, writing nothing', () => {
    const d = dir();
    const r = cli(['ask', join(d, 'new.json')], { input: 'answers\n' });
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^policy-calc: ask puts its questions on a terminal, and there is none here/);
    expect(readdirSync(d)).toEqual([]);
  });
});
