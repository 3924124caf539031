import { closeSync, fstatSync, mkdirSync, openSync, readSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
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

/** Why a write failed, as a person says it: the usual causes by name, else the system's message. */
export function writeProblem(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOSPC': return 'no space left on the device';
    case 'EDQUOT': return 'the disk quota is used up';
    case 'EACCES':
    case 'EPERM': return 'permission denied';
    case 'EROFS': return 'the file system is read-only';
    case 'EISDIR': return 'is a directory';
    case 'ENOTDIR': return 'a part of the path is a file, not a folder';
    case 'EIO': return 'an input/output error on the device';
    case 'EFBIG': return 'the file is too large for the file system';
    default: return (e as Error).message ?? String(e);
  }
}

/**
 * Writes a whole file or nothing: the text goes to a temporary file beside the target, which is
 * renamed over the target only once every byte is written. A full disk, a quota or a kill midway
 * leaves the old file (or none), never half a report. `write` is replaceable for tests.
 */
export function writeFileAtomic(file: string, text: string | Uint8Array, what = 'the file', write: typeof writeSync = writeSync): void {
  const fail = (why: string) => new PolicyCalcError('USAGE', [{ file, message: `cannot write ${what}: ${why}` }]);
  try {
    // Never rename over a device or a pipe (`-o /dev/full`): only regular files are replaced.
    if (!statSync(file).isFile()) throw fail('is not a regular file; give the name of a file to write');
  } catch (e) {
    if (e instanceof PolicyCalcError) throw e;
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw fail(writeProblem(e));
  }
  const temp = join(dirname(file), `.${basename(file)}.${process.pid}.${Math.random().toString(36).slice(2, 10)}.tmp`);
  let fd: number | undefined;
  try {
    mkdirSync(dirname(file), { recursive: true });
    fd = openSync(temp, 'wx');
    const bytes = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
    for (let at = 0; at < bytes.length; ) at += write(fd, bytes, at, bytes.length - at);
    closeSync(fd);
    fd = undefined;
    renameSync(temp, file);
  } catch (e) {
    if (fd !== undefined) closeSync(fd);
    try {
      unlinkSync(temp);
    } catch {
      // never created, or already renamed
    }
    throw fail(writeProblem(e));
  }
}

/**
 * What happens when stdout cannot be written: a reader that went away (`| head`) ends the run
 * quietly; any other failure (a full disk, `> /dev/full`, an I/O error) is said in one line, and
 * the run ends with exit 2: the output is incomplete, so it must not look like a success.
 */
export function onStdoutError(err: NodeJS.ErrnoException, exit: (code: number) => never = process.exit): void {
  if (err.code === 'EPIPE') exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
  process.stderr.write(`policy-calc: cannot write the output: ${writeProblem(err)}; the output is incomplete\n`);
  exit(2);
}
