// `npm run bench`: in one run, the throughput of `policy-calc batch` (1 and 2 jobs, the lean and
// the --full line) against two baselines (bare JSON.parse of the same file, json-rules-engine on
// the 25 policies' top-level conditions), its peak memory, and the start-up of check, report and
// rules list against `node -e 0`; the ratios, and the targets of issue 11 met or missed.
// `node bench/run.mjs --million`: peak memory of 1,000,000 profiles piped in, with 1 and 2 jobs.
// Needs `npm run build` first (npm run bench does it). Writes its data to bench/out/ and prints a
// report; bench/out/results.json keeps the figures. See BENCHMARKS.md.
import { spawn } from 'node:child_process';
import { createReadStream, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { makeGenerator } from './generate.mjs';
import { fastest, run as runIn, runTogether as together, wall as wallIn } from './measure.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = `${root}bench/out`;
const bin = `${root}bin/policy-calc.js`;
const AS_OF = '2019-06-30';
const COUNT = Number(process.env.BENCH_PROFILES ?? 20_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
mkdirSync(out, { recursive: true });
const run = (args, env) => runIn(root, args, env);
const wall = (args, env) => wallIn(root, args, env);
const runTogether = (a, b) => together(root, a, b);

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
 * The facts json-rules-engine is given, computed in plain JavaScript the way policy-calc derives
 * them (SESI from the industry, Chongqing from the district or the credit code, the main-business
 * share of the latest fiscal year and the minimum in force, R&D in that year, dates as numbers),
 * so that the engine only evaluates conditions.
 */
function factsOf(p) {
  const years = Object.keys(p.fiscalYears ?? {}).map(Number);
  const year = years.length ? Math.max(...years) : undefined;
  const fy = year ? p.fiscalYears[String(year)] : undefined;
  const share = fy && fy.revenue && Number(fy.revenue) ? Number(fy.mainBusinessRevenue) / Number(fy.revenue) : undefined;
  const f = {
    isSesi: p.industry === undefined ? undefined : p.industry !== 'other',
    inChongqing: p.district !== undefined ? !p.district.startsWith('成都') : p.creditCode === undefined ? undefined : p.creditCode.slice(2, 4) === '50',
    encouragedCatalog: p.encouragedCatalog,
    mainBusinessShare: share,
    'param:cit.western_development.min_main_business_share': year === undefined ? undefined : year >= 2021 ? 0.6 : 0.7,
    'param.cit.western_development.rate': year !== undefined && year <= 2030 ? 0.15 : undefined,
    industry: p.industry,
    size: p.size,
    ownership: p.ownership,
    establishment: p.establishment,
    manufacturingSector: p.manufacturingSector,
    facilities: p.facilities,
    registrationDate: Number(p.registrationDate.replaceAll('-', '')),
    'headquarters.type': p.headquarters?.type,
    'headquarters.recognized': p.headquarters?.recognized,
    rdIndustryExcluded: p.nationalIndustryCode === undefined ? undefined : /^(C|F|K|R9)/.test(p.nationalIndustryCode),
    hasRd: fy === undefined ? undefined : Number(fy.rdExpensed ?? 0) > 0 || Number(fy.rdIntangibleAmortization ?? 0) > 0,
  };
  for (const [k, v] of Object.entries(p.activities ?? {})) f[`activities.${k}`] = v;
  return f;
}

/** A policy's top-level eligibility tree as json-rules-engine conditions, one to one (dates as numbers). */
function jreCondition(node) {
  if (node.all) return { all: node.all.map(jreCondition) };
  if (node.any) return { any: node.any.map(jreCondition) };
  if (node.not) return { not: jreCondition(node.not) };
  const date = (v) => (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? Number(v.replaceAll('-', '')) : v);
  const value = node.value && typeof node.value === 'object' && 'param' in node.value ? { fact: `param:${node.value.param}` } : node.value;
  const check = (operator, v) => ({ fact: node.fact, operator, value: v });
  switch (node.op) {
    case 'isTrue': return check('equal', true);
    case 'isFalse': return check('equal', false);
    case 'eq': return check('equal', date(value));
    case 'in': return check('in', value);
    case 'gte': return check('greaterThanInclusive', date(value));
    case 'between': return { all: [check('greaterThanInclusive', date(value[0])), check('lessThan', date(value[1]))] };
    case 'exists': return check('exists', true);
    case 'contains': return check('contains', value);
    case 'containsAny': return check('containsAny', value);
    default: throw new Error(`bench: no json-rules-engine operator for "${node.op}"`);
  }
}

/**
 * json-rules-engine on the top-level eligibility conditions of the 25 shipped policies, read from
 * rules/ and translated one to one; no items, no amounts, no explanations. Timed: reading the
 * NDJSON, JSON.parse, the facts and engine.run, for every profile.
 */
async function rulesEngine(file) {
  const { Engine } = await import('json-rules-engine');
  const { readRuleSource } = await import('../dist/engine/index.js');
  const engine = new Engine([], { allowUndefinedFacts: true });
  engine.addOperator('exists', (a) => a !== undefined && a !== null);
  engine.addOperator('containsAny', (a, b) => Array.isArray(a) && a.some((x) => b.includes(x)));
  const policies = readRuleSource(`${root}rules`).policies;
  for (const { def } of policies) {
    const e = def.eligibility;
    engine.addRule({ name: def.id, conditions: e.all || e.any ? jreCondition(e) : { all: [jreCondition(e)] }, event: { type: def.id } });
  }
  const t = performance.now();
  let n = 0;
  for await (const line of createInterface({ input: createReadStream(file), crlfDelay: Infinity })) {
    let f;
    try {
      f = factsOf(JSON.parse(line));
    } catch {
      continue; // the ~1% invalid lines
    }
    await engine.run(f);
    n++;
  }
  return { n, ms: performance.now() - t, policies: policies.length };
}

/** Median wall times of each command, runs interleaved so that all see the same load. */
function startup(runs = 15) {
  const cmds = {
    'node -e 0': ['-e', '0'],
    check: [bin, 'check', 'fixtures/cloud-sme.json', '--format', 'json'],
    report: [bin, 'report', 'fixtures/cloud-sme.json', '--format', 'markdown'],
    'rules list': [bin, 'rules', 'list'],
  };
  for (const args of Object.values(cmds)) wall(args); // warm the file cache
  const times = Object.fromEntries(Object.keys(cmds).map((k) => [k, []]));
  for (let i = 0; i < runs; i++) for (const [k, args] of Object.entries(cmds)) times[k].push(wall(args));
  return Object.fromEntries(Object.entries(times).map(([k, t]) => [k, median(t)]));
}

function machine() {
  const cpu = readFileSync('/proc/cpuinfo', 'utf8').match(/model name\s*:\s*(.*)/)?.[1] ?? cpus()[0]?.model ?? 'unknown';
  return { cpu, cores: availableParallelism(), node: process.version, load: loadavg().map((x) => x.toFixed(2)).join(' ') };
}

/** Peak RSS of `policy-calc batch -` reading `n` generated profiles from a pipe (nothing on disk). */
function peakRss(n, jobs) {
  return new Promise((resolve, reject) => {
    const time = '/usr/bin/time';
    const args = [bin, 'batch', '-', '--as-of', AS_OF, '--jobs', String(jobs)];
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
      resolve({ n, jobs, peakMiB: kb / 1024, seconds: (performance.now() - t) / 1000, exit: code });
    });
  });
}

const RSS_TARGET_MIB = 150;

async function million() {
  const n = Number(process.env.BENCH_MILLION ?? 1_000_000);
  const m = machine();
  console.log(`machine: ${m.cpu}, ${m.cores} cores, node ${m.node}, load average ${m.load}`);
  const results = [];
  for (const jobs of [1, 2]) {
    const r = await peakRss(n, jobs);
    results.push(r);
    console.log(`${fmt(n).padStart(9)} profiles piped in, --jobs ${r.jobs}: peak RSS ${r.peakMiB.toFixed(1)} MiB, ${r.seconds.toFixed(0)} s (${fmt(n / r.seconds)}/s), exit ${r.exit}`);
  }
  for (const r of results) console.log(`${verdict(r.peakMiB <= RSS_TARGET_MIB)} peak RSS <= ${RSS_TARGET_MIB} MiB for ${fmt(n)} profiles with --jobs ${r.jobs}: ${r.peakMiB.toFixed(1)} MiB`);
  console.log(`load average at the end: ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
  writeFileSync(`${out}/million.json`, `${JSON.stringify({ machine: m, results }, null, 2)}\n`);
}

const verdict = (ok) => (ok ? 'met   ' : 'MISSED');

async function main() {
  const m = machine();
  const file = `${out}/profiles.ndjson`;
  const n = generate(file, COUNT, 20161102);
  // The same profiles in two halves, for two processes at once: what two cores give this machine.
  const lines = readFileSync(file, 'utf8').split('\n').filter(Boolean);
  const halves = [`${out}/first-half.ndjson`, `${out}/second-half.ndjson`];
  writeFileSync(halves[0], `${lines.slice(0, lines.length >> 1).join('\n')}\n`);
  writeFileSync(halves[1], `${lines.slice(lines.length >> 1).join('\n')}\n`);
  console.log(`machine: ${m.cpu}, ${m.cores} cores, node ${m.node}, load average ${m.load}`);
  console.log(`data: ${fmt(n)} generated profiles in bench/out/profiles.ndjson (seed 20161102; ~10% sparse, ~1% invalid)`);
  console.log(`each figure: the fastest of ${RUNS} runs; batch is the built CLI, wall time including start-up, output to /dev/null\n`);

  const batchArgs = (jobs, ...more) => [bin, 'batch', file, '--as-of', AS_OF, '--jobs', String(jobs), ...more];
  // In rounds, each figure once per round: the machine's speed drifts over minutes (other
  // machines share its host), and a ratio of figures taken minutes apart measures the drift.
  const rounds = { run1: [], run2: [], pair: [], full: [], bare: [], jre: [] };
  const halfArgs = (f) => [bin, 'batch', f, '--as-of', AS_OF, '--jobs', '1'];
  for (let i = 0; i < RUNS; i++) {
    rounds.run1.push(run(batchArgs(1)));
    rounds.run2.push(run(batchArgs(2)));
    rounds.pair.push(await runTogether(halfArgs(halves[0]), halfArgs(halves[1])));
    rounds.full.push(run(batchArgs(1, '--full')));
    rounds.bare.push(await bareParse(file));
    rounds.jre.push(await rulesEngine(file));
  }
  const run1 = fastest(rounds.run1);
  const run2 = fastest(rounds.run2);
  const runFull = fastest(rounds.full);
  const pair = rounds.pair.reduce((a, b) => (b.ms < a.ms ? b : a));
  const { bare, jre } = rounds;
  const s = startup(15);

  const jobs1 = rate(n, run1.ms);
  const jobs2 = rate(n, run2.ms);
  const full1 = rate(n, runFull.ms);
  const parseRate = Math.max(...bare.map((b) => rate(b.n, b.ms)));
  const jreRate = Math.max(...jre.map((j) => rate(j.n, j.ms)));
  const rows = [
    ['policy-calc batch --jobs 1 (the lean line)', jobs1, run1],
    ['policy-calc batch --jobs 2', jobs2, run2],
    ['two processes at once, --jobs 1 on each half of the file (this machine\'s ceiling for two cores)', rate(n, pair.ms)],
    ['policy-calc batch --jobs 1 --full (the whole result per line)', full1, runFull],
    ['bare: read the NDJSON + JSON.parse each line', parseRate],
    [`json-rules-engine, top-level conditions of the ${jre[0].policies} policies (read + JSON.parse + facts + run)`, jreRate],
  ];
  for (const [label, r, x] of rows) {
    const extra = x?.cpuMs ? `  [CPU ${(x.cpuMs / 1000).toFixed(1)} s, peak RSS ${x.rssMiB.toFixed(1)} MiB]` : '';
    console.log(`${fmt(r).padStart(9)} profiles/s  ${label}${extra}`);
  }
  const node = s['node -e 0'];
  const ratios = {
    batchVsParse: jobs1 / parseRate,
    batchVsJre: jobs1 / jreRate,
    jobs2VsJobs1: jobs2 / jobs1,
    pairVsJobs1: rate(n, pair.ms) / jobs1,
    jobs2VsPair: jobs2 / rate(n, pair.ms),
    // What 2 jobs would give on two otherwise idle cores: the CPU time of 1 job over half that of 2.
    jobs2VsJobs1ByCpu: run1.cpuMs && run2.cpuMs ? (2 * run1.cpuMs) / run2.cpuMs : undefined,
    fullVsLean: full1 / jobs1,
    checkVsNode: s.check / node,
    reportVsNode: s.report / node,
    rulesListVsNode: s['rules list'] / node,
  };
  console.log(`\nratios: --jobs 1 / JSON.parse ${ratios.batchVsParse.toFixed(3)}; --jobs 1 / json-rules-engine ${ratios.batchVsJre.toFixed(2)}x; --jobs 2 / --jobs 1 ${ratios.jobs2VsJobs1.toFixed(2)}x` +
    `${ratios.jobs2VsJobs1ByCpu ? ` (from CPU time, on two idle cores: ${ratios.jobs2VsJobs1ByCpu.toFixed(2)}x)` : ''}; --full / lean ${ratios.fullVsLean.toFixed(2)}x` +
    `\n        two processes / --jobs 1 ${ratios.pairVsJobs1.toFixed(2)}x (the ceiling); --jobs 2 / two processes ${ratios.jobs2VsPair.toFixed(2)}x`);
  console.log(`start-up, median of 15 interleaved runs: ${Object.entries(s).map(([k, t]) => `${k} ${t.toFixed(0)} ms`).join(', ')}`);
  console.log('\ntargets:');
  console.log(`  ${verdict(ratios.batchVsParse >= 0.4)} batch --jobs 1 >= 0.40x bare JSON.parse: ${ratios.batchVsParse.toFixed(3)}x`);
  console.log(`  ${verdict(ratios.batchVsJre >= 10)} batch --jobs 1 >= 10x json-rules-engine: ${ratios.batchVsJre.toFixed(2)}x`);
  console.log(`  ${verdict(ratios.jobs2VsJobs1 >= 1.5)} --jobs 2 >= 1.5x --jobs 1: ${ratios.jobs2VsJobs1.toFixed(2)}x wall`);
  for (const [jobs, r] of [[1, run1], [2, run2]]) {
    if (r.rssMiB) console.log(`  ${verdict(r.rssMiB <= RSS_TARGET_MIB)} peak RSS <= ${RSS_TARGET_MIB} MiB, --jobs ${jobs}: ${r.rssMiB.toFixed(1)} MiB for these ${fmt(n)} profiles (1,000,000: node bench/run.mjs --million)`);
  }
  console.log(`  ${verdict(ratios.checkVsNode <= 1.5)} check <= 1.5x node -e 0: ${ratios.checkVsNode.toFixed(2)}x`);
  console.log(`  ${verdict(ratios.reportVsNode <= 2)} report <= 2.0x node -e 0: ${ratios.reportVsNode.toFixed(2)}x`);
  console.log(`  ${verdict(ratios.rulesListVsNode <= 2)} rules list <= 2.0x node -e 0: ${ratios.rulesListVsNode.toFixed(2)}x`);
  console.log(`\nload average at the end: ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
  const batchRuns = { jobs1: run1, jobs2: run2, twoProcesses: pair, full: runFull };
  writeFileSync(`${out}/results.json`, `${JSON.stringify({ machine: m, profiles: n, runs: RUNS, rates: Object.fromEntries(rows.map(([l, r]) => [l, r])), batchRuns, startup: s, ratios, loadAtEnd: loadavg() }, null, 2)}\n`);
}

if (process.argv.includes('--million')) await million();
else await main();
