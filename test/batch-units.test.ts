import { execFileSync } from 'node:child_process';
import { appendFileSync, copyFileSync, cpSync, mkdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readBatches, type Batch } from '../src/batch/inputs.js';
import { jsonFilesBelow, planInputs } from '../src/batch/input-plan.js';
import { csvField, reasonOf } from '../src/batch/formats.js';
import { formatDuration, progressLine, progressWanted } from '../src/batch/progress.js';
import { failOn } from '../src/batch/gates.js';
import { readPrecompiled, serializeRuleSource } from '../src/cli/rules.js';
import { checkedRuleSource, readRuleSource } from '../src/engine/index.js';
import { MAX_PROFILE_BYTES } from '../src/cli/io.js';
import { ROOT } from './cli-helpers.js';
import { tempDir } from './batch-helpers.js';

let tmp: ReturnType<typeof tempDir>;
beforeAll(() => {
  tmp = tempDir('units');
});
afterAll(() => tmp.cleanup());

interface Rec {
  file: string;
  line: number;
  text: string;
  error?: string;
}

async function records(source: AsyncGenerator<Batch>): Promise<{ recs: Rec[]; batches: number }> {
  const recs: Rec[] = [];
  let batches = 0;
  for await (const b of source) {
    batches++;
    let start = 0;
    b.ends.forEach((end, i) => {
      const err = b.readErrors.find((e) => e.index === i);
      recs.push({ file: b.files[b.fileOf[i]!]!, line: b.lines[i]!, text: Buffer.from(b.bytes.subarray(start, end)).toString('utf8'), ...(err ? { error: err.message } : {}) });
      start = end;
    });
  }
  return { recs, batches };
}

/** A stream that cuts its data into the given chunk size, to put line ends across chunk boundaries. */
function chunked(data: Buffer, size: number): Readable {
  const chunks: Buffer[] = [];
  for (let i = 0; i < data.length; i += size) chunks.push(data.subarray(i, i + size));
  return Readable.from(chunks);
}

describe('NDJSON reading', () => {
  const text = '{"a":1}\r\n\n   \n{"b":"两"}\n{"c":3}';
  const expected = [
    { file: '<stdin>', line: 1, text: '{"a":1}' },
    { file: '<stdin>', line: 4, text: '{"b":"两"}' },
    { file: '<stdin>', line: 5, text: '{"c":3}' },
  ];

  it('splits lines whatever the chunk boundaries: CRLF, blank lines, multi-byte characters, no final newline', async () => {
    for (const size of [1, 2, 3, 5, 7, 64]) {
      const plan = planInputs(['-']);
      const { recs } = await records(readBatches(plan, { records: 2, bytes: 1 << 20 }, chunked(Buffer.from(text), size)).batches);
      expect(recs).toEqual(expected);
    }
  });

  it('closes a batch at the record or byte limit', async () => {
    const plan = planInputs(['-']);
    const { batches } = await records(readBatches(plan, { records: 2, bytes: 1 << 20 }, chunked(Buffer.from(text), 4)).batches);
    expect(batches).toBe(2);
    // Each record is more than 5 bytes: one batch each.
    const bySize = await records(readBatches(plan, { records: 100, bytes: 5 }, chunked(Buffer.from(text), 4)).batches);
    expect(bySize.batches).toBe(3);
  });

  it('reports a line longer than a profile may be, and goes on with the next', async () => {
    const long = Buffer.alloc(MAX_PROFILE_BYTES + 10, 0x20);
    long[0] = 0x7b;
    const data = Buffer.concat([Buffer.from('{"a":1}\n'), long, Buffer.from('\n{"b":2}\n')]);
    const plan = planInputs(['-']);
    const { recs } = await records(readBatches(plan, { records: 10, bytes: 1 << 20 }, chunked(data, 65536)).batches);
    // (The text is compared by length: a failing diff of 10 MB would take forever to print.)
    expect(recs.map((r) => [r.line, r.text.length > 100 ? r.text.length : r.text, r.error])).toEqual([
      [1, '{"a":1}', undefined],
      [2, '', `line is longer than ${MAX_PROFILE_BYTES} bytes; a profile may be at most that`],
      [3, '{"b":2}', undefined],
    ]);
  });
});

describe('folders and files', () => {
  it('walks *.json below a folder in sorted order, not following other files', () => {
    const dir = join(tmp.dir, 'walk');
    mkdirSync(join(dir, 'b', 'inner'), { recursive: true });
    mkdirSync(join(dir, 'a'));
    for (const f of ['z.json', 'b/inner/y.json', 'b/x.JSON', 'a/w.json', 'a/notes.txt', 'm.ndjson']) writeFileSync(join(dir, f), '{}');
    expect([...jsonFilesBelow(dir)].map((f) => f.slice(dir.length + 1))).toEqual(['a/w.json', 'b/inner/y.json', 'b/x.JSON', 'z.json']);
  });

  it('plans inputs: kinds, known sizes, and every missing path at once', () => {
    const file = join(tmp.dir, 'one.jsonl');
    writeFileSync(file, '{}\n{}\n');
    const plan = planInputs([file, join(ROOT, 'fixtures')]);
    expect(plan.inputs.map((i) => i.kind)).toEqual(['ndjson', 'dir']);
    expect(plan.knownBytes).toBe(6);
    expect(plan.sizeKnown).toBe(false);
    expect(() => planInputs(['nope-1', file, 'nope-2'])).toThrow(/nope-1: cannot read: no such file or folder\nnope-2: cannot read/);
    expect(() => planInputs(['-', '-'])).toThrow(/stdin \("-"\) can be read only once/);
  });
});

describe('formats and options', () => {
  it('csv fields are quoted only when they must be', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(null)).toBe('');
    expect(csvField(0)).toBe('0');
  });

  it('groups invalid inputs by code and generalized path', () => {
    expect(reasonOf({ code: 'INPUT_JSON', issues: [{ path: 'x', message: 'm' }] })).toBe('INPUT_JSON');
    expect(reasonOf({ code: 'PROFILE_INVALID', issues: [{ path: 'taxPayments[3].date', message: 'm' }] })).toBe('PROFILE_INVALID taxPayments[].date');
    expect(reasonOf({ code: 'PROFILE_INVALID', issues: [{ path: 'fiscalYears.2017.revenue', message: 'm' }] })).toBe('PROFILE_INVALID fiscalYears.YYYY.revenue');
  });

  it('--fail-on takes repeated and comma-separated statuses', () => {
    expect(failOn().parse(['needs-info,ineligible', 'needs-info'])).toEqual([{ policy: null, status: 'needs-info' }, { policy: null, status: 'ineligible' }]);
    expect(failOn().parse(['p10:needs-info, P09:ineligible', 'P10:needs-info'])).toEqual([{ policy: 'P10', status: 'needs-info' }, { policy: 'P09', status: 'ineligible' }]);
    expect(failOn().safeParse(['P10:eligible']).success).toBe(false);
    expect(failOn().safeParse(['P1:needs-info']).success).toBe(false);
    expect(failOn().parse([])).toEqual([]);
    expect(failOn().safeParse(['needs-info,eligble']).success).toBe(false);
  });

  it('progress: only on a terminal outside CI; rate and time left', () => {
    expect(progressWanted({ isTTY: true }, {})).toBe(true);
    expect(progressWanted({ isTTY: true }, { CI: 'true' })).toBe(false);
    expect(progressWanted({ isTTY: false }, {})).toBe(false);
    expect(formatDuration(75)).toBe('1:15');
    expect(formatDuration(3725)).toBe('1:02:05');
    // 1,000 profiles in 4 s, a quarter of the input read: 250/s and 12 s to go.
    expect(progressLine(1000, 4, 0.25)).toMatch(/^1,000 profiles {2}250\/s {2}\[#+-+\] {2}25% {2}ETA 0:12$/);
    expect(progressLine(10, 1, undefined)).toBe('10 profiles  10/s');
  });
});

describe('precompiled rules', () => {
  const copy = (name: string) => {
    const dir = join(tmp.dir, name);
    cpSync(join(ROOT, 'rules'), dir, { recursive: true });
    return dir;
  };
  const land = (dir: string) => join(dir, 'parameters', 'land.yaml');
  /** The same number of bytes, one changed: a size check alone cannot see the edit. */
  const sameSizeEdit = (file: string) => {
    const text = readFileSync(file, 'utf8');
    const i = text.search(/\d/);
    writeFileSync(file, text.slice(0, i) + (text[i] === '1' ? '2' : '1') + text.slice(i + 1));
    expect(readFileSync(file).length).toBe(Buffer.byteLength(text));
  };
  const later = () => Date.now() + 60_000;
  // The copy as code run from its sources reads it: checked at build time, but validated again,
  // since only the bundle that checked it knows its engine's hash (src/cli/rules.ts, CHECKED_BY).
  const asRead = (src: Parameters<typeof checkedRuleSource>[0]) => ({ ...checkedRuleSource(src), checked: undefined });

  it('are trusted as checked only by the build that checked them', () => {
    const dir = copy('rules-checked-by');
    const json = join(tmp.dir, 'checked-by.json');
    writeFileSync(json, serializeRuleSource(readRuleSource(dir), Date.now, 'abc123'));
    expect(JSON.parse(readFileSync(json, 'utf8')).checkedBy).toBe('abc123');
    expect(JSON.parse(readFileSync(json, 'utf8')).source.checked).toBe(true);
    expect(readPrecompiled(dir, json)?.checked).toBeUndefined();
  });


  it('are used while the rule files are those compiled, and not after an edit', () => {
    const dir = copy('rules');
    const json = join(tmp.dir, 'rules.json');
    writeFileSync(json, serializeRuleSource(readRuleSource(dir)));
    const fresh = readPrecompiled(dir, json);
    expect(fresh).toEqual(asRead(readRuleSource(dir)));
    appendFileSync(land(dir), '\n# an edit\n');
    expect(readPrecompiled(dir, json)).toBeUndefined();
    expect(readPrecompiled(dir, join(tmp.dir, 'missing.json'))).toBeUndefined();
  });

  it('see an edit that keeps the size and sets the modification time back', () => {
    for (const clock of [Date.now, later]) {
      const dir = copy(`rules-same-size-${clock === later ? 'old' : 'racy'}`);
      const json = join(dir, '..', `${clock === later ? 'old' : 'racy'}.json`);
      writeFileSync(json, serializeRuleSource(readRuleSource(dir), clock));
      const before = statSync(land(dir));
      // touch -r sets the time back to the nanosecond, as `cp -p`, rsync or a careful editor would.
      const reference = join(dir, '..', 'reference.yaml');
      execFileSync('cp', ['-p', land(dir), reference]);
      sameSizeEdit(land(dir));
      execFileSync('touch', ['-r', reference, land(dir)]);
      expect(statSync(land(dir)).mtimeMs).toBe(before.mtimeMs);
      expect(readPrecompiled(dir, json)).toBeUndefined();
    }
  });

  it('stay fresh where only the timestamps moved (a touch, a copy), and see files added or removed', () => {
    const dir = copy('rules-touch');
    const json = join(tmp.dir, 'touch.json');
    writeFileSync(json, serializeRuleSource(readRuleSource(dir), later));
    const future = new Date(Date.now() + 3_600_000);
    utimesSync(land(dir), future, future);
    expect(readPrecompiled(dir, json)).toEqual(asRead(readRuleSource(dir)));
    const moved = join(tmp.dir, 'rules-moved');
    cpSync(dir, moved, { recursive: true });
    expect(readPrecompiled(moved, json)).toEqual(asRead(readRuleSource(moved)));
    copyFileSync(land(dir), join(dir, 'parameters', 'land-2.yaml'));
    expect(readPrecompiled(dir, json)).toBeUndefined();
    rmSync(join(dir, 'parameters', 'land-2.yaml'));
    expect(readPrecompiled(dir, json)).toEqual(asRead(readRuleSource(dir)));
    rmSync(land(dir));
    expect(readPrecompiled(dir, json)).toBeUndefined();
  });

  it('trust the recorded stat of a file only when it was recorded well after the file last changed', () => {
    const dir = copy('rules-racy');
    const src = readRuleSource(dir);
    // A wrong hash, with every stat as recorded: only a file whose bytes are hashed shows it.
    const withWrongHash = (clock: () => number) => {
      const data = JSON.parse(serializeRuleSource(src, clock));
      data.files.find((f: { name: string }) => f.name === join('parameters', 'land.yaml')).sha256 = '0'.repeat(64);
      const json = join(tmp.dir, 'wrong-hash.json');
      writeFileSync(json, JSON.stringify(data));
      return json;
    };
    // Just copied, so every file is racy: hashed, and the wrong hash is seen.
    expect(readPrecompiled(dir, withWrongHash(Date.now))).toBeUndefined();
    // Recorded a minute after the copy: the stat vouches for the file, which is not read.
    expect(readPrecompiled(dir, withWrongHash(later))).toEqual(asRead(src));
  });
});
