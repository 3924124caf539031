import { statSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { isPolicyCalcError, PolicyCalcError, validateProfile, type Issue, type Profile } from '../engine/index.js';
import { columnLetter, ENTERPRISES, HEADER_ROWS, KEY, LIST_SHEETS, NONE, SHEETS, type Column, type SheetLayout } from './workbook-layout.js';

/**
 * A profile workbook read back (workbook-layout.ts): each enterprise row with the rows of the other
 * sheets that name its key becomes one profile, given as JSON text so that batch reads it like any
 * other. A cell the profile refuses is reported by sheet, row and column; a workbook whose sheets
 * or columns are not the layout's is refused whole (exit 2).
 */
export const MAX_WORKBOOK_BYTES = 50 * 1024 * 1024;

export type WorkbookRecord = { row: number; text: string; profile: Profile } | { row: number; error: Issue[] };

interface Where {
  sheet: string;
  row: number;
  column: number;
  key: string;
}

const describeCell = (w: Where) => `sheet "${w.sheet}", row ${w.row}, column ${columnLetter(w.column)} (${w.key})`;

type Plain = string | number | boolean | Date | null;

/** What a cell holds, whatever Excel made of it: rich text joined, a formula's result, a link's text. */
function plain(v: ExcelJS.CellValue): Plain | { error: string } {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return v;
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((r) => r.text).join('');
    if ('error' in v) return { error: String(v.error) };
    if ('result' in v) return plain((v.result ?? null) as ExcelJS.CellValue);
    if ('text' in v) return plain(v.text as ExcelJS.CellValue);
  }
  return { error: 'an unreadable value' };
}

const TRUE = new Set(['true', '是', 'yes']);
const FALSE = new Set(['false', '否', 'no']);

/** A cell as the profile wants it; what cannot be read is passed on for the profile schema to refuse in its words. */
function valueOf(raw: Plain, c: Column, where: Where, problems: Issue[]): unknown {
  if (raw === null || raw === '') return undefined;
  if (typeof raw === 'string') raw = raw.trim();
  if (raw === '') return undefined;
  const isoDate = (d: Date) => d.toISOString().slice(0, 10);
  switch (c.kind) {
    case 'money':
      if (typeof raw === 'number') {
        // A number cell is a binary float: its shortest text is what was typed, up to 15 digits.
        const text = String(raw);
        if (/e/i.test(text) || text.replace(/[-.]/g, '').length > 15) {
          problems.push({ message: `${describeCell(where)}: the number ${text} cannot be read exactly; type money as text, e.g. '1234567.89` });
          return undefined;
        }
        return text;
      }
      return raw instanceof Date ? isoDate(raw) : raw;
    case 'date':
      return raw instanceof Date ? isoDate(raw) : typeof raw === 'number' ? String(raw) : raw;
    case 'int':
      return typeof raw === 'string' && /^\d+$/.test(raw) ? Number(raw) : raw instanceof Date ? isoDate(raw) : raw;
    case 'bool':
      if (typeof raw === 'string') {
        const s = raw.toLowerCase();
        if (TRUE.has(s)) return true;
        if (FALSE.has(s)) return false;
      }
      return raw instanceof Date ? isoDate(raw) : raw;
    case 'list':
      if (raw === NONE) return [];
      return String(raw).split(/[,，、]/).map((s) => s.trim()).filter(Boolean);
    case 'none':
      if (raw === NONE) return NONE;
      problems.push({ message: `${describeCell(where)}: write "${NONE}" where the profile has none, or leave the cell empty` });
      return undefined;
    default:
      return raw instanceof Date ? isoDate(raw) : typeof raw === 'number' ? String(raw) : raw;
  }
}

function setAt(record: Record<string, unknown>, key: string, value: unknown): void {
  const parts = key.split('.');
  let o = record;
  for (const p of parts.slice(0, -1)) {
    if (!Object.hasOwn(o, p) || typeof o[p] !== 'object' || o[p] === null) o[p] = {};
    o = o[p] as Record<string, unknown>;
  }
  o[parts.at(-1)!] = value;
}

interface SheetRow {
  row: number;
  key: string;
  values: Map<string, unknown>;
  where: Map<string, Where>;
}

function findSheet(wb: ExcelJS.Workbook, layout: SheetLayout): ExcelJS.Worksheet | undefined {
  const en = layout.en.toLowerCase();
  return wb.worksheets.find((ws) => ws.name === layout.name || ws.name.toLowerCase() === en || ws.name.toLowerCase().endsWith(` ${en}`));
}

/** The rows of one sheet, by the field names of its second header row. */
function readSheet(ws: ExcelJS.Worksheet, layout: SheetLayout, problems: Issue[]): SheetRow[] {
  const byKey = new Map(layout.columns.map((c) => [c.key, c]));
  const columns = new Map<number, Column>();
  ws.getRow(HEADER_ROWS).eachCell((cell, n) => {
    const name = plain(cell.value);
    if (name === null || name === '') return;
    const c = typeof name === 'string' ? byKey.get(name.trim()) : undefined;
    if (!c) {
      problems.push({ message: `sheet "${ws.name}", row ${HEADER_ROWS}, column ${columnLetter(n)}: "${String(name)}" is not a field of this sheet; its fields are ${layout.columns.map((x) => x.key).join(', ')}` });
      return;
    }
    if ([...columns.values()].includes(c)) problems.push({ message: `sheet "${ws.name}", row ${HEADER_ROWS}, column ${columnLetter(n)}: "${c.key}" is a second column of the same field` });
    columns.set(n, c);
  });
  if (![...columns.values()].includes(KEY)) problems.push({ message: `sheet "${ws.name}": no "key" column in row ${HEADER_ROWS}; it joins the rows of each enterprise across the sheets` });
  const rows: SheetRow[] = [];
  ws.eachRow((r, n) => {
    if (n <= HEADER_ROWS) return;
    const out: SheetRow = { row: n, key: '', values: new Map(), where: new Map() };
    for (const [col, c] of columns) {
      const where = { sheet: ws.name, row: n, column: col, key: c.key };
      out.where.set(c.key, where);
      const raw = plain(r.getCell(col).value);
      if (raw !== null && typeof raw === 'object' && !(raw instanceof Date)) {
        problems.push({ message: `${describeCell(where)}: the cell holds ${raw.error}` });
        continue;
      }
      const v = valueOf(raw, c, where, problems);
      if (v === undefined) continue;
      if (c === KEY) out.key = String(v);
      else out.values.set(c.key, v);
    }
    if (!out.key && !out.values.size) return;
    if (!out.key) problems.push({ message: `sheet "${ws.name}", row ${n}: the key is empty; give each row the key of its enterprise (its credit code or any id)` });
    rows.push(out);
  });
  return rows;
}

/** Where an issue's JSON path points in the workbook: the cell of the longest known prefix. */
function locate(path: string | undefined, where: Map<string, Where>, fallback: string): string {
  for (let p = path ?? ''; p; p = p.replace(/(\.[^.[\]]*|\[\d+\])$/, '')) {
    const w = where.get(p);
    if (w) return describeCell(w);
    if (!/[.[]/.test(p)) break;
  }
  return fallback;
}

export async function readWorkbookProfiles(file: string): Promise<WorkbookRecord[]> {
  const size = statSync(file).size;
  if (size > MAX_WORKBOOK_BYTES) throw new PolicyCalcError('INPUT_UNREADABLE', [{ file, message: `is ${size} bytes; a workbook may be at most ${MAX_WORKBOOK_BYTES} bytes (50 MB)` }]);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.readFile(file);
  } catch (e) {
    throw new PolicyCalcError('INPUT_UNREADABLE', [{ file, message: `is not a readable Excel workbook (.xlsx): ${(e as Error).message}` }]);
  }
  const problems: Issue[] = [];
  const sheets = new Map<SheetLayout, SheetRow[]>();
  for (const layout of SHEETS) {
    const ws = findSheet(wb, layout);
    if (ws) sheets.set(layout, readSheet(ws, layout, problems));
    else if (layout === ENTERPRISES) problems.push({ message: `has no sheet "${ENTERPRISES.name}" (one row per enterprise); its sheets are ${wb.worksheets.map((w) => `"${w.name}"`).join(', ')}` });
  }
  const enterprises = sheets.get(ENTERPRISES) ?? [];
  const byKey = new Map<string, { row: SheetRow; record: Record<string, unknown>; where: Map<string, Where> }>();
  for (const e of enterprises) {
    if (!e.key) continue;
    if (byKey.has(e.key)) {
      problems.push({ message: `${describeCell(e.where.get('key')!)}: the key "${e.key}" is also that of row ${byKey.get(e.key)!.row.row}; each enterprise needs its own` });
      continue;
    }
    const record: Record<string, unknown> = {};
    const where = new Map<string, Where>();
    for (const [k, w] of e.where) if (k !== 'key') where.set(k, w);
    for (const [k, v] of e.values) if (v !== NONE) setAt(record, k, v);
    for (const k of ['headquarters', 'activities'] as const) {
      if (e.values.get(k) !== NONE) continue;
      if (Object.hasOwn(record, k)) problems.push({ message: `${describeCell(e.where.get(k)!)}: says "${NONE}", but the ${k} columns of this row are filled in` });
      else record[k] = k === 'headquarters' ? null : {};
    }
    byKey.set(e.key, { row: e, record, where });
  }
  for (const layout of LIST_SHEETS) {
    const list = layout.list!;
    for (const r of sheets.get(layout) ?? []) {
      if (!r.key) continue;
      const ent = byKey.get(r.key);
      if (!ent) {
        problems.push({ message: `${describeCell(r.where.get('key')!)}: no enterprise has the key "${r.key}" (sheet "${ENTERPRISES.name}", column key)` });
        continue;
      }
      let base: string;
      const item: Record<string, unknown> = {};
      if (list === 'fiscalYears') {
        const year = r.values.get('year');
        const years = (ent.record.fiscalYears ??= {}) as Record<string, unknown>;
        if (year === undefined) {
          problems.push({ message: `${describeCell(r.where.get('year') ?? r.where.get('key')!)}: the year is empty` });
          continue;
        }
        if (Object.hasOwn(years, String(year))) {
          problems.push({ message: `${describeCell(r.where.get('year')!)}: the year ${String(year)} of "${r.key}" is given twice` });
          continue;
        }
        base = `fiscalYears.${String(year)}`;
        years[String(year)] = item;
      } else {
        const items = (ent.record[list] ??= []) as unknown[];
        base = `${list}[${items.length}]`;
        items.push(item);
      }
      ent.where.set(base, r.where.get('key')!);
      for (const [k, w] of r.where) if (k !== 'key' && k !== 'year') ent.where.set(`${base}.${k}`, w);
      for (const [k, v] of r.values) if (k !== 'year') setAt(item, k, v);
    }
  }
  for (const [, ent] of byKey) {
    for (const layout of LIST_SHEETS) {
      const list = layout.list!;
      if (ent.row.values.get(list) !== NONE) continue;
      if (Object.hasOwn(ent.record, list)) problems.push({ message: `${describeCell(ent.row.where.get(list)!)}: says "${NONE}", but sheet "${layout.name}" has rows with the key "${ent.row.key}"` });
      else ent.record[list] = list === 'fiscalYears' ? {} : [];
    }
  }
  if (problems.length) throw new PolicyCalcError('INPUT_UNREADABLE', problems.map((p) => ({ ...p, file })));

  const out: WorkbookRecord[] = [];
  for (const ent of byKey.values()) {
    const row = ent.row.row;
    try {
      const profile = validateProfile(ent.record, file);
      out.push({ row, text: JSON.stringify(ent.record), profile });
    } catch (e) {
      if (!isPolicyCalcError(e)) throw e;
      const fallback = `sheet "${ENTERPRISES.name}", row ${row}`;
      out.push({ row, error: e.issues.map((i) => ({ file, message: `${locate(i.path, ent.where, fallback)}: ${i.path ? `${i.path}: ` : ''}${i.message}` })) });
    }
  }
  return out;
}
