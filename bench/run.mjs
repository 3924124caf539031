// `npm run bench`: throughput of `policy-calc batch` against two baselines, and start-up time.
// `node bench/run.mjs --million`: peak memory of one million profiles against one thousand.
// Needs `npm run build` first (npm run bench does it). Writes its data to bench/out/ and prints a
// report; bench/out/results.json keeps the figures. See BENCHMARKS.md.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, createReadStream, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { makeGenerator } from './generate.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = `${root}bench/out`;
const bin = `${root}bin/policy-calc.js`;
const AS_OF = '2019-06-30';
const COUNT = Number(process.env.BENCH_PROFILES ?? 20_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 2);
mkdirSync(out, { recursive: true });

const rate = (n, ms) => (n / ms) * 1000;
const fmt = (x) => Math.round(x).toLocaleString('en-US');
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function generate(file, n, seed) {
  const next = makeGenerator(seed);
  const lines = [];
  for (let i = 0; i < n; i++) lines.push(next());
  writeFileSync(file, `${lines.join('\n')}\n`);
  return lines.length;
}

const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

/** Wall time of a command, output to /dev/null; with /usr/bin/time also its CPU time (user + sys). */
function run(args, env = {}) {
  const t = performance.now();
  const cmd = TIME ? [TIME, ['-f', '@@cpu %U %S', process.execPath, ...args]] : [process.execPath, args];
  const r = spawnSync(cmd[0], cmd[1], { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, CI: '1', ...env }, encoding: 'utf8', maxBuffer: 64 << 20 });
  const ms = performance.now() - t;
  if (r.status !== 0 && r.status !== 1) throw new Error(`${args.join(' ')} failed (${r.status}): ${r.stderr}`);
  const m = /@@cpu ([\d.]+) ([\d.]+)/.exec(r.stderr ?? '');
  return { ms, cpuMs: m ? (Number(m[1]) + Number(m[2])) * 1000 : undefined };
}
const wall = (args, env) => run(args, env).ms;
/** The fastest of n runs (the one least disturbed by anything else on the machine). */
const fastest = (n, f) => Array.from({ length: n }, f).reduce((a, b) => (b.ms < a.ms ? b : a));

/** The bare cost: read the NDJSON line by line and JSON.parse each line, nothing else. */
async function bareParse(file) {
  const t = performance.now();
  let n = 0;
  for await (const line of createInterface({ input: createReadStream(file), crlfDelay: Infinity })) {
    if (!line) continue;
    try {
      JSON.parse(line);
    } catch {
      // the ~1% invalid lines
    }
    n++;
  }
  return { n, ms: performance.now() - t };
}

/**
 * json-rules-engine on the eligibility conditions of P09, P10 and P11. Facts are computed the way
 * policy-calc derives them (SESI, Chongqing, main-business share of the latest year, SME size as
 * declared, registration date as a number) and handed over as plain values, so the engine only
 * evaluates conditions. Timed: reading, JSON.parse, the facts, and engine.run for every profile.
 */
async function rulesEngine(file) {
  const { Engine } = await import('json-rules-engine');
  const engine = new Engine([], { allowUndefinedFacts: true });
  const sesi = { fact: 'isSesi', operator: 'equal', value: true };
  engine.addRule({
    name: 'P09',
    conditions: { all: [sesi, { fact: 'inChongqing', operator: 'equal', value: true }, { fact: 'encouragedCatalog', operator: 'equal', value: true }, { fact: 'mainBusinessShare', operator: 'greaterThanInclusive', value: { fact: 'minShare' } }, { fact: 'rateInForce', operator: 'equal', value: true }] },
    event: { type: 'P09' },
  });
  engine.addRule({
    name: 'P10',
    conditions: { all: [sesi, { fact: 'size', operator: 'in', value: ['medium', 'small', 'micro'] }, { fact: 'establishment', operator: 'equal', value: 'new' }, { fact: 'registered', operator: 'greaterThanInclusive', value: 20161102 }, { fact: 'registered', operator: 'lessThan', value: 20180101 }] },
    event: { type: 'P10' },
  });
  engine.addRule({
    name: 'P11',
    conditions: { all: [sesi, { fact: 'hqType', operator: 'in', value: ['enterprise-hq', 'regional-hq', 'procurement-hq', 'rd-hq', 'back-office-center', 'settlement-center'] }, { fact: 'hqRecognized', operator: 'equal', value: true }, { fact: 'registered', operator: 'greaterThanInclusive', value: 20161102 }] },
    event: { type: 'P11' },
  });
  const facts = (p) => {
    const years = Object.keys(p.fiscalYears ?? {}).map(Number);
    const year = years.length ? Math.max(...years) : undefined;
    const fy = year ? p.fiscalYears[String(year)] : undefined;
    const share = fy && fy.revenue && Number(fy.revenue) ? Number(fy.mainBusinessRevenue) / Number(fy.revenue) : undefined;
    return {
      isSesi: p.industry === undefined ? undefined : p.industry !== 'other',
      inChongqing: p.district !== undefined ? !p.district.startsWith('成都') : p.creditCode?.slice(2, 4) === '50',
      encouragedCatalog: p.encouragedCatalog,
      mainBusinessShare: share,
      minShare: year === undefined ? undefined : year >= 2021 ? 0.6 : 0.7,
      rateInForce: year !== undefined && year <= 2030,
      size: p.size,
      establishment: p.establishment,
      registered: Number(p.registrationDate.replaceAll('-', '')),
      hqType: p.headquarters?.type,
      hqRecognized: p.headquarters?.recognized,
    };
  };
  const measure = async (withParse) => {
    const lines = readFileSync(file, 'utf8').split('\n').filter(Boolean);
    const parsed = [];
    for (const l of lines) {
      try {
        parsed.push(facts(JSON.parse(l)));
      } catch {
        // invalid lines
      }
    }
    const t = performance.now();
    let n = 0;
    if (withParse) {
      for await (const line of createInterface({ input: createReadStream(file), crlfDelay: Infinity })) {
        let f;
        try {
          f = facts(JSON.parse(line));
        } catch {
          continue;
        }
        await engine.run(f);
        n++;
      }
    } else {
      for (const f of parsed) {
        await engine.run(f);
        n++;
      }
    }
    return { n, ms: performance.now() - t };
  };
  return { withParse: await measure(true), runOnly: await measure(false) };
}

/**
 * The output alone: JSON.stringify and UTF-8 encoding of the results batch writes, computed once
 * beforehand. No evaluation: the cost of the format itself (a result is ~40 times its profile).
 */
async function outputFloor(file) {
  const { loadRules, parseProfile, evaluate } = await import('../dist/engine/index.js');
  const rules = loadRules(`${root}rules`);
  const results = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line) continue;
    try {
      results.push(evaluate(rules, parseProfile(line), { asOf: AS_OF }));
    } catch {
      // invalid lines
    }
  }
  const utf8 = new TextEncoder();
  const buf = new Uint8Array(1 << 22);
  const t = performance.now();
  let bytes = 0;
  for (const [i, r] of results.entries()) bytes += utf8.encodeInto(`${JSON.stringify({ input: { file, line: i + 1 }, ...r })}\n`, buf).written;
  return { n: results.length, ms: performance.now() - t, bytesPerResult: bytes / results.length };
}

/** A copy of the shipped rules with only P09, P10 and P11: what json-rules-engine is given. */
function threePolicyRules() {
  const dir = `${out}/rules-p09-p11`;
  rmSync(dir, { recursive: true, force: true });
  cpSync(`${root}rules`, dir, { recursive: true });
  for (const f of readdirSync(`${dir}/policies`)) if (!/^p(09|10|11)-/.test(f)) rmSync(`${dir}/policies/${f}`);
  rmSync(`${dir}/tests`, { recursive: true, force: true });
  return dir;
}

/** Median wall times of `check` and `node -e 0`, runs interleaved so that both see the same load. */
function startup(runs = 15) {
  const check = [];
  const bare = [];
  const args = [bin, 'check', `${root}fixtures/cloud-sme.json`, '--format', 'json'];
  wall(args); // warm the file cache
  for (let i = 0; i < runs; i++) {
    bare.push(wall(['-e', '0']));
    check.push(wall(args));
  }
  return { check: median(check), bare: median(bare), checkMin: Math.min(...check), bareMin: Math.min(...bare) };
}

function machine() {
  const cpu = readFileSync('/proc/cpuinfo', 'utf8').match(/model name\s*:\s*(.*)/)?.[1] ?? cpus()[0]?.model ?? 'unknown';
  return { cpu, cores: availableParallelism(), node: process.version, load: loadavg().map((x) => x.toFixed(2)).join(' ') };
}

/** Peak RSS of `policy-calc batch -` reading `n` generated profiles from a pipe (nothing on disk). */
function peakRss(n, jobs) {
  return new Promise((resolve, reject) => {
    const time = '/usr/bin/time';
    const args = [bin, 'batch', '-', '--as-of', AS_OF, ...(jobs ? ['--jobs', String(jobs)] : [])];
    const child = spawn(time, ['-v', process.execPath, ...args], { stdio: ['pipe', 'ignore', 'pipe'], env: { ...process.env, CI: '1' } });
    let stderr = '';
    child.stderr.on('data', (d) => {
      stderr += d;
      if (stderr.length > 1e6) stderr = stderr.slice(-1e5);
    });
    const next = makeGenerator(7);
    let i = 0;
    const t = performance.now();
    const pump = () => {
      while (i < n) {
        let chunk = '';
        for (let k = 0; k < 200 && i < n; k++, i++) chunk += `${next()}\n`;
        if (!child.stdin.write(chunk)) return void child.stdin.once('drain', pump);
      }
      child.stdin.end();
    };
    pump();
    child.on('error', reject);
    child.on('close', (code) => {
      const kb = Number(stderr.match(/Maximum resident set size \(kbytes\): (\d+)/)?.[1]);
      if (!kb) return reject(new Error(`no RSS figure (exit ${code}): ${stderr.slice(-500)}`));
      resolve({ n, jobs: jobs ?? availableParallelism(), peakMiB: kb / 1024, seconds: (performance.now() - t) / 1000, exit: code });
    });
  });
}

async function million() {
  const m = machine();
  console.log(`machine: ${m.cpu}, ${m.cores} cores, node ${m.node}, load ${m.load}`);
  const results = [];
  for (const jobs of [undefined, 1]) {
    for (const n of [1_000, 1_000_000]) {
      const r = await peakRss(n, jobs);
      results.push(r);
      console.log(`${fmt(n).padStart(9)} profiles, --jobs ${r.jobs}: peak RSS ${r.peakMiB.toFixed(1)} MiB, ${r.seconds.toFixed(0)} s (${fmt(n / r.seconds)}/s), exit ${r.exit}`);
    }
  }
  const target = 150;
  for (const r of results.filter((x) => x.n === 1_000_000)) {
    console.log(`target: 1,000,000 profiles under ${target} MiB with --jobs ${r.jobs}: ${r.peakMiB < target ? 'met' : 'MISSED'} (${r.peakMiB.toFixed(1)} MiB)`);
  }
  writeFileSync(`${out}/million.json`, `${JSON.stringify({ machine: m, results }, null, 2)}\n`);
}

async function main() {
  const m = machine();
  const file = `${out}/profiles.ndjson`;
  const n = generate(file, COUNT, 20161102);
  console.log(`machine: ${m.cpu}, ${m.cores} cores, node ${m.node}, load average ${m.load}`);
  console.log(`data: ${fmt(n)} generated profiles in bench/out/profiles.ndjson (seed 20161102; ~10% sparse, ~1% invalid)`);
  console.log(`each figure: the fastest of ${RUNS} runs\n`);

  const batchArgs = (jobs) => [bin, 'batch', file, '--as-of', AS_OF, '--jobs', String(jobs)];
  const run1 = fastest(RUNS, () => run(batchArgs(1)));
  const run2 = fastest(RUNS, () => run(batchArgs(2)));
  const jobs1 = rate(n, run1.ms);
  const jobs2 = rate(n, run2.ms);
  const compact1 = rate(n, fastest(RUNS, () => run([...batchArgs(1), '--compact'])).ms);
  const three = threePolicyRules();
  const threeSummary = rate(n, fastest(RUNS, () => run([...batchArgs(1), '--rules', three, '--format', 'json'])).ms);
  const floor = await outputFloor(file);
  const bare = [];
  for (let i = 0; i < RUNS; i++) bare.push(await bareParse(file));
  const parseRate = Math.max(...bare.map((b) => rate(b.n, b.ms)));
  const jre = [];
  for (let i = 0; i < RUNS; i++) jre.push(await rulesEngine(file));
  const jreRate = Math.max(...jre.map((j) => rate(j.withParse.n, j.withParse.ms)));
  const jreRunOnly = Math.max(...jre.map((j) => rate(j.runOnly.n, j.runOnly.ms)));
  const s = startup(15);

  const rows = [
    ['policy-calc batch --jobs 1 (ndjson to /dev/null, wall time incl. start-up)', jobs1],
    ['policy-calc batch --jobs 2', jobs2],
    ['policy-calc batch --jobs 1 --compact', compact1],
    ['policy-calc batch --jobs 1, rules P09-P11 only, --format json (summary, no per-line output)', threeSummary],
    [`output alone: JSON.stringify + UTF-8 of the results (~${fmt(floor.bytesPerResult / 1024)} KiB each), no evaluation`, rate(floor.n, floor.ms)],
    ['bare: read the NDJSON + JSON.parse each line', parseRate],
    ['json-rules-engine, P09+P10+P11 conditions (read + JSON.parse + facts + run)', jreRate],
    ['json-rules-engine, P09+P10+P11 conditions (engine.run only, facts ready)', jreRunOnly],
  ];
  for (const [label, r] of rows) console.log(`${fmt(r).padStart(9)} profiles/s  ${label}`);
  const ratios = {
    batchVsParse: jobs1 / parseRate,
    batch2VsParse: jobs2 / parseRate,
    batchVsJre: jobs1 / jreRate,
    batch2VsJre: jobs2 / jreRate,
    batchVsJreRunOnly: jobs1 / jreRunOnly,
    jobs2VsJobs1: jobs2 / jobs1,
    // What 2 jobs would give on two otherwise idle cores: the CPU time of 1 job over half that of 2.
    jobs2VsJobs1ByCpu: run1.cpuMs && run2.cpuMs ? (2 * run1.cpuMs) / run2.cpuMs : undefined,
    threeVsJre: threeSummary / jreRate,
    checkVsNode: s.check / s.bare,
  };
  console.log(`\nstart-up, median of 15 interleaved runs: check --format json ${s.check.toFixed(0)} ms, node -e 0 ${s.bare.toFixed(0)} ms (fastest: ${s.checkMin.toFixed(0)} / ${s.bareMin.toFixed(0)} ms)\n`);
  const verdict = (ok) => (ok ? 'met   ' : 'MISSED');
  console.log('targets:');
  console.log(`  ${verdict(ratios.batchVsParse >= 1 / 3)} batch >= 1/3 of bare JSON.parse rate: --jobs 1 ${ratios.batchVsParse.toFixed(3)}, --jobs 2 ${ratios.batch2VsParse.toFixed(3)}`);
  console.log(`  ${verdict(ratios.batchVsJre >= 20)} batch >= 20x json-rules-engine: --jobs 1 ${ratios.batchVsJre.toFixed(2)}x, --jobs 2 ${ratios.batch2VsJre.toFixed(2)}x (against engine.run alone: ${ratios.batchVsJreRunOnly.toFixed(2)}x; on the same three policies, summary output: ${ratios.threeVsJre.toFixed(2)}x)`);
  console.log(`  ${verdict(ratios.jobs2VsJobs1 >= 1.7)} 2 jobs >= 1.7x 1 job: ${ratios.jobs2VsJobs1.toFixed(2)}x wall` +
    (ratios.jobs2VsJobs1ByCpu ? ` (CPU: 1 job ${(run1.cpuMs / 1000).toFixed(1)} s, 2 jobs ${(run2.cpuMs / 1000).toFixed(1)} s; on two idle cores ${ratios.jobs2VsJobs1ByCpu.toFixed(2)}x)` : ''));
  console.log(`  ${verdict(ratios.checkVsNode <= 2)} check wall time <= 2x node -e 0: ${ratios.checkVsNode.toFixed(2)}x`);
  console.log('  (1,000,000 profiles under 150 MiB: node bench/run.mjs --million)');
  console.log(`\nload average at the end: ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
  const cpu = { jobs1: run1.cpuMs, jobs2: run2.cpuMs };
  writeFileSync(`${out}/results.json`, `${JSON.stringify({ machine: m, profiles: n, runs: RUNS, rates: Object.fromEntries(rows.map(([l, r]) => [l, r])), cpuMs: cpu, startup: s, ratios }, null, 2)}\n`);
}

if (process.argv.includes('--million')) await million();
else await main();
