import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { escapeControls, escapeControlsDeep } from './control-chars.js';

/** Every plain object and array copied, every string and key escaped: what the renderers must see. */
function reference(value: unknown): unknown {
  if (typeof value === 'string') return escapeControls(value);
  if (Array.isArray(value)) return value.map(reference);
  if (value !== null && typeof value === 'object' && [Object.prototype, null].includes(Object.getPrototypeOf(value))) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [escapeControls(k), reference(v)]));
  }
  return value;
}

const text = fc.oneof(fc.constantFrom('重庆', 'ok', '\x1b]52;c;SGk=\x07', 'a\nb', '\u202eevil', 'tab\t'), fc.string({ maxLength: 4 }));

describe('escapeControlsDeep', () => {
  it('gives every string and key escaped, in plain objects and arrays at any depth', () => {
    const value = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: 'small' }, text, fc.integer(), fc.boolean(), fc.constant(null), fc.array(tie('node'), { maxLength: 3 }), fc.dictionary(text, tie('node'), { maxKeys: 3 })),
    })).node;
    fc.assert(
      fc.property(value, (v) => {
        expect(escapeControlsDeep(v)).toEqual(reference(v));
      }),
      { numRuns: 500 },
    );
  });

  it('hands back the value itself where nothing needs escaping, and never changes the value it is given', () => {
    const clean = { name: '重庆云数据有限公司', benefits: [{ id: 'P01', notes: ['ok'] }], amount: 12 };
    expect(escapeControlsDeep(clean)).toBe(clean);
    const hostile = { name: 'ok', benefits: [{ id: 'P01', notes: ['x\x1b[2J'] }] };
    const escaped = escapeControlsDeep(hostile);
    expect(escaped).not.toBe(hostile);
    expect(escaped.benefits[0]!.notes[0]).toBe('x\\x1b[2J');
    expect(hostile.benefits[0]!.notes[0]).toBe('x\x1b[2J');
  });
});
