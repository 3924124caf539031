import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isPolicyCalcError, MAX_ISSUES, parseProfile, type Issue } from '../src/engine/index.js';
import { parseDecimalText } from '../src/engine/index.js';
import { parseCalendarDate } from '../src/engine/index.js';
import { creditCodeProblem } from '../src/engine/index.js';
import { districtProblem } from '../src/engine/index.js';
import { lineColumn, lineColumns } from '../src/engine/index.js';
import { MAX_ITEMS } from '../src/engine/index.js';
import { closest } from '../src/engine/index.js';
import { MAX_ENTRIES, readYamlFile } from '../src/engine/index.js';

/**
 * Second hardening round, in-process: work bounded before it starts (issue 12 items 2-5). No test
 * here measures time (that is `npm run bench`): each feeds an input that used to take minutes or
 * overflow the stack, and a regression shows as a RangeError or a test that does not finish.
 */
const BASE = '{"name":"a","registrationDate":"2016-01-01"';

function refusal(text: string): Issue[] {
  try {
    parseProfile(text, 'p.json');
  } catch (e) {
    if (isPolicyCalcError(e)) return e.issues;
    throw e;
  }
  throw new Error('expected a refusal');
}

describe('arrays with more items than any enterprise has (item 2)', () => {
  it.each(['facilities', 'land', 'utilities', 'taxPayments'])('130,000 invalid items in %s: one problem, no stack overflow', (key) => {
    const issues = refusal(`${BASE},"${key}":[${Array(130_000).fill('1').join(',')}]}`);
    expect(issues).toEqual([{ file: 'p.json', path: key, line: 1, column: BASE.length + key.length + 5, message: `has 130000 items; at most ${MAX_ITEMS} are read (a profile describes one enterprise)` }]);
  });

  it(`${MAX_ITEMS} items each wrong in every field: the first ${MAX_ISSUES} problems and a count`, () => {
    // Each utility line: kind, quantity, unit, currentPrice, purpose, 3 reference prices wrong, 2 unknown keys: 10 problems.
    const item = '{"kind":1,"quantity":true,"unit":2,"currentPrice":[],"purpose":3,"referencePrices":{"industrial":true,"residential":true,"publicMedical":true,"q":1},"zz":1}';
    const issues = refusal(`${BASE},"utilities":[${Array(MAX_ITEMS).fill(item).join(',')}]}`);
    expect(issues).toHaveLength(MAX_ISSUES + 1);
    expect(issues.at(-1)).toEqual({ file: 'p.json', message: `and ${MAX_ITEMS * 10 - MAX_ISSUES} more problems; only the first ${MAX_ISSUES} are listed` });
    expect(issues.slice(0, MAX_ISSUES).every((i) => i.path?.startsWith('utilities[') && i.line === 1)).toBe(true);
  });
});

describe('text checks are linear whatever the text (item 3)', () => {
  // The shapes that make a backtracking pattern quadratic: long runs that almost match.
  const shapes: [string, (n: number) => string][] = [
    ['digits', (n) => '1'.repeat(n)],
    ['digits then a letter', (n) => `${'1'.repeat(n)}x`],
    ['digits, a point, digits, then e', (n) => `${'1'.repeat(n / 2)}.${'1'.repeat(n / 2)}e`],
    ['digits then e then a sign', (n) => `${'1'.repeat(n)}e+`],
    ['points', (n) => '.'.repeat(n)],
    ['minus signs', (n) => '-'.repeat(n)],
    ['digit-point pairs', (n) => '1.'.repeat(n / 2)],
    ['digits then an exponent', (n) => `${'9'.repeat(n)}e5`],
  ];
  it.each(shapes)('%s, 200,000 and 9,000,000 characters: a plain answer', (_, make) => {
    for (const n of [200_000, 9_000_000]) {
      const t = make(n);
      const money = parseDecimalText(t);
      expect(typeof money).toBe('string');
      expect(money).toMatch(/^(has more than 18 integer digits|has more than 30 decimals|uses exponent notation|is not a decimal number)/);
      expect(parseCalendarDate(t)).toBe('is not a date in the form YYYY-MM-DD');
      expect(typeof creditCodeProblem(t)).toBe('string');
      expect(typeof districtProblem(t)).toBe('string');
      expect(closest(t, ['revenue', 'mainBusinessRevenue'])).toBeUndefined();
    }
  });

  it('still reads every amount it read before, and says what is wrong with the rest', () => {
    expect(parseDecimalText('1'.repeat(18)).toString()).toBe('1'.repeat(18));
    expect(parseDecimalText(`0.${'1'.repeat(30)}`).toString()).toBe(`0.${'1'.repeat(30)}`);
    expect(parseDecimalText('1'.repeat(19))).toBe('has more than 18 integer digits');
    expect(parseDecimalText('1'.repeat(200_000))).toBe('has more than 18 integer digits');
    expect(parseDecimalText(`1.${'1'.repeat(200_000)}`)).toBe('has more than 30 decimals');
    expect(parseDecimalText(`${'1'.repeat(200_000)}e5`)).toMatch(/^uses exponent notation/);
    expect(parseDecimalText('6.2e6')).toMatch(/^uses exponent notation/);
  });

  it('a 9 MB amount in a profile is refused in one line that does not repeat it', () => {
    const issues = refusal(`${BASE},"fiscalYears":{"2017":{"revenue":"${'1'.repeat(9_000_000)}"}}}`);
    expect(issues).toHaveLength(1);
    expect(issues[0]!.message).toBe(`money "${'1'.repeat(80)}…" (9000000 characters) has more than 18 integer digits`);
  });
});

describe('many unknown keys (item 4)', () => {
  it(`50,000 unknown keys, one per line: the first ${MAX_ISSUES} at their lines, and a count`, () => {
    const keys = Array.from({ length: 50_000 }, (_, i) => `\n"qqq${i}": 1`);
    const issues = refusal(`${BASE},${keys.join(',')}}`);
    expect(issues).toHaveLength(MAX_ISSUES + 1);
    // Key i is on line i + 2 (line 1 holds name and registrationDate); its value starts after `"qqqI": `.
    issues.slice(0, MAX_ISSUES).forEach((iss, i) => {
      expect(iss).toEqual({ file: 'p.json', path: `qqq${i}`, line: i + 2, column: `"qqq${i}": `.length + 1, message: `unknown key "qqq${i}"; unknown keys are refused so that a typo cannot drop a fact` });
    });
    expect(issues.at(-1)!.message).toBe(`and ${50_000 - MAX_ISSUES} more problems; only the first ${MAX_ISSUES} are listed`);
  });

  it('a suggestion is still made for a near miss among them', () => {
    expect(refusal(`${BASE},"revnue":1}`)[0]!.message).toMatch(/did you mean "revenue"/);
  });

  it('locating many offsets in one pass gives what locating each does', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', '\n', '中', ' ') }), fc.array(fc.nat()), (text, raw) => {
        const offsets = raw.map((o) => o % (text.length + 1));
        const all = lineColumns(text, offsets);
        for (const o of offsets) expect(all.get(o)).toEqual(lineColumn(text, o));
      }),
      { numRuns: 500 },
    );
  });
});

describe('rule files with many keys (item 5)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'policy-calc-yaml-'));
  const write = (name: string, text: string) => {
    const file = join(dir, name);
    writeFileSync(file, text);
    return file;
  };

  it(`more than ${MAX_ENTRIES} keys is refused before parsing, in one line`, () => {
    const file = write('wide.yaml', Array.from({ length: 40_000 }, (_, i) => `k${i}: ${i}\n`).join(''));
    const issues: Issue[] = [];
    expect(readYamlFile(file, issues)).toBeUndefined();
    expect(issues).toEqual([{ file, message: `rule file has more than ${MAX_ENTRIES} keys and list items (40000 found); rule files are small, split it or write less` }]);
  });

  it('flow mappings and lists are counted too', () => {
    const file = write('flow.yaml', `a: {${Array.from({ length: 25_000 }, (_, i) => `k${i}`).join(', ')}}\n`);
    const issues: Issue[] = [];
    expect(readYamlFile(file, issues)).toBeUndefined();
    expect(issues[0]!.message).toMatch(/more than 20000 keys and list items/);
  });

  it('a duplicate key among many is found (linearly) at its line', () => {
    const n = MAX_ENTRIES - 10;
    const file = write('dup.yaml', `${Array.from({ length: n }, (_, i) => `k${i}: ${i}\n`).join('')}k17: again\n`);
    const issues: Issue[] = [];
    expect(readYamlFile(file, issues)).toBeUndefined();
    expect(issues).toEqual([{ file, line: n + 1, column: 1, message: 'Map keys must be unique: "k17" appears twice' }]);
  });
});
