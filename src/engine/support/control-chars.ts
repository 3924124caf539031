/**
 * Text from profiles, rule files and file names reaches terminals, where control characters act:
 * ESC starts sequences that clear the screen, set the window title or write the clipboard (OSC 52),
 * a CR or a newline can overwrite or forge a line. Every value printed as text passes through
 * `escapeControls`: C0, DEL, C1, the Unicode line and paragraph separators and the bidirectional
 * overrides (which reorder what is shown) become visible escapes, `\n`, `\x1b`, `\u202e`. JSON
 * output needs none of this: JSON.stringify already escapes C0 characters.
 */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const NAMED: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

export function escapeControls(text: string): string {
  return text.replace(CONTROL, (c) => {
    if (Object.hasOwn(NAMED, c)) return NAMED[c]!;
    const code = c.charCodeAt(0);
    return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

export function hasControls(text: string): boolean {
  CONTROL.lastIndex = 0;
  const found = CONTROL.test(text);
  CONTROL.lastIndex = 0;
  return found;
}

/**
 * The same value with every string in it escaped: plain objects and arrays are copied, anything
 * else (numbers, class instances) is kept. For renderers that print a whole result as text.
 */
export function escapeControlsDeep<T>(value: T): T {
  if (typeof value === 'string') return escapeControls(value) as T;
  if (Array.isArray(value)) return value.map((v) => escapeControlsDeep(v)) as T;
  if (value !== null && typeof value === 'object') {
    const proto = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) return value;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[escapeControls(k)] = escapeControlsDeep(v);
    return out as T;
  }
  return value;
}
