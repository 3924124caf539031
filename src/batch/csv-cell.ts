/**
 * Spreadsheets read a cell that starts with `=`, `+`, `-` or `@` (and, in some, a tab or a carriage
 * return before one of them) as a formula: an enterprise named `=HYPERLINK("http://…","点击")`
 * would run when the CSV is opened. Such text cells get a leading apostrophe, as OWASP's CSV
 * injection guidance says: the spreadsheet shows the text, and a program reading the CSV can
 * drop a leading `'` it finds before one of these characters. Our own amounts and counts never
 * start with them, so numbers are untouched.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}
