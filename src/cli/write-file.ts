import { closeSync, existsSync, fsyncSync, linkSync, openSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { PolicyCalcError } from '../engine/index.js';

/**
 * Writes a file so that a reader never sees half of it: the text goes to a temporary file beside
 * the target, which then takes the target's name in one step. Without `force` an existing file is
 * never replaced: the temporary file is hard-linked to the name, which fails if the name exists,
 * so even a file created meanwhile by someone else survives.
 */
export function writeFileAtomic(file: string, text: string, opts: { force: boolean }): void {
  const tmp = join(dirname(file), `.${basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const fail = (why: string) => new PolicyCalcError('USAGE', [{ file, message: why }]);
  let fd: number;
  try {
    fd = openSync(tmp, 'wx', 0o644);
  } catch (e) {
    throw fail(`cannot write here: ${reason(e)}`);
  }
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } catch (e) {
    closeSync(fd);
    unlinkSync(tmp);
    throw fail(`cannot write: ${reason(e)}`);
  }
  closeSync(fd);
  try {
    if (opts.force) renameSync(tmp, file);
    else {
      try {
        linkSync(tmp, file);
      } catch (e) {
        // A file system without hard links: check, then rename (a narrow race, but no clobbering otherwise).
        const code = (e as NodeJS.ErrnoException).code;
        if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS') throw e;
        if (existsSync(file)) throw Object.assign(new Error('exists'), { code: 'EEXIST' });
        renameSync(tmp, file);
      }
      if (existsSync(tmp)) unlinkSync(tmp);
    }
  } catch (e) {
    try {
      unlinkSync(tmp);
    } catch {
      // already gone
    }
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') throw fail('already exists; give --force to replace it, or another name with -o');
    throw fail(`cannot write: ${reason(e)}`);
  }
}

function reason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  return code === 'ENOENT' ? 'no such folder' : code === 'EACCES' ? 'permission denied' : code === 'EISDIR' ? 'is a directory' : (e as Error).message;
}
