import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { ROOT, run, spawnCli as spawnBuilt } from './cli-helpers.js';

/** Shared by the hardening tests: run the CLI (in-process, or the built one spawned), and check how it refuses input. */

/** The locale and colour the hardening runs have, in-process or spawned. */
const ENV = { NO_COLOR: '1', LANG: 'en_US.UTF-8', LC_ALL: '' };

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/** The CLI in-process (cli-helpers.ts `run`), from the package root; for stdin and other process matters, `spawnCli`. */
export async function runCli(args: string[], opts: { input?: string | Buffer } = {}): Promise<CliResult> {
  const started = Date.now();
  const r = await run(args, { ...opts, env: ENV });
  return { ...r, ms: Date.now() - started };
}

/** The built CLI in a process of its own (cli-helpers.ts `spawnCli`), fed `input` on stdin. */
export async function spawnCli(args: string[], opts: { input?: string | Buffer } = {}): Promise<CliResult> {
  const started = Date.now();
  const r = await spawnBuilt(args, { ...opts, env: ENV });
  return { ...r, ms: Date.now() - started };
}

/**
 * A refusal as the contract wants it: exit 2, nothing on stdout, and exactly `problems` lines
 * on stderr, each "policy-calc: <file>...", none of them a stack trace or an internal error.
 */
export function expectRefused(r: CliResult, file: string, problems = 1): string[] {
  const lines = r.stderr.split('\n').filter((l) => l !== '');
  expect(r.code, r.stderr).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr).not.toMatch(/internal error|^\s+at |Error:|\bundefined\b|\[object /m);
  expect(lines, r.stderr).toHaveLength(problems);
  for (const l of lines) expect(l.startsWith(`policy-calc: ${file}`), l).toBe(true);
  return lines;
}

/** A copy of the shipped rules in a temp dir, to break one thing in; removed by the returned function. */
export function copyRules(): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'policy-calc-rules-'));
  cpSync(join(ROOT, 'rules'), dir, { recursive: true });
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
