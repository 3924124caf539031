import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PolicyCalcError } from '../engine/index.js';
import { readInput } from './io.js';

const dir = mkdtempSync(join(tmpdir(), 'policy-calc-io-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function messageOf(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    if (e instanceof PolicyCalcError) return e.issues.map((i) => `${i.file}: ${i.message}`).join('\n');
    throw e;
  }
  return 'no error';
}

describe('readInput', () => {
  it('reads a file up to the limit', () => {
    const f = join(dir, 'ok.json');
    writeFileSync(f, '0123456789');
    expect(readInput(f, 10).text).toBe('0123456789');
  });

  it('refuses a regular file over the limit by its size', () => {
    const f = join(dir, 'big.json');
    writeFileSync(f, '01234567890');
    expect(messageOf(() => readInput(f, 10))).toBe(`${f}: is 11 bytes; a profile may be at most 10 bytes (10 MB)`);
  });

  it('stops reading a stream (a named pipe) once past the limit', async () => {
    const fifo = join(dir, 'pipe.json');
    execFileSync('mkfifo', [fifo]);
    // A writer that would go on for 1 MB; the reader must give up after 11 bytes.
    const writer = spawn('sh', ['-c', `head -c 1048576 /dev/zero > '${fifo}'`], { stdio: 'ignore' });
    expect(messageOf(() => readInput(fifo, 10))).toBe(`${fifo}: is more than 10 bytes; a profile may be at most 10 bytes (10 MB)`);
    writer.kill();
  });

  it('names missing files and directories', () => {
    expect(messageOf(() => readInput(join(dir, 'nope.json')))).toMatch(/cannot read: no such file$/);
    expect(messageOf(() => readInput(dir))).toMatch(/cannot read: is a directory, not a profile file$/);
  });
});
