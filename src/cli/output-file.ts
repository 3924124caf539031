import { createWriteStream, openSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { PolicyCalcError } from '../engine/index.js';

/**
 * `-o FILE`: output written to a temporary file beside FILE and renamed over it once complete, so
 * a reader never sees half a file and a failed run leaves the old one in place. Without a file,
 * the output goes to stdout and `commit` does nothing.
 */
export interface Output {
  stream: Writable;
  /** The file the output ends up in; undefined for stdout. */
  file?: string;
  /** Finishes the file and moves it into place. */
  commit(): Promise<void>;
  /** Drops the temporary file (after an error). */
  abort(): void;
}

let serial = 0;

export function tempPathFor(file: string): string {
  return join(dirname(file), `.${basename(file)}.${process.pid}.${++serial}.tmp`);
}

function cannotWrite(file: string, e: unknown): PolicyCalcError {
  const code = (e as NodeJS.ErrnoException).code;
  const why = code === 'ENOENT' ? 'no such folder' : code === 'EACCES' ? 'permission denied' : code === 'EISDIR' ? 'is a folder' : (e as Error).message;
  return new PolicyCalcError('USAGE', [{ file, message: `cannot write: ${why}` }]);
}

/** Moves a finished temporary file over `file`; a failure is the user's (a read-only folder), not a bug. */
export function moveIntoPlace(temp: string, file: string): void {
  try {
    renameSync(temp, file);
  } catch (e) {
    rmSync(temp, { force: true });
    throw cannotWrite(file, e);
  }
}

export function openOutput(file: string | undefined, stdout: Writable = process.stdout): Output {
  if (file === undefined || file === '-') return { stream: stdout, commit: async () => {}, abort: () => {} };
  const temp = tempPathFor(file);
  let fd: number;
  try {
    // Opened here, synchronously, so that an unwritable place is a usage error before any work.
    fd = openSync(temp, 'wx');
  } catch (e) {
    throw cannotWrite(file, e);
  }
  const stream = createWriteStream(temp, { fd });
  let failure: unknown;
  stream.on('error', (e) => (failure ??= e));
  return {
    stream,
    file,
    commit: async () => {
      stream.end();
      try {
        await finished(stream);
      } catch (e) {
        failure ??= e;
      }
      if (failure) {
        rmSync(temp, { force: true });
        throw cannotWrite(file, failure);
      }
      moveIntoPlace(temp, file);
    },
    abort: () => {
      stream.destroy();
      rmSync(temp, { force: true });
    },
  };
}

/** Writes a whole text to FILE atomically, or to stdout. */
export async function writeOutput(file: string | undefined, text: string): Promise<void> {
  const out = openOutput(file);
  try {
    out.stream.write(text);
    await out.commit();
  } catch (e) {
    out.abort();
    throw e;
  }
}
