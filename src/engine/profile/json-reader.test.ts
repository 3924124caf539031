import { describe, expect, it } from 'vitest';
import { ExactNumber, JsonReadError, readJson } from './json-reader.js';

function failure(text: string): JsonReadError {
  try {
    readJson(text);
  } catch (e) {
    if (e instanceof JsonReadError) return e;
    throw e;
  }
  throw new Error('expected a JsonReadError');
}

describe('readJson', () => {
  it('reads what JSON.parse reads', () => {
    const text = '{"a":[1,-2.5,true,false,null,"x\\n\\u4e2d"],"b":{"c":{}},"d":[]}';
    expect(readJson(text)).toEqual(JSON.parse(text));
  });

  it('keeps the text of numbers a float would change', () => {
    const v = readJson('{"a": 1234.565, "b": 0.1, "c": 1.10, "d": 12345678901234567890}') as Record<string, unknown>;
    expect(v.b).toBe(0.1);
    expect(v.c).toEqual(new ExactNumber('1.10'));
    expect(v.d).toEqual(new ExactNumber('12345678901234567890'));
    // 1234.565 prints back as itself, so the float is exact enough to recover the text
    expect(String(v.a)).toBe('1234.565');
  });

  it.each([
    ['{"a": 1', 'unexpected end of input; an object is not closed', 8],
    ['{"a": 1 "b": 2}', 'expected "," or "}"', 9],
    ['[1, 2', 'unexpected end of input; an array is not closed', 6],
    ['[1 2]', 'expected "," or "]"', 4],
  ])('says where a container goes wrong: %s', (text, message, column) => {
    const e = failure(text);
    expect(e.message).toContain(message);
    expect(e.column).toBe(column);
  });

  it('refuses duplicate keys with their path and line', () => {
    const e = failure('{\n  "fiscalYears": {\n    "2017": {},\n    "2017": {}\n  }\n}');
    expect(e.message).toMatch(/duplicate key "2017"/);
    expect(e.path).toBe('fiscalYears.2017');
    expect(e.line).toBe(4);
  });

  it.each(['__proto__', 'constructor', 'prototype'])('refuses the key %s anywhere', (key) => {
    const e = failure(`{"land": [{"${key}": {"polluted": true}}]}`);
    expect(e.message).toContain(`"${key}" is not allowed`);
    expect(e.path).toBe(`land[0].${key}`);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('reports truncated input, trailing text and an empty file', () => {
    expect(failure('{"name": "x"').message).toMatch(/not closed|end of input/);
    expect(failure('{} {}').message).toMatch(/after the end/);
    expect(failure('   ').message).toMatch(/empty/);
  });

  it('gives line and column of a syntax error', () => {
    const e = failure('{\n  "a": 1,\n  "b": tru\n}');
    expect([e.line, e.column]).toEqual([3, 8]);
  });

  it('refuses nesting deeper than 64 levels without overflowing the stack', () => {
    expect(failure('['.repeat(100_000)).message).toMatch(/deeper than 64/);
  });

  it('skips a byte-order mark', () => {
    expect(readJson('\ufeff{"a":1}')).toEqual({ a: 1 });
  });
});
