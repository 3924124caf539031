import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Batch } from '../src/batch/inputs.js';
import { WorkerPool } from '../src/batch/pool.js';
import { createProcessor, type BatchResult, type ProcessorConfig } from '../src/batch/worker.js';
import { ROOT } from './cli-helpers.js';

/**
 * With several jobs the main thread evaluates beside the workers: it takes a batch when every
 * worker holds its share, and one while the worker is still starting. Whoever ran a batch, the
 * output is the bytes one thread would write, in submission order.
 */
const utf8 = new TextEncoder();
const text = new TextDecoder();
const valid = readFileSync(join(ROOT, 'fixtures/cloud-sme.json'), 'utf8').replace(/\s*\n\s*/g, ' ');
const config: ProcessorConfig = { mode: 'batch', rules: join(ROOT, 'rules'), asOf: '2019-06-30', format: 'ndjson', full: false, compact: false };
/** The built worker entry (npm test builds first), as the unbundled program names it. */
const ENTRY = pathToFileURL(join(ROOT, 'dist/batch/worker-entry.js'));

/** Batch `k` of `size` records, each a valid profile named after its line, one of them broken JSON. */
function batch(k: number, size: number): Batch {
  const records = Array.from({ length: size }, (_, i) => {
    const line = k * size + i + 1;
    return line % 5 === 0 ? '{"name": ' : valid.replace(/"name": "[^"]*"/, `"name": "企业${line}"`);
  });
  const parts = records.map((r) => utf8.encode(r));
  const bytes = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  const ends: number[] = [];
  let at = 0;
  for (const p of parts) {
    bytes.set(p, at);
    at += p.length;
    ends.push(at);
  }
  return { bytes, ends: Int32Array.from(ends), lines: Int32Array.from(records.map((_, i) => k * size + i + 1)), fileOf: new Int32Array(size), files: ['register.ndjson'], readErrors: [] };
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
