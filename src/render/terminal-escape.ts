/**
 * Text from a profile or a rule file shown on a terminal: control characters (which a JSON string
 * may carry escaped, e.g. "\u001b[2J") are shown as \u escapes instead of acting on the terminal.
 */
export function escapeTerminal(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
