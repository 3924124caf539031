import { FORBIDDEN_KEYS, MAX_DEPTH, readJson } from './json-reader.js';

/**
 * The strict reader's result at JSON.parse's speed, where the two are sure to agree. The reader
 * (json-reader.ts) is a JavaScript loop over every character and costs about twice JSON.parse; on
 * a batch it is a tenth of the CPU. JSON.parse alone would be wrong in three ways the reader is
 * not, and each is detected here before its result is used:
 *
 * - a number whose float does not print back as its text (1.10, 1e5, -0, 20 digits) would be
 *   rounded: one pass over the text outside strings finds every number and checks it;
 * - a duplicate key would keep its last value without a word: that pass counts the colons outside
 *   strings, one per member, and the parsed value must have as many keys;
 * - `__proto__`, `constructor` and `prototype` keys, and nesting beyond the reader's limit, are
 *   looked for in the parsed value and in that pass.
 *
 * Anything else, and every text JSON.parse refuses, goes to the reader, which gives the same value
 * or words the error with its line, column and path.
 */
export function readJsonFast(text: string): unknown {
  return readJsonBounded(text, Infinity).value;
}

/**
 * readJsonFast, saying whether JSON.parse's value was taken: then no array in it is longer than
 * `maxItems` (the walk that counts keys looks at every array), and the caller need not walk the
 * value again to bound them.
 */
export function readJsonBounded(text: string, maxItems: number): { value: unknown; bounded: boolean } {
  const members = scan(text);
  if (members < 0) return { value: readJson(text), bounded: false };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { value: readJson(text), bounded: false };
  }
  const keys = value !== null && typeof value === 'object' ? countKeys(value, 0, maxItems) : 0;
  return keys === members ? { value, bounded: true } : { value: readJson(text), bounded: false };
}

/**
 * The members (colons outside strings) of the text; -1 where JSON.parse's value might differ from
 * the reader's: a number that does not print back as itself, nesting beyond the limit, a BOM.
 * Malformed text counts as anything: JSON.parse refuses it, and the reader words it.
 */
function scan(text: string): number {
  let members = 0;
  let depth = 0;
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      // A string: jump to its closing quote, one not escaped by an odd run of backslashes.
      let q = text.indexOf('"', i + 1);
      for (;;) {
        if (q === -1) return members;
        let b = q - 1;
        while (text.charCodeAt(b) === 0x5c) b--;
        if ((q - 1 - b) % 2 === 0) break;
        q = text.indexOf('"', q + 1);
      }
      i = q + 1;
    } else if (c === 0x3a) {
      members++;
      i++;
    } else if (c === 0x7b || c === 0x5b) {
      if (++depth > MAX_DEPTH) return -1;
      i++;
    } else if (c === 0x7d || c === 0x5d) {
      depth--;
      i++;
    } else if (c === 0x2d || (c >= 0x30 && c <= 0x39)) {
      const start = i;
      let plain = c !== 0x2d;
      i++;
      for (; i < n; i++) {
        const d = text.charCodeAt(i);
        if (d >= 0x30 && d <= 0x39) continue;
        if (d === 0x2e || d === 0x65 || d === 0x45 || d === 0x2b || d === 0x2d) plain = false;
        else break;
      }
      // Up to 15 digits without sign, point or exponent is an integer a float holds and prints
      // exactly; anything else is checked the way the reader decides to keep the text.
      if (!plain || i - start > 15) {
        const token = text.slice(start, i);
        if (String(Number(token)) !== token) return -1;
      }
    } else if (c === 0xfeff) {
      return -1;
    } else {
      i++;
    }
  }
  return members;
}

/** The keys of every object in the value; -1 on a key the reader refuses. */
function countKeys(value: object, total: number, maxItems: number): number {
  if (Array.isArray(value)) {
    if (value.length > maxItems) return -1;
    for (let i = 0; i < value.length; i++) {
      const v: unknown = value[i];
      if (v !== null && typeof v === 'object' && (total = countKeys(v, total, maxItems)) < 0) return -1;
    }
    return total;
  }
  const keys = Object.keys(value);
  total += keys.length;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    if (FORBIDDEN_KEYS.has(key)) return -1;
    const v = (value as Record<string, unknown>)[key];
    if (v !== null && typeof v === 'object' && (total = countKeys(v, total, maxItems)) < 0) return -1;
  }
  return total;
}
