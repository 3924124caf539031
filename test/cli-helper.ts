import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Helpers for end-to-end tests: run the built CLI, and edit throw-away copies of the rules. */
export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const RULES = join(ROOT, 'rules');
const BIN = join(ROOT, 'bin', 'policy-calc.js');

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function cli(args: string[], opts: { cwd?: string; input?: string } = {}): Run {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: opts.cwd ?? ROOT,
    input: opts.input,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', LANG: 'en_US.UTF-8', LC_ALL: '' },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A copy of the shipped rules (with tests/ and source/) in a fresh temporary directory. */
export function copyRules(): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'policy-calc-rules-')), 'rules');
  cpSync(RULES, dir, { recursive: true });
  return dir;
}

/** Replaces `from` by `to` exactly once in a file, failing loudly when the text is not there. */
export function edit(file: string, from: string | RegExp, to: string): void {
  const text = readFileSync(file, 'utf8');
  const next = text.replace(from, to);
  if (next === text) throw new Error(`${file}: ${String(from)} not found`);
  writeFileSync(file, next);
}

/** The 1-based line of the first line matching `pattern` at or after line `after`: found by hand, not by the program. */
export function lineOf(file: string, pattern: RegExp, after = 1): number {
  const lines = readFileSync(file, 'utf8').split('\n');
  for (let i = after - 1; i < lines.length; i++) if (pattern.test(lines[i]!)) return i + 1;
  throw new Error(`${file}: no line matches ${String(pattern)}`);
}
