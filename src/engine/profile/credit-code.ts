/**
 * Unified social credit code, GB 32100-2015: 18 characters from a 31-character alphabet (no I,
 * O, Z, S, V); the 18th is a check character computed modulo 31 with weights 3^(i-1) mod 31.
 */
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export function creditCodeCheckCharacter(first17: string): string | undefined {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = ALPHABET.indexOf(first17[i] ?? '');
    if (v < 0) return undefined;
    sum += v * (WEIGHTS[i] ?? 0);
  }
  return ALPHABET[(31 - (sum % 31)) % 31];
}

/** Returns undefined when the code is valid, else what is wrong with it. */
export function creditCodeProblem(code: string): string | undefined {
  if (code.length !== 18) return `has ${code.length} characters; a unified social credit code has 18`;
  const bad = [...code].findIndex((c) => !ALPHABET.includes(c));
  if (bad >= 0) return `character ${bad + 1} ("${code[bad]}") is not allowed (digits and capitals except I, O, Z, S, V)`;
  if (!/^\d{6}$/.test(code.slice(2, 8))) return 'characters 3-8 must be the 6-digit administrative division code';
  const expected = creditCodeCheckCharacter(code.slice(0, 17));
  if (expected !== code[17]) return `check character is "${code[17]}" but should be "${expected}"; the code has a typo`;
  return undefined;
}

/** Characters 3-8: the administrative division code of the registering authority. */
export function divisionCode(code: string): string {
  return code.slice(2, 8);
}
