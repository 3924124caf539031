import ExcelJS from 'exceljs';
import type { Profile } from '../engine/index.js';
import { Dec } from '../engine/index.js';
import { columnLetter, ENTERPRISES, HEADER_ROWS, KEY, LIST_SHEETS, NONE, type Column, type SheetLayout } from './workbook-layout.js';

/**
 * Profiles to a workbook (`policy-calc convert <profiles...> -o clients.xlsx`): the layout of
 * workbook-layout.ts, money and dates as text cells holding their exact decimal or calendar text
 * (a number cell would be a binary float, and a date cell a moment in some time zone), headers
 * frozen, enum columns with a drop-down list of the values the profile allows.
 */
export const VALIDATION_ROWS = 1000;

type Cell = string | number | boolean | null;

function at(record: unknown, key: string): unknown {
  let v: unknown = record;
  for (const part of key.split('.')) {
    if (v === null || typeof v !== 'object' || !Object.hasOwn(v, part)) return undefined;
    v = (v as Record<string, unknown>)[part];
  }
  return v;
}

const isEmpty = (v: unknown) => v === null || (Array.isArray(v) ? v.length === 0 : typeof v === 'object' && v !== null && Object.keys(v).length === 0);

function cell(v: unknown, c: Column): Cell {
  if (v === undefined) return null;
  if (c.kind === 'none') return isEmpty(v) ? NONE : null;
  if (c.kind === 'list') return (v as string[]).length ? (v as string[]).join(', ') : NONE;
  if (v instanceof Dec) return v.toFixed();
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  return null;
}

/** Each profile's key: its credit code where that is given and unique in the portfolio, else "#" and its place. */
export function profileKeys(profiles: Profile[]): string[] {
  const seen = new Map<string, number>();
  for (const p of profiles) if (p.creditCode) seen.set(p.creditCode, (seen.get(p.creditCode) ?? 0) + 1);
  return profiles.map((p, i) => (p.creditCode && seen.get(p.creditCode) === 1 ? p.creditCode : `#${i + 1}`));
}

function addSheet(wb: ExcelJS.Workbook, layout: SheetLayout): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(layout.name, { views: [{ state: 'frozen', xSplit: 1, ySplit: HEADER_ROWS }] });
  ws.addRow(layout.columns.map((c) => c.zh)).font = { bold: true };
  ws.addRow(layout.columns.map((c) => c.key)).font = { italic: true, color: { argb: 'FF666666' } };
  layout.columns.forEach((c, i) => {
    const col = ws.getColumn(i + 1);
    col.width = Math.max(12, Math.min(40, c.zh.length * 2 + 2, c.key.length + 4));
    // Text cells stay text when someone types into them: "0.10" is not turned into 0.1.
    if (c.kind !== 'int' && c.kind !== 'bool') col.numFmt = '@';
  });
  return ws;
}

/** exceljs has data validations on every worksheet, but its type declarations leave them out. */
const validations = (ws: ExcelJS.Worksheet) => (ws as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations;

function addValidations(ws: ExcelJS.Worksheet, layout: SheetLayout, rows: number): void {
  const last = HEADER_ROWS + Math.max(rows, VALIDATION_ROWS);
  layout.columns.forEach((c, i) => {
    const values = c.kind === 'bool' ? ['TRUE', 'FALSE'] : c.kind === 'none' ? [NONE] : c.kind === 'list' ? undefined : c.values;
    if (!values) return;
    const letter = columnLetter(i + 1);
    validations(ws).add(`${letter}${HEADER_ROWS + 1}:${letter}${last}`, {
      type: 'list',
      allowBlank: true,
      formulae: [`"${values.join(',')}"`],
      showErrorMessage: true,
      errorTitle: c.key,
      error: `${c.zh}: ${values.join(', ')}`,
    });
  });
}

/** The workbook of these profiles, ready to write. */
export function profilesWorkbook(profiles: Profile[]): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'policy-calc';
  const keys = profileKeys(profiles);
  const ent = addSheet(wb, ENTERPRISES);
  profiles.forEach((p, i) => {
    ent.addRow(ENTERPRISES.columns.map((c) => (c === KEY ? keys[i]! : cell(at(p, c.key), c))));
  });
  addValidations(ent, ENTERPRISES, profiles.length);
  for (const layout of LIST_SHEETS) {
    const ws = addSheet(wb, layout);
    let rows = 0;
    profiles.forEach((p, i) => {
      const list = p[layout.list!];
      if (!list) return;
      // fiscalYears is an object keyed by year; the others are arrays.
      const items: [string | undefined, unknown][] = Array.isArray(list) ? list.map((x) => [undefined, x]) : Object.entries(list);
      for (const [year, item] of items) {
        rows++;
        ws.addRow(layout.columns.map((c) => (c === KEY ? keys[i]! : c.key === 'year' && year !== undefined ? year : cell(at(item, c.key), c))));
      }
    });
    addValidations(ws, layout, rows);
  }
  return wb;
}
