// `node bench/stages.mjs [--profiles N]`: what each stage of `batch`'s lean path costs, in one
// process, on the lines of bench/out/profiles.ndjson held in memory: bare JSON.parse; reading and
// validating the profile (the strict reader, then the validator); that and the lean evaluation;
// that and the lean line written as bytes, 128 lines at a time as batch takes them. Each pipeline
// runs in turn over every line, five times over, and the fastest pass of each is kept. The ratio of the full pipeline to JSON.parse is the
// in-process ceiling of `batch --jobs 1` against the bare parse rate (the spawned command adds its
// start-up and the reading of the file, and so does the bare parse of `npm run bench`); the
// differences between pipelines are what each stage costs. Needs `npm run build` and the bench
// file (`npm run bench` writes it). See BENCHMARKS.md.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const { parseProfile, evaluateLeanMany } = await import(`${root}dist/engine/index.js`);
const { loadRuleSet } = await import(`${root}dist/cli/rules.js`);
const { ByteSink } = await import(`${root}dist/batch/byte-sink.js`);
const { writeNdjsonLine } = await import(`${root}dist/batch/ndjson-bytes.js`);

const at = process.argv.indexOf('--profiles');
const count = at > 0 ? Number(process.argv[at + 1]) : 20_000;
if (!Number.isInteger(count) || count < 1) throw new Error('--profiles takes a whole number');
const lines = readFileSync(`${root}bench/out/profiles.ndjson`, 'utf8').split('\n').filter(Boolean).slice(0, count);
const rules = loadRuleSet(`${root}rules`);
const opts = { asOf: '2019-06-30', trace: false };
const sink = new ByteSink();
const input = { file: 'profiles.ndjson', line: 0 };

/** The line's profile, or undefined where batch would report the line as refused. */
function profileOf(line) {
  try {
    return parseProfile(line, input.file);
  } catch {
    return undefined;
  }
}

const profilesOf = (chunk) => chunk.map(profileOf).filter((p) => p !== undefined);

/**
 * One pass of a pipeline over 128 lines at a time, as batch takes them: all read, then all
 * evaluated, then all written. Invalid lines cost what they cost and are skipped.
 */
const pipelines = {
  'JSON.parse': (chunk) => {
    for (const line of chunk) {
      try {
        JSON.parse(line);
      } catch {
        // the ~1% invalid lines
      }
    }
  },
  'read + validate': (chunk) => profilesOf(chunk),
  '+ evaluate (lean)': (chunk) => evaluateLeanMany(rules, profilesOf(chunk), opts),
  '+ write the lean line': (chunk) => {
    for (const r of evaluateLeanMany(rules, profilesOf(chunk), opts)) {
      input.line++;
      writeNdjsonLine(sink, input, r);
    }
    // The batch's output is handed on, and its buffer comes back.
    sink.recycle(sink.take());
  },
};

const chunks = [];
for (let i = 0; i < lines.length; i += 128) chunks.push(lines.slice(i, i + 128));
const best = new Map();
for (let pass = 0; pass < 6; pass++) {
  for (const [name, run] of Object.entries(pipelines)) {
    const t = performance.now();
    for (const chunk of chunks) run(chunk);
    const ms = performance.now() - t;
    // The first pass warms every pipeline up and is not kept.
    if (pass > 0) best.set(name, Math.min(best.get(name) ?? Infinity, ms));
  }
}

const us = (ms) => (ms * 1000) / lines.length;
const base = best.get('JSON.parse');
console.log(`stages of batch's lean path, in one process, ${lines.length.toLocaleString('en-US')} profiles, fastest of 5 passes`);
let before = 0;
for (const [name, ms] of best) {
  const stage = us(ms) - before;
  console.log(`  ${name.padEnd(22)} ${us(ms).toFixed(1).padStart(6)} µs a profile  ${(base / ms).toFixed(3)}x JSON.parse's rate  (this stage ${stage.toFixed(1)} µs)`);
  before = us(ms);
}
