import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from './cli-helpers.js';
import { ndjson, tempDir } from './batch-helpers.js';
import { shapeOf } from '../src/batch/sniff.js';

/** Inputs that are not what batch expects: nothing at all, a pretty-printed profile, an array. */
const AS_OF = ['--as-of', '2019-06-30'];
let tmp: ReturnType<typeof tempDir>;
const pretty = readFileSync('fixtures/cloud-sme.json', 'utf8');

beforeAll(() => {
  tmp = tempDir('input-errors');
});
afterAll(() => tmp.cleanup());

const enc = (s: string) => new TextEncoder().encode(s);

describe('empty input', () => {
  it('an empty folder, an empty NDJSON file and empty stdin are exit 2, in English and Chinese', async () => {
    const dir = join(tmp.dir, 'empty');
    mkdirSync(dir);
    const en = await run(['batch', dir]);
    expect(en.code).toBe(2);
    expect(en.stderr).toBe(`policy-calc: no profiles found in ${dir} (folders are searched for *.json files; files of one profile per line end in .ndjson or .jsonl; workbooks in .xlsx)\n`);
    const zh = await run(['batch', dir, '--lang', 'zh']);
    expect(zh.code).toBe(2);
    expect(zh.stderr).toContain(`在 ${dir} 中没有找到企业资料`);
    const file = join(tmp.dir, 'empty.ndjson');
    writeFileSync(file, '\n\n');
    expect((await run(['batch', file])).code).toBe(2);
    const stdin = await run(['batch', '-'], { input: '' });
    expect(stdin.code).toBe(2);
    expect(stdin.stderr).toContain('no profiles found in stdin');
    expect((await run(['validate', dir])).code).toBe(2);
    expect((await run(['diff', '--rules', 'rules', '--rules', 'rules', dir])).code).toBe(2);
  });
});

describe('a pretty-printed profile where NDJSON is expected', () => {
  it('is read whole, on stdin and in a .ndjson file, with the result of the same profile on one line', async () => {
    const oneLine = ndjson((await run(['batch', '-', ...AS_OF, '--compact'], { input: `${JSON.stringify(JSON.parse(pretty))}\n` })).stdout);
    const r = await run(['batch', '-', ...AS_OF, '--compact'], { input: pretty });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const lines = ndjson(r.stdout);
    expect(lines).toHaveLength(1);
    // A whole document has no line number: the input is the file alone.
    expect(lines[0]!.input).toEqual({ file: '<stdin>' });
    expect({ ...lines[0], input: null }).toEqual({ ...oneLine[0], input: null });
    const file = join(tmp.dir, 'pretty.ndjson');
    writeFileSync(file, pretty);
    expect(ndjson((await run(['batch', file, ...AS_OF])).stdout)[0]!.totals).toEqual(lines[0]!.totals);
  });

  it('a syntax error in it is reported at its line and column in the document', async () => {
    const r = await run(['batch', '-'], { input: '{\n  "name": "x",\n  "registrationDate": "2017-01-01",\n}\n' });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^policy-calc: <stdin>:4:1: /m);
  });

  it('an array is refused with a hint', async () => {
    const r = await run(['batch', '-'], { input: `[${pretty}]` });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('<stdin>: holds a JSON array; give one profile per line (NDJSON, e.g. `jq -c ".[]"`) or one profile per file');
  });

  it('the shape is told from the first line', () => {
    expect(shapeOf(enc('{\n  "name": "x"'), false)).toBe('document');
    expect(shapeOf(enc('\ufeff  \r\n{ \r\n'), false)).toBe('document');
    expect(shapeOf(enc('{"name": "x"}\n{"na'), false)).toBe('lines');
    expect(shapeOf(enc('{"name": "x", "registrationDate"'), false)).toBe('lines');
    expect(shapeOf(enc('  [\n'), false)).toBe('array');
    expect(shapeOf(enc('{'), false)).toBeUndefined();
    expect(shapeOf(enc('{'), true)).toBe('document');
    expect(shapeOf(enc('nonsense\n'), false)).toBe('lines');
  });
});

describe('validate reads what batch reads', () => {
  it('folders and NDJSON files, each profile by its file and line', async () => {
    const file = join(tmp.dir, 'two.ndjson');
    writeFileSync(file, `${JSON.stringify({ name: 'a', registrationDate: '2017-01-01' })}\n\n${JSON.stringify({ name: 'b', registrationDate: '2017-02-30' })}\n`);
    const r = await run(['validate', file]);
    expect(r.code).toBe(2);
    expect(r.stdout.split('\n')).toEqual([`${file}:1: ok`, expect.stringMatching(new RegExp(`^${file}:3:\\d+: registrationDate: date "2017-02-30"`)), '']);
    const dir = join(tmp.dir, 'folder');
    mkdirSync(join(dir, 'sub'), { recursive: true });
    writeFileSync(join(dir, 'sub', 'p.json'), pretty);
    expect((await run(['validate', dir])).stdout).toBe(`${join(dir, 'sub', 'p.json')}: ok\n`);
    expect((await run(['validate', '-'], { input: pretty })).stdout).toBe('<stdin>: ok\n');
  });
});
