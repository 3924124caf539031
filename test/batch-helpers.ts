import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Batch } from '../src/batch/inputs.js';
import { ROOT } from './cli-helpers.js';

/** Helpers for the batch and diff tests. */
export function tempDir(prefix: string): { dir: string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), `policy-calc-${prefix}-`));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The seven quantified policies the expectations below were worked out for. */
export const SEVEN = ['p09', 'p10', 'p11', 'p12', 'p20', 'p21', 'p22'];

/**
 * A copy of the shipped rules with only the seven quantified policies, so that counts, totals and
 * CSV columns worked out by hand stay right whatever other articles rules/ holds.
 */
export function sevenPolicyRules(into: string): string {
  const dir = join(into, 'rules-7');
  cpSync(join(ROOT, 'rules'), dir, { recursive: true });
  for (const f of readdirSync(join(dir, 'policies'))) {
    if (!SEVEN.some((p) => f.startsWith(`${p}-`))) rmSync(join(dir, 'policies', f));
  }
  return dir;
}

export const FIXTURES = ['cloud-sme', 'design-firm', 'hotel-hot-spring', 'regional-hq', 'sparse'];

/** A fixture as one NDJSON line. */
export function fixtureLine(name: string): string {
  return JSON.stringify(JSON.parse(readFileSync(join(ROOT, 'fixtures', `${name}.json`), 'utf8')));
}

export function ndjson(text: string): Record<string, any>[] {
  return text
    .split('\n')
    .filter((l) => l.length)
    .map((l) => JSON.parse(l));
}

/** The five example profiles copied into a folder of their own (fixtures/ also holds the catalogue of bad ones). */
export function fixtureFolder(into: string): string {
  const dir = join(into, 'fixtures');
  mkdirSync(dir, { recursive: true });
  for (const f of FIXTURES) copyFileSync(join(ROOT, 'fixtures', `${f}.json`), join(dir, `${f}.json`));
  return dir;
}

const utf8 = new TextEncoder();

/**
 * One batch of NDJSON records of register.ndjson, numbered from `firstLine`; `null` is a record
 * that could not be read (a read error).
 */
export function batchOf(records: (string | null)[], firstLine = 1): Batch {
  const parts = records.map((r) => utf8.encode(r ?? ''));
  const bytes = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  const ends: number[] = [];
  let at = 0;
  for (const p of parts) {
    bytes.set(p, at);
    at += p.length;
    ends.push(at);
  }
  const readErrors = records.flatMap((r, index) => (r === null ? [{ index, code: 'INPUT_JSON' as const, message: 'line too long' }] : []));
  const lines = Int32Array.from(records.map((_, i) => firstLine + i));
  return { bytes, ends: Int32Array.from(ends), lines, fileOf: new Int32Array(records.length), files: ['register.ndjson'], readErrors };
}
