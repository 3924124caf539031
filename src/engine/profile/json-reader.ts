/**
 * A strict JSON reader for profiles. JSON.parse cannot do what the contract needs: it turns
 * `1234.565` into a binary float before we can see the text, keeps the last of two duplicate
 * keys without a word, and reports errors by offset. This reader keeps a number's text when the
 * float would not reproduce it, rejects duplicate and prototype keys with their JSON path, and
 * reports line and column.
 */

/** A JSON number whose text a binary float would not reproduce exactly; money reads `text`. */
export class ExactNumber {
  constructor(readonly text: string) {}
  toJSON(): string {
    return this.text;
  }
}

export class JsonReadError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
    readonly path: string,
  ) {
    super(message);
  }
}

/** Keys the reader refuses, and its nesting limit: json-fast.ts holds JSON.parse to the same. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);
export const MAX_DEPTH = 64;
/** Sticky, made once: a regular expression literal in a method is a new object on every call. */
const NUMBER = /-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/y;
const CONTROL = /[\u0000-\u001f]/;
const ESCAPES = new Map([['"', '"'], ['\\', '\\'], ['/', '/'], ['b', '\b'], ['f', '\f'], ['n', '\n'], ['r', '\r'], ['t', '\t']]);

/** Reads a JSON document; `offsets`, when given, receives the offset of every value by its path. */
export function readJson(text: string, offsets?: Map<string, number>): unknown {
  return new Reader(text, offsets).readDocument();
}

/** Line and column (1-based, in characters) of an offset in the text. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

/** Line and column of many offsets, found in one pass over the text (not one pass per offset). */
export function lineColumns(text: string, offsets: readonly number[]): Map<number, { line: number; column: number }> {
  const out = new Map<number, { line: number; column: number }>();
  const sorted = [...new Set(offsets)].sort((a, b) => a - b);
  let line = 1;
  let lineStart = 0;
  let nl = text.indexOf('\n');
  for (const offset of sorted) {
    while (nl !== -1 && nl < offset) {
      line++;
      lineStart = nl + 1;
      nl = text.indexOf('\n', nl + 1);
    }
    out.set(offset, { line, column: offset - lineStart + 1 });
  }
  return out;
}

export function joinPath(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  return /^[A-Za-z_$][\w$]*$|^\d+$/.test(key) ? (path ? `${path}.${key}` : key) : `${path}[${JSON.stringify(key)}]`;
}

class Reader {
  private pos = 0;
  private depth = 0;
  /** The keys and indexes down to the value being read: its path is only spelled out when needed (an error, offsets). */
  private readonly at: (string | number)[] = [];

  constructor(
    private readonly src: string,
    private readonly offsets?: Map<string, number>,
  ) {}

  readDocument(): unknown {
    if (this.src.charCodeAt(0) === 0xfeff) this.pos = 1;
    this.skipSpace();
    if (this.pos >= this.src.length) this.fail('the file is empty; expected a JSON object');
    const value = this.readValue();
    this.skipSpace();
    if (this.pos < this.src.length) this.fail('unexpected text after the end of the JSON value');
    return value;
  }

  private path(): string {
    return this.at.reduce<string>(joinPath, '');
  }

  private readValue(): unknown {
    if (this.offsets) this.offsets.set(this.path(), this.pos);
    const c = this.src.charCodeAt(this.pos);
    switch (c) {
      case 0x7b: return this.readObject();
      case 0x5b: return this.readArray();
      case 0x22: return this.readString();
      case 0x74: return this.readWord('true', true);
      case 0x66: return this.readWord('false', false);
      case 0x6e: return this.readWord('null', null);
      default:
        if (c === 0x2d || (c >= 0x30 && c <= 0x39)) return this.readNumber();
        if (Number.isNaN(c)) this.fail('unexpected end of input; the JSON is truncated');
        this.failUnexpected(`unexpected character ${JSON.stringify(this.src[this.pos])}; expected a value`);
    }
  }

  private enter(): void {
    if (++this.depth > MAX_DEPTH) this.fail(`nesting deeper than ${MAX_DEPTH} levels`);
  }

  private readObject(): Record<string, unknown> {
    this.enter();
    this.pos++;
    const obj: Record<string, unknown> = {};
    this.skipSpace();
    if (this.src.charCodeAt(this.pos) === 0x7d) {
      this.pos++;
      this.depth--;
      return obj;
    }
    for (;;) {
      this.skipSpace();
      if (this.src.charCodeAt(this.pos) !== 0x22) {
        if (this.src.charCodeAt(this.pos) === 0x7d) this.fail('a comma before "}": JSON allows no trailing comma');
        this.failUnexpected('expected a key in double quotes');
      }
      const keyStart = this.pos;
      const key = this.readString();
      this.at.push(key);
      if (FORBIDDEN_KEYS.has(key)) this.failAt(keyStart, `the key "${key}" is not allowed`);
      if (Object.prototype.hasOwnProperty.call(obj, key)) {
        this.failAt(keyStart, `duplicate key "${key}"; each key may appear once`);
      }
      this.skipSpace();
      if (this.src.charCodeAt(this.pos) !== 0x3a) this.fail('expected ":" after the key');
      this.pos++;
      this.skipSpace();
      obj[key] = this.readValue();
      this.at.pop();
      if (this.closes(0x7d, 'an object', '"}"')) return obj;
    }
  }

  /** After a member or an element: a comma goes on (false), the closing bracket ends it (true). */
  private closes(closer: number, what: string, quoted: string): boolean {
    this.skipSpace();
    const c = this.src.charCodeAt(this.pos);
    this.pos++;
    if (c === 0x2c) return false;
    if (c === closer) {
      this.depth--;
      return true;
    }
    this.pos--;
    return this.fail(Number.isNaN(c) ? `unexpected end of input; ${what} is not closed` : `expected "," or ${quoted}`);
  }

  private readArray(): unknown[] {
    this.enter();
    this.pos++;
    const arr: unknown[] = [];
    this.skipSpace();
    if (this.src.charCodeAt(this.pos) === 0x5d) {
      this.pos++;
      this.depth--;
      return arr;
    }
    for (;;) {
      this.skipSpace();
      if (arr.length && this.src.charCodeAt(this.pos) === 0x5d) this.fail('a comma before "]": JSON allows no trailing comma');
      this.at.push(arr.length);
      arr.push(this.readValue());
      this.at.pop();
      if (this.closes(0x5d, 'an array', '"]"')) return arr;
    }
  }

  private readString(): string {
    const start = ++this.pos;
    // Fast path: no escapes.
    const end = this.src.indexOf('"', start);
    if (end === -1) this.fail('unexpected end of input inside a string');
    const slice = this.src.slice(start, end);
    if (!slice.includes('\\') && !CONTROL.test(slice)) {
      this.pos = end + 1;
      return slice;
    }
    let out = '';
    for (;;) {
      const c = this.src.charCodeAt(this.pos);
      if (Number.isNaN(c)) this.fail('unexpected end of input inside a string');
      if (c === 0x22) {
        this.pos++;
        return out;
      }
      if (c < 0x20) this.fail('control character inside a string; escape it');
      if (c === 0x5c) {
        const e = this.src[this.pos + 1];
        const simple = e === undefined ? undefined : ESCAPES.get(e);
        if (simple !== undefined) {
          out += simple;
          this.pos += 2;
        } else if (e === 'u') {
          const hex = this.src.slice(this.pos + 2, this.pos + 6);
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) this.fail('bad \\u escape in a string');
          out += String.fromCharCode(parseInt(hex, 16));
          this.pos += 6;
        } else {
          this.fail('bad escape in a string');
        }
        continue;
      }
      out += this.src[this.pos];
      this.pos++;
    }
  }

  private readNumber(): number | ExactNumber {
    const re = NUMBER;
    re.lastIndex = this.pos;
    const m = re.exec(this.src);
    if (!m) this.fail('malformed number');
    const text = m[0];
    this.pos += text.length;
    const n = Number(text);
    // Keep the float only where printing it gives back the same text: then nothing was lost.
    return String(n) === text ? n : new ExactNumber(text);
  }

  private readWord<T>(word: string, value: T): T {
    if (this.src.startsWith(word, this.pos)) {
      this.pos += word.length;
      return value;
    }
    this.fail('unexpected word; expected a value (strings need double quotes)');
  }

  private skipSpace(): void {
    for (;;) {
      const c = this.src.charCodeAt(this.pos);
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) this.pos++;
      else return;
    }
  }

  /** Comments are the most common non-JSON found in hand-edited files: say so. */
  private failUnexpected(message: string): never {
    const two = this.src.slice(this.pos, this.pos + 2);
    this.fail(two === '//' || two === '/*' ? 'comments are not allowed in JSON' : message);
  }

  private fail(message: string): never {
    this.failAt(this.pos, message);
  }

  private failAt(pos: number, message: string): never {
    let line = 1;
    let lineStart = 0;
    for (let i = 0; i < pos && i < this.src.length; i++) {
      if (this.src.charCodeAt(i) === 0x0a) {
        line++;
        lineStart = i + 1;
      }
    }
    throw new JsonReadError(message, line, pos - lineStart + 1, this.path());
  }
}
