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
 * The same value with every string in it escaped, for renderers that print a whole result as
 * text (and only read it). Where nothing in it needs escaping, which is nearly always, it is the
 * value itself: a `check --explain` result holds thousands of strings, and copying them all was a
 * tenth of the command's start-up. Otherwise plain objects and arrays are copied, anything else
 * (numbers, class instances) is kept.
 */
export function escapeControlsDeep<T>(value: T): T {
  return holdsControls(value) ? escapedCopy(value) : value;
}

/** Whether a string, a key or a string within the value's plain objects and arrays has a control character. */
function holdsControls(value: unknown): boolean {
  if (typeof value === 'string') return hasControls(value);
  if (Array.isArray(value)) return value.some(holdsControls);
  if (!isPlainObject(value)) return false;
  for (const k of Object.keys(value)) if (hasControls(k) || holdsControls((value as Record<string, unknown>)[k])) return true;
  return false;
}

function escapedCopy<T>(value: T): T {
  if (typeof value === 'string') return escapeControls(value) as T;
  if (Array.isArray(value)) return value.map((v) => escapedCopy(v)) as T;
  if (!isPlainObject(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[escapeControls(k)] = escapedCopy(v);
  return out as T;
}

function isPlainObject(value: unknown): value is object {
  if (value === null || typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}
