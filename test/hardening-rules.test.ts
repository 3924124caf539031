import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { copyRules, expectRefused, runCli, spawnCli } from './hardening-helpers.js';

/**
 * `--rules DIR` is user input: a copy of the shipped rules with one thing broken per test. Each
 * is refused when the rules load, with "policy-calc: file:line: ..." and exit 2, or evaluated
 * safely; never a hang, a crash or a number computed from a rule that was not understood.
 */
// The few spawned runs are slow on a loaded machine; these tests wait for them rather than fail.
vi.setConfig({ testTimeout: 120_000 });

const P09 = 'policies/p09-western-development-rate.yaml';
const P12 = 'policies/p12-rd-extra-deduction.yaml';
const INCOME_TAX = 'parameters/income-tax.yaml';
const cleanups: (() => void)[] = [];
// Tests run concurrently: temp dirs are removed once all are done.
afterAll(() => cleanups.splice(0).forEach((f) => f()));

function rules(): { dir: string; edit: (file: string, from: string | RegExp, to: string) => void; write: (file: string, text: string) => void } {
  const r = copyRules();
  cleanups.push(r.remove);
  return {
    dir: r.dir,
    edit(file, from, to) {
      const path = join(r.dir, file);
      const before = readFileSync(path, 'utf8');
      const after = before.replace(from, to);
      // The shipped rule must still contain what the test breaks, or the test would test nothing.
      expect(after, `${file} no longer contains ${String(from)}`).not.toBe(before);
      writeFileSync(path, after);
    },
    write(file, text) {
      writeFileSync(join(r.dir, file), text);
    },
  };
}

const CHECK = ['check', 'fixtures/cloud-sme.json', '--as-of', '2019-06-30', '--format', 'json'];
const check = (dir: string, ...extra: string[]) => runCli([...CHECK, '--rules', dir, ...extra]);
/**
 * YAML nested past what the parser's stack holds is refused where the stack runs out, so how many
 * lines say so depends on the stack the CLI starts with: those cases run the CLI as users do.
 */
const spawnedCheck = (dir: string) => spawnCli([...CHECK, '--rules', dir]);

/** One refusal line for `file` in the rule dir, at `line` (and column when given). */
async function refused(dir: string, file: string, line: number | string, message: RegExp, run = check): Promise<void> {
  const r = await run(dir);
  const [l] = expectRefused(r, join(dir, file));
  expect(l!.slice(`policy-calc: ${join(dir, file)}`.length)).toMatch(new RegExp(`^:${line}(:\\d+)?: `));
  expect(l).toMatch(message);
}

describe.concurrent('hostile YAML', () => {
  it('an alias bomb (billion laughs) is refused at its first alias, quickly', async () => {
    const r = rules();
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 9; i++) {
      const [p, c] = [String.fromCharCode(96 + i), String.fromCharCode(97 + i)];
      levels.push(`${c}: &${c} [${Array(9).fill(`*${p}`).join(',')}]`);
    }
    r.write('parameters/lol.yaml', `${levels.join('\n')}\n`);
    const started = Date.now();
    await refused(r.dir, 'parameters/lol.yaml', '2:8', /refused: aliases expand too much \(more than 100 expansions\)/);
    // Expanded, 9^9 strings would take minutes and gigabytes; refused, it is one CLI start.
    expect(Date.now() - started).toBeLessThan(60_000);
  });

  it('10,000 nested flow lists are refused, not a stack overflow', async () => {
    const r = rules();
    r.write('parameters/deep.yaml', `x: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`);
    await refused(r.dir, 'parameters/deep.yaml', 1, /nesting too deep; rule files may nest at most 64 levels/);
  });

  it('10,000 nested block lists are refused', async () => {
    const r = rules();
    r.write('parameters/deep.yaml', `x:\n  ${'- '.repeat(10_000)}a\n`);
    await refused(r.dir, 'parameters/deep.yaml', 2, /nesting too deep/, spawnedCheck);
  });

  it('conditions nested 10,000 deep in a policy are refused', async () => {
    const r = rules();
    r.edit(P09, /eligibility:\n {2}all:/, `eligibility: ${'{not: '.repeat(10_000)}{fact: isSesi, op: isTrue}${'}'.repeat(10_000)}\nunused:\n  all:`);
    await refused(r.dir, P09, 20, /nesting too deep/, spawnedCheck);
  });

  it('an unknown tag is refused rather than read as a string', async () => {
    const r = rules();
    r.edit(INCOME_TAX, 'value: "0.25"', 'value: !decimal "0.25"');
    await refused(r.dir, INCOME_TAX, 11, /Unresolved tag: !decimal/);
  });

  it('a duplicate key is refused', async () => {
    const r = rules();
    r.edit(P09, 'nature: entitlement', 'nature: entitlement\nnature: discretionary');
    await refused(r.dir, P09, 4, /Map keys must be unique/);
  });

  it('a key named __proto__ is refused', async () => {
    const r = rules();
    r.edit(P12, 'defaults:\n', 'defaults:\n  __proto__: { polluted: true }\n');
    await refused(r.dir, P12, 21, /the key "__proto__" is not allowed/);
  });

  it('a file larger than 1 MB is refused without being parsed', async () => {
    const r = rules();
    r.write('parameters/huge.yaml', `# ${'x'.repeat(1_100_000)}\nhuge: {}\n`);
    const res = await check(r.dir);
    const [l] = expectRefused(res, join(r.dir, 'parameters/huge.yaml'));
    // A size has no line: the whole file is refused.
    const size = statSync(join(r.dir, 'parameters/huge.yaml')).size;
    expect(l).toBe(`policy-calc: ${join(r.dir, 'parameters/huge.yaml')}: rule file is ${size} bytes; at most 1000000 are read`);
  });

  it('a rule "file" that is a named pipe is refused instead of blocking forever', async () => {
    const r = rules();
    execFileSync('mkfifo', [join(r.dir, 'policies/p99-pipe.yaml')]);
    const res = await check(r.dir);
    expect(expectRefused(res, join(r.dir, 'policies/p99-pipe.yaml'))[0]).toMatch(/: is not a regular file$/);
  });
});

describe.concurrent('hostile rules', () => {
  it('a fact path through __proto__ is refused', async () => {
    const r = rules();
    r.edit(P09, 'fact: isSesi', 'fact: __proto__.x');
    await refused(r.dir, P09, 23, /eligibility\.all\.0\.fact: fact "__proto__\.x" goes through a forbidden name/);
  });

  it('item.__proto__ and constructor are refused too', async () => {
    const r = rules();
    r.edit('policies/p20-land-price-floor.yaml', 'fact: item.acquisition', 'fact: item.__proto__');
    r.edit(P09, 'fact: encouragedCatalog', 'fact: constructor');
    const res = await check(r.dir);
    const lines = expectRefused(res, r.dir, 2);
    expect(lines.join('\n')).toMatch(/p09-western-development-rate\.yaml:\d+: eligibility\.all\.2\.fact: fact "constructor" goes through a forbidden name/);
    expect(lines.join('\n')).toMatch(/p20-land-price-floor\.yaml:\d+: .*fact "item\.__proto__" goes through a forbidden name/);
  });

  it('an unknown operator is refused with its path and a suggestion', async () => {
    const r = rules();
    r.edit(P09, /op: isTrue/, 'op: isTure');
    await refused(r.dir, P09, 24, /eligibility\.all\.0\.op: unknown operator "isTure" \(did you mean "isTrue"\?\); expected one of eq, ne/);
  });

  it('an unknown fact is refused with a suggestion', async () => {
    const r = rules();
    r.edit(P09, 'fact: isSesi', 'fact: isSESI');
    await refused(r.dir, P09, 23, /unknown fact "isSESI" \(did you mean "isSesi"\?\)/);
  });

  it('a formula dividing by a literal zero is refused', async () => {
    const r = rules();
    r.edit(P09, /^amount: taxSaved$/m, 'amount: taxSaved / 0');
    await refused(r.dir, P09, 49, /amount: formula "taxSaved \/ 0": division by zero at column 10/);
  });

  it('a circular dependency between policies is refused', async () => {
    const r = rules();
    // P12 reads policies.P09.eligible; make P09 read P12 as well.
    r.edit(P09, 'eligibility:\n  all:\n', 'eligibility:\n  all:\n    - fact: policies.P12.eligible\n      op: isTrue\n');
    // reported at the reference that closes the cycle: the inserted check's fact, line 22
    await refused(r.dir, P09, 22, /eligibility\.all\.0\.fact: circular dependency between policies: P09 -> P12 -> P09/);
  });

  it('a dependency on a policy that is not in the rule set is refused', async () => {
    const r = rules();
    r.edit(P09, 'eligibility:\n  all:\n', 'eligibility:\n  all:\n    - fact: policies.P99.eligible\n      op: isTrue\n');
    await refused(r.dir, P09, 22, /eligibility\.all\.0\.fact: depends on policy P99, which is not in the rule set/);
  });

  it('a parameter value that is not a number is refused', async () => {
    const r = rules();
    r.edit(INCOME_TAX, 'value: "0.25"', 'value: "twenty-five percent"');
    await refused(r.dir, INCOME_TAX, 11, /cit\.standard_rate\.values\.2008-01-01\.value: expected a decimal number, got "twenty-five percent"/);
  });

  it('a parameter number that is infinite or NaN is refused', async () => {
    for (const bad of ['1e400', '.nan']) {
      const r = rules();
      r.edit(INCOME_TAX, 'value: "0.25"', `value: ${bad}`);
      await refused(r.dir, INCOME_TAX, '11:16', new RegExp(`the number ${bad.replace('.', '\\.')} is not finite`));
    }
  });

  it('a parameter number a float cannot hold is refused, not rounded', async () => {
    const r = rules();
    r.edit(INCOME_TAX, 'value: "0.25"', 'value: 0.250000000000000000001');
    await refused(r.dir, INCOME_TAX, '11:16', /the number 0\.250000000000000000001 would be read as 0\.25; write it as a string/);
  });

  it('a malformed SME size table is refused at load, not when a profile needs it', async () => {
    const r = rules();
    r.edit('parameters/sme.yaml', 'cloud-bigdata: software-it', 'cloud-bigdata: software');
    await refused(r.dir, 'parameters/sme.yaml', 16, /byIndustry\.cloud-bigdata: no row with id "software"/);
  });

  it('a rule set without the SME size table is refused where a policy needs size', async () => {
    const r = rules();
    r.write('parameters/sme.yaml', '# removed\n{}\n');
    // P10 and P16 both read the size: one line each, at the check that reads it
    const res = await check(r.dir);
    expect(res.code).toBe(2);
    const lines = res.stderr.trim().split('\n');
    expect(lines).toEqual([
      expect.stringMatching(new RegExp(`^policy-calc: ${join(r.dir, 'policies/p10-new-sme-subsidy.yaml')}:33: eligibility\\.all\\.2\\.fact: fact "sizeAtOpening" is derived from parameter "sme\\.size_table", which the rule set does not define$`)),
      expect.stringMatching(/p16-loan-risk-pool\.yaml:\d+: eligibility\.all\.2\.fact: fact "size" is derived from parameter "sme\.size_table"/),
    ]);
  });
});

describe.concurrent('rules that load but misbehave at run time are handled safely', () => {
  it('dividing by a fact that is zero: needs-info with a note, not counted, no crash', async () => {
    const r = rules();
    r.edit(P09, /^amount: taxSaved$/m, 'amount: taxSaved / year.rdIntangibleAmortization');
    // cloud-sme.json has rdIntangibleAmortization "0.00" in 2017.
    const res = await check(r.dir, '--year', '2017');
    expect(res.stderr).toBe('');
    expect(res.code).toBe(0);
    const out = JSON.parse(res.stdout) as { benefits: { id: string; status: string; amount: string | null; countedInTotal: boolean; notes: { en: string }[] }[]; totals: { amount: string } };
    const p09 = out.benefits.find((b) => b.id === 'P09')!;
    expect(p09.status).toBe('needs-info');
    expect(p09.amount).toBeNull();
    expect(p09.countedInTotal).toBe(false);
    expect(p09.notes.map((n) => n.en)).toContain('The amount cannot be computed: a formula divides by zero (year.rdIntangibleAmortization is 0)');
    // The total is the others' sum: P09's would-be amount is nowhere in it.
    const sum = out.benefits.filter((b) => b.countedInTotal).reduce((s, b) => s + Math.round(Number(b.amount) * 100), 0);
    expect(Math.round(Number(out.totals.amount) * 100)).toBe(sum);

    const table = await check(r.dir, '--year', '2017', '--format', 'table', '--explain', '--lang', 'en');
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/P09 .*\? needs info/);
    expect(table.stdout).toContain('a formula divides by zero (year.rdIntangibleAmortization is 0)');
  });

  it('a citation with HTML loads and is carried as literal text', async () => {
    const r = rules();
    const html = '<script>alert("x")</script><b>战略性新兴服务业</b> & more';
    r.edit(P09, /^ {2}text: ".*"$/m, `  text: ${JSON.stringify(html)}`);
    const res = await check(r.dir);
    expect(res.code).toBe(0);
    const out = JSON.parse(res.stdout) as { benefits: { id: string; citation: { text: string } }[] };
    expect(out.benefits.find((b) => b.id === 'P09')!.citation.text).toBe(html);
    const table = await check(r.dir, '--format', 'table', '--explain', '--lang', 'en');
    expect(table.stdout).toContain(`Article 9: ${html}`);
  });
});

describe('the shipped rules pass every check above', () => {
  it('load and evaluate', async () => {
    const dir = rules().dir;
    mkdirSync(join(dir, 'policies'), { recursive: true });
    const res = await check(dir);
    expect(res.stderr).toBe('');
    expect(res.code).toBe(0);
  });
});
