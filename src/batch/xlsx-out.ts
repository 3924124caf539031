import { appendFileSync, createReadStream, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import ExcelJS from 'exceljs';
import type { RuleSet } from '../engine/index.js';
import { Dec } from '../engine/index.js';
import { moveIntoPlace, tempPathFor } from '../cli/output-file.js';
import { STATUS } from '../render/i18n.js';
import { columnLetter } from './workbook-layout.js';
import type { XlsxLine, XlsxRecord } from './xlsx-record.js';

/**
 * `batch --format xlsx -o results.xlsx`: a summary sheet (one row per enterprise: year, as-of,
 * per quantified policy its status, amount, counted amount and bound, the counted total) and a
 * sheet per quantified policy with its figures. Streamed with exceljs' WorkbookWriter: summary rows
 * are written as results arrive; the policy sheets, which the zip format can only hold one after
 * another, are spooled to temporary NDJSON files and written at the end. Memory stays bounded
 * whatever the number of enterprises.
 */
const YUAN = '#,##0.00" 元"';
/** A status in the renderers' Chinese word and its code, so that a filter can use either. */
const STATUS_ZH: Record<string, string> = Object.fromEntries(Object.entries(STATUS).map(([s, w]) => [s, `${w.zh} ${s}`]));

interface Head {
  zh: string;
  key: string;
  money?: boolean;
}

const SUMMARY_HEAD: Head[] = [
  { zh: '输入', key: 'input' },
  { zh: '统一社会信用代码', key: 'creditCode' },
  { zh: '企业名称', key: 'name' },
  { zh: '年度', key: 'year' },
  { zh: '评估日', key: 'asOf' },
  { zh: '符合项数', key: 'eligible' },
  { zh: '需补充信息项数', key: 'needsInfo' },
  { zh: '不符合项数', key: 'ineligible' },
  { zh: '合计（元）', key: 'totalAmount', money: true },
  { zh: '合计性质', key: 'totalBound' },
];

/** A money text as a number cell (shown with two decimals and 元): exact for any amount below 10^13 元. */
const moneyCell = (s: string | null) => (s === null ? null : Number(s));

/** A figure as a number where the float holds it exactly, else as its text. */
function figureCell(s: string | undefined): string | number | null {
  if (s === undefined) return null;
  const n = Number(s);
  return Number.isFinite(n) && new Dec(n).eq(new Dec(s)) ? n : s;
}

/** Bytes a sheet may hold unwritten before the writer waits for the zip to catch up. */
const UNWRITTEN = 4 << 20;

/**
 * exceljs' sheet streams never say "wait": rows go on into the zip's compressor however far
 * behind it is. Where the compressor holds more than UNWRITTEN bytes, wait until it has taken them.
 * (It reads exceljs internals defensively: without them, rows are written without waiting.)
 */
async function drained(ws: ExcelJS.Worksheet): Promise<void> {
  type State = { length?: number } | undefined;
  const pipes = (ws as unknown as { _stream?: { pipes?: { _writableState?: State; _readableState?: State }[] } })._stream?.pipes ?? [];
  const held = (p: (typeof pipes)[number]) => (p._writableState?.length ?? 0) + (p._readableState?.length ?? 0);
  for (const pipe of pipes) {
    while (held(pipe) > UNWRITTEN) await new Promise((r) => setTimeout(r, 2));
  }
}

/** Sheet names: at most 31 characters, none of []:*?/\ */
const sheetName = (s: string) => s.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31);

export class XlsxResults {
  private readonly temp: string;
  private readonly spool: string;
  private readonly wb: ExcelJS.stream.xlsx.WorkbookWriter;
  private readonly summary: ExcelJS.Worksheet;
  private readonly policies: { id: string; title: string; figures: Set<string>; file: string }[];
  private rows = 0;

  constructor(private readonly file: string, rules: RuleSet, asOf: string) {
    this.temp = tempPathFor(file);
    this.spool = mkdtempSync(join(tmpdir(), 'policy-calc-xlsx-'));
    const quantified = rules.policies.filter((p) => p.quantified);
    this.policies = quantified.map((p) => ({ id: p.def.id, title: p.def.title.zh, figures: new Set<string>(), file: join(this.spool, `${p.def.id}.ndjson`) }));
    // The as-of date stands for the creation time, so that the same run gives the same workbook.
    const created = new Date(`${asOf}T00:00:00Z`);
    this.wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: this.temp, useStyles: true, useSharedStrings: false, created, modified: created, creator: 'policy-calc' } as Partial<ExcelJS.stream.xlsx.WorkbookStreamWriterOptions>);
    const head: Head[] = [...SUMMARY_HEAD];
    for (const p of this.policies) {
      head.push(
        { zh: `${p.id} 状态`, key: `${p.id}_status` },
        { zh: `${p.id} 金额（元）`, key: `${p.id}_amount`, money: true },
        { zh: `${p.id} 计入合计（元）`, key: `${p.id}_counted`, money: true },
        { zh: `${p.id} 金额性质`, key: `${p.id}_bound` },
      );
    }
    head.push({ zh: '错误', key: 'error' });
    this.summary = this.sheet('汇总 summary', head, 3);
    this.moneyColumns = head.map((h, i) => (h.money ? i + 1 : 0)).filter(Boolean);
  }

  private readonly moneyColumns: number[];

  /** A worksheet with its two header rows (Chinese, then field names), frozen, filtered. */
  private sheet(name: string, head: Head[], xSplit: number): ExcelJS.Worksheet {
    const ws = this.wb.addWorksheet(sheetName(name), { views: [{ state: 'frozen', xSplit, ySplit: 2 }] });
    ws.autoFilter = `A2:${columnLetter(head.length)}2`;
    ws.columns = head.map((h) => ({ key: h.key, width: Math.max(10, Math.min(30, h.key.length + 4)) }));
    const zh = ws.addRow(head.map((h) => h.zh));
    zh.font = { bold: true };
    zh.commit();
    const keys = ws.addRow(head.map((h) => h.key));
    keys.font = { italic: true, color: { argb: 'FF666666' } };
    keys.commit();
    return ws;
  }

  /** One batch's output: a JSON line per enterprise (xlsx-record.ts). */
  async add(bytes: Uint8Array): Promise<void> {
    if (!bytes.length) return;
    const spooled = new Map<string, string[]>();
    for (const line of Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8').split('\n')) {
      if (!line) continue;
      const rec = JSON.parse(line) as XlsxLine;
      this.rows++;
      if ('error' in rec) {
        const cells: (string | number | null)[] = [rec.input, ...Array.from({ length: SUMMARY_HEAD.length - 1 + this.policies.length * 4 }, () => null), rec.error];
        this.summary.addRow(cells).commit();
        continue;
      }
      this.summaryRow(rec);
      for (const p of rec.policies) {
        const list = spooled.get(p.id) ?? [];
        list.push(JSON.stringify([rec.input, rec.creditCode, rec.name, rec.year, p.status, p.amount, p.counted, p.bound, p.figures]));
        spooled.set(p.id, list);
        for (const k of Object.keys(p.figures)) this.policies.find((x) => x.id === p.id)?.figures.add(k);
      }
    }
    for (const p of this.policies) {
      const list = spooled.get(p.id);
      if (list) appendFileSync(p.file, `${list.join('\n')}\n`);
    }
    await drained(this.summary);
  }

  private summaryRow(rec: XlsxRecord): void {
    const byId = new Map(rec.policies.map((p) => [p.id, p]));
    const cells: (string | number | null)[] = [rec.input, rec.creditCode, rec.name, rec.year, rec.asOf, rec.eligible, rec.needsInfo, rec.ineligible, moneyCell(rec.total), rec.totalBound];
    for (const { id } of this.policies) {
      const p = byId.get(id);
      cells.push(p ? STATUS_ZH[p.status] ?? p.status : null, moneyCell(p?.amount ?? null), moneyCell(p?.counted ?? null), p?.bound ?? null);
    }
    cells.push(null);
    const row = this.summary.addRow(cells);
    for (const c of this.moneyColumns) row.getCell(c).numFmt = YUAN;
    row.commit();
  }

  /** Writes the policy sheets from their spool files, closes the workbook and moves it into place. */
  async finish(): Promise<void> {
    this.summary.commit();
    for (const p of this.policies) {
      const figures = [...p.figures];
      const head: Head[] = [
        { zh: '输入', key: 'input' }, { zh: '统一社会信用代码', key: 'creditCode' }, { zh: '企业名称', key: 'name' }, { zh: '年度', key: 'year' },
        { zh: '状态', key: 'status' }, { zh: '金额（元）', key: 'amount', money: true }, { zh: '计入合计（元）', key: 'counted', money: true }, { zh: '金额性质', key: 'bound' },
        ...figures.map((f) => ({ zh: f, key: f })),
      ];
      const ws = this.sheet(`${p.id} ${p.title}`, head, 3);
      let written = 0;
      if (existsSync(p.file)) {
        const lines = createInterface({ input: createReadStream(p.file), crlfDelay: Infinity });
        for await (const line of lines) {
          if (!line) continue;
          const [input, code, name, year, status, amount, counted, bound, figs] = JSON.parse(line) as [string, string | null, string, number | null, string, string | null, string | null, string | null, Record<string, string>];
          const row = ws.addRow([input, code, name, year, STATUS_ZH[status] ?? status, moneyCell(amount), moneyCell(counted), bound, ...figures.map((f) => figureCell(figs[f]))]);
          row.getCell(6).numFmt = YUAN;
          row.getCell(7).numFmt = YUAN;
          row.commit();
          if (++written % 256 === 0) await drained(ws);
        }
      }
      ws.commit();
    }
    await this.wb.commit();
    rmSync(this.spool, { recursive: true, force: true });
    moveIntoPlace(this.temp, this.file);
  }

  abort(): void {
    rmSync(this.spool, { recursive: true, force: true });
    rmSync(this.temp, { force: true });
  }
}
