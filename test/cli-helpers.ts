import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Helpers for end-to-end tests: they spawn the built CLI, as a user would run it. */
export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const BIN = join(ROOT, 'bin', 'policy-calc.js');

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function cli(args: string[], opts: { input?: string; env?: Record<string, string> } = {}): RunResult {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    input: opts.input,
    encoding: 'utf8',
    // CI set: no progress bar, whatever runs the tests.
    env: { ...process.env, CI: '1', NO_COLOR: '1', ...opts.env },
    maxBuffer: 256 * 1024 * 1024,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

export function tempDir(prefix: string): { dir: string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), `policy-calc-${prefix}-`));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The seven quantified policies the expectations below were worked out for. */
export const SEVEN = ['p09', 'p10', 'p11', 'p12', 'p20', 'p21', 'p22'];

/**
 * A copy of the shipped rules with only the seven quantified policies, so that counts, totals and
 * CSV columns worked out by hand stay right when the other 18 articles join rules/.
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
