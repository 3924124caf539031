import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { decodeUtf8, PolicyCalcError } from '../engine/index.js';

/** The rule set shipped with the package. */
export const DEFAULT_RULES_DIR = fileURLToPath(new URL('../../rules', import.meta.url));
export const MAX_PROFILE_BYTES = 10 * 1024 * 1024;

/** Reads a profile file, or stdin for "-", as UTF-8 text; failures are user errors naming the file. */
export function readInput(file: string): { text: string; name: string } {
  const name = file === '-' ? '<stdin>' : file;
  let bytes: Buffer;
  try {
    bytes = readFileSync(file === '-' ? 0 : file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory, not a profile file' : code === 'EACCES' ? 'permission denied' : (e as Error).message;
    throw new PolicyCalcError('INPUT_UNREADABLE', [{ file: name, message: `cannot read: ${why}` }]);
  }
  if (bytes.length > MAX_PROFILE_BYTES) {
    throw new PolicyCalcError('INPUT_UNREADABLE', [{ file: name, message: `is ${bytes.length} bytes; a profile may be at most ${MAX_PROFILE_BYTES} bytes` }]);
  }
  return { text: decodeUtf8(bytes, name), name };
}

/** Writes to stdout, and stops quietly when the reader has gone away (`| head`). */
export function writeOut(text: string): void {
  process.stdout.write(text);
}
