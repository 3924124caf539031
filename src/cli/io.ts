import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { decodeUtf8, PolicyCalcError } from '../engine/index.js';

/** The rule set shipped with the package. */
export const DEFAULT_RULES_DIR = fileURLToPath(new URL('../../rules', import.meta.url));
export const MAX_PROFILE_BYTES = 10 * 1024 * 1024;

/**
 * Reads a profile file, or stdin for "-", as UTF-8 text; failures are user errors naming the file.
 * An oversized input is refused before it is read (a regular file, by its size) or as soon as
 * the limit is passed (stdin, a pipe), so that a 50 MB file costs a stat, not 50 MB of memory.
 */
export function readInput(file: string, limit = MAX_PROFILE_BYTES): { text: string; name: string } {
  const name = file === '-' ? '<stdin>' : file;
  const tooLarge = (size: string) =>
    new PolicyCalcError('INPUT_UNREADABLE', [{ file: name, message: `is ${size} bytes; a profile may be at most ${limit} bytes (10 MB)` }]);
  let fd: number | undefined;
  try {
    fd = file === '-' ? 0 : openSync(file, 'r');
    const st = fstatSync(fd);
    if (st.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
    if (st.isFile() && st.size > limit) throw tooLarge(String(st.size));
    const bytes = readLimited(fd, limit);
    if (bytes === undefined) throw tooLarge(`more than ${limit}`);
    return { text: decodeUtf8(bytes, name), name };
  } catch (e) {
    if (e instanceof PolicyCalcError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory, not a profile file' : code === 'EACCES' ? 'permission denied' : (e as Error).message;
    throw new PolicyCalcError('INPUT_UNREADABLE', [{ file: name, message: `cannot read: ${why}` }]);
  } finally {
    if (fd !== undefined && fd !== 0) closeSync(fd);
  }
}

/** Reads to the end in chunks; undefined as soon as more than `limit` bytes arrived. */
function readLimited(fd: number, limit: number): Buffer | undefined {
  const chunks: Buffer[] = [];
  let total = 0;
  const wait = new Int32Array(new SharedArrayBuffer(4));
  for (;;) {
    const chunk = Buffer.allocUnsafe(Math.min(1 << 20, limit + 1 - total));
    let n: number;
    try {
      n = readSync(fd, chunk, 0, chunk.length, null);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      // A non-blocking stdin (some terminals and pipes) has no data yet: wait briefly and retry.
      if (code === 'EAGAIN') {
        Atomics.wait(wait, 0, 0, 5);
        continue;
      }
      if (code === 'EOF') break;
      throw e;
    }
    if (n === 0) break;
    total += n;
    if (total > limit) return undefined;
    chunks.push(chunk.subarray(0, n));
  }
  return Buffer.concat(chunks, total);
}

/** Writes to stdout, and stops quietly when the reader has gone away (`| head`). */
export function writeOut(text: string): void {
  process.stdout.write(text);
}
