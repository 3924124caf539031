import { spawnSync } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, cli, ROOT, run } from './cli-helpers.js';
import { copyRules, edit } from './rule-copies.js';

/**
 * Second hardening round: the exit-code and stderr contract (issue 12 items 1, 6, 7, 8, 11, 14).
 * What only the built CLI shows is run as users run it (`cli`): stdout on a full device or a closed
 * pipe, and profiles on stdin. The rest runs in-process (`run`), as do hardening-keys-rules,
 * hardening-bounds, hardening-output and time-zones.
 */
const AS_OF = ['--as-of', '2018-06-30'];
const PROFILE = readFileSync(join(ROOT, 'fixtures/cloud-sme.json'), 'utf8');
const STACK = /^\s+at |internal error|Error:/m;
const tmp = () => mkdtempSync(join(tmpdir(), 'policy-calc-cli-'));

/** The CLI with stdout sent to a file descriptor (a device such as /dev/full). */
function toFd(args: string[], path: string) {
  const fd = openSync(path, 'w');
  try {
    const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, stdio: ['ignore', fd, 'pipe'], encoding: 'utf8', env: { PATH: process.env.PATH ?? '', LANG: 'en_US.UTF-8' } });
    return { code: r.status, stderr: r.stderr };
  } finally {
    closeSync(fd);
  }
}

describe('write errors (item 6)', () => {
  it.each([
    ['check', ['check', 'fixtures/cloud-sme.json', ...AS_OF]],
    ['check --format json', ['check', 'fixtures/cloud-sme.json', '--format', 'json', ...AS_OF]],
    ['batch', ['batch', 'fixtures/', ...AS_OF, '--jobs', '1']],
    ['rules lint', ['rules', 'lint']],
  ])('%s > /dev/full: one line, exit 2, no stack trace', (_, args) => {
    const r = toFd(args, '/dev/full');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('policy-calc: cannot write the output: no space left on the device; the output is incomplete\n');
  });

  it('a reader that goes away (| head) still ends quietly with the exit code the run deserves', () => {
    const r = spawnSync('sh', ['-c', `"${process.execPath}" "${BIN}" check fixtures/cloud-sme.json --as-of 2018-06-30 --explain | head -c 10 >/dev/null`], { cwd: ROOT, encoding: 'utf8' });
    expect(r.stderr).toBe('');
  });
});

describe('prototype-member names from input (item 1)', () => {
  it('check: a district named toString is refused in one line, exit 2', () => {
    const r = cli(['check', '-', ...AS_OF], { input: JSON.stringify({ ...JSON.parse(PROFILE), district: 'toString' }) });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^policy-calc: <stdin>:\d+:\d+: district: "toString" is not the name of a Chongqing district or county; [^\n]*\n$/);
  });

  it('batch: one such line is one invalid input; the others are evaluated, exit 1', () => {
    const lines = ['constructor', '渝北区', 'hasOwnProperty', '江北区'].map((d) => JSON.stringify({ ...JSON.parse(PROFILE), district: d }));
    const r = cli(['batch', '-', ...AS_OF, '--jobs', '1', '--full'], { input: `${lines.join('\n')}\n` });
    expect(r.code).toBe(1);
    expect(r.stderr).not.toMatch(STACK);
    const out = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(out.map((o) => (o.error ? 'error' : o.enterprise.district))).toEqual(['error', '渝北区', 'error', '江北区']);
  });
});

describe('control characters on the terminal (item 11)', () => {
  it('a name that would clear the screen and write the clipboard is shown escaped', () => {
    const name = '\u001b[2J\u001b]52;c;Y3VybCBldmlsfHNo\u0007某某公司\nP09 forged line';
    const r = cli(['check', '-', ...AS_OF], { input: JSON.stringify({ ...JSON.parse(PROFILE), name }) });
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    expect(r.stdout).toContain('\\x1b[2J\\x1b]52;c;Y3VybCBldmlsfHNo\\x07某某公司\\nP09 forged line');
  });

  it('a newline in a refused value does not split the error line', () => {
    const r = cli(['check', '-', ...AS_OF], { input: JSON.stringify({ ...JSON.parse(PROFILE), district: '渝北\npolicy-calc: all ok' }) });
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n').filter(Boolean)).toHaveLength(1);
    expect(r.stderr).toContain('"渝北\\npolicy-calc: all ok" is not the name');
  });

  it('commander\'s own messages quote bad arguments escaped', async () => {
    const r = await run(['check', 'x.json', '--format', 'ta\u001b]0;t\u0007ble']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('ta\\x1b]0;t\\x07ble');
    expect(r.stderr).not.toMatch(/\u001b/);
  });
});

describe('report DIR -o OUT reads with batch\'s input reader (item 7)', () => {
  it('a pipe, a folder, a broken link, a non-UTF-8 file named *.json: listed as invalid in the index, exit 1, no hang', async () => {
    const dir = tmp();
    const inputs = join(dir, 'in');
    mkdirSync(inputs);
    writeFileSync(join(inputs, 'a-valid.json'), PROFILE);
    execFileSync('mkfifo', [join(inputs, 'b-pipe.json')]);
    mkdirSync(join(inputs, 'c-folder.json'));
    symlinkSync(join(inputs, 'nowhere'), join(inputs, 'd-broken.json'));
    writeFileSync(join(inputs, 'e-gbk.json'), Buffer.concat([Buffer.from('{"name":"'), Buffer.from([0xd6, 0xd0]), Buffer.from('","registrationDate":"2016-01-01"}')]));
    const out = join(dir, 'out');
    const r = await run(['report', inputs, '-o', out, '--format', 'markdown', '--lang', 'en', ...AS_OF]);
    expect(r.code).toBe(1);
    expect(r.stderr).not.toMatch(STACK);
    expect(r.stdout).toBe(`${join(out, 'index.md')}: 1 reports, 4 invalid\n`);
    const index = readFileSync(join(out, 'index.md'), 'utf8');
    for (const f of ['b-pipe.json', 'c-folder.json', 'd-broken.json', 'e-gbk.json']) expect(index).toContain(f);
    expect(index).toMatch(/no such file \(a link to nothing\?\)/);
    expect(index).toMatch(/not a regular file/);
    expect(index).toMatch(/not valid UTF-8/);
    expect(readdirSync(out).sort()).toEqual(['91500112MA5U7K3X23.md', 'index.md'].sort());
  });

  it('one bad line in an NDJSON file is one invalid entry; the other lines get their reports', async () => {
    const dir = tmp();
    const file = join(dir, 'in.ndjson');
    const one = JSON.stringify(JSON.parse(PROFILE));
    writeFileSync(file, Buffer.concat([Buffer.from(`${one}\n{"name":\n`), Buffer.from([0xff, 0x0a]), Buffer.from(`${one}\n`)]));
    const r = await run(['report', file, '-o', join(dir, 'out'), '--format', 'markdown', '--lang', 'en', ...AS_OF]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/: 2 reports, 2 invalid\n$/);
    expect(r.stderr.split('\n').filter(Boolean).every((l) => l.startsWith(`policy-calc: ${file}:`))).toBe(true);
  });
});

describe('rules lint reads only its source document (item 8)', () => {
  it('document.file reaching outside the rule set (../../../../dev/zero) is an error, not a 16 GB read', async () => {
    const dir = copyRules();
    edit(join(dir, 'manifest.yaml'), /file: .*/, 'file: ../../../../../../../../dev/zero');
    const r = await run(['rules', 'lint', dir]);
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/error \[source-missing\] the source document is outside .*source; document.file must name a file in the rule set's source\/ folder/);
  });

  it('--source naming a pipe or a device is an error, not a hang', async () => {
    const dir = tmp();
    const fifo = join(dir, 'doc.txt');
    execFileSync('mkfifo', [fifo]);
    for (const source of [fifo, '/dev/zero']) {
      const r = await run(['rules', 'lint', '--source', source]);
      expect(r.code).toBe(2);
      expect(r.stdout).toContain(`${source}: error [source-missing] the source document is not a regular file`);
    }
  });
});

describe('environment (item 14)', () => {
  it('--version is policy-calc\'s own, inside another project\'s npm script too', async () => {
    const version = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version as string;
    const r = await run(['--version'], { env: { npm_package_version: '9.9.9', npm_package_name: 'other-project' } });
    expect(r.stdout).toBe(`${version}\n`);
  });

  it('--jobs 64 is capped, with one warning line; the output is complete', async () => {
    const r = await run(['batch', 'fixtures/cloud-sme.json', ...AS_OF, '--jobs', '64']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^policy-calc: --jobs 64 is more than this machine's \d+ cores? can use; using \d+ threads\n/);
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
  });
});
