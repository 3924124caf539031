import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PolicyCalcError } from '../support/errors.js';
import { loadRules } from './rule-set.js';

const shipped = fileURLToPath(new URL('../../../rules', import.meta.url));

/** A copy of the shipped rules with one file edited. */
function brokenCopy(file: string, edit: (text: string) => string): string {
  const dir = mkdtempSync(join(tmpdir(), 'policy-calc-rules-'));
  cpSync(shipped, dir, { recursive: true });
  const path = join(dir, file);
  const before = readFileSync(path, 'utf8');
  const after = edit(before);
  expect(after, 'the edit must change the file').not.toBe(before);
  writeFileSync(path, after);
  return dir;
}

/** The 1-based line of the first occurrence of `needle` in a rule file of the copy. */
function lineIn(dir: string, file: string, needle: string): number {
  const lines = readFileSync(join(dir, file), 'utf8').split('\n');
  const i = lines.findIndex((l) => l.includes(needle));
  expect(i, `${needle} in ${file}`).toBeGreaterThanOrEqual(0);
  return i + 1;
}

function loadErrors(dir: string) {
  try {
    loadRules(dir);
  } catch (e) {
    expect(e).toBeInstanceOf(PolicyCalcError);
    return (e as PolicyCalcError).issues;
  }
  throw new Error('the rules loaded');
}

const P09 = 'policies/p09-western-development-rate.yaml';

describe('loading rules', () => {
  it('loads the shipped rules and orders P09 before P12, which reads it', () => {
    const rules = loadRules(shipped);
    const order = rules.order.map((p) => p.def.id);
    expect(order.indexOf('P09')).toBeLessThan(order.indexOf('P12'));
    expect(rules.policies.map((p) => p.def.article)).toEqual([...rules.policies.map((p) => p.def.article)].sort((a, b) => a - b));
    expect(rules.version).toMatch(/^2016\.11\.1\+[0-9a-f]{8}$/);
  });

  it('reports an unknown fact with file and line', () => {
    const dir = brokenCopy(P09, (t) => t.replace('fact: encouragedCatalog', 'fact: encouragedCatalogue'));
    expect(loadErrors(dir)).toEqual([
      expect.objectContaining({ file: join(dir, P09), line: lineIn(dir, P09, 'fact: encouragedCatalogue'), message: 'unknown fact "encouragedCatalogue" (did you mean "encouragedCatalog"?)' }),
    ]);
  });

  it('reports an unknown operator, with the operators that exist', () => {
    const dir = brokenCopy(P09, (t) => t.replace('op: gte', 'op: atLeast'));
    expect(loadErrors(dir)[0]).toMatchObject({ line: lineIn(dir, P09, 'op: atLeast'), message: expect.stringMatching(/unknown operator "atLeast".*gte/) });
  });

  it('reports an unknown parameter in a formula and in a condition', () => {
    const dir = brokenCopy(P09, (t) => t.replace('param.cit.standard_rate', 'param.cit.standard').replace('{ param: cit.western_development.min_main_business_share }', '{ param: cit.minimum }'));
    expect(loadErrors(dir).map((i) => [i.line, i.message])).toEqual([
      [lineIn(dir, P09, 'param: cit.minimum'), 'unknown parameter "cit.minimum"'],
      [lineIn(dir, P09, 'param.cit.standard\n'.trim()), 'unknown parameter "cit.standard"'],
    ]);
  });

  it('reports a bad date in a parameter and in a condition', () => {
    const dir = brokenCopy('parameters/revenue-sharing.yaml', (t) => t.replace('"2016-05-01"', '"2016-02-30"'));
    expect(loadErrors(dir)[0]).toMatchObject({
      file: join(dir, 'parameters/revenue-sharing.yaml'),
      line: lineIn(dir, 'parameters/revenue-sharing.yaml', '"2016-02-30"'),
      message: expect.stringContaining('2016-02-30'),
    });
    const cond = loadErrors(brokenCopy('policies/p10-new-sme-subsidy.yaml', (t) => t.replace('"2018-01-01"', '"2017-12-32"')));
    expect(cond[0]).toMatchObject({ line: expect.any(Number), message: expect.stringContaining('bad date "2017-12-32"') });
  });

  it('reports a missing citation', () => {
    const issues = loadErrors(brokenCopy(P09, (t) => t.replace(/citation:\n(  .*\n)+/, '')));
    expect(issues[0]).toMatchObject({ path: 'citation', message: expect.stringMatching(/required|expected/i) });
  });

  it('reports an enum value the fact does not have', () => {
    const issues = loadErrors(brokenCopy('policies/p10-new-sme-subsidy.yaml', (t) => t.replace('value: [medium, small, micro]', 'value: [medium, small, tiny]')));
    expect(issues[0]!.message).toMatch(/"tiny" is not a value of this fact/);
  });

  it('reports every problem at once, across files', () => {
    const dir = brokenCopy(P09, (t) => t.replace('fact: encouragedCatalog', 'fact: nope'));
    const p10 = join(dir, 'policies/p10-new-sme-subsidy.yaml');
    writeFileSync(p10, readFileSync(p10, 'utf8').replace('fact: establishment', 'fact: nope2'));
    expect(loadErrors(dir).map((i) => i.message.replace(/ \(did you mean .*\)$/, ''))).toEqual(['unknown fact "nope"', 'unknown fact "nope2"']);
  });

  it('refuses a circular dependency between policies', () => {
    const issues = loadErrors(brokenCopy(P09, (t) => t.replace('    - id: sesi\n', '    - fact: policies.P12.eligible\n      op: isTrue\n    - id: sesi\n')));
    expect(issues.some((i) => /circular dependency between policies: P09 -> P12 -> P09|P12 -> P09 -> P12/.test(i.message))).toBe(true);
  });

  it('refuses YAML syntax errors and alias bombs with a location', () => {
    expect(loadErrors(brokenCopy(P09, (t) => t.replace('nature: entitlement', 'nature: [entitlement')))[0]!.line).toBeGreaterThan(0);
    const bomb = 'a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: [*d, *d, *d, *d, *d, *d, *d, *d, *d]\n';
    const issues = loadErrors(brokenCopy(P09, () => bomb));
    expect(issues[0]!.message).toMatch(/alias|resource/i);
  });
});
