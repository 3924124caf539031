import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli, run as runInProcess } from './cli-helpers.js';
import { expect } from 'vitest';

/** Shared by the report tests (report-cli, report-options): the runs, the fixtures, reading the HTML. */
export const ROOT = join(import.meta.dirname, '..');
export const FIXTURES = ['cloud-sme', 'regional-hq', 'hotel-hot-spring', 'design-firm', 'sparse'];
export const AS_OF = '2018-06-30';

const ENV = { NO_COLOR: '1', LANG: 'C' };
export const run = (args: string[], env: Record<string, string> = {}) => runInProcess(args, { env: { ...ENV, ...env } });
/** `report -` reads its stdin from the file descriptor: the built CLI. */
export const spawned = (args: string[], input: string) => cli(args, { input, env: ENV });

export async function checkJson(fixture: string) {
  const r = await run(['check', `fixtures/${fixture}.json`, '--as-of', AS_OF, '--format', 'json']);
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as {
    enterprise: { creditCode: string | null };
    benefits: { id: string; status: string; amount: string | null; amountBound: string | null; countedInTotal: boolean; figures: Record<string, string> }[];
    totals: { amount: string; eligible: number; needsInfo: number; ineligible: number };
  };
}

/** Attribute values of every element that has `data-<name>`, in document order. */
export function attrs(html: string, tag: string): Record<string, string>[] {
  const out: Record<string, string>[] = [];
  for (const m of html.matchAll(new RegExp(`<${tag}\\b([^>]*)>`, 'g'))) {
    const a: Record<string, string> = {};
    for (const x of m[1]!.matchAll(/([\w-]+)="([^"]*)"/g)) a[x[1]!] = x[2]!;
    out.push(a);
  }
  return out;
}

export function tmp(): string {
  return mkdtempSync(join(tmpdir(), 'policy-calc-report-'));
}

/** Memoized: each fixture is checked and each batch rendered once for all the tests that read them. */
export function memo<T>(f: () => T): () => T {
  let v: { value: T } | undefined;
  return () => (v ??= { value: f() }).value;
}
