import { describe, expect, it } from 'vitest';
import { creditCodeCheckCharacter, creditCodeProblem } from './credit-code.js';

describe('unified social credit code (GB 32100-2015)', () => {
  it('accepts codes whose check character is right', () => {
    // Worked by hand: Σ value × 3^(i-1) mod 31 over the first 17 characters, check = 31 − (Σ mod 31)
    expect(creditCodeCheckCharacter('91500112MA5U7K3X2')).toBe('3');
    expect(creditCodeProblem('91500112MA5U7K3X23')).toBeUndefined();
    expect(creditCodeProblem('91110108MA01AB3C5N')).toBeUndefined();
  });

  it('names what is wrong', () => {
    expect(creditCodeProblem('91500112MA5U7K3X24')).toMatch(/should be "3"/);
    expect(creditCodeProblem('91500112MA5U7K3X2')).toMatch(/17 characters/);
    expect(creditCodeProblem('91500112MA5U7K3XI3')).toMatch(/character 17/);
    expect(creditCodeProblem('91AB0112MA5U7K3X23')).toMatch(/division code/);
  });
});
