import { createReadStream, readFileSync, statSync } from 'node:fs';
import type { Readable } from 'node:stream';
import { PolicyCalcError, type ErrorCode } from '../engine/index.js';
import { MAX_PROFILE_BYTES } from '../cli/io.js';
import { sniff } from './sniff.js';
import { jsonFilesBelow, STDIN, type InputPlan } from './input-plan.js';

/**
 * Batch inputs, read as a stream of record batches: a record is one profile's bytes (a JSON file,
 * or one line of NDJSON) with where it came from. Nothing is decoded or parsed here; the workers do
 * that. Batches are built on demand as the consumer pulls them, so at most a few are in memory
 * whatever the size of the input.
 */
export interface Batch {
  /** The records' bytes, back to back. */
  bytes: Uint8Array;
  /** End offset of each record in `bytes`; a record starts where the previous one ends. */
  ends: Int32Array;
  /** NDJSON line number of each record; 0 for a whole JSON file. */
  lines: Int32Array;
  /** Index into `files` of each record. */
  fileOf: Int32Array;
  files: string[];
  /** Records that could not be read at all (their bytes are empty). */
  readErrors: { index: number; code: ErrorCode; message: string }[];
}

export interface BatchLimits {
  /** At most this many records per batch. */
  records: number;
  /** A batch is closed once it holds this many bytes. */
  bytes: number;
}

/** Accumulates records into a batch; `take` hands the batch over and starts a new one. */
class BatchBuilder {
  private buf: Uint8Array;
  private pos = 0;
  private ends: number[] = [];
  private lines: number[] = [];
  private fileOf: number[] = [];
  private files: string[] = [];
  private readErrors: Batch['readErrors'] = [];
  /** Bytes of input consumed so far (for progress). */
  consumed = 0;

  constructor(private readonly limits: BatchLimits) {
    this.buf = new Uint8Array(limits.bytes + 4096);
  }

  private fileIndex(file: string): number {
    const last = this.files.length - 1;
    if (last >= 0 && this.files[last] === file) return last;
    this.files.push(file);
    return last + 1;
  }

  add(file: string, line: number, parts: Uint8Array[]): void {
    let size = 0;
    for (const p of parts) size += p.length;
    if (this.pos + size > this.buf.length) {
      const grown = new Uint8Array(Math.max(this.buf.length * 2, this.pos + size));
      grown.set(this.buf.subarray(0, this.pos));
      this.buf = grown;
    }
    for (const p of parts) {
      this.buf.set(p, this.pos);
      this.pos += p.length;
    }
    this.push(file, line);
  }

  addError(file: string, line: number, code: ErrorCode, message: string): void {
    this.readErrors.push({ index: this.ends.length, code, message });
    this.push(file, line);
  }

  private push(file: string, line: number): void {
    this.ends.push(this.pos);
    this.lines.push(line);
    this.fileOf.push(this.fileIndex(file));
  }

  get size(): number {
    return this.ends.length;
  }

  full(): boolean {
    return this.ends.length >= this.limits.records || this.pos >= this.limits.bytes;
  }

  take(): Batch {
    // A copy of exactly the used bytes: it is transferred to a worker, and the builder starts afresh.
    const batch: Batch = {
      bytes: this.buf.slice(0, this.pos),
      ends: Int32Array.from(this.ends),
      lines: Int32Array.from(this.lines),
      fileOf: Int32Array.from(this.fileOf),
      files: this.files,
      readErrors: this.readErrors,
    };
    this.pos = 0;
    this.ends = [];
    this.lines = [];
    this.fileOf = [];
    this.files = [];
    this.readErrors = [];
    return batch;
  }
}

/** Whether a line holds only spaces (NDJSON allows blank lines; they are not records). */
function blank(chunk: Uint8Array, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = chunk[i];
    if (c !== 0x20 && c !== 0x09 && c !== 0x0d) return false;
  }
  return true;
}

/**
 * Splits a byte stream into lines without decoding it. A line longer than a profile may be is
 * skipped to its end and reported, so one runaway line cannot exhaust memory.
 */
async function* ndjsonBatches(stream: AsyncIterable<unknown>, file: string, b: BatchBuilder): AsyncGenerator<Batch> {
  let carry: Uint8Array[] = [];
  let carried = 0;
  let tooLong = false;
  let line = 0;
  const finish = (parts: Uint8Array[], size: number) => {
    line++;
    if (tooLong || size > MAX_PROFILE_BYTES) {
      b.addError(file, line, 'INPUT_UNREADABLE', `line is longer than ${MAX_PROFILE_BYTES} bytes; a profile may be at most that`);
      tooLong = false;
      return;
    }
    // Drop the CR of a CRLF line end (it may sit at the end of an earlier chunk than the LF).
    let k = parts.length - 1;
    while (k > 0 && parts[k]!.length === 0) k--;
    const last = parts[k];
    if (last && last.length && last[last.length - 1] === 0x0d) {
      parts = [...parts.slice(0, k), last.subarray(0, last.length - 1)];
      size--;
    }
    if (size === 0 || parts.every((p) => blank(p, 0, p.length))) return;
    b.add(file, line, parts);
  };
  for await (const data of stream) {
    const chunk = data as Uint8Array;
    b.consumed += chunk.length;
    let start = 0;
    for (let nl = chunk.indexOf(0x0a, start); nl !== -1; nl = chunk.indexOf(0x0a, start)) {
      if (carried === 0) {
        finish([chunk.subarray(start, nl)], nl - start);
      } else {
        carry.push(chunk.subarray(start, nl));
        finish(carry, carried + nl - start);
        carry = [];
        carried = 0;
      }
      start = nl + 1;
      if (b.full()) yield b.take();
    }
    if (start < chunk.length && !tooLong) {
      carried += chunk.length - start;
      if (carried > MAX_PROFILE_BYTES) {
        tooLong = true;
        carry = [];
        carried = 0;
      } else {
        // The stream may reuse its chunk: keep a copy of the unfinished line (Buffer#slice would not copy).
        const rest = new Uint8Array(chunk.length - start);
        rest.set(chunk.subarray(start));
        carry.push(rest);
      }
    }
  }
  if (carried > 0 || tooLong) finish(carry, carried);
}

/** A read error in the middle of a stream is the input's fault, not the program's: exit 2 naming the file. */
async function* unreadableAsError(stream: Readable, file: string): AsyncGenerator<unknown> {
  try {
    for await (const chunk of stream) yield chunk;
  } catch (e) {
    throw new PolicyCalcError('INPUT_UNREADABLE', [{ file, message: `cannot read: ${(e as Error).message}` }]);
  }
}

function wholeFile(file: string, b: BatchBuilder): void {
  let bytes: Buffer;
  try {
    const st = statSync(file);
    if (!st.isFile()) {
      // Never opened: reading a pipe would wait for a writer that may never come.
      b.addError(file, 0, 'INPUT_UNREADABLE', 'is not a regular file (a folder behind a link, a pipe, a socket or a device)');
      return;
    }
    if (st.size > MAX_PROFILE_BYTES) {
      b.addError(file, 0, 'INPUT_UNREADABLE', `is larger than ${MAX_PROFILE_BYTES} bytes; a profile may be at most that`);
      return;
    }
    bytes = readFileSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file (a link to nothing?)' : code === 'EACCES' ? 'permission denied' : (e as Error).message;
    b.addError(file, 0, 'INPUT_UNREADABLE', `cannot read: ${why}`);
    return;
  }
  b.consumed += bytes.length;
  b.add(file, 0, [bytes]);
}

/** NDJSON, or what was given in its place: a pretty-printed profile is read whole; an array is refused with a hint. */
async function* streamBatches(stream: AsyncIterable<unknown>, file: string, b: BatchBuilder): AsyncGenerator<Batch> {
  const { shape, chunks } = await sniff(stream);
  if (shape === 'lines') return yield* ndjsonBatches(chunks, file, b);
  if (shape === 'array') {
    b.addError(file, 0, 'INPUT_JSON', 'holds a JSON array; give one profile per line (NDJSON, e.g. `jq -c ".[]"`) or one profile per file');
    return;
  }
  const parts: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of chunks) {
    b.consumed += chunk.length;
    size += chunk.length;
    if (size > MAX_PROFILE_BYTES) {
      b.addError(file, 0, 'INPUT_UNREADABLE', `holds one pretty-printed JSON document larger than ${MAX_PROFILE_BYTES} bytes; a profile may be at most that`);
      return;
    }
    parts.push(chunk);
  }
  b.add(file, 0, parts);
  if (b.full()) yield b.take();
}

/** A profile workbook: each enterprise row a record, numbered by its row; a refused cell is that record's error. */
async function* workbookBatches(file: string, b: BatchBuilder): AsyncGenerator<Batch> {
  // exceljs is loaded only for a workbook.
  const { readWorkbookProfiles } = await import('./xlsx-in.js');
  for (const rec of await readWorkbookProfiles(file)) {
    if ('error' in rec) b.addError(file, rec.row, 'PROFILE_INVALID', rec.error.map((i) => i.message).join('; '));
    else b.add(file, rec.row, [Buffer.from(rec.text)]);
    if (b.full()) yield b.take();
  }
}

export interface BatchSource {
  batches: AsyncGenerator<Batch>;
  /** Input bytes read so far. */
  consumed(): number;
}

/** The inputs as a stream of batches, in input order. */
export function readBatches(plan: InputPlan, limits: BatchLimits, stdin: Readable = process.stdin): BatchSource {
  const b = new BatchBuilder(limits);
  async function* gen(): AsyncGenerator<Batch> {
    for (const input of plan.inputs) {
      if (input.kind === 'stdin' || input.kind === 'ndjson') {
        const file = input.kind === 'stdin' ? STDIN : input.path;
        const stream = input.kind === 'stdin' ? stdin : createReadStream(input.path, { highWaterMark: 1 << 16 });
        yield* streamBatches(unreadableAsError(stream, file), file, b);
      } else if (input.kind === 'xlsx') {
        yield* workbookBatches(input.path, b);
      } else if (input.kind === 'json') {
        wholeFile(input.path, b);
        if (b.full()) yield b.take();
      } else {
        for (const file of jsonFilesBelow(input.path)) {
          wholeFile(file, b);
          if (b.full()) yield b.take();
        }
      }
    }
    if (b.size) yield b.take();
  }
  return { batches: gen(), consumed: () => b.consumed };
}
