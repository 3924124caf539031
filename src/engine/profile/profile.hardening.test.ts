import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { PolicyCalcError } from '../support/errors.js';
import { decodeUtf8, firstInvalidUtf8, flattenUnions, parseProfile, zodIssues } from './profile.js';
import { lineColumn, readJson } from './json-reader.js';

function issuesOf(f: () => unknown) {
  try {
    f();
  } catch (e) {
    if (e instanceof PolicyCalcError) return e.issues;
    throw e;
  }
  throw new Error('expected a PolicyCalcError');
}

describe('firstInvalidUtf8', () => {
  const at = (...bytes: number[]) => firstInvalidUtf8(Uint8Array.from(bytes));
  it('passes well-formed text of every length', () => {
    const text = Buffer.from('a é 重 😀', 'utf8');
    expect(firstInvalidUtf8(text)).toBe(text.length);
  });
  it('finds the first bad byte', () => {
    expect(at(0x41, 0xd6, 0xd0)).toBe(1); // GBK 中: D6 D0, a lead byte followed by a non-continuation
    expect(at(0x41, 0xc0, 0x80)).toBe(1); // overlong
    expect(at(0xe0, 0x80, 0x80)).toBe(0); // overlong 3-byte
    expect(at(0xed, 0xa0, 0x80)).toBe(0); // a UTF-16 surrogate
    expect(at(0xf4, 0x90, 0x80, 0x80)).toBe(0); // beyond U+10FFFF
    expect(at(0xf5, 0x80, 0x80, 0x80)).toBe(0);
    expect(at(0x41, 0x80)).toBe(1); // a stray continuation byte
    expect(at(0x41, 0xe9, 0x87)).toBe(1); // truncated at the end
  });
});

describe('decodeUtf8', () => {
  it('names the line, column and JSON path of the first bad byte', () => {
    const bytes = Buffer.concat([Buffer.from('{\n  "district": "渝北区",\n  "name": "'), Buffer.from([0xd6, 0xd0]), Buffer.from('"\n}')]);
    const [issue] = issuesOf(() => decodeUtf8(bytes, 'x.json'));
    expect(issue).toMatchObject({ file: 'x.json', line: 3, column: 12, path: 'name' });
    expect(issue!.message).toMatch(/^byte 0xd6 is not valid UTF-8/);
  });
});

describe('parseProfile locates schema issues', () => {
  it('gives line and column of the value, or of the nearest parent for a missing key, in file order', () => {
    const text = '{\n  "name": "x",\n  "registrationDate": "2017-03-15",\n  "fiscalYears": {\n    "2017": { "revenue": "-1" }\n  },\n  "headquarters": {}\n}';
    const issues = issuesOf(() => parseProfile(text, 'p.json'));
    expect(issues).toEqual([
      expect.objectContaining({ path: 'fiscalYears.2017.revenue', line: 5, column: 26 }),
      expect.objectContaining({ path: 'headquarters.type', line: 7, column: 19 }),
    ]);
  });
  it('says what a fiscal year key should be', () => {
    const [issue] = issuesOf(() => parseProfile('{"name":"x","registrationDate":"2017-03-15","fiscalYears":{"FY2017":{}}}', 'p.json'));
    expect(issue!.path).toBe('fiscalYears.FY2017');
    expect(issue!.message).toBe('key "FY2017" is not allowed here: a fiscal year key must be a year like "2017"');
  });
});

describe('one plain message per wrong value', () => {
  const messages = (extra: string) =>
    issuesOf(() => parseProfile(`{"name": "x", "registrationDate": "2017-03-15", ${extra}}`, 'f.json')).map((i) => `${i.path}: ${i.message}`);
  it('a value of the wrong type: what was expected and what was found, not "is required"', () => {
    expect(messages('"$schema": 5')).toEqual(['$schema: expected a string, got a number']);
  });
  it('no second message from checks zod runs after the type failed', () => {
    expect(messages('"land": [{"id": []}]')).toEqual(['land[0].id: expected a string, got an array']);
  });
  it('a missing required field is "is required"', () => {
    expect(messages('"utilities": [{"unit": "kWh"}]')).toEqual(['utilities[0].kind: is required']);
  });
  it('a word with an "e" in it is not exponent notation', () => {
    expect(messages('"fiscalYears": {"2017": {"revenue": "key"}}')).toEqual(['fiscalYears.2017.revenue: money "key" is not a decimal number like "1234.56"']);
    expect(messages('"fiscalYears": {"2017": {"revenue": "1E5"}}')[0]).toMatch(/uses exponent notation/);
  });
  it('no suggestion that shares nothing with the input', () => {
    expect(messages('"fiscalYears": {"2017": {"<-": 1}}')).toEqual(['fiscalYears.2017["<-"]: unknown key "<-"; unknown keys are refused so that a typo cannot drop a fact']);
  });
});

describe('flattenUnions', () => {
  const cond = z.union([z.strictObject({ all: z.array(z.string()) }), z.strictObject({ fact: z.string(), op: z.enum(['isTrue', 'isFalse']) })]);
  it('reports the branch the value was meant for, not "Invalid input"', () => {
    const r = z.object({ rules: z.array(cond) }).safeParse({ rules: [{ fact: 'x', op: 'isTure' }] });
    const flat = flattenUnions(r.error!.issues);
    expect(flat).toHaveLength(1);
    expect(flat[0]!.path).toEqual(['rules', 0, 'op']);
    expect(zodIssues(flat)[0]!.message).toMatch(/isTrue/);
  });
  it('picks the other branch when that one is meant', () => {
    const r = cond.safeParse({ all: [1] });
    expect(flattenUnions(r.error!.issues).map((i) => i.path)).toEqual([['all', 0]]);
  });
});

describe('strict JSON reader messages', () => {
  const fail = (text: string) => {
    try {
      readJson(text);
    } catch (e) {
      return (e as Error).message;
    }
    return 'no error';
  };
  it('names a trailing comma and a comment', () => {
    expect(fail('{"a": 1,}')).toBe('a comma before "}": JSON allows no trailing comma');
    expect(fail('[1, 2,]')).toBe('a comma before "]": JSON allows no trailing comma');
    expect(fail('{"a": ]}')).toBe('unexpected character "]"; expected a value');
    expect(fail('{ // x\n}')).toBe('comments are not allowed in JSON');
    expect(fail('{"a": /* x */ 1}')).toBe('comments are not allowed in JSON');
  });
  it('records where each value starts when asked', () => {
    const offsets = new Map<string, number>();
    const text = '{\n "a": [1, {"b": "x"}]\n}';
    readJson(text, offsets);
    expect(lineColumn(text, offsets.get('a[1].b')!)).toEqual({ line: 2, column: 17 });
    expect(offsets.get('')).toBe(0);
  });
});
