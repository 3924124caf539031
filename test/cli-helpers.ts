import { spawn, spawnSync } from 'node:child_process';
import { Readable } from 'node:stream';
import { setFlagsFromString } from 'node:v8';
import { fileURLToPath } from 'node:url';
import { runCli } from '../src/cli/program.js';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const BIN = `${ROOT}bin/policy-calc.js`;

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

interface RunOptions {
  input?: string | Buffer;
  env?: Record<string, string>;
}

/** The environment a run sees: the PATH, an English locale, and what the test adds; nothing else of the test's. */
const runEnv = (env: Record<string, string> = {}) => ({ PATH: process.env.PATH ?? '', LANG: 'en_US.UTF-8', ...env });

/**
 * Runs the built CLI as a user would, with no terminal and no color: a process of its own. For
 * what only a process shows (the exit status and stderr of the real binary, stdin, worker
 * threads, signals, a terminal); everything else runs in-process with `run`, in milliseconds.
 */
export function cli(args: string[], opts: RunOptions = {}): Run {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    input: opts.input,
    encoding: 'utf8',
    env: runEnv(opts.env),
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** `cli` without blocking: runs can overlap (each is a process), and the CLI may stop reading stdin early. */
export function spawnCli(args: string[], opts: RunOptions = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: runEnv(opts.env) });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    // The CLI may stop reading stdin early (an oversized profile): that is not a test failure.
    child.stdin.on('error', () => {});
    child.stdin.end(opts.input);
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

type Write = typeof process.stdout.write;

/** Replaces a stream's write for the length of a run, keeping what was written. */
function capture(stream: NodeJS.WriteStream): { text: () => string; restore: () => void } {
  const chunks: Buffer[] = [];
  const own = Object.getOwnPropertyDescriptors(stream);
  const write = (chunk: string | Uint8Array, encoding?: BufferEncoding | ((e?: Error | null) => void), done?: (e?: Error | null) => void) => {
    chunks.push(typeof chunk === 'string' ? Buffer.from(chunk, typeof encoding === 'string' ? encoding : 'utf8') : Buffer.from(chunk));
    const callback = typeof encoding === 'function' ? encoding : done;
    if (callback) process.nextTick(callback);
    return true;
  };
  // As through a pipe: not a terminal, no width.
  Object.defineProperty(stream, 'write', { value: write as Write, configurable: true, writable: true });
  Object.defineProperty(stream, 'isTTY', { value: undefined, configurable: true, writable: true });
  Object.defineProperty(stream, 'columns', { value: undefined, configurable: true, writable: true });
  return {
    text: () => Buffer.concat(chunks).toString('utf8'),
    restore: () => {
      for (const key of ['write', 'isTTY', 'columns'] as const) {
        if (key in own) Object.defineProperty(stream, key, own[key]!);
        else delete (stream as unknown as Record<string, unknown>)[key];
      }
    },
  };
}

/** The runs in turn: stdout, stderr, stdin and the environment are the process's (concurrent tests queue here). */
let queue: Promise<unknown> = Promise.resolve();

/** Commands that read "-" from the file descriptor (readInput), not from process.stdin: their stdin is for `cli`. */
const READS_FD_0 = new Set(['check', 'report', 'ask']);

/** process.stdin replaced by `input` for the length of a run (batch's input reader reads the stream). */
function feedStdin(input: string | Buffer): () => void {
  const own = Object.getOwnPropertyDescriptor(process, 'stdin')!;
  Object.defineProperty(process, 'stdin', { value: Readable.from([Buffer.from(input)]), configurable: true, enumerable: true });
  return () => Object.defineProperty(process, 'stdin', own);
}

/**
 * Runs the CLI in this process (the program of src/cli/program.ts, as the binary runs it) and
 * gives what `cli` gives: the exit code and what was written to stdout and stderr. The
 * environment is `cli`'s for the length of the call, stdout is not a terminal, and `input` is
 * process.stdin (for the commands that read it as a stream: batch, validate, convert, diff).
 */
export function run(args: string[], opts: RunOptions = {}): Promise<Run> {
  const next = queue.then(() => runNow(args, opts));
  queue = next.catch(() => {});
  return next;
}

async function runNow(args: string[], opts: RunOptions): Promise<Run> {
  if (opts.input !== undefined && READS_FD_0.has(args[0]!)) throw new Error(`run: ${args[0]} reads stdin from its file descriptor; use cli`);
  if (process.cwd() !== ROOT.replace(/\/$/, '')) throw new Error(`run: the tests run from ${ROOT}, not ${process.cwd()}`);
  const saved = { ...process.env };
  const env = runEnv(opts.env);
  for (const key of Object.keys(process.env)) delete process.env[key];
  Object.assign(process.env, env);
  const out = capture(process.stdout);
  const err = capture(process.stderr);
  // Without input, an empty stdin, as `cli` gives.
  const restoreStdin = feedStdin(opts.input ?? '');
  try {
    const code = await runCli([process.execPath, BIN, ...args]);
    return { code, stdout: out.text(), stderr: err.text() };
  } finally {
    out.restore();
    err.restore();
    restoreStdin();
    for (const key of Object.keys(process.env)) delete process.env[key];
    Object.assign(process.env, saved);
    // `batch` sizes its process's young generation and, with workers, scavenges on one thread
    // (src/batch/heap.ts); this process runs other tests after it: V8's defaults back.
    if (args[0] === 'batch') setFlagsFromString('--semi-space-growth-factor=2 --parallel-scavenge');
  }
}

/** `args` with --format json, in-process; the parsed output, or an error with stderr when the exit code is not 0. */
export async function json(args: string[]): Promise<any> {
  const r = await run([...args, '--format', 'json']);
  if (r.code !== 0) throw new Error(`exit ${r.code}: ${r.stderr}`);
  return JSON.parse(r.stdout);
}
