import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readJsonBounded, readJsonFast } from './json-fast.js';
import { ExactNumber, JsonReadError, readJson } from './json-reader.js';

/** What the reader gives for a text: its value, or its error's words and place. */
function outcome(read: (t: string) => unknown, text: string): unknown {
  try {
    return { value: read(text) };
  } catch (e) {
    if (!(e instanceof JsonReadError)) throw e;
    return { error: e.message, line: e.line, column: e.column, path: e.path };
  }
}

// Numbers that print back as themselves and numbers that do not; keys that collide and keys the
// reader refuses; strings with escapes, quotes, colons and brackets inside them.
const numberText = fc.oneof(
  fc.integer().map(String),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map(String),
  fc.constantFrom('-0', '1.10', '1e5', '1E+2', '0.5', '12345678901234567890', '123456789012345', '-9007199254740993', '1234.565'),
);
const stringText = fc.oneof(
  fc.string().map((s) => JSON.stringify(s)),
  fc.constantFrom('"a\\"b"', '"\\\\"', '"x:y{["', '"\\u4e2d"', '"\\ud800"', '"重庆"'),
);
const key = fc.oneof(fc.constantFrom('a', 'b', '2018', '__proto__', 'constructor', 'prototype', 'a:b', 'x\\"'), fc.string({ maxLength: 3 }));
const json: fc.Arbitrary<string> = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, numberText, stringText, fc.constantFrom('true', 'false', 'null'), tie('array'), tie('object')),
  array: fc.array(tie('value'), { maxLength: 4 }).map((xs) => `[${xs.join(',')}]`),
  object: fc.array(fc.tuple(key, tie('value')), { maxLength: 4 }).map((ms) => `{${ms.map(([k, v]) => `${JSON.stringify(k)}: ${v}`).join(', ')}}`),
})).value as fc.Arbitrary<string>;

describe('readJsonFast', () => {
  it('gives what the strict reader gives, value or error, for any text', () => {
    const damaged = fc.tuple(json, fc.nat(), fc.constantFrom('', ',', '}', '"', ':', '\u0001', '\ufeff')).map(([t, at, s]) => {
      const k = at % (t.length + 1);
      return t.slice(0, k) + s + t.slice(k);
    });
    fc.assert(
      fc.property(fc.oneof(json, damaged), (text) => {
        expect(outcome(readJsonFast, text)).toEqual(outcome(readJson, text));
      }),
      { numRuns: 3000 },
    );
  });

  it('says an array bound holds only where every array of the value is within it', () => {
    /** The longest array anywhere in a value. */
    const longest = (v: unknown): number => {
      if (Array.isArray(v)) return Math.max(v.length, ...v.map(longest));
      if (v !== null && typeof v === 'object') return Math.max(0, ...Object.values(v).map(longest));
      return 0;
    };
    let bounded = 0;
    let unbounded = 0;
    fc.assert(
      fc.property(json, fc.integer({ min: 0, max: 4 }), (text, max) => {
        const r = (() => {
          try {
            return readJsonBounded(text, max);
          } catch {
            return undefined;
          }
        })();
        if (!r) return;
        expect({ value: r.value }).toEqual(outcome(readJson, text));
        if (r.bounded) {
          bounded++;
          expect(longest(r.value)).toBeLessThanOrEqual(max);
        } else if (longest(r.value) > max) unbounded++;
      }),
      { numRuns: 2000 },
    );
    expect(bounded).toBeGreaterThan(50);
    expect(unbounded).toBeGreaterThan(50);
  });

  it('keeps the text of numbers a float would change, as the reader does', () => {
    const v = readJsonFast('{"a": 1.10, "b": -0, "c": 12345678901234567890, "d": 0.5, "e": 770}') as Record<string, unknown>;
    expect(v).toEqual({ a: new ExactNumber('1.10'), b: new ExactNumber('-0'), c: new ExactNumber('12345678901234567890'), d: 0.5, e: 770 });
  });

  it.each([
    ['{"a": 1, "a": 2}', 'duplicate key "a"; each key may appear once'],
    ['{"x": {"__proto__": {}}}', 'the key "__proto__" is not allowed'],
    ['{"constructor": 1}', 'the key "constructor" is not allowed'],
    [`${'['.repeat(65)}${']'.repeat(65)}`, 'nesting deeper than 64 levels'],
  ])('refuses %s with the reader\'s words', (text, message) => {
    expect(() => readJsonFast(text)).toThrow(message);
  });

  it('reads a key with colons and quotes inside it as one member', () => {
    expect(readJsonFast('{"a:\\"b": "c:d", "e": [1, {"f": "}"}]}')).toEqual({ 'a:"b': 'c:d', e: [1, { f: '}' }] });
  });
});
