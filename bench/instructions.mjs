// `node bench/instructions.mjs [--vs OTHER_CHECKOUT] [--profiles N]`: the instructions `batch --jobs 1`
// executes, counted by valgrind's callgrind, for this build and optionally another one beside it.
// Wall time on a shared machine moves by 20-40% from run to run, which hides a change of a few
// percent; an instruction count moves by a few percent at most (V8 compiles on threads of its own,
// so not by nothing), and less between two runs made side by side, as here. Needs `npm run build`
// in each checkout, bench/out/profiles.ndjson (`npm run bench` writes it) and valgrind; each count
// takes a minute or two. See BENCHMARKS.md.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const arg = (name) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const count = Number(arg('--profiles') ?? 2000);
const other = arg('--vs');
if (!Number.isInteger(count) || count < 1 || count > 100_000) throw new Error('--profiles takes a whole number from 1 to 100000');

const work = mkdtempSync(join(tmpdir(), 'policy-calc-instructions-'));
const lines = readFileSync(join(root, 'bench/out/profiles.ndjson'), 'utf8').split('\n').filter(Boolean);
if (lines.length < count) throw new Error(`bench/out/profiles.ndjson holds ${lines.length} profiles; run npm run bench first, or ask for fewer`);
const files = { one: join(work, 'one.ndjson'), many: join(work, 'many.ndjson') };
writeFileSync(files.one, `${lines[0]}\n`);
writeFileSync(files.many, `${lines.slice(0, count).join('\n')}\n`);

/** The instructions of one `batch --jobs 1` run of `checkout`'s build on `file`, from callgrind's summary. */
function instructions(checkout, file, tag) {
  const bin = join(checkout, 'bin/policy-calc.js');
  const args = ['--tool=callgrind', `--callgrind-out-file=${join(work, `${tag}.out`)}`, process.execPath, bin, 'batch', file, '--as-of', '2019-06-30', '--jobs', '1'];
  return new Promise((done, fail) => {
    const child = spawn('valgrind', args, { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, CI: '1' } });
    let err = '';
    child.stderr.on('data', (d) => {
      err = (err + d).slice(-8192);
    });
    child.on('error', (e) => fail(new Error(`valgrind could not be started (${e.message}); it comes from Debian's valgrind package`)));
    child.on('close', () => {
      const m = /Collected\s*:\s*(\d+)/.exec(err);
      if (m) done(Number(m[1]));
      else fail(new Error(`callgrind gave no count for ${tag}:\n${err}`));
    });
  });
}

const builds = [['this', root], ...(other ? [['other', resolve(other)]] : [])];
const G = (n) => `${(n / 1e9).toFixed(3)} G`;
try {
  console.log(`instructions of batch --jobs 1, one profile and the first ${count.toLocaleString('en-US')} of bench/out/profiles.ndjson; the builds side by side`);
  // Both builds at once, so that what the machine does meanwhile touches both alike.
  const counted = await Promise.all(builds.map(async ([tag, dir]) => [tag, dir, await instructions(dir, files.one, `${tag}-one`), await instructions(dir, files.many, `${tag}-many`)]));
  const past = new Map();
  for (const [tag, dir, one, many] of counted) {
    past.set(tag, many - one);
    console.log(`  ${tag.padEnd(5)} ${dir}: start-up and one profile ${G(one)}; ${count.toLocaleString('en-US')} profiles ${G(many)}; past start-up ${G(many - one)}, ${Math.round((many - one) / (count - 1)).toLocaleString('en-US')} a profile`);
  }
  if (other) console.log(`  this / other, past start-up: ${(past.get('this') / past.get('other')).toFixed(3)}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
