import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, ROOT } from './cli-helpers.js';
import { FIXTURES, fixtureLine, ndjson, tempDir } from './batch-helpers.js';

/**
 * Issue 6, part 4: a batch with broken lines, a killed worker, or unreadable files finishes the
 * rest, reports each failure, and gives the same output whatever the number of jobs.
 */
const AS_OF = ['--as-of', '2019-06-30'];
const MARKER = 'WORKER-KILLER-7f3a';
let tmp: ReturnType<typeof tempDir>;

beforeAll(() => {
  tmp = tempDir('robust');
});
afterAll(() => tmp.cleanup());

/** 40 lines: the fixtures over and over, with every tenth line broken in a different way. */
function mixedNdjson(withMarker: boolean): string {
  const lines: string[] = [];
  for (let i = 0; i < 40; i++) {
    if (i % 10 === 3) lines.push(['{"name": "truncated"', '[1, 2]', '{"name":"x","registrationDate":"2017-02-30"}', 'not json'][(i / 10) | 0]!);
    else if (withMarker && i === 21) lines.push(JSON.stringify({ name: MARKER, registrationDate: '2017-05-01', industry: 'logistics' }));
    else lines.push(fixtureLine(FIXTURES[i % FIXTURES.length]!));
  }
  return `${lines.join('\n')}\n`;
}

describe('batch robustness', () => {
  it('broken lines: each reported by number, the rest evaluated, the same bytes with 1 and 4 jobs', () => {
    const file = join(tmp.dir, 'mixed.ndjson');
    writeFileSync(file, mixedNdjson(false));
    const one = cli(['batch', file, '--jobs', '1', ...AS_OF], { env: { POLICY_CALC_BATCH_RECORDS: '3' } });
    const four = cli(['batch', file, '--jobs', '4', ...AS_OF], { env: { POLICY_CALC_BATCH_RECORDS: '3', POLICY_CALC_WORKERS_FROM: '0' } });
    expect(one.code).toBe(1);
    expect(four.code).toBe(1);
    expect(four.stdout).toBe(one.stdout);
    const out = ndjson(one.stdout);
    expect(out).toHaveLength(40);
    expect(out.filter((l) => l.error).map((l) => l.input.line)).toEqual([4, 14, 24, 34]);
    expect(out.filter((l) => l.benefits)).toHaveLength(36);
    expect(one.stderr).toMatch(/4 of 40 input\(s\) invalid/);
  });

  it('a killed worker: its inputs are evaluated again, the output is complete and identical, the loss is reported', () => {
    const file = join(tmp.dir, 'killer.ndjson');
    writeFileSync(file, mixedNdjson(true));
    const reference = cli(['batch', file, '--jobs', '1', ...AS_OF]);
    const killed = cli(['batch', file, '--jobs', '2', ...AS_OF], {
      env: { POLICY_CALC_BATCH_RECORDS: '4', POLICY_CALC_TEST_WORKER_EXIT_ON: MARKER, POLICY_CALC_WORKERS_FROM: '0' },
    });
    // The batch with the marker kills a worker, then the worker that runs it again; the third time
    // it runs in the main thread, which the fault does not reach.
    expect(killed.stderr.match(/a batch worker stopped unexpectedly \(exit code 70\); the \d+ input\(s\) it held are evaluated again/g)).toHaveLength(2);
    expect(killed.stdout).toBe(reference.stdout);
    expect(killed.code).toBe(reference.code);
    const marked = ndjson(killed.stdout).find((l) => l.enterprise?.name === MARKER);
    expect(marked?.input).toEqual({ file, line: 22 });
  });

  it('a small input with --jobs 2 starts no worker: the fault that kills workers never strikes', () => {
    const file = join(tmp.dir, 'small-killer.ndjson');
    writeFileSync(file, mixedNdjson(true));
    const reference = cli(['batch', file, '--jobs', '1', ...AS_OF]);
    // 40 records, far below the 16,000 from which workers start (POLICY_CALC_WORKERS_FROM unset).
    const two = cli(['batch', file, '--jobs', '2', ...AS_OF], { env: { POLICY_CALC_BATCH_RECORDS: '4', POLICY_CALC_TEST_WORKER_EXIT_ON: MARKER } });
    expect(two.stderr).not.toMatch(/worker stopped unexpectedly/);
    expect(two.stdout).toBe(reference.stdout);
    expect(two.code).toBe(reference.code);
  });

  it('unreadable files in a folder: each reported, the rest evaluated, no hang', () => {
    const dir = join(tmp.dir, 'folder');
    mkdirSync(dir);
    for (const f of FIXTURES) copyFileSync(join(ROOT, 'fixtures', `${f}.json`), join(dir, `${f}.json`));
    writeFileSync(join(dir, 'big.json'), '');
    truncateSync(join(dir, 'big.json'), 11 * 1024 * 1024);
    writeFileSync(join(dir, 'gbk.json'), Buffer.from([0x7b, 0x22, 0x6e, 0x61, 0x6d, 0x65, 0x22, 0x3a, 0x22, 0xd6, 0xd8, 0xc7, 0xec, 0x22, 0x7d]));
    const fifo = spawnSync('mkfifo', [join(dir, 'pipe.json')]);
    const r = cli(['batch', dir, '--jobs', '2', ...AS_OF], { env: { POLICY_CALC_WORKERS_FROM: '0' } });
    expect(r.code).toBe(1);
    const out = ndjson(r.stdout);
    expect(out.filter((l) => l.benefits).map((l) => l.enterprise.name)).toHaveLength(FIXTURES.length);
    const errors = Object.fromEntries(out.filter((l) => l.error).map((l) => [l.input.file.split('/').pop(), l.error.code]));
    expect(errors['big.json']).toBe('INPUT_UNREADABLE');
    expect(errors['gbk.json']).toBe('INPUT_ENCODING');
    if (fifo.status === 0) expect(errors['pipe.json']).toBe('INPUT_UNREADABLE');
    expect(r.stderr).toMatch(/big\.json.*larger than/);
    expect(r.stderr).toMatch(/gbk\.json.*not valid UTF-8/);
  }, 60_000);
});
