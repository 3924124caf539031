import { describe, expect, it } from 'vitest';
import { and, or } from '../support/unknown.js';
import { Unknown } from '../support/unknown.js';

const u = (...m: string[]) => new Unknown(m);

describe('three-valued logic', () => {
  it('all: a failure wins over anything unknown', () => {
    expect(and([true, u('a'), false])).toBe(false);
    expect(and([true, true])).toBe(true);
    const r = and([true, u('a'), u('b', 'a')]);
    expect(r).toBeInstanceOf(Unknown);
    expect((r as Unknown).missing).toEqual(['a', 'b']);
  });

  it('any: a pass wins over anything unknown, and unknowns are only reported when they matter', () => {
    expect(or([false, u('a'), true])).toBe(true);
    expect(or([false, false])).toBe(false);
    expect((or([false, u('a')]) as Unknown).missing).toEqual(['a']);
  });

  it('empty all is true and empty any is false', () => {
    expect(and([])).toBe(true);
    expect(or([])).toBe(false);
  });
});
