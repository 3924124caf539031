import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Batch } from '../src/batch/inputs.js';
import { WorkerPool } from '../src/batch/pool.js';
import { expectedRecords, useWorkers, workersFrom, WORKERS_FROM } from '../src/batch/run.js';
import type { InputPlan } from '../src/batch/input-plan.js';
import { createProcessor, type BatchResult, type ProcessorConfig } from '../src/batch/worker.js';
import { ROOT } from './cli-helpers.js';
import { batchOf } from './batch-helpers.js';

/**
 * With several jobs the main thread evaluates beside the workers: it takes a batch when every
 * worker holds its share, and one while the worker is still starting. Whoever ran a batch, the
 * output is the bytes one thread would write, in submission order. Workers start only for an
 * input large enough to pay for their warm-up, or of unknown size.
 */
const text = new TextDecoder();
const valid = readFileSync(join(ROOT, 'fixtures/cloud-sme.json'), 'utf8').replace(/\s*\n\s*/g, ' ');
const config: ProcessorConfig = { mode: 'batch', rules: join(ROOT, 'rules'), asOf: '2019-06-30', format: 'ndjson', full: false, compact: false };
/** The built worker entry (npm test builds first), as the unbundled program names it. */
const ENTRY = pathToFileURL(join(ROOT, 'dist/batch/worker-entry.js'));

/** Batch `k` of `size` records, each a valid profile named after its line, every fifth line broken JSON. */
function batch(k: number, size: number): Batch {
  const records = Array.from({ length: size }, (_, i) => {
    const line = k * size + i + 1;
    return line % 5 === 0 ? '{"name": ' : valid.replace(/"name": "[^"]*"/, `"name": "企业${line}"`);
  });
  return batchOf(records, k * size + 1);
}

/** Runs the batches with at most `window` in flight, as the pipeline does, and joins the outputs in order. */
async function runAll(run: (b: Batch) => Promise<BatchResult>, release: (r: BatchResult) => void, batches: Batch[], window: number): Promise<string> {
  const pending: Promise<BatchResult>[] = [];
  let out = '';
  const take = async () => {
    const r = await pending.shift()!;
    out += text.decode(r.output);
    release(r);
  };
  for (const b of batches) {
    if (pending.length >= window) await take();
    pending.push(run(b));
  }
  while (pending.length) await take();
  return out;
}

describe('the worker pool', () => {
  it('with two jobs, the main thread and the worker both evaluate, and the output is one thread\'s', async () => {
    const batches = () => Array.from({ length: 12 }, (_, k) => batch(k, 3));
    const alone = createProcessor(config);
    const expected = await runAll((b) => Promise.resolve(alone.run(b)), (r) => alone.recycle(r.output), batches(), 1);
    const pool = new WorkerPool(ENTRY, config, 2);
    try {
      const got = await runAll((b) => pool.run(b), (r) => pool.release(r), batches(), 4);
      expect(got).toBe(expected);
    } finally {
      await pool.close();
    }
    // The first batch goes to the worker it starts; the second, while it starts, runs here.
    expect(pool.ran.workers).toBeGreaterThanOrEqual(1);
    expect(pool.ran.here).toBeGreaterThanOrEqual(1);
    expect(pool.ran.here + pool.ran.workers).toBe(12);
    // Every line is there once, in order: 企业1 ... 企业36, the broken ones as errors.
    const names = expected.trim().split('\n').map((l) => JSON.parse(l).enterprise?.name ?? 'error');
    expect(names).toEqual(Array.from({ length: 36 }, (_, i) => ((i + 1) % 5 === 0 ? 'error' : `企业${i + 1}`)));
  });
});

describe('where batches run', () => {
  const file = (kind: InputPlan['inputs'][number]['kind'], knownBytes: number, sizeKnown = true): InputPlan => ({ inputs: [{ path: 'x', kind }], knownBytes, sizeKnown });
  /** A first batch of `n` records of `size` bytes each. */
  const first = (n: number, size: number) => ({ ...batch(0, 1), bytes: new Uint8Array(n * size), ends: Int32Array.from({ length: n }, (_, i) => (i + 1) * size) });

  it('expects as many records as the files hold at the first batch\'s bytes per record, and a folder as it has JSON files', () => {
    expect(expectedRecords(file('ndjson', 100 * 20_000), first(128, 100), 16_000)).toBe(20_000);
    expect(expectedRecords(file('ndjson', 1_000), first(2, 400), 16_000)).toBe(3);
    // Inputs whose size says nothing of their records: stdin (not known), a workbook (compressed).
    expect(expectedRecords(file('stdin', 0, false), first(128, 100), 16_000)).toBeUndefined();
    expect(expectedRecords(file('xlsx', 5_000_000), first(128, 100), 16_000)).toBeUndefined();
    const dir = mkdtempSync(join(tmpdir(), 'pc-pool-'));
    try {
      mkdirSync(join(dir, 'sub'));
      for (const f of ['a.json', 'b.json', 'notes.txt', 'sub/c.json']) writeFileSync(join(dir, f), '{}');
      const folder = { inputs: [{ path: dir, kind: 'dir' as const }], knownBytes: 0, sizeKnown: false };
      expect(expectedRecords(folder, first(1, 2), 16_000)).toBe(3);
      // Counted no further than needed.
      expect(expectedRecords(folder, first(1, 2), 2)).toBe(2);
      // A folder and a file: the folder's files, and the file's bytes at the first batch's rate.
      expect(expectedRecords({ ...folder, inputs: [...folder.inputs, { path: 'x.ndjson', kind: 'ndjson' }], knownBytes: 1_000 }, first(1, 100), 16_000)).toBe(13);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('uses workers for an input expected to be large or of unknown size, never for a small one', () => {
    expect(useWorkers(1, 'more', 1_000_000, 16_000)).toBe(false);
    expect(useWorkers(4, 'one', 1_000_000, 16_000)).toBe(false);
    expect(useWorkers(2, 'more', 15_999, 16_000)).toBe(false);
    expect(useWorkers(2, 'more', 16_000, 16_000)).toBe(true);
    expect(useWorkers(2, 'more', undefined, 16_000)).toBe(true);
    expect(useWorkers(2, 'more', 3, 0)).toBe(true);
  });

  it('takes POLICY_CALC_WORKERS_FROM when it is a whole number', () => {
    expect(workersFrom({})).toBe(WORKERS_FROM);
    expect(workersFrom({ POLICY_CALC_WORKERS_FROM: '0' })).toBe(0);
    expect(workersFrom({ POLICY_CALC_WORKERS_FROM: '500' })).toBe(500);
    for (const bad of ['', '-1', '1.5', 'many']) expect(workersFrom({ POLICY_CALC_WORKERS_FROM: bad })).toBe(WORKERS_FROM);
  });
});
