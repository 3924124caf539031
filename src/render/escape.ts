import { escapeControls } from '../engine/index.js';

/**
 * Escaping for the report formats. Every value that comes from a profile or a rule file passes
 * through one of these before it is written: a name like `<script>` must show as text, a `|` in a
 * title must not split a Markdown table.
 */

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Control characters other than tab and line breaks: shown as visible escapes in every report format. */
// eslint-disable-next-line no-control-regex
const NON_TEXT_CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;
const visibleControls = (s: string) => s.replace(NON_TEXT_CONTROLS, (c) => escapeControls(c));

/** Text or attribute value for HTML and SVG (XML): the five significant characters as entities. */
export function escapeHtml(value: string | number): string {
  return visibleControls(String(value)).replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}

/**
 * Inline Markdown text: characters that start emphasis, links, HTML or table cells are
 * backslash-escaped, and an `&` that would start an entity (`&lt;`) is written `&amp;`, so the
 * text reads the same in any CommonMark/GFM renderer.
 */
export function mdText(value: string | number): string {
  return visibleControls(String(value).replace(/\r\n?/g, '\n'))
    .replace(/[\\`*_[\]<>#|~]/g, (c) => `\\${c}`)
    .replace(/&(?=#?\w+;)/g, '&amp;');
}

/** A GFM table cell: inline text, with line breaks kept as <br> (the only way a cell can hold one). */
export function mdCell(value: string | number): string {
  return mdText(value).replace(/\n/g, '<br>');
}

/** A heading: one line whatever the value holds, so a newline in a name cannot end the heading and start a list. */
export function mdHeading(value: string | number): string {
  return mdText(value).replace(/\s*\n\s*/g, ' ').trim();
}

/** A paragraph or list item: line breaks become spaces-and-break so a list item does not end early. */
export function mdBlock(value: string | number): string {
  return mdText(value).replace(/\n/g, '  \n  ');
}

/** Code span (fact paths); backticks inside are not expected but are handled; `|` still escaped for tables. */
export function mdCode(value: string): string {
  const v = value.replace(/\r?\n/g, ' ');
  const fence = v.includes('`') ? '``' : '`';
  const pad = v.startsWith('`') || v.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${v.replace(/\|/g, '\\|')}${pad}${fence}`;
}
